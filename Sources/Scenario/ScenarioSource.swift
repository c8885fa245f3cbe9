// libyaml as Yams vendors it (its C target, not a product): the same parser Yams composes with,
// for the depth check below. A Yams that stopped vendoring it would fail to build, not misbehave.
import CYaml
import Foundation
import Yams

/// The text of a scenario file, checked and composed into a YAML node tree.
///
/// libyaml (under Yams) has sharp edges that must not reach the user as a crash or a vague
/// message: deep nesting overflows the stack, non-UTF-8 input gives Foundation's "The file isn't
/// in the correct format". These are caught here first, each with a location.
public struct ScenarioSource: Sendable {
    /// The name used in messages (the path as the user gave it).
    public let file: String
    public let bytes: [UInt8]
    public let text: String
    /// The engine file this scenario includes (`engine:`), when it was read already (a batch's
    /// plan keeps its text, so a resume never reads a file that may have changed); nil: read it
    /// from beside `file` when the scenario names one.
    public var engine: ScenarioEngine?

    /// Files larger than this are not scenarios.
    static let maximumBytes = 8 << 20
    /// Nesting deeper than this is refused before Yams recurses into it.
    static let maximumDepth = 128

    /// Byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
    /// YAML allows UTF-16 and UTF-32, but escsim reads UTF-8 only: columns in messages are counted
    /// in UTF-8 text, the manifest's SHA-256 is of the bytes, and an editor saves UTF-8 on request.
    /// A UTF-8 byte-order mark carries no information (some Windows editors write it) and is skipped.
    static let otherByteOrderMarks: [(bytes: [UInt8], encoding: String)] = [
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32 (big-endian)"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian)"),
        ([0xFE, 0xFF], "UTF-16 (big-endian)"), ([0xFF, 0xFE], "UTF-16 (little-endian)"),
    ]
    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads `path`; the only error is one `ScenarioError` with the reason.
    public init(contentsOf path: String) throws(ScenarioErrors) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioErrors([ScenarioError("no such scenario file", at: start)])
        }
        guard !isDirectory.boolValue else {
            throw ScenarioErrors([ScenarioError("is a directory, not a scenario file", at: start)])
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
        guard type != nil, type != .typeRegular else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ScenarioErrors([ScenarioError("cannot read the file (permission denied?)", at: start)])
            }
            try self.init(bytes: [UInt8](data), file: path)
            return
        }
        // A pipe, a FIFO or a character device (`escsim validate /dev/stdin`) has no size to read
        // up front: FileManager.contents(atPath:) gives nothing for it. Read it as a stream instead,
        // stopping one byte past the limit, so that an endless stream is refused, not swallowed.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioErrors([ScenarioError("cannot read the file (permission denied?)", at: start)])
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        do {
            while bytes.count <= Self.maximumBytes,
                let chunk = try handle.read(upToCount: min(1 << 16, Self.maximumBytes + 1 - bytes.count)),
                !chunk.isEmpty
            {
                bytes += chunk
            }
        } catch {
            throw ScenarioErrors([ScenarioError("cannot read the input: \(error.localizedDescription)", at: start)])
        }
        guard bytes.count <= Self.maximumBytes else {
            throw ScenarioErrors([
                ScenarioError(
                    "input is too large for a scenario: more than \(Self.maximumBytes) bytes, and a scenario may have at "
                        + "most \(Self.maximumBytes) (8 MiB)", at: start)
            ])
        }
        try self.init(bytes: bytes, file: path)
    }

    /// Checks `bytes` as the text of a scenario named `file`.
    public init(bytes: [UInt8], file: String) throws(ScenarioErrors) {
        self.file = file
        self.bytes = bytes
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= Self.maximumBytes else {
            throw ScenarioErrors([
                ScenarioError(
                    "file is too large for a scenario: \(bytes.count) bytes, and a scenario may have at most "
                        + "\(Self.maximumBytes) (8 MiB)", at: start)
            ])
        }
        if let mark = Self.otherByteOrderMarks.first(where: { bytes.starts(with: $0.bytes) }) {
            throw ScenarioErrors([
                ScenarioError(
                    "file is \(mark.encoding) text; save it as UTF-8 (escsim reads scenarios in UTF-8 only)", at: start)
            ])
        }
        // Columns count from after a UTF-8 byte-order mark, as editors (which hide it) show them.
        let body = bytes.starts(with: Self.utf8ByteOrderMark) ? Array(bytes.dropFirst(3)) : bytes
        if let zero = body.firstIndex(of: 0) {
            throw ScenarioErrors([
                ScenarioError(
                    "file contains a NUL byte (0x00): it is binary, or UTF-16 or UTF-32 text without a byte-order "
                        + "mark; save it as UTF-8", at: Self.location(ofByte: zero, in: body, file: file))
            ])
        }
        if let bad = Self.firstInvalidUTF8(in: body) {
            throw ScenarioErrors([
                ScenarioError(
                    "file is not valid UTF-8 (byte 0x\(String(body[bad], radix: 16, uppercase: true))); save it as UTF-8",
                    at: Self.location(ofByte: bad, in: body, file: file))
            ])
        }
        text = String(decoding: bytes, as: UTF8.self)
        if let deep = Self.firstTooDeep(in: body) {
            throw ScenarioErrors([
                ScenarioError(
                    "YAML nested deeper than \(Self.maximumDepth) levels; a scenario needs at most a handful",
                    at: SourceLocation(file: file, line: deep.line, column: deep.column))
            ])
        }
    }

    /// Composes the YAML into a node tree as if it stood below `linesAbove` blank lines, so that
    /// its marks are told apart from another file's in one tree (the engine below its scenario).
    /// Call `compose()` first: its syntax errors carry this file's own line numbers.
    func compose(below linesAbove: Int) throws(ScenarioErrors) -> Node {
        let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        do {
            guard let node = try Yams.compose(yaml: String(repeating: "\n", count: linesAbove) + yaml) else {
                throw ScenarioErrors([ScenarioError("the file is empty", at: location(line: 1, column: 1))])
            }
            return node
        } catch let error as ScenarioErrors {
            throw error
        } catch {
            throw ScenarioErrors([ScenarioError("cannot parse YAML: \(error)", at: location(line: 1, column: 1))])
        }
    }

    /// Composes the YAML into a node tree; syntax errors come back with their location.
    public func compose() throws(ScenarioErrors) -> Node {
        let node: Node?
        // libyaml, given a Swift string, takes a byte-order mark for content.
        let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let alias = AliasExpansion.firstExcessiveAlias(in: yaml) {
            throw ScenarioErrors([ScenarioError(alias.message, at: location(line: alias.line, column: alias.column))])
        }
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ScenarioErrors([syntaxError(error)])
        } catch {
            throw ScenarioErrors([ScenarioError("cannot parse YAML: \(error)", at: location(line: 1, column: 1))])
        }
        guard let node else {
            let message =
                bytes.isEmpty
                ? "the file is empty"
                : "the file holds no scenario (nothing but blank lines and comments)"
            throw ScenarioErrors([ScenarioError(message, at: location(line: 1, column: 1))])
        }
        return node
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Offset of the first byte that breaks UTF-8, if any.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            // Overlong three- and four-byte forms, surrogates, and code points above U+10FFFF.
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    /// Where the YAML first nests deeper than `maximumDepth`, as libyaml itself parses it. Yams
    /// composes nodes recursively, so this walks libyaml's events first (its parser keeps its
    /// stack on the heap) and stops at the first syntax error, where Yams stops too. A scan of the
    /// bytes for brackets is not enough: an apostrophe in a plain scalar (`[it's, [[[...`), a `#`
    /// inside a word, or an escaped quote hides the brackets after it from such a scan.
    static func firstTooDeep(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            // Yams parses a native String as UTF-8 in the same way (Parser.init(yaml:)).
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth {
                        return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
            return nil
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
