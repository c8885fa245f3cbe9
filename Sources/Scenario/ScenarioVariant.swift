/// A named what-if in the scenario's `variants:` section.
public struct ScenarioVariant: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The dotted paths it sets, in file order.
    public var paths: [String]
}
