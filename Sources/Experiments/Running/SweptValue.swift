/// One swept parameter's value at one point of a design: a dotted path and a number, kept as a
/// number from the design to the records (no text in between).
public struct SweptValue: Codable, Sendable, Hashable {
    public var path: String
    public var value: Double

    public init(path: String, value: Double) {
        self.path = path
        self.value = value
    }

    /// As a `--set` style setting for the scenario layer, in the shortest text that reads back
    /// as the same number.
    public var setting: String {
        "\(path)=\(NumberFormat.csv(value))"
    }
}
