import Experiments
import Foundation

extension TerminalStyle {
    /// Colour on `descriptor` only when it is a terminal and `NO_COLOR` is unset or empty
    /// (https://no-color.org).
    static func wanted(on descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
    }
}
