extension _EventHeap {
    /// Moves the key at `index` towards the root until its parent precedes it.
    ///
    /// Works with a hole: the moving key is lifted out once, each displaced parent is
    /// written down one level, and the key is stored once at its final place.
    ///
    /// - Complexity: O(log `count`) comparisons.
    @inlinable @inline(__always)
    internal mutating func _siftUp(from index: Int) {
        keys.withUnsafeMutableBufferPointer { keys in
            let moving = keys[index]
            var hole = index
            while hole > 0 {
                let parent = (hole &- 1) / Self.arity
                let parentKey = keys[parent]
                guard moving.precedes(parentKey) else { break }
                keys[hole] = parentKey
                hole = parent
            }
            keys[hole] = moving
        }
    }

    /// Moves the key at `index` away from the root until it precedes all its children.
    ///
    /// Uses the same hole technique as `_siftUp(from:)`, and tracks only the index of the best
    /// child (carrying the whole key through the comparisons made a long chain of conditional moves).
    ///
    /// - Complexity: O(`arity` × log `count`) comparisons.
    @inlinable @inline(__always)
    internal mutating func _siftDown(from index: Int) {
        keys.withUnsafeMutableBufferPointer { keys in
            let count = keys.count
            let moving = keys[index]
            var hole = index
            while true {
                let firstChild = hole &* Self.arity &+ 1
                guard firstChild < count else { break }
                let endChild = Swift.min(firstChild &+ Self.arity, count)
                var best = firstChild
                var child = firstChild &+ 1
                while child < endChild {
                    if keys[child].precedes(keys[best]) { best = child }
                    child &+= 1
                }
                guard keys[best].precedes(moving) else { break }
                keys[hole] = keys[best]
                hole = best
            }
            keys[hole] = moving
        }
    }
}
