/// The lines between two marker lines of a Markdown document that escsim writes itself (a table
/// of outcomes or daily series in `docs/outputs.md`), so that a generator can rewrite them and a
/// test can check that the committed document already holds what it would write.
public struct GeneratedSection: Sendable {
    public let begin: String
    public let end: String

    public init(begin: String, end: String) {
        self.begin = begin
        self.end = end
    }

    /// `document` with the lines between the markers replaced by `content`; nil when it lacks them.
    public func replacing(in document: String, with content: String) -> String? {
        guard let start = document.firstRange(of: begin + "\n"),
            let stop = document[start.upperBound...].firstRange(of: end)
        else { return nil }
        return String(document[..<start.upperBound]) + content + String(document[stop.lowerBound...])
    }
}
