import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a batch will need of the disk, known before it starts: the record log holds every
/// replication's records (outcomes, parameter draws and the day-by-day timeline), and writing
/// the files needs as much again for a scratch copy turned on its side. Wide records (many
/// actors over a long horizon) make both large, so a run that cannot fit is refused up front
/// instead of filling the disk hours later; memory stays flat whatever the width (the writers
/// read the log in blocks of at most 8 MiB).
package struct StorageEstimate: Sendable, Equatable {
    /// Bytes of one replication in the record log (every variant, with its checksum word).
    package let bytesPerReplication: Int
    package let replications: Int
    /// Bytes of `replications.csv` and the other files, roughly (20 bytes a field).
    package let filesBytes: Int

    package init(experiment: Experiment, replications: Int) {
        let layout = experiment.layout
        bytesPerReplication = (layout.width * experiment.variantCount + 1) * MemoryLayout<Double>.size
        self.replications = replications
        filesBytes =
            replications * experiment.variantCount
            * (layout.outcomes.count + layout.parameters.count + 5) * 20
    }

    package var logBytes: Int { bytesPerReplication * replications }
    /// At the peak, while the files are written: the log, its scratch copy and the files.
    package var peakBytes: Int { 2 * logBytes + filesBytes }

    /// Throws when the filesystem of `directory` (or of its nearest existing parent) has less
    /// free space than the batch still needs. `alreadyWritten` replications are in the log already.
    package func checkFreeSpace(near directory: String, alreadyWritten: Int = 0) throws(BatchFolderError) {
        let need = peakBytes - bytesPerReplication * alreadyWritten
        guard let free = Self.freeBytes(near: directory), need > free else { return }
        throw BatchFolderError(
            "this batch needs about \(Self.text(need)) of disk in \(directory) (a record log of "
                + "\(Self.text(logBytes)) for \(replications) replications of "
                + "\(Self.text(bytesPerReplication)) each, as much again while the files are written), "
                + "and its filesystem has \(Self.text(free)) free: free space, choose another --out, "
                + "or run fewer replications or a shorter horizon")
    }

    /// Free bytes for an unprivileged user on the filesystem holding `path` or its nearest
    /// existing parent; nil if none can be examined.
    static func freeBytes(near path: String) -> Int? {
        var candidate = path.isEmpty ? "." : path
        while true {
            var info = statvfs()
            if statvfs(candidate, &info) == 0 {
                let free = Double(info.f_bavail) * Double(info.f_frsize)
                return free >= Double(Int.max) ? Int.max : Int(free)
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty {
                // A relative path none of whose parents exist: they would be made in ".".
                guard candidate != ".", !candidate.hasPrefix("/") else { return nil }
                candidate = "."
            } else {
                candidate = parent
            }
        }
    }

    /// Bytes as "3.2 GB", "640 kB", "12 bytes" (decimal units).
    package static func text(_ bytes: Int) -> String {
        let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        for (size, unit) in units where Double(bytes) >= size {
            return String(format: "%.1f ", Double(bytes) / size) + unit
        }
        return "\(bytes) bytes"
    }
}
