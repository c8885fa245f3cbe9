import DiscreteEvent
import Stochastic

/// PHOLD (Fujimoto, 1990), the usual synthetic workload for a discrete-event kernel.
///
/// A fixed set of logical processes passes messages: every message that arrives at a process
/// sends exactly one new message, after an exponential delay, to a process chosen uniformly at
/// random. The number of pending events therefore stays equal to the number of processes, so
/// once the queue has held that many events a run should need no further allocation: any
/// malloc measured during the run is the kernel's (or the model's) doing.
struct Phold: DiscreteEventModel {
    /// A message: the index of the logical process it is addressed to.
    typealias Event = Int

    let processCount: Int
    let meanDelay: Double
    let stream: RandomStream
    /// Messages each process has received; the only state the handler writes.
    var received: [Int]

    init(processCount: Int, meanDelay: Double, seed: UInt32) {
        precondition(processCount > 0, "PHOLD needs at least one logical process")
        self.processCount = processCount
        self.meanDelay = meanDelay
        self.stream = RandomStream(seed: seed)
        self.received = Array(repeating: 0, count: processCount)
    }

    var shouldStop: Bool { false }

    mutating func handle(_ destination: Int, at time: Double, queue: inout EventQueue<Int>) {
        received[destination] &+= 1
        let delay = stream.exponential(mean: meanDelay)
        let next = stream.uniformInt(below: processCount)
        queue.schedule(next, at: time + delay)
    }
}

extension Simulation where Model == Phold {
    /// A PHOLD simulation with one message already queued per logical process, each due after
    /// an exponential delay from time 0. After this the queue holds `processCount` events and
    /// its storage has reached the size the whole run needs.
    static func phold(processCount: Int, meanDelay: Double = 1, seed: UInt32) -> Simulation<Phold> {
        var simulation = Simulation(model: Phold(processCount: processCount, meanDelay: meanDelay, seed: seed))
        for process in 0..<processCount {
            simulation.queue.schedule(process, at: simulation.model.stream.exponential(mean: meanDelay))
        }
        return simulation
    }
}
