// escsim-phold: the PHOLD workload of Benchmarks/compare/phold.c, run by escsim's own kernel
// (`DiscreteEvent.Simulation` with a `DiscreteEventModel`), so that `compare.sh` can set its
// events per second beside plain C and SimPy. See Benchmarks/compare/README.md.
//
// The model follows Benchmarks/Benchmarks/KernelBenchmarks/Phold.swift (written again here:
// that file belongs to a benchmark-plugin target and cannot be imported). Differences: instead
// of counting messages per process it adds up the destinations of the handled events, the
// checksum phold.c and phold_simpy.py compute too.
//
// Random numbers: `RandomStream(seed: 12345)` is one GSL mt19937 generator set with
// `gsl_rng_set(rng, 12345)`; `exponential(mean: 1)` calls `gsl_ran_exponential(rng, 1)` and
// `uniformInt(below: 1000)` calls `gsl_rng_uniform_int(rng, 1000)`
// (Sources/Stochastic/RandomStream.swift), in the order phold.c uses: the initial delays for
// LP 0, 1, ..., then per event the delay followed by the destination.
//
// Ordering: escsim's queue orders by time, then priority, then insertion sequence
// (`_EventKey.precedes` in Sources/DiscreteEvent/_EventKey.swift); every event here has
// priority 0, so the order is phold.c's (time, sequence), and the two programs must print the
// same checksum and final time.
//
// Output, one line: events=<N> seconds=<wall> events_per_second=<rate> checksum=<sum>
// final_time=<time of the last handled event>. Only `run` is timed, with
// clock_gettime(CLOCK_MONOTONIC), as in phold.c.
//
// Usage: escsim-phold [EVENTS (default 1000000)] [NLP (default 1000)]

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DiscreteEvent
import Stochastic

/// PHOLD (Fujimoto 1990): every handled message sends one new message to a uniformly drawn
/// process after an exponential delay, so the queue always holds `processCount` events.
struct Phold: DiscreteEventModel {
    /// A message: the index of the logical process it is addressed to.
    typealias Event = Int

    let processCount: Int
    let stream: RandomStream
    /// Sum of the destinations of the handled events (wrapping, like phold.c's uint64_t).
    var checksum: UInt64 = 0

    init(processCount: Int, seed: UInt32) {
        self.processCount = processCount
        self.stream = RandomStream(seed: seed)
    }

    var shouldStop: Bool { false }

    mutating func handle(_ destination: Int, at time: Double, queue: inout EventQueue<Int>) {
        checksum &+= UInt64(truncatingIfNeeded: destination)
        let delay = stream.exponential(mean: 1)
        let next = stream.uniformInt(below: processCount)
        queue.schedule(next, at: time + delay)
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func positiveArgument(_ index: Int, default value: Int) -> Int {
    guard CommandLine.arguments.count > index else { return value }
    guard let parsed = Int(CommandLine.arguments[index]), parsed > 0 else {
        // write(2) on descriptor 2: Swift 6 refuses Glibc's `stderr` global (shared mutable state).
        let usage = "usage: escsim-phold [EVENTS > 0] [NLP > 0]\n"
        _ = usage.withCString { write(2, $0, strlen($0)) }
        exit(2)
    }
    return parsed
}

let events = positiveArgument(1, default: 1_000_000)
let processCount = positiveArgument(2, default: 1_000)

// Set-up, not timed: one message per process, process i's delay drawn i-th.
var simulation = Simulation(model: Phold(processCount: processCount, seed: 12345))
for process in 0..<processCount {
    simulation.queue.schedule(process, at: simulation.model.stream.exponential(mean: 1))
}

let start = monotonicSeconds()
let summary = simulation.run(until: .infinity, maxEvents: events)
let seconds = monotonicSeconds() - start

precondition(summary.eventsProcessed == events, "PHOLD stopped early: \(summary)")

/// `value` formatted by C's printf with `format` (one double conversion), so that the line
/// reads exactly like phold.c's: %.6f seconds, %.17g final time (round-trips a Double).
func cFormat(_ format: String, _ value: Double) -> String {
    withVaList([value]) { args in
        var buffer = [CChar](repeating: 0, count: 64)
        _ = vsnprintf(&buffer, buffer.count, format, args)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

print(
    "events=\(events) seconds=\(cFormat("%.6f", seconds))"
        + " events_per_second=\(cFormat("%.0f", Double(events) / seconds))"
        + " checksum=\(simulation.model.checksum) final_time=\(cFormat("%.17g", summary.endTime))")
