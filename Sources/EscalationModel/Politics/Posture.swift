/// A patron's stance toward its client's offensive (Turkey toward the SNA).
public enum Posture: String, Sendable, Hashable, CaseIterable {
    /// Holds the client back: its assaults slow down; the patron's own forces stay out.
    case restrain
    /// Lets the client fight; the patron's own forces stay out.
    case tolerate
    /// Backs the client: its assaults speed up, and the patron's own aircraft and troops join in.
    case back
}
