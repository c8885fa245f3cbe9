/// One region of the map: a node of the front-line graph.
public struct RegionSpec: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Index of the actor holding the region at the start.
    public var controller: Int
    /// Residents at the start.
    public var population: Double
    /// Weight of the region in territory shares, target choice and morale shocks.
    public var strategicValue: Double
    /// Fighters of the controller holding the region at the start.
    public var garrison: Double
    /// Multiplier on the defenders' effective strength (1 = open ground).
    public var fortification: Double
    /// Indices of adjacent regions; the graph is undirected.
    public var neighbours: [Int]
    /// A named city whose fall and its day are outcomes of their own.
    public var isKeyCity: Bool
    /// A patron with troops stationed here (Turkish observation posts), who may be hit.
    public var stationedPatron: Int?
    /// A supply base of the camp holding it: ground cut off from every base of its camp is besieged.
    public var isSupplyBase: Bool = false
    /// Where a besieged garrison goes when it accepts an evacuation deal (nil: the nearest region
    /// its camp holds).
    public var evacuateTo: Int?

    public init(
        id: String, name: String, controller: Int, population: Double, strategicValue: Double = 1,
        garrison: Double, fortification: Double = 1, neighbours: [Int] = [], isKeyCity: Bool = false,
        stationedPatron: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.controller = controller
        self.population = population
        self.strategicValue = strategicValue
        self.garrison = garrison
        self.fortification = fortification
        self.neighbours = neighbours
        self.isKeyCity = isKeyCity
        self.stationedPatron = stationedPatron
    }
}
