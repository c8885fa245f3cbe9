import Foundation

/// The files escsim wrote into an output folder, kept in `.escsim/files.json`: the proof that
/// lets a later run remove them, and nothing else. A file is listed with its SHA-256 once it is
/// whole; a name is listed without one while a batch that will write it is under way.
package struct FileLedger: Codable, Sendable, Equatable {
    package struct Entry: Codable, Sendable, Equatable {
        package var name: String
        /// nil: claimed by the batch under way, not yet written whole.
        package var sha256: String?
    }

    package static let fileName = "files.json"
    /// Identifies the file as escsim's (a user's own `files.json` would not say this).
    package var format = "escsim output folder ledger, version 1"
    package private(set) var entries: [Entry] = []

    package init() {}

    package func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// Lists `name` as about to be written by the batch under way.
    package mutating func claim(_ name: String) {
        set(Entry(name: name, sha256: nil))
    }

    /// Lists `name` as written whole, with its checksum.
    package mutating func record(_ name: String, sha256: String) {
        set(Entry(name: name, sha256: sha256))
    }

    package mutating func remove(_ name: String) {
        entries.removeAll { $0.name == name }
    }

    private mutating func set(_ entry: Entry) {
        if let index = entries.firstIndex(where: { $0.name == entry.name }) {
            entries[index] = entry
        } else {
            entries.append(entry)
            entries.sort { $0.name < $1.name }
        }
    }

    /// A plain file name in the folder itself: a ledger that names `../x` or `a/b` was not
    /// written by escsim, and obeying it could delete files outside the folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
            && name.utf8.count <= 255
    }

    package func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { preconditionFailure("a ledger of strings always encodes") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The ledger at `path`; nil when there is none.
    /// - Throws: when the file exists but is not an escsim ledger.
    static func read(from path: String) throws(BatchFolderError) -> FileLedger? {
        // Anything at the name, a dangling link included (attributesOfItem does not follow links).
        guard (try? FileManager.default.attributesOfItem(atPath: path)) != nil else { return nil }
        guard BatchFolder.isRegularFile(path, smallerThan: 16 << 20),
            let data = FileManager.default.contents(atPath: path),
            let ledger = try? JSONDecoder().decode(FileLedger.self, from: data),
            ledger.format == FileLedger().format,
            ledger.entries.allSatisfy({ isPlainName($0.name) }),
            Set(ledger.entries.map(\.name)).count == ledger.entries.count
        else {
            throw BatchFolderError(
                "\(path) is not a ledger escsim wrote (damaged or edited); escsim will not remove "
                    + "files on its word: move the folder aside and start again")
        }
        return ledger
    }
}
