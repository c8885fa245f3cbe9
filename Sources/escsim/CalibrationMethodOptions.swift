import ArgumentParser
import Backtest

/// How `calibrate` and `backtest` calibrate many noisy unknowns (docs/backtesting.md, "Many
/// unknowns"): replications per particle, and the screening of the unknowns after generation 0.
struct CalibrationMethodOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Simulations per particle, their discrepancies averaged (1-64): less noise in each particle's "
                + "distance, at that many times the simulations.", valueName: "n"))
    var particleReplications = 2

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Screen the unknowns after generation 0 and calibrate only those whose rank correlation with "
                + "the distance is significant at this false discovery rate (Benjamini-Hochberg); the others "
                + "keep drawing from their priors. 0 calibrates every unknown.", valueName: "rate"))
    var screen = 0.1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --screen, calibrate at most this many unknowns (those with the smallest p-values).",
            valueName: "n"))
    var maxCalibrated = 12

    func validate() throws {
        if !(1...64).contains(particleReplications) {
            throw ValidationError("--particle-replications must be between 1 and 64, got \(particleReplications).")
        }
        if !(screen >= 0 && screen < 1) {
            throw ValidationError("--screen must be 0 (off) or lie between 0 and 1, got \(screen).")
        }
        if maxCalibrated < 1 { throw ValidationError("--max-calibrated must be at least 1, got \(maxCalibrated).") }
    }

    /// `settings` with these options.
    func applied(to settings: ABCSettings) -> ABCSettings {
        var settings = settings
        settings.particleReplications = particleReplications
        settings.screeningLevel = screen > 0 ? screen : nil
        settings.maxCalibrated = maxCalibrated
        return settings
    }

    /// The options as command-line words, for provenance.
    var words: [String] {
        [
            "--particle-replications", "\(particleReplications)", "--screen", "\(screen)", "--max-calibrated",
            "\(maxCalibrated)",
        ]
    }
}
