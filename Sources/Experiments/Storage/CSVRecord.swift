/// A row type of a CSV file that is also its JSON: the file's header names the JSON keys and
/// its fields give the values, so `escsim run --json` holds exactly what the file holds, column
/// for column (a number the file leaves empty is null).
public protocol CSVRecord: Encodable {
    static var header: [String] { get }
    var fields: [CSVField] { get }
}

extension CSVRecord {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ColumnKey.self)
        for (name, field) in zip(Self.header, fields) {
            let key = ColumnKey(name)
            switch field {
            case .text(let value): try container.encode(value, forKey: key)
            case .integer(let value): try container.encode(value, forKey: key)
            case .bool(let value): try container.encode(value, forKey: key)
            case .number(let value) where value.isFinite: try container.encode(value, forKey: key)
            case .number, .missing: try container.encodeNil(forKey: key)
            }
        }
    }
}

/// A column name as a coding key.
struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
