import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// A file written in pieces and published whole: it is built under a temporary name next to
/// its target and renamed over it by `commit()`, so readers see the old file or the complete
/// new one, never a torn one. `discard()` (or dropping it uncommitted) leaves nothing behind.
///
/// The temporary (`.NAME.staged-PID-RANDOM`) is created exclusively and never through a link,
/// so a link planted in a shared folder cannot redirect the write; a kill leaves it behind, and
/// the next run in that folder removes it (`BatchFolder`).
public final class StagedFile {
    public let path: String
    private var temporaryPath = ""
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []
    private var hasher = SHA256.Hasher()
    private static let bufferLimit = 1 << 20

    public init(path: String) throws(FileWriteError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        for _ in 0..<16 {
            let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
            temporaryPath = (directory.isEmpty ? "." : directory) + "/.\(name).staged-\(getpid())-\(suffix)"
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        buffer.reserveCapacity(Self.bufferLimit)
    }

    /// The SHA-256 of everything appended (after `commit()`: of the file published).
    public var sha256: String {
        hasher.finalizeHex()
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func append(_ text: String) throws(FileWriteError) {
        hasher.update(text.utf8)
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferLimit { try flush() }
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(FileWriteError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw failure() }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else {
            let error = failure()
            unlink(temporaryPath)
            throw error
        }
    }

    /// Abandons the file: nothing is published.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    private func flush() throws(FileWriteError) {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure() -> FileWriteError {
        FileWriteError(path: path, message: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
