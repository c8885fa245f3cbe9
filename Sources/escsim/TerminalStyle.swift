/// ANSI styling for text printed to a terminal, or none at all. Callers decide `enabled`: on a
/// terminal and without `NO_COLOR` (https://no-color.org: any non-empty value turns colour off).
struct TerminalStyle: Sendable {
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func bold(_ text: String) -> String {
        wrap(text, "1")
    }

    /// The highlight colour of the summary's histograms: cyan, readable on dark and light
    /// backgrounds and distinct for the common colour-vision deficiencies.
    func accent(_ text: String) -> String {
        wrap(text, "36")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
