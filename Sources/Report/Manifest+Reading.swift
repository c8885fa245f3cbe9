import Experiments
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The report reads `manifest.json` as `Manifest`, the type `escsim run` writes it from (which
/// also reads the manifests of escsim's first version).
extension Manifest {
    /// Reads the manifest at `path`.
    static func load(path: String) throws(ReportError) -> Manifest {
        let data = Data(try readAll(path))
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw ReportError.badManifest(path: path, reason: Self.describe(error))
        } catch {
            throw ReportError.badManifest(path: path, reason: "\(error)")
        }
    }

    /// A decoding error as a phrase: which key, and what was wrong with it.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "" : "'\(keys)': "
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "it has no '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' key"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return path(context) + context.debugDescription
        case .dataCorrupted(let context):
            return path(context) + "not valid JSON"
        @unknown default:
            return "\(error)"
        }
    }

    /// The file's bytes, read with `fread` so a failure carries the system's reason (Foundation's
    /// message for a missing or unreadable file is vague on Linux).
    private static func readAll(_ path: String) throws(ReportError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            bytes += chunk[0..<read]
        }
        if ferror(file) != 0 { throw ReportError.unreadable(path: path, reason: CSVReader.systemReason(errno)) }
        return bytes
    }
}
