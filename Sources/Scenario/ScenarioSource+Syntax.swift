import Yams

/// libyaml's messages ("mapping values are not allowed in this context") name parser states,
/// not mistakes. The common mistakes get a sentence of their own; the rest keep libyaml's words.
extension ScenarioSource {
    func syntaxError(_ error: YamlError) -> ScenarioError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let (message, line, column) = explain(
                problem: problem, context: context, line: mark.line, column: mark.column)
            return ScenarioError("YAML syntax: \(message)", at: location(line: line, column: column))
        case .reader(let problem, let offset, _, _):
            let at = offset.map { Self.location(ofByte: min($0, bytes.count), in: bytes, file: file) }
            return ScenarioError("YAML: \(problem)", at: at ?? location(line: 1, column: 1))
        default:
            return ScenarioError("YAML: \(error)", at: location(line: 1, column: 1))
        }
    }

    /// A clearer message for the mistakes people make, and the place to point at.
    private func explain(problem: String, context: YamlError.Context?, line: Int, column: Int)
        -> (message: String, line: Int, column: Int)
    {
        let contextText = context?.text ?? ""
        let opened = context.map { "\($0.mark.line):\($0.mark.column)" } ?? ""
        if problem.contains("cannot start any token") {
            if character(line: line, column: column) == "\t" {
                return ("a tab character; YAML indents with spaces only (replace the tab with spaces)", line, column)
            }
            let found = character(line: line, column: column).map { "'\($0)'" } ?? "this character"
            return ("\(found) cannot start a value (put text that starts with it in quotes)", line, column)
        }
        if problem.contains("mapping values are not allowed") {
            return (
                "a ':' where no key can start: check this line's indentation (a value that contains ': ' "
                    + "must be in quotes)", line, column
            )
        }
        if contextText.contains("flow sequence"), problem.contains("did not find expected") {
            return ("the list opened with '[' at \(opened) is not closed: expected ',' or ']' here", line, column)
        }
        if contextText.contains("flow mapping"), problem.contains("did not find expected") {
            return ("the mapping opened with '{' at \(opened) is not closed: expected ',' or '}' here", line, column)
        }
        if contextText.contains("quoted scalar"), let context {
            return (
                "this quoted text is never closed (no matching quote before the end of the file)",
                context.mark.line, context.mark.column
            )
        }
        if contextText.contains("simple key"), let context {
            return (
                "this key has no ':' after it (a key and its ':' must be on one line, within 1024 characters)",
                context.mark.line, context.mark.column
            )
        }
        if contextText.contains("block mapping"), problem.contains("did not find expected key") {
            return ("this line does not fit the mapping that starts at \(opened): check its indentation", line, column)
        }
        if contextText.contains("single document") {
            return (
                "a second YAML document starts here; a scenario file holds one document (remove the '---')",
                line, column
            )
        }
        if problem.contains("undefined alias") {
            let name = word(line: line, column: column)
            return (
                "alias '\(name)' refers to no anchor: define '&\(name.dropFirst())' before it is used", line, column
            )
        }
        return (contextText.isEmpty ? problem : "\(contextText) \(problem)", line, column)
    }

    private func lineText(_ line: Int) -> Substring? {
        let lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? lines[line - 1] : nil
    }

    private func character(line: Int, column: Int) -> Character? {
        guard let text = lineText(line), column >= 1, column <= text.count else { return nil }
        return text[text.index(text.startIndex, offsetBy: column - 1)]
    }

    /// The run of non-separator characters at a position (an alias such as `*garrison`).
    private func word(line: Int, column: Int) -> String {
        guard let text = lineText(line), column >= 1, column <= text.count else { return "" }
        let rest = text[text.index(text.startIndex, offsetBy: column - 1)...]
        return String(rest.prefix { !" ,]}\t#".contains($0) }.prefix(64))
    }
}
