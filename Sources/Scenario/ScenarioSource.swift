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

    /// Files larger than this are not scenarios.
    static let maximumBytes = 8 << 20
    /// Nesting deeper than this is refused before Yams recurses into it.
    static let maximumDepth = 128

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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioErrors([ScenarioError("cannot read the file (permission denied?)", at: start)])
        }
        try self.init(bytes: [UInt8](data), file: path)
    }

    /// Checks `bytes` as the text of a scenario named `file`.
    public init(bytes: [UInt8], file: String) throws(ScenarioErrors) {
        self.file = file
        self.bytes = bytes
        guard bytes.count <= Self.maximumBytes else {
            throw ScenarioErrors([ScenarioError(
                "file is \(bytes.count) bytes; a scenario may be at most \(Self.maximumBytes)",
                at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if let bad = Self.firstInvalidUTF8(in: bytes) {
            throw ScenarioErrors([ScenarioError(
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                at: Self.location(ofByte: bad, in: bytes, file: file))])
        }
        text = String(decoding: bytes, as: UTF8.self)
        if let deep = Self.firstTooDeep(in: bytes) {
            throw ScenarioErrors([ScenarioError(
                "nesting deeper than \(Self.maximumDepth) levels",
                at: SourceLocation(file: file, line: deep.line, column: deep.column))])
        }
    }

    /// Composes the YAML into a node tree; syntax errors come back with their location.
    public func compose() throws(ScenarioErrors) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioErrors([syntaxError(error)])
        } catch {
            throw ScenarioErrors([ScenarioError("cannot parse YAML: \(error)", at: location(line: 1, column: 1))])
        }
        guard let node else {
            throw ScenarioErrors([ScenarioError("the file is empty", at: location(line: 1, column: 1))])
        }
        return node
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func syntaxError(_ error: YamlError) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return ScenarioError("YAML syntax: \(prefix)\(problem)", at: location(line: mark.line, column: mark.column))
        case .reader(let problem, let offset, _, _):
            let at = offset.map { Self.location(ofByte: min($0, bytes.count), in: bytes, file: file) }
            return ScenarioError("YAML: \(problem)", at: at ?? location(line: 1, column: 1))
        default:
            return ScenarioError("YAML: \(error)", at: location(line: 1, column: 1))
        }
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
