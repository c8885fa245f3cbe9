import Foundation

#if canImport(Glibc)
    // A release build (whole module) may find `struct stat` through Foundation's CoreFoundation
    // headers first and then, with MemberImportVisibility, require that module for `st_mode`.
    import CoreFoundation
    import Glibc
#endif

/// An output folder held by this process for as long as it lives: an exclusive `flock(2)` on the
/// folder itself, so two runs (or a run and a merge) never write one folder at once, and a lock a
/// killed process held is released by the kernel. The folder's `.escsim/` work folder holds the
/// batch's plan and record log while it runs and, for good, the ledger of the files escsim wrote,
/// the only files a later run removes.
package final class BatchFolder: @unchecked Sendable {
    package static let workFolder = ".escsim"
    package static let planFile = "plan.json"
    package static let logFile = "records.bin"

    package let path: String
    private let descriptor: Int32

    package var workDirectory: String { path + "/" + Self.workFolder }
    package var planPath: String { workDirectory + "/" + Self.planFile }
    package var logPath: String { workDirectory + "/" + Self.logFile }
    var ledgerPath: String { workDirectory + "/" + FileLedger.fileName }

    package enum Access {
        /// Writing: one process at a time.
        case exclusive
        /// Reading (a shard merged, a folder reported): any number of readers, no writer.
        case shared
    }

    /// Locks the folder at `path`, creating it (and its parents) first when `create` is set.
    package init(_ path: String, access: Access = .exclusive, create: Bool = false) throws(BatchFolderError) {
        guard !path.isEmpty else {
            throw BatchFolderError("the output folder is an empty path; give a folder with --out")
        }
        if create {
            do {
                try AtomicFile.createDirectory(path)
            } catch {
                throw BatchFolderError(error.message)
            }
        }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOTDIR ? "it is not a folder" : String(cString: strerror(errno))
            throw BatchFolderError("cannot use \(path) as an output folder: \(reason)")
        }
        let operation = (access == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        while flock(descriptor, operation) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK {
                throw BatchFolderError(
                    "\(path) is in use by another escsim process (a run, merge or report of "
                        + "that folder); wait for it to finish, or choose another folder")
            }
            throw BatchFolderError("cannot lock \(path): \(String(cString: strerror(code)))")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    // MARK: - What the folder holds

    /// The ledger of the files escsim wrote here, if the folder is escsim's.
    func ledger() throws(BatchFolderError) -> FileLedger? {
        try FileLedger.read(from: ledgerPath)
    }

    func writeLedger(_ ledger: FileLedger) throws(BatchFolderError) {
        do {
            try AtomicFile.write(ledger.json(), to: ledgerPath)
        } catch {
            throw BatchFolderError(error.message)
        }
    }

    /// Whether the folder's `.escsim/` is escsim's own (holds its ledger or a plan escsim wrote);
    /// nil when there is none. Throws for anything else at that name.
    func workFolderIsOurs() throws(BatchFolderError) -> Bool? {
        var info = stat()
        guard lstat(workDirectory, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw BatchFolderError(
                "\(workDirectory) exists and is not a folder; escsim keeps a batch's state there: "
                    + "move it away or choose another --out")
        }
        if try ledger() != nil { return true }
        if (try? ExperimentPlan.read(from: planPath)) != nil { return true }
        throw BatchFolderError(
            "\(workDirectory) was not made by escsim (it holds no escsim ledger or plan); escsim "
                + "keeps a batch's state there and will not touch it: move it away or choose another --out")
    }

    /// The folder's entries but `.escsim/` and escsim's own leftover temporaries.
    func userVisibleEntries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0 != Self.workFolder && !Self.isTemporary($0) }.sorted()
    }

    /// The names of escsim's temporaries: `.NAME.tmp-PID-HEX` (AtomicFile) and
    /// `.NAME.staged-PID-HEX` (StagedFile), left behind only by a kill.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        for marker in [".tmp-", ".staged-"] {
            guard let range = name.range(of: marker, options: .backwards) else { continue }
            let parts = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
                !parts[1].isEmpty, parts[1].allSatisfy(\.isHexDigit)
            {
                return true
            }
        }
        return false
    }

    /// Removes temporaries a killed run left in the folder and in `.escsim/` (links are removed
    /// as links, never followed). Only called on a folder escsim owns and holds locked.
    func removeLeftoverTemporaries() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where Self.isTemporary(name) {
            removeIfFileOrLink(path + "/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: workDirectory)) ?? []
        where name.hasPrefix(ColumnStore.scratchPrefix) && name.hasSuffix(".tmp") || Self.isTemporary(name) {
            removeIfFileOrLink(workDirectory + "/" + name)
        }
    }

    private func removeIfFileOrLink(_ file: String) {
        var info = stat()
        guard lstat(file, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFREG || kind == S_IFLNK { unlink(file) }
    }

    /// Whether `path` is a regular file (not followed through a link) of fewer than `limit` bytes.
    static func isRegularFile(_ path: String, smallerThan limit: Int) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size < limit
    }

    // MARK: - Files escsim wrote

    /// Whether `name` in the folder is a regular file whose bytes hash to `sha256`.
    func holds(_ name: String, sha256: String) -> Bool {
        let file = path + "/" + name
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var hasher = SHA256.Hasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return false }
            if got == 0 { break }
            hasher.update(buffer[0..<got])
        }
        return hasher.finalizeHex() == sha256
    }

    /// Makes the folder ready for a new batch (or merge) that writes `outputs` (file names):
    /// checks everything first and changes nothing if any check fails; then removes the old
    /// manifest (so no earlier `complete: true` outlives this point), the other files of the
    /// earlier run (only those the ledger proves escsim wrote, unchanged since), leftover
    /// temporaries, and the state of an earlier batch that can no longer go on; and claims
    /// `outputs` in the ledger.
    ///
    /// - Parameter force: write into a folder escsim does not own, or over files it did not
    ///   write or that changed since; nothing is removed on `force`'s account, files of the same
    ///   names as `outputs` are replaced.
    /// - Parameter replaceable: whether an earlier batch's plan in `.escsim/` may be dropped
    ///   (it is finished for good); called only when a plan is there.
    package func prepareForNewBatch(
        outputs: [String], force: Bool,
        replaceable: (ExperimentPlan) throws(BatchFolderError) -> Void
    ) throws(BatchFolderError) {
        let ours = try workFolderIsOurs()
        if ours == true, FileManager.default.fileExists(atPath: planPath) {
            let plan: ExperimentPlan
            do {
                plan = try ExperimentPlan.read(from: planPath)
            } catch {
                throw BatchFolderError(
                    "\(path) holds a damaged batch plan (\(error)); move the folder aside or choose another --out")
            }
            try replaceable(plan)
        }
        let ledger = try ledger() ?? FileLedger()
        let entries = userVisibleEntries()
        var problems: [String] = []
        var removable: [String] = []
        for entry in ledger.entries where entries.contains(entry.name) {
            if let sha256 = entry.sha256, !holds(entry.name, sha256: sha256) {
                // Under --force it stays, no longer listed: escsim no longer vouches for it.
                problems.append(
                    "\(path)/\(entry.name) changed since escsim wrote it; move it away to keep it, "
                        + "or add --force to leave it in place")
            } else {
                removable.append(entry.name)
            }
        }
        let foreign = entries.filter { ledger.entry(named: $0) == nil }
        if ours == nil, !foreign.isEmpty, foreign.contains(BatchOutput.manifestFile) {
            problems.append(
                "\(path) holds the files of a run of an older escsim, which kept no ledger of what it "
                    + "wrote, or files of your own; escsim will not replace them unasked: choose a new folder, "
                    + "or add --force to write over same-named files (nothing else is touched)")
        } else if ours == nil, !foreign.isEmpty {
            let shown = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", ..." : "")
            problems.append(
                "\(path) is not empty (\(foreign.count) entr\(foreign.count == 1 ? "y" : "ies"): \(shown)) "
                    + "and escsim did not make it; choose a new or empty folder, or add --force to write "
                    + "escsim's files into it (same-named files are replaced, nothing else is touched)")
        } else {
            for name in foreign where outputs.contains(name) {
                problems.append(
                    "\(path)/\(name) was not written by escsim and this run would replace it; move it away, "
                        + "or add --force")
            }
        }
        if !problems.isEmpty, !force { throw BatchFolderError(problems: problems) }

        // Every check passed: change the folder.
        do {
            if ours == nil { try AtomicFile.createDirectory(workDirectory) }
        } catch {
            throw BatchFolderError(error.message)
        }
        for name in [BatchOutput.manifestFile] + removable.filter({ $0 != BatchOutput.manifestFile })
        where removable.contains(name) {
            unlink(path + "/" + name)
        }
        removeLeftoverTemporaries()
        unlink(planPath)
        unlink(logPath)
        var claimed = FileLedger()
        for name in outputs { claimed.claim(name) }
        try writeLedger(claimed)
    }

    /// Before a batch carries on: removes the files an interrupted attempt of it wrote (it writes
    /// them all again) and leftover temporaries.
    package func prepareForResume(outputs: [String]) throws(BatchFolderError) {
        guard var ledger = try ledger() else {
            // A batch started by an escsim without ledgers: claim its outputs now.
            var ledger = FileLedger()
            for name in outputs { ledger.claim(name) }
            let present = userVisibleEntries().filter { outputs.contains($0) }
            if !present.isEmpty {
                throw BatchFolderError(
                    "\(path) holds \(present.joined(separator: ", ")) that escsim cannot prove it "
                        + "wrote; move them away and resume again")
            }
            try writeLedger(ledger)
            removeLeftoverTemporaries()
            return
        }
        let present = userVisibleEntries()
        var problems: [String] = []
        for name in outputs where present.contains(name) {
            guard let entry = ledger.entry(named: name) else {
                problems.append("\(path)/\(name) was not written by escsim and resuming would replace it; move it away")
                continue
            }
            if let sha256 = entry.sha256, !holds(name, sha256: sha256) {
                problems.append("\(path)/\(name) changed since escsim wrote it; move it away to keep it")
            }
        }
        if !problems.isEmpty { throw BatchFolderError(problems: problems) }
        for name in [BatchOutput.manifestFile] + outputs where present.contains(name) {
            unlink(path + "/" + name)
        }
        for name in outputs { ledger.claim(name) }
        try writeLedger(ledger)
        removeLeftoverTemporaries()
    }

    /// After the files are written: records them (with their checksums) in the ledger, and
    /// drops the names `claimed` for the batch that it did not write.
    package func recordWritten(_ files: [String: String], claimed: [String] = []) throws(BatchFolderError) {
        var ledger = try ledger() ?? FileLedger()
        for name in claimed where files[name] == nil && ledger.entry(named: name)?.sha256 == nil {
            ledger.remove(name)
        }
        for (name, sha256) in files { ledger.record(name, sha256: sha256) }
        try writeLedger(ledger)
    }

    /// Whether another escsim command (score, report) may write `name` into the folder: nothing
    /// is there by that name, or what is there is escsim's, unchanged since it was recorded. A
    /// user's own file of that name is never overwritten.
    package func mayWrite(_ name: String) throws(BatchFolderError) -> Bool {
        let file = path + "/" + name
        var info = stat()
        guard lstat(file, &info) == 0 else { return true }
        guard let entry = try ledger()?.entry(named: name), let sha256 = entry.sha256 else { return false }
        return holds(name, sha256: sha256)
    }

    /// Records a file another escsim command wrote into this folder (the report page), when the
    /// folder is escsim's own, so that the next run removes it with the rest.
    package func adopt(_ name: String) throws(BatchFolderError) {
        guard FileLedger.isPlainName(name), var ledger = try ledger() else { return }
        let file = path + "/" + name
        guard let bytes = FileManager.default.contents(atPath: file) else { return }
        ledger.record(name, sha256: SHA256.hexDigest(bytes))
        try writeLedger(ledger)
    }

    /// Drops a finished batch's plan and record log (its ledger stays).
    func removeBatchState() {
        unlink(logPath)
        unlink(planPath)
        removeLeftoverTemporaries()
    }
}
