import DiscreteEvent
import EscalationModel
import Stochastic
import Synchronization

/// A request to stop starting replications (Ctrl-C, SIGTERM, --fail-fast). Replications already
/// running finish and are kept.
public final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func request() {
        flag.store(true, ordering: .relaxed)
    }

    public var isRequested: Bool {
        flag.load(ordering: .relaxed)
    }
}
