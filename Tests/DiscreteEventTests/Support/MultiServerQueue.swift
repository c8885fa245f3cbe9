import DiscreteEvent
import Stochastic

/// An M/M/c queue: Poisson arrivals, exponential service, `servers` identical servers, one
/// FIFO line, unlimited room. Records the mean time in queue (before service starts) of
/// the customers numbered `warmUp ..< warmUp + measured` in arrival order, then stops.
struct MultiServerQueue: DiscreteEventModel {
    enum Event {
        case arrival
        case departure
    }

    let meanInterarrival: Double
    let meanService: Double
    let servers: Int
    let warmUp: Int
    let measured: Int
    /// Separate streams, so arrivals and services stay independent and reproducible.
    let arrivalStream: RandomStream
    let serviceStream: RandomStream

    private(set) var busy = 0
    /// Arrival times of waiting customers; `line[lineHead...]` is the FIFO line.
    private var line: [Double] = []
    private var lineHead = 0
    /// Customers who have started service; FIFO makes this their arrival rank too.
    private(set) var started = 0
    private var measuredWaitTotal = 0.0

    init(
        arrivalRate: Double, serviceRate: Double, servers: Int, warmUp: Int, measured: Int,
        arrivalSeed: UInt32, serviceSeed: UInt32
    ) {
        meanInterarrival = 1 / arrivalRate
        meanService = 1 / serviceRate
        self.servers = servers
        self.warmUp = warmUp
        self.measured = measured
        arrivalStream = RandomStream(seed: arrivalSeed)
        serviceStream = RandomStream(seed: serviceSeed)
        line.reserveCapacity(1_024)
    }

    /// Mean wait in queue over the measured customers.
    var meanWait: Double { measuredWaitTotal / Double(measured) }

    var shouldStop: Bool { started >= warmUp + measured }

    mutating func handle(_ event: Event, at time: Double, queue: inout EventQueue<Event>) {
        switch event {
        case .arrival:
            queue.schedule(.arrival, at: time + arrivalStream.exponential(mean: meanInterarrival))
            if busy < servers {
                startService(waited: 0, at: time, queue: &queue)
            } else {
                line.append(time)
            }
        case .departure:
            busy -= 1
            if lineHead < line.count {
                let arrivedAt = line[lineHead]
                lineHead += 1
                if lineHead >= 4_096, lineHead * 2 >= line.count {
                    line.removeFirst(lineHead)
                    lineHead = 0
                }
                startService(waited: time - arrivedAt, at: time, queue: &queue)
            }
        }
    }

    private mutating func startService(waited: Double, at time: Double, queue: inout EventQueue<Event>) {
        if started >= warmUp, started < warmUp + measured {
            measuredWaitTotal += waited
        }
        started += 1
        busy += 1
        queue.schedule(.departure, at: time + serviceStream.exponential(mean: meanService))
    }

    /// Runs one replication from an empty system and returns the measured mean wait.
    static func replicate(
        arrivalRate: Double, serviceRate: Double, servers: Int, warmUp: Int, measured: Int,
        replication: Int
    ) -> Double {
        let model = MultiServerQueue(
            arrivalRate: arrivalRate, serviceRate: serviceRate, servers: servers,
            warmUp: warmUp, measured: measured,
            arrivalSeed: UInt32(10_001 + 2 * replication),
            serviceSeed: UInt32(10_002 + 2 * replication))
        var simulation = Simulation(model: model)
        simulation.queue.schedule(.arrival, at: 0)
        let summary = simulation.run(until: .infinity, maxEvents: 10 * (warmUp + measured))
        precondition(summary.reason == .stopCondition, "replication ended early: \(summary)")
        return simulation.model.meanWait
    }

    /// Erlang's C formula: the probability that an arriving customer has to wait.
    static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        let rho = a / Double(c)
        var term = 1.0  // a^k / k!
        var sum = 0.0
        for k in 0..<c {
            sum += term
            term *= a / Double(k + 1)
        }
        let waitingTerm = term / (1 - rho)  // a^c / c! / (1 - rho)
        return waitingTerm / (sum + waitingTerm)
    }

    /// The theoretical mean wait in queue, Wq = C(c, λ/μ) / (cμ − λ).
    static func expectedWait(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
        erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu - lambda)
    }
}
