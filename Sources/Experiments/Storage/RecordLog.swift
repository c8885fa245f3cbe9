import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

#if canImport(Glibc)
    // A release build (whole module) may find `struct stat` through Foundation's CoreFoundation
    // headers first and then, with MemberImportVisibility, require that module for `st_mode`.
    import CoreFoundation
    import Glibc
#endif

/// The durable log of a batch: fixed-width groups of records (one group per replication: every
/// variant's record), appended in replication order. It is the truth a batch is resumed and
/// merged from; the CSV files are computed from it.
///
/// Each group is stored with one more 8-byte word, a checksum of its bits and its position in
/// the log, so a flipped byte, a group copied from elsewhere or a tampered file is found by
/// `verify()` rather than silently changing the files computed from it.
///
/// Groups are written with plain `write(2)` as they complete: data in the page cache survives
/// the process being killed (even SIGKILL), and `sync()` makes it durable against a machine crash
/// at checkpoints. After a crash the log is truncated to its whole groups.
/// `@unchecked Sendable`: during a run only the batch runner's ordered writer appends to it, under its lock.
public final class RecordLog: @unchecked Sendable {
    public let path: String
    /// Doubles per group, without its checksum.
    public let groupWidth: Int
    private var descriptor: Int32
    public private(set) var groupCount: Int
    /// The bytes of the last append (groups and checksums), kept so that appending groups of
    /// the same size allocates nothing after the first.
    private var outgoing: [Double] = []

    /// Words per group on disk: the payload and its checksum.
    private var stride: Int { groupWidth + 1 }

    /// Opens (creating if needed) the log at `path`, dropping any torn group at its end.
    public init(path: String, groupWidth: Int, create: Bool = true) throws(FileWriteError) {
        self.path = path
        self.groupWidth = groupWidth
        // Never through a link: a link planted at the log's name would make escsim write elsewhere.
        descriptor = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot open the record log") }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw FileWriteError(path: path, message: "the record log \(path) is not a regular file")
        }
        let size = Int(info.st_size)
        let groupBytes = (groupWidth + 1) * MemoryLayout<Double>.size
        groupCount = size / groupBytes
        if size != groupCount * groupBytes {
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
        let groups = values.count / groupWidth
        var stored: [Double] = []
        swap(&stored, &outgoing)
        defer { swap(&stored, &outgoing) }
        stored.removeAll(keepingCapacity: true)
        stored.reserveCapacity(groups * stride)
        for group in 0..<groups {
            let payload = values[(group * groupWidth)..<((group + 1) * groupWidth)]
            stored.append(contentsOf: payload)
            stored.append(Double(bitPattern: Self.checksum(payload, position: groupCount + group)))
        }
        let failed: Bool = stored.withUnsafeBytes { raw in
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
        groupCount += groups
    }

    /// Flushes the log to disk.
    public func sync() {
        _ = fsync(descriptor)
    }

    /// Groups read at once by `verify` and by the writers of the output files: at most 8 MiB,
    /// so memory stays flat however wide a group is (64 actors over 10,000 days make 5 MB groups).
    public var readBlock: Int {
        max(1, min(512, (8 << 20) / (stride * MemoryLayout<Double>.size)))
    }

    /// Reads `count` groups starting at group `first` (payloads only, end to end).
    public func read(groups first: Int, count: Int) -> [Double] {
        let raw = readStored(groups: first, count: count)
        var values = [Double]()
        values.reserveCapacity(count * groupWidth)
        for group in 0..<count {
            values.append(contentsOf: raw[(group * stride)..<(group * stride + groupWidth)])
        }
        return values
    }

    /// Reads the whole log once, in blocks of `readBlock` groups, checking each group's checksum
    /// (its bits and its position), and hands each intact block to `body` as (index of its first
    /// group, groups in it, payloads end to end); `body` returns false to stop early. Returns the
    /// first group whose checksum fails (the blocks before it were handed over), or nil.
    public func scan<Failure: Error>(
        _ body: (_ first: Int, _ count: Int, _ values: [Double]) throws(Failure) -> Bool
    ) throws(Failure) -> Int? {
        var group = 0
        while group < groupCount {
            let take = min(readBlock, groupCount - group)
            let raw = readStored(groups: group, count: take)
            var values = [Double]()
            values.reserveCapacity(take * groupWidth)
            for index in 0..<take {
                let payload = raw[(index * stride)..<(index * stride + groupWidth)]
                if raw[index * stride + groupWidth].bitPattern != Self.checksum(payload, position: group + index) {
                    return group + index
                }
                values.append(contentsOf: payload)
            }
            guard try body(group, take, values) else { return nil }
            group += take
        }
        return nil
    }

    private func readStored(groups first: Int, count: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count * stride)
        let byteCount = values.count * MemoryLayout<Double>.size
        let offset = off_t(first * stride * MemoryLayout<Double>.size)
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

    /// A 64-bit checksum of a group's bits and its position in the log (a multiply-xorshift mix
    /// per word, after Stafford's Mix13 finaliser): not cryptographic, but any changed bit, and any
    /// group moved to another position, changes it.
    static func checksum(_ payload: ArraySlice<Double>, position: Int) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ (UInt64(truncatingIfNeeded: position) &* 0x9E37_79B9_7F4A_7C15)
        for value in payload {
            var word = value.bitPattern ^ hash
            word = (word ^ (word >> 30)) &* 0xBF58_476D_1CE4_E5B9
            word = (word ^ (word >> 27)) &* 0x94D0_49BB_1331_11EB
            hash = (word ^ (word >> 31)) &+ (hash << 7 | hash >> 57)
        }
        return hash
    }

    static func failure(_ path: String, _ what: String) -> FileWriteError {
        FileWriteError(path: path, message: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
