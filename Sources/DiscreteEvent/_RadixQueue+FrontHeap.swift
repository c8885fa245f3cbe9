/// The front heap: a 4-ary min-heap of entries by the full key, in list 0.
///
/// A 4-ary layout halves the depth of a binary heap; the extra comparisons per level are on
/// adjacent keys. The front usually holds a handful of entries (those due at one time), so
/// it matters most for models that schedule many events at the same instant.
extension _RadixQueue {
    @inlinable @inline(__always)
    internal static var arity: Int { 4 }

    /// Appends `entry` to the heap in `list` and moves it up to its place.
    @inlinable @inline(__always)
    internal static func _push(_ entry: _EventEntry<Event>, onto list: inout _EntryList<Event>) {
        list.append(entry)
        _siftUp(list.elements, from: list.count &- 1)
    }

    /// Removes and returns the root of the heap in `list`, which must not be empty.
    @inlinable @inline(__always)
    internal static func _pop(_ list: inout _EntryList<Event>) -> _EventEntry<Event> {
        let entries = list.elements
        let last = list.count &- 1
        list.count = last
        if last == 0 { return entries.move() }
        let root = entries.move()
        _siftDown(entries, moving: (entries + last).move(), count: last)
        return root
    }

    /// Moves the key at `index` towards the root until its parent precedes it.
    ///
    /// Works with a hole: the moving key is lifted out once, each displaced parent is
    /// written down one level, and the key is stored once at its final place.
    @inlinable @inline(__always)
    internal static func _siftUp(_ entries: UnsafeMutablePointer<_EventEntry<Event>>, from index: Int) {
        var hole = index
        guard hole > 0, entries[hole].key.precedes(entries[(hole &- 1) / arity].key) else { return }
        let moving = (entries + hole).move()
        while hole > 0 {
            let parent = (hole &- 1) / arity
            guard moving.key.precedes(entries[parent].key) else { break }
            (entries + hole).moveInitialize(from: entries + parent, count: 1)
            hole = parent
        }
        (entries + hole).initialize(to: moving)
    }

    /// Places `moving` in the hole at the root of the first `count` entries (whose root was
    /// moved out), so that it precedes all its children. Tracks only the index of the best
    /// child: carrying the whole key through the comparisons made a long chain of
    /// conditional moves.
    @inlinable @inline(__always)
    internal static func _siftDown(
        _ entries: UnsafeMutablePointer<_EventEntry<Event>>, moving: _EventEntry<Event>, count: Int
    ) {
        var hole = 0
        while true {
            let firstChild = hole &* arity &+ 1
            guard firstChild < count else { break }
            var best = firstChild
            if firstChild &+ 3 < count {
                // A full node: two pairs, then their winners; the two pair comparisons are
                // independent and overlap in the pipeline.
                let left =
                    entries[firstChild &+ 1].key.precedes(entries[firstChild].key) ? firstChild &+ 1 : firstChild
                let right =
                    entries[firstChild &+ 3].key.precedes(entries[firstChild &+ 2].key)
                    ? firstChild &+ 3 : firstChild &+ 2
                best = entries[right].key.precedes(entries[left].key) ? right : left
            } else {
                var child = firstChild &+ 1
                while child < count {
                    if entries[child].key.precedes(entries[best].key) { best = child }
                    child &+= 1
                }
            }
            guard entries[best].key.precedes(moving.key) else { break }
            (entries + hole).moveInitialize(from: entries + best, count: 1)
            hole = best
        }
        (entries + hole).initialize(to: moving)
    }
}
