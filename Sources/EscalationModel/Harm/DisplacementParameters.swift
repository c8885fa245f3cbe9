/// Who leaves home, and who comes back.
///
/// At each day's end a share of the residents still at home leaves each region that is under
/// assault (`flightUnderAssault`), was taken within the last `captureWindowDays`
/// (`flightAfterCapture`), or borders a region that is under assault or was just taken
/// (`flightNearFighting`); a region meeting several conditions loses
/// `1 - (1 - a)(1 - b)(1 - c)`. People displaced from a region with no fighting and no change of
/// hands for `returnAfterDays` go home at `returnRate` a day. The defaults (0) move no one at the
/// day's end (airstrikes still displace people, `air_campaign.civilians_displaced_per_strike`).
public struct DisplacementParameters: Sendable, Hashable {
    /// Daily share of residents who leave a region under assault.
    public var flightUnderAssault: Double
    /// Daily share of residents who leave a region taken within `captureWindowDays`.
    public var flightAfterCapture: Double
    /// Daily share of residents who leave a region next to one under assault or just taken.
    public var flightNearFighting: Double
    /// Days after a change of hands during which `flightAfterCapture` applies.
    public var captureWindowDays: Double
    /// Daily share of the displaced who go home once their region is calm.
    public var returnRate: Double
    /// Days without fighting or change of hands in a region before its displaced start going home.
    public var returnAfterDays: Double

    public init(
        flightUnderAssault: Double = 0, flightAfterCapture: Double = 0, flightNearFighting: Double = 0,
        captureWindowDays: Double = 3, returnRate: Double = 0, returnAfterDays: Double = 14
    ) {
        self.flightUnderAssault = flightUnderAssault
        self.flightAfterCapture = flightAfterCapture
        self.flightNearFighting = flightNearFighting
        self.captureWindowDays = captureWindowDays
        self.returnRate = returnRate
        self.returnAfterDays = returnAfterDays
    }
}
