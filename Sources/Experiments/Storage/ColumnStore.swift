import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// The record logs turned on their side: a scratch file holding, for each variant, each record
/// field as one contiguous column, so a column of a 100,000-replication batch is one read of
/// 800 kB. Built in blocks of at most 8 MiB, so memory stays flat whatever the count and the
/// width of a record; removed when dropped. It lives in the folder's `.escsim/` work folder,
/// created exclusively and never through a link; a kill leaves it there for the next run to remove.
final class ColumnStore {
    let count: Int
    let width: Int
    let variants: Int
    private let path: String
    private let descriptor: Int32

    static let scratchPrefix = "columns-"

    /// Transposes `logs` (each a run of consecutive replications, in order) into a scratch file
    /// in `workDirectory`.
    init(logs: [RecordLog], width: Int, variants: Int, workDirectory: String) throws(FileWriteError) {
        self.width = width
        self.variants = variants
        count = logs.reduce(0) { $0 + $1.groupCount }
        var path = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
            path = workDirectory + "/\(Self.scratchPrefix)\(getpid())-\(suffix).tmp"
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw RecordLog.failure(path, "cannot create the scratch file") }
        self.path = path
        self.descriptor = descriptor
        let block = logs.first?.readBlock ?? 1
        var start = 0
        var column = [Double](repeating: 0, count: block)
        for log in logs {
            var group = 0
            while group < log.groupCount {
                let take = min(block, log.groupCount - group)
                let values = log.read(groups: group, count: take)
                for variant in 0..<variants {
                    for field in 0..<width {
                        for row in 0..<take {
                            column[row] = values[row * width * variants + variant * width + field]
                        }
                        let offset = off_t(((variant * width + field) * count + start) * MemoryLayout<Double>.size)
                        let bytes = take * MemoryLayout<Double>.size
                        let written = column.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, bytes, offset) }
                        guard written == bytes else { throw RecordLog.failure(path, "cannot write the scratch file") }
                    }
                }
                group += take
                start += take
            }
        }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Field `field` of every record of `variant`, in replication order.
    func column(variant: Int, field: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        let bytes = count * MemoryLayout<Double>.size
        let offset = off_t((variant * width + field) * count * MemoryLayout<Double>.size)
        _ = values.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, bytes, offset) }
        return values
    }

    /// Which records of `variant` succeeded (status 0): failures never enter statistics.
    func okMask(variant: Int) -> [Bool] {
        column(variant: variant, field: RecordLayout.HeaderField.status.rawValue)
            .map { $0 == Double(RecordLayout.Status.ok.rawValue) }
    }

    /// Field `field` of `variant`, NaN wherever the record failed.
    func okColumn(variant: Int, field: Int, mask: [Bool]) -> [Double] {
        var values = column(variant: variant, field: field)
        for index in values.indices where !mask[index] { values[index] = .nan }
        return values
    }

    /// The values of field `field` of `variant` that are present (record succeeded, not NaN),
    /// compacted in place in one array.
    func presentValues(variant: Int, field: Int, mask: [Bool]) -> [Double] {
        var values = column(variant: variant, field: field)
        var kept = 0
        for index in values.indices where mask[index] && !values[index].isNaN {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
        return values
    }
}
