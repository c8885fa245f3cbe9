#if canImport(Glibc)
    // A release build (whole module) may find `struct stat` through Foundation's CoreFoundation
    // headers first and then, with MemberImportVisibility, require that module for `st_mode`.
    import CoreFoundation
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file or directory could not be written.
public struct FileWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory the caller asked for.
    public let path: String
    /// One sentence naming the path, the step that failed and the system's reason
    /// (from `strerror`), e.g. "cannot write out/a.csv: cannot create a temporary file in
    /// out (No such file or directory)".
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        message
    }
}

/// Whole-or-absent file writes, and `mkdir -p`.
///
/// `write` puts the bytes in a new temporary file in the target's directory (named
/// `.NAME.tmp-PID-RANDOM`, so it is hidden and cannot collide with another writer), flushes
/// it to disk with `fsync`, and then `rename`s it over the target. POSIX `rename` replaces
/// the target atomically (IEEE Std 1003.1, rename()), so readers see the old file or the
/// complete new one, never a partial one, even if the process dies mid-write. On any failure
/// the temporary file is removed and the target is left as it was.
///
/// The new file gets mode 0666 minus the umask (an existing target's mode is not kept), and
/// a symbolic link at the target is replaced by the file rather than written through.
public enum AtomicFile {
    /// Atomically replaces (or creates) the file at `path` with `bytes`.
    ///
    /// Writes are retried on EINTR and continued after partial writes; a full disk (ENOSPC),
    /// a missing directory, a parent that is a regular file (ENOTDIR) or a target that is a
    /// directory (EISDIR) all throw, leaving no temporary file behind. After the rename the
    /// directory is also `fsync`ed, best effort, so the new name itself survives a crash.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        let (directory, name) = try split(path)
        // Renaming over a device or a pipe would replace it with a regular file (as root,
        // `-o /dev/full` would swap out /dev/full), so only files and links are replaced.
        var existing = stat()
        if lstat(path, &existing) == 0 {
            let kind = existing.st_mode & S_IFMT
            if kind != S_IFREG && kind != S_IFLNK && kind != S_IFDIR {
                throw FileWriteError(
                    path: path,
                    message: "cannot write \(path): it exists and is not a regular file "
                        + "(a device, pipe or socket); choose a file path")
            }
        }
        let temporary = try createTemporary(in: directory, for: name, target: path)
        let fd = temporary.fd

        func abandon(_ step: String, _ code: Int32, closing: Bool) -> FileWriteError {
            if closing {
                _ = close(fd)
            }
            _ = unlink(temporary.path)
            return failure(path, step, code)
        }

        if let code = writeAll(fd, bytes) {
            throw abandon("writing the temporary file failed", code, closing: true)
        }
        if let code = retryingOnInterrupt({ fsync(fd) }) {
            throw abandon("flushing the temporary file to disk failed", code, closing: true)
        }
        // Linux releases the descriptor even when close reports EINTR, and the data is
        // already on disk, so only other errors count.
        if close(fd) != 0 && errno != EINTR {
            throw abandon("closing the temporary file failed", errno, closing: false)
        }
        if rename(temporary.path, path) != 0 {
            throw abandon("replacing it with the temporary file failed", errno, closing: false)
        }
        syncDirectory(directory)
    }

    /// Atomically replaces (or creates) the file at `path` with the UTF-8 encoding of `text`.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// Creates the directory at `path` and any missing parents, like `mkdir -p`: existing
    /// directories (or links to them) are fine, while a component that exists as anything
    /// else (e.g. a regular file) is an error. New directories get mode 0777 minus the umask.
    public static func createDirectory(_ path: String) throws(FileWriteError) {
        guard !path.isEmpty else {
            throw FileWriteError(path: path, message: "cannot create a directory with an empty path")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if !prefix.isEmpty && !prefix.hasSuffix("/") {
                prefix += "/"
            }
            prefix += component
            if mkdir(prefix, 0o777) == 0 {
                continue
            }
            let code = errno
            guard code == EEXIST else {
                throw FileWriteError(
                    path: path,
                    message: "cannot create directory \(path): creating \(prefix) failed (\(reason(code)))"
                )
            }
            var info = stat()
            guard stat(prefix, &info) == 0 else {
                let statCode = errno
                throw FileWriteError(
                    path: path,
                    message: "cannot create directory \(path): \(prefix) cannot be examined (\(reason(statCode)))"
                )
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileWriteError(
                    path: path,
                    message: "cannot create directory \(path): \(prefix) exists and is not a directory"
                )
            }
        }
    }

    // MARK: - Steps

    /// Splits `path` into its directory ("." when there is none) and final name.
    private static func split(_ path: String) throws(FileWriteError) -> (directory: String, name: String) {
        guard !path.isEmpty else {
            throw FileWriteError(path: path, message: "cannot write a file with an empty path")
        }
        let directory: String
        let name: String
        if let slash = path.lastIndex(of: "/") {
            let parent = path[..<slash]
            directory = parent.isEmpty ? "/" : String(parent)
            name = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            name = path
        }
        guard !name.isEmpty, name != ".", name != ".." else {
            throw FileWriteError(path: path, message: "cannot write \(path): the path does not name a file")
        }
        return (directory, name)
    }

    /// Creates and opens a fresh temporary file next to the target.
    private static func createTemporary(
        in directory: String,
        for name: String,
        target: String
    ) throws(FileWriteError) -> (path: String, fd: Int32) {
        // Keep the temporary name within NAME_MAX (255 bytes) however long the target's is:
        // 50 scalars are at most 200 bytes of UTF-8, and the suffix adds under 30.
        var stem = String.UnicodeScalarView()
        stem.append(contentsOf: name.unicodeScalars.prefix(50))
        let separator = directory.hasSuffix("/") ? "" : "/"
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
            let candidate = "\(directory)\(separator).\(String(stem)).tmp-\(getpid())-\(suffix)"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                return (candidate, fd)
            }
            lastError = errno
            if lastError != EEXIST && lastError != EINTR {
                break
            }
        }
        throw failure(target, "cannot create a temporary file in \(directory)", lastError)
    }

    /// Writes every byte, continuing after partial writes and retrying on EINTR.
    /// Returns the errno of the failure, or nil on success.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { buffer -> Int32? in
            guard let base = buffer.baseAddress else {
                return nil
            }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR {
                        continue
                    }
                    return code
                }
                if written == 0 {
                    // No progress and no error: treat as an I/O error rather than spin.
                    return EIO
                }
                offset += written
            }
            return nil
        }
    }

    /// Runs `call` until it does not fail with EINTR; returns the errno of a failure, or nil.
    private static func retryingOnInterrupt(_ call: () -> Int32) -> Int32? {
        while true {
            if call() == 0 {
                return nil
            }
            let code = errno
            if code != EINTR {
                return code
            }
        }
    }

    /// Flushes the directory entry for the renamed file (best effort: some file systems do
    /// not support fsync on directories, and the file itself is already complete).
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            return
        }
        _ = retryingOnInterrupt { fsync(fd) }
        _ = close(fd)
    }

    private static func failure(_ path: String, _ step: String, _ code: Int32) -> FileWriteError {
        FileWriteError(path: path, message: "cannot write \(path): \(step) (\(reason(code)))")
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// The C library's write(2); a free function so the name is not shadowed by `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
