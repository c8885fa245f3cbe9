/// Fixed-size storage that parallel workers fill, each index written by exactly one worker.
///
/// `@unchecked Sendable` is sound under that discipline: `DispatchQueue.concurrentPerform`
/// returns only after every worker has finished, so all writes happen before the caller reads.
final class AttemptSlots<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }

    /// Stores the value of slot `index` (once, from one worker).
    func set(_ index: Int, _ value: Element) {
        buffer[index] = value
    }

    /// The values in slot order, after every worker has finished.
    func values() -> [Element?] {
        Array(buffer)
    }
}
