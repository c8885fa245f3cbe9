// libyaml itself: Yams builds on it but has no event-level API. Only its public C API is used.
import CYaml

/// What YAML aliases add to a document once expanded, counted from libyaml's events so that
/// nothing is expanded.
///
/// Yams composes an alias as the anchored node itself, so composing a "billion laughs" (anchors
/// whose lists alias the previous anchor ten times, ten levels deep) takes microseconds. But the
/// decoder walks a node again for every alias that reaches it, and a variant or `--set` rebuilds
/// the paths it touches: 10 levels of 10 aliases are 10^10 nodes to walk. Counting each alias as
/// the size of its anchor bounds that walk before it starts.
enum AliasExpansion {
    /// Nodes that aliases may add. Scenarios share a distribution or a list through an anchor a few
    /// dozen times; 100,000 is about what a 2 MB scenario written out in full holds.
    static let maximumAddedNodes = 100_000

    struct Excess {
        let alias: String
        let line: Int
        let column: Int
        let added: Int

        var message: String {
            "alias '*\(alias)' brings the values repeated through aliases past \(AliasExpansion.maximumAddedNodes) "
                + "(anchors whose content uses aliases grow exponentially); write the values out, or use fewer aliases"
        }
    }

    /// The first alias at which the nodes added by aliases exceed `limit`, or nil. Returns nil on a
    /// syntax error too: composing reports that, with its location.
    static func firstExcessiveAlias(in text: String, limit: Int = maximumAddedNodes) -> Excess? {
        countAddedNodes(in: text, limit: limit).excess
    }

    /// The nodes aliases add (stopping at the first alias past `limit`), for tests and the check above.
    static func countAddedNodes(in text: String, limit: Int = maximumAddedNodes) -> (added: Int, excess: Excess?) {
        var yaml = text
        return yaml.withUTF8 { buffer -> (Int, Excess?) in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return (0, nil) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

            var sizes: [String: Int] = [:]  // anchor -> nodes in its expansion
            var open: [(anchor: String?, size: Int)] = []  // collections being read
            var added = 0
            func close(_ anchor: String?, size: Int) {
                if let anchor { sizes[anchor] = size }
                if !open.isEmpty { open[open.count - 1].size = min(open[open.count - 1].size + size, Int.max / 2) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return (added, nil) }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return (added, nil)
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    let size = sizes[name] ?? 1
                    added = min(added + size, Int.max / 2)
                    if added > limit {
                        return (
                            added,
                            Excess(
                                alias: name, line: Int(event.start_mark.line) + 1,
                                column: Int(event.start_mark.column) + 1, added: added)
                        )
                    }
                    close(nil, size: size)
                case YAML_SCALAR_EVENT:
                    close(string(event.data.scalar.anchor), size: 1)
                case YAML_SEQUENCE_START_EVENT:
                    open.append((string(event.data.sequence_start.anchor), 1))
                case YAML_MAPPING_START_EVENT:
                    open.append((string(event.data.mapping_start.anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let finished = open.popLast() { close(finished.anchor, size: finished.size) }
                default:
                    break
                }
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
