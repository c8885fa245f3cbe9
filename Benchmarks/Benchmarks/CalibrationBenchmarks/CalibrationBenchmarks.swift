import Backtest
import Benchmark
import EscalationModel
import Foundation
import Scenario

/// The calibration suite: ABC-SMC (`Backtest.ABCSMC`) of the baseline of
/// `Scenarios/aleppo-2024.yaml` against its observations (`aleppo-2024.observations.yaml`, the
/// dated, sourced facts of the history issue), what `escsim calibrate` runs, minus its files.
///
/// Six uncertain numbers of the shared engine are calibrated (those that decide how fast fronts
/// break: lethality, occupation share, morale shock, the spread of the cascade's thresholds,
/// its contagion, and the mediation breakdown rate); every other uncertain number is held at its scenario value, so
/// that the work per iteration is fixed. One iteration is a whole calibration: 200 particles,
/// at most 4 generations, seed 20241127, on one thread and on two. Reported: wall clock and
/// mallocs per calibration, and the simulations it ran (custom metric `simulations`), from
/// which simulations per second = simulations / wall clock.
let benchmarks: @Sendable () -> Void = {
    let calibration = BaselineCalibration.make()
    let settings = ABCSettings(seed: 20_241_127, populationSize: 200, maxGenerations: 4)
    let simulations = BenchmarkMetric.custom("simulations", polarity: .prefersLarger, useScalingFactor: false)

    for threads in [1, 2] {
        Benchmark(
            "ABC-SMC-aleppo-2024-6-parameters-\(threads)thread\(threads == 1 ? "" : "s")",
            configuration: .init(
                metrics: [.wallClock, .mallocCountTotal, simulations],
                warmupIterations: 0,
                maxDuration: .seconds(60),
                maxIterations: 3
            )
        ) { benchmark in
            let calibrator: ABCSMC
            do {
                calibrator = try ABCSMC(
                    parameters: calibration.parameters, settings: settings,
                    simulator: calibration.simulator(seed: settings.seed))
            } catch {
                benchmark.error("cannot set up the calibration: \(error)")
                return
            }
            benchmark.startMeasurement()
            let state: ABCState
            do {
                state = try calibrator.run(threads: threads)
            } catch {
                benchmark.stopMeasurement()
                benchmark.error("the calibration failed: \(error)")
                return
            }
            benchmark.stopMeasurement()
            let runs = state.generations.map(\.attempts).reduce(0, +) * settings.particleReplications
            benchmark.measurement(simulations, runs)
            if state.generations.isEmpty {
                benchmark.error("the calibration finished no generation (\(String(describing: state.stopReason)))")
            }
        }
    }
}

/// The baseline of `Scenarios/aleppo-2024.yaml` with six of its uncertain numbers left
/// uncertain, and its observations.
enum BaselineCalibration {
    /// The calibrated numbers, by scenario path (all from `Scenarios/engine.yaml`).
    static let calibrated = [
        "combat.lethality_per_day", "combat.occupation_share", "combat.morale_shock", "cascade.threshold_spread",
        "cascade.contagion", "mediation.breakdown_per_day",
    ]

    /// `<repository>/Scenarios/<file>`, found from this file's location:
    /// <repository>/Benchmarks/Benchmarks/CalibrationBenchmarks/CalibrationBenchmarks.swift.
    static func path(_ file: String) -> String {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return (components.map(String.init) + ["Scenarios", file]).joined(separator: "/")
    }

    static func make() -> ScenarioCalibration {
        do {
            let scenario = try Scenario.load(path: path("aleppo-2024.yaml"))
            let observations = try ObservationFile.load(
                path: path("aleppo-2024.observations.yaml"), vocabulary: ObservationVocabulary(scenario: scenario))
            let uncertain = scenario.draw.uncertain.filter { calibrated.contains($0.path) }
            guard uncertain.count == calibrated.count else {
                fatalError(
                    "the baseline has \(uncertain.map(\.path)) of the calibrated numbers \(calibrated) as uncertain")
            }
            let draw = ParameterDraw(base: scenario.draw.base, uncertain: uncertain)
            return ScenarioCalibration(draw: draw, observations: observations.observations)
        } catch {
            fatalError("cannot set up the calibration of the baseline:\n\(error)")
        }
    }
}
