/// One camp of the war, by its place in `ModelParameters.camps`: actors who fight together and
/// hold ground together. Patrons usually belong to their client's camp; one in another camp (the
/// regime towards the SDF in 2019) acts for its client only while the two camps are allied.
public struct Camp: Sendable, Hashable, Comparable {
    public let index: Int

    public init(_ index: Int) {
        self.index = index
    }

    /// The first of the two camps a scenario without a `camps` section has.
    public static let opposition = Camp(0)
    /// The second of the two camps a scenario without a `camps` section has.
    public static let loyalist = Camp(1)

    public static func < (lhs: Camp, rhs: Camp) -> Bool {
        lhs.index < rhs.index
    }
}
