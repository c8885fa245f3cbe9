import EscalationModel
import Foundation

/// Replication workspaces for a simulator that threads call at once: each call borrows one,
/// runs in it and gives it back, so a calibration allocates a workspace per thread rather than
/// the model's state per simulation.
///
/// A workspace changes only what is allocated, never a result (`ReplicationWorkspace`), so which
/// one a call gets does not matter.
final class WorkspacePool: @unchecked Sendable {
    // Unchecked: `idle` is read and written only under `lock`, and a workspace is used by the
    // one call that has taken it out.
    private let lock = NSLock()
    private var idle: [ReplicationWorkspace] = []

    /// Runs `body` with a workspace no other call is using.
    func withWorkspace<Result>(_ body: (ReplicationWorkspace) throws -> Result) rethrows -> Result {
        let workspace = lock.withLock { idle.popLast() } ?? ReplicationWorkspace()
        defer { lock.withLock { idle.append(workspace) } }
        return try body(workspace)
    }
}
