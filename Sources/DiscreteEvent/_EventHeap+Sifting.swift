extension _EventHeap {
    /// Moves the key at `index` towards the root until its parent precedes it.
    ///
    /// Works with a hole: the moving key is lifted out once, each displaced parent is
    /// written down one level, and the key is stored once at its final place, so every
    /// level costs one key copy and one `positions` update instead of a swap.
    ///
    /// - Complexity: O(log `count`) comparisons.
    @inlinable
    internal mutating func _siftUp(from index: Int) {
        keys.withUnsafeMutableBufferPointer { keys in
            positions.withUnsafeMutableBufferPointer { positions in
                let moving = keys[index]
                var hole = index
                while hole > 0 {
                    let parent = (hole &- 1) / Self.arity
                    let parentKey = keys[parent]
                    guard moving.precedes(parentKey) else { break }
                    keys[hole] = parentKey
                    positions[parentKey.slot] = hole
                    hole = parent
                }
                keys[hole] = moving
                positions[moving.slot] = hole
            }
        }
    }

    /// Moves the key at `index` away from the root until it precedes all its children.
    ///
    /// Uses the same hole technique as `_siftUp(from:)`.
    ///
    /// - Complexity: O(`arity` × log `count`) comparisons.
    @inlinable
    internal mutating func _siftDown(from index: Int) {
        keys.withUnsafeMutableBufferPointer { keys in
            positions.withUnsafeMutableBufferPointer { positions in
                let count = keys.count
                let moving = keys[index]
                var hole = index
                while true {
                    let firstChild = hole &* Self.arity &+ 1
                    guard firstChild < count else { break }
                    let endChild = Swift.min(firstChild &+ Self.arity, count)
                    var best = firstChild
                    var bestKey = keys[firstChild]
                    var child = firstChild &+ 1
                    while child < endChild {
                        let candidate = keys[child]
                        if candidate.precedes(bestKey) {
                            best = child
                            bestKey = candidate
                        }
                        child &+= 1
                    }
                    guard bestKey.precedes(moving) else { break }
                    keys[hole] = bestKey
                    positions[bestKey.slot] = hole
                    hole = best
                }
                keys[hole] = moving
                positions[moving.slot] = hole
            }
        }
    }
}
