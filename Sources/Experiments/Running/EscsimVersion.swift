import DiscreteEvent
import EscalationModel
import Stochastic

/// The version written into every manifest.
public enum EscsimVersion {
    public static let current = "0.1.0"
}
