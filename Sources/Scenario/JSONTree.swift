/// A JSON value that keeps the order of object keys and the spelling of numbers, so that a file
/// read and written again is the same bytes: what `escsim schema --write` needs to renew the parts
/// of `Scenarios/schema.json` the catalogue describes and leave the rest as it was written.
///
/// Printed as Python's `json.dumps(indent=2)` prints (two spaces, `": "`, non-ASCII escaped),
/// the form the schema has always had.
indirect enum JSONTree: Equatable {
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    /// A number as written (`1000000000.0` stays so).
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        lhs.printed() == rhs.printed()
    }

    /// A number as the catalogue gives it: whole numbers without a decimal point.
    static func number(_ value: Double) -> JSONTree {
        .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")
    }

    subscript(key: String) -> JSONTree? {
        get {
            guard case .object(let pairs) = self else { return nil }
            return pairs.first { $0.key == key }?.value
        }
        set {
            guard case .object(var pairs) = self else { return }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
            self = .object(pairs)
        }
    }

    // MARK: - Printing

    func printed(indent: Int = 0) -> String {
        let inner = String(repeating: " ", count: indent + 2)
        let outer = String(repeating: " ", count: indent)
        switch self {
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            let lines = pairs.map { inner + Self.quoted($0.key) + ": " + $0.value.printed(indent: indent + 2) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + outer + "}"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let lines = items.map { inner + $0.printed(indent: indent + 2) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + outer + "]"
        case .string(let text): return Self.quoted(text)
        case .number(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result + "\""
    }

    // MARK: - Reading

    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "not valid JSON at byte \(offset)" }
    }

    /// Reads a JSON text (the subset the schema uses: no duplicate handling, UTF-8).
    init(parsing text: String) throws {
        var reader = Reader(bytes: Array(text.utf8))
        self = try reader.value()
        reader.skipSpace()
        guard reader.position == reader.bytes.count else { throw ParseError(offset: reader.position) }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { throw ParseError(offset: position) }
            position += 1
        }

        mutating func peek() -> UInt8? {
            skipSpace()
            return position < bytes.count ? bytes[position] : nil
        }

        mutating func value() throws -> JSONTree {
            switch peek() {
            case UInt8(ascii: "{"):
                position += 1
                var pairs: [(key: String, value: JSONTree)] = []
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    return .object(pairs)
                }
                repeat {
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    pairs.append((key, try value()))
                } while try separator(closing: UInt8(ascii: "}"))
                return .object(pairs)
            case UInt8(ascii: "["):
                position += 1
                var items: [JSONTree] = []
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                repeat { items.append(try value()) } while try separator(closing: UInt8(ascii: "]"))
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try word("true", .bool(true))
            case UInt8(ascii: "f"): return try word("false", .bool(false))
            case UInt8(ascii: "n"): return try word("null", .null)
            default:
                let start = position
                while position < bytes.count, "+-.0123456789eE".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw ParseError(offset: position) }
                return .number(String(decoding: bytes[start..<position], as: UTF8.self))
            }
        }

        /// After an item: true at a comma, false at the closing bracket.
        mutating func separator(closing: UInt8) throws -> Bool {
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
                return true
            case closing:
                position += 1
                return false
            default: throw ParseError(offset: position)
            }
        }

        mutating func word(_ text: String, _ result: JSONTree) throws -> JSONTree {
            let end = position + text.utf8.count
            guard end <= bytes.count, Array(bytes[position..<end]) == Array(text.utf8) else {
                throw ParseError(offset: position)
            }
            position = end
            return result
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var units: [UInt16] = []
            var plain: [UInt8] = []
            func flush() {
                units += String(decoding: plain, as: UTF8.self).utf16
                plain.removeAll()
            }
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(decoding: units, as: UTF16.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { throw ParseError(offset: position) }
                    flush()
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "n"): units.append(0x0A)
                    case UInt8(ascii: "r"): units.append(0x0D)
                    case UInt8(ascii: "t"): units.append(0x09)
                    case UInt8(ascii: "b"): units.append(0x08)
                    case UInt8(ascii: "f"): units.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard position + 4 <= bytes.count,
                            let unit = UInt16(
                                String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
                        else { throw ParseError(offset: position) }
                        units.append(unit)
                        position += 4
                    default: units.append(UInt16(escape))
                    }
                default:
                    plain.append(byte)
                }
            }
            throw ParseError(offset: position)
        }
    }
}
