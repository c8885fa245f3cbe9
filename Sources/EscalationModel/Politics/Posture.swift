/// A patron's stance toward its client's offensive (Turkey toward the SNA).
public enum Posture: String, Sendable, Hashable, CaseIterable {
    /// Holds the client back: its assaults slow down; the patron's own forces stay out.
    case restrain
    /// Lets the client fight; the patron's own forces stay out.
    case tolerate
    /// Answers hits on its own troops with its own aircraft: the patron's air arm strikes the enemy
    /// camp (at its sortie rate x commitment) while its ground troops stay out and the client's
    /// assaults go on as under `tolerate`. Held for at least `patron_rule.retaliation_days`.
    case retaliate
    /// Backs the client: its assaults speed up, and the patron's own aircraft and troops join in.
    case back
}
