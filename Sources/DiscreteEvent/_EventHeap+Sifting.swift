extension _EventHeap {
    /// Moves the key at `index` towards the root until its parent precedes it.
    ///
    /// Works with a hole: the moving key is lifted out once, each displaced parent is
    /// written down one level, and the key is stored once at its final place.
    ///
    /// - Complexity: O(log `count`) comparisons.
    @inlinable @inline(__always)
    internal static func _siftUp(_ keys: UnsafeMutablePointer<_EventEntry<Event>>, from index: Int) {
        let moving = keys[index]
        var hole = index
        while hole > 0 {
            let parent = (hole &- 1) / arity
            guard moving.key.precedes(keys[parent].key) else { break }
            keys[hole] = keys[parent]
            hole = parent
        }
        keys[hole] = moving
    }

    /// Places `moving` at the hole `index` or below, among the first `count` keys of `keys`,
    /// so that it precedes all its children.
    ///
    /// Uses the same hole technique as `_siftUp(from:)` on the caller's buffer (one
    /// copy-on-write check per pop), and tracks only the index of the best child: carrying the
    /// whole key through the comparisons made a long chain of conditional moves.
    ///
    /// - Complexity: O(`arity` × log `count`) comparisons.
    @inlinable @inline(__always)
    internal static func _siftDown(
        _ keys: UnsafeMutableBufferPointer<_EventEntry<Event>>, moving: _EventEntry<Event>,
        from index: Int, count: Int
    ) {
        var hole = index
        while true {
            let firstChild = hole &* arity &+ 1
            guard firstChild < count else { break }
            var best = firstChild
            if firstChild &+ 3 < count {
                // A full node (all but the last one on the path): two pairs, then their winners.
                // Unrolled, the two pair comparisons are independent and overlap in the pipeline.
                let left = keys[firstChild &+ 1].key.precedes(keys[firstChild].key) ? firstChild &+ 1 : firstChild
                let right =
                    keys[firstChild &+ 3].key.precedes(keys[firstChild &+ 2].key) ? firstChild &+ 3 : firstChild &+ 2
                best = keys[right].key.precedes(keys[left].key) ? right : left
            } else {
                var child = firstChild &+ 1
                while child < count {
                    if keys[child].key.precedes(keys[best].key) { best = child }
                    child &+= 1
                }
            }
            guard keys[best].key.precedes(moving.key) else { break }
            keys[hole] = keys[best]
            hole = best
        }
        keys[hole] = moving
    }
}
