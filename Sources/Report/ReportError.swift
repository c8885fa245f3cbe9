/// Why a report could not be made. Each reaches the user as one sentence naming the file.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder given does not exist.
    case folderMissing(String)
    /// The path exists but is a file, not a folder.
    case notAFolder(String)
    /// The folder has no `manifest.json`, so escsim did not write it (or not yet).
    case notAnOutputFolder(String)
    /// The run stopped before the end (Ctrl-C, fail-fast): its numbers cover part of the batch.
    case incompleteRun(folder: String, reason: String)
    /// A file the report needs is absent.
    case fileMissing(String)
    /// A file could not be opened or read; `reason` is the system's.
    case unreadable(path: String, reason: String)
    /// `manifest.json` is not the JSON escsim writes.
    case badManifest(path: String, reason: String)
    /// A CSV file breaks RFC 4180 or the layout escsim writes; `line` is 1-based.
    case badCSV(path: String, line: Int, reason: String)
    /// Two files of the folder tell different stories (e.g. a file from another run copied in).
    case inconsistent(String)
    /// The HTML file could not be written (the message of the underlying `FileWriteError`).
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .folderMissing(let path):
            "no such folder: \(path)"
        case .notAFolder(let path):
            "\(path) is a file, not an output folder"
        case .notAnOutputFolder(let path):
            "\(path) is not an escsim output folder (it has no manifest.json)"
        case .incompleteRun(let folder, let reason):
            "\(folder) holds an incomplete run (manifest.json: complete false, stop_reason \"\(reason)\"); "
                + "a report needs a complete run"
        case .fileMissing(let path):
            "\(path) is missing"
        case .unreadable(let path, let reason):
            "cannot read \(path) (\(reason))"
        case .badManifest(let path, let reason):
            "\(path) is not an escsim manifest: \(reason)"
        case .badCSV(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .inconsistent(let message):
            message
        case .cannotWrite(let message):
            message
        }
    }

    /// The exit status documented in `escsim report --help`: 1 when writing failed, 2 when the
    /// input folder is missing or unusable (the same split as a bad scenario against a full disk).
    public var exitStatus: Int32 {
        if case .cannotWrite = self { return 1 }
        return 2
    }
}
