import DiscreteEvent
import Stochastic
import Testing

/// `PoissonProcess`: one pending occurrence at a time, nothing at rate 0, the mean handed to the
/// caller's draw unchanged, and counts that match a piecewise-constant rate.
@Suite("Poisson process")
struct PoissonProcessTests {
    @Test func rateZeroSchedulesAndDrawsNothing() {
        var queue = EventQueue<Int>()
        var process = PoissonProcess()
        var draws = 0
        process.reschedule(1, rate: 0, after: 0, in: &queue) { _ in
            draws += 1
            return 1
        }
        process.reschedule(1, meanInterval: 0, after: 0, in: &queue) { _ in
            draws += 1
            return 1
        }
        #expect(draws == 0)
        #expect(queue.isEmpty)
        #expect(process.pending == nil)
    }

    @Test func reschedulingReplacesThePendingOccurrence() {
        var queue = EventQueue<Int>()
        var process = PoissonProcess()
        process.reschedule(1, rate: 2, after: 0, in: &queue) { _ in 5 }
        let first = process.pending
        process.reschedule(2, rate: 2, after: 1, in: &queue) { _ in 2 }
        #expect(queue.count == 1)
        #expect(first.map { queue.isPending($0) } == false)
        #expect(queue.popNext()?.time == 3)
        // Switching the rate off cancels what is pending.
        process.reschedule(3, rate: 1, after: 3, in: &queue) { _ in 1 }
        process.reschedule(3, rate: 0, after: 3, in: &queue) { _ in 1 }
        #expect(queue.isEmpty)
        #expect(process.pending == nil)
    }

    /// Rescheduling from the handler of the occurrence that just ran (its handle is spent) is
    /// how a process continues: the spent handle matches nothing, so nothing else is cancelled.
    @Test func continuingFromTheSpentOccurrenceCancelsNothingElse() {
        var queue = EventQueue<Int>()
        var process = PoissonProcess()
        process.reschedule(1, rate: 1, after: 0, in: &queue) { _ in 1 }
        queue.schedule(99, at: 1.5)
        #expect(queue.popNext()?.event == 1)
        process.reschedule(1, rate: 1, after: 1, in: &queue) { _ in 1 }
        #expect(queue.count == 2)
        #expect(queue.popNext()?.event == 99)
    }

    /// The rate form passes `1 / rate`; the mean form passes the mean itself, bit for bit, even
    /// where the reciprocal of the reciprocal differs (1 / (1 / 49) is 49.00000000000001).
    @Test func theDrawReceivesTheMeanAsStated() {
        var queue = EventQueue<Int>()
        var process = PoissonProcess()
        var seen: [Double] = []
        process.reschedule(1, rate: 4, after: 0, in: &queue) {
            seen.append($0)
            return 1
        }
        process.reschedule(1, meanInterval: 49, after: 0, in: &queue) {
            seen.append($0)
            return 1
        }
        #expect(seen == [0.25, 49])
        #expect(1 / (1 / 49.0) != 49)
    }

    /// Rate 2 per day for 500 days, then 0.5 per day for 500 more: Poisson counts of mean 1,000
    /// (sd 31.6) and 250 (sd 15.8). Fixed seed; the bound is 4 sd.
    @Test func countsFollowAPiecewiseConstantRate() {
        var simulation = Simulation(model: RateSwitch(rates: [2, 0.5], switchDay: 500, seed: 1_234))
        simulation.model.start(queue: &simulation.queue)
        _ = simulation.run(until: 1_000, maxEvents: 10_000)
        let counts = simulation.model.counts
        #expect(abs(Double(counts[0]) - 1_000) < 4 * 1_000.0.squareRoot(), "counts \(counts)")
        #expect(abs(Double(counts[1]) - 250) < 4 * 250.0.squareRoot(), "counts \(counts)")
    }

    @Test func aRateSwitchedToZeroStopsTheProcess() {
        var simulation = Simulation(model: RateSwitch(rates: [2, 0], switchDay: 100, seed: 99))
        simulation.model.start(queue: &simulation.queue)
        _ = simulation.run(until: 1_000, maxEvents: 10_000)
        #expect(simulation.model.counts[1] == 0)
        #expect(simulation.model.counts[0] > 100)
    }
}

/// Arrivals as a Poisson process whose rate changes once, at `switchDay`.
private struct RateSwitch: DiscreteEventModel {
    enum Event { case arrival, rateChange }

    let rates: [Double]
    let switchDay: Double
    let stream: RandomStream
    var phase = 0
    var counts = [0, 0]
    var arrivals = PoissonProcess()

    init(rates: [Double], switchDay: Double, seed: UInt32) {
        self.rates = rates
        self.switchDay = switchDay
        stream = RandomStream(seed: seed)
    }

    var shouldStop: Bool { false }

    mutating func start(queue: inout EventQueue<Event>) {
        queue.schedule(.rateChange, at: switchDay)
        scheduleNextArrival(after: 0, queue: &queue)
    }

    mutating func handle(_ event: Event, at time: Double, queue: inout EventQueue<Event>) {
        switch event {
        case .arrival:
            counts[phase] += 1
        case .rateChange:
            phase = 1
        }
        scheduleNextArrival(after: time, queue: &queue)
    }

    mutating func scheduleNextArrival(after time: Double, queue: inout EventQueue<Event>) {
        let stream = self.stream
        arrivals.reschedule(.arrival, rate: rates[phase], after: time, in: &queue) { stream.exponential(mean: $0) }
    }
}
