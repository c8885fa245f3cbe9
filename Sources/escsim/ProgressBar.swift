import Experiments
import Foundation
import Synchronization

/// A progress bar with rate and ETA on standard error, drawn only when standard error is a
/// terminal (nothing on a pipe or in a log file), at most ten times a second. `NO_COLOR`
/// (https://no-color.org) turns its colour off.
final class ProgressBar: Sendable {
    private let enabled: Bool
    private let colour: Bool
    private let started = Date()
    private let lastDraw = Mutex<Double>(-1)

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
        colour = TerminalStyle.wanted(on: STDERR_FILENO)
    }

    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(started)
        let due = lastDraw.withLock { last -> Bool in
            guard elapsed - last >= 0.1 || done == total else { return false }
            last = elapsed
            return true
        }
        guard due else { return }
        let fraction = Double(done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let painted = colour ? "\u{1B}[32m\(bar)\u{1B}[0m" : bar
        let line = "\r[\(painted)] \(done)/\(total) \(Int(fraction * 100))%  \(Int(rate))/s  ETA \(Self.clock(eta))  "
        FileHandleOutput.standardError(line)
    }

    func finish() {
        guard enabled else { return }
        FileHandleOutput.standardError("\r\u{1B}[K")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
