import DiscreteEvent
import EscalationModel
import Stochastic

/// The version written into every manifest.
public enum EscsimVersion {
    /// 0.2.0: record logs carry a checksum per replication, plans hold typed sweep values, output
    /// folders keep a ledger (.escsim/files.json); 0.1.0's unfinished batches cannot be resumed.
    public static let current = "0.2.0"
}
