import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// The durable log of a batch: fixed-width groups of records (one group per replication: every
/// variant's record), appended in replication order. It is the truth a batch is resumed and
/// merged from; the CSV files are computed from it.
///
/// Groups are written with plain `write(2)` as they complete: data in the page cache survives
/// the process being killed (even SIGKILL), and `sync()` makes it durable against a machine crash
/// at checkpoints. After a crash the log is truncated to its whole groups.
/// `@unchecked Sendable`: during a run only the batch runner's ordered writer appends to it, under its lock.
public final class RecordLog: @unchecked Sendable {
    public let path: String
    /// Doubles per group.
    public let groupWidth: Int
    private var descriptor: Int32
    public private(set) var groupCount: Int

    /// Opens (creating if needed) the log at `path`, dropping any torn group at its end.
    public init(path: String, groupWidth: Int) throws(FileWriteError) {
        self.path = path
        self.groupWidth = groupWidth
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot open the record log") }
        let size = lseek(descriptor, 0, SEEK_END)
        let groupBytes = groupWidth * MemoryLayout<Double>.size
        groupCount = Int(size) / groupBytes
        if Int(size) != groupCount * groupBytes {
            guard ftruncate(descriptor, off_t(groupCount * groupBytes)) == 0 else {
                throw Self.failure(path, "cannot drop a torn record")
            }
        }
        lseek(descriptor, off_t(groupCount * groupBytes), SEEK_SET)
    }

    deinit {
        close(descriptor)
    }

    /// Appends groups laid end to end in `values` (a multiple of `groupWidth` doubles).
    public func append(_ values: [Double]) throws(FileWriteError) {
        precondition(values.count % groupWidth == 0, "a record log takes whole groups")
        let failed: Bool = values.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed { throw Self.failure(path, "cannot append to the record log") }
        groupCount += values.count / groupWidth
    }

    /// Flushes the log to disk.
    public func sync() {
        _ = fsync(descriptor)
    }

    /// Reads `count` groups starting at group `first`.
    public func read(groups first: Int, count: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count * groupWidth)
        let byteCount = values.count * MemoryLayout<Double>.size
        let offset = off_t(first * groupWidth * MemoryLayout<Double>.size)
        let done = values.withUnsafeMutableBytes { raw -> Int in
            var done = 0
            while done < byteCount {
                let got = pread(descriptor, raw.baseAddress! + done, byteCount - done, offset + off_t(done))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                done += got
            }
            return done
        }
        precondition(done == byteCount, "the record log \(path) is shorter than its group count")
        return values
    }

    static func failure(_ path: String, _ what: String) -> FileWriteError {
        FileWriteError(path: path, message: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
