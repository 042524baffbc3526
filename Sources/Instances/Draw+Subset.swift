extension Draw {
    /// The elements in a random order: position by position, the next element is picked from
    /// those left by `integer(in: 0...left − 1)` (an index into the remaining elements, in their
    /// original order).
    ///
    /// - Invariant: a permutation of `elements` (same multiset).
    /// - Precondition: none.
    /// - Shrink order: lexicographic in the index choices; all zeros keep the original order.
    /// - Edge cases: 0 or 1 elements are returned as they are, without drawing.
    public static func shuffled<T>(_ elements: [T], from source: inout ChoiceSource) -> [T] {
        arrangement(of: elements, size: elements.count, from: &source)
    }

    /// A random permutation of 1...n (one-based), drawn as `shuffled(Array(1...n))`.
    ///
    /// - Invariant: each of 1...n exactly once.
    /// - Precondition: n ≥ 0.
    /// - Shrink order: as `shuffled`; choice 0 gives the identity [1, 2, …, n].
    /// - Edge cases: n = 0 gives [].
    public static func permutation(_ n: Int, from source: inout ChoiceSource) -> [Int] {
        precondition(n >= 0, "negative permutation size \(n)")
        return shuffled(Array(stride(from: 1, through: n, by: 1)), from: &source)
    }

    /// A random ordered subset (arrangement) of size q of `elements`: q distinct positions
    /// picked one at a time from those left, in pick order.
    ///
    /// - Invariant: q elements from distinct positions of `elements`.
    /// - Precondition: 0 ≤ q ≤ elements.count.
    /// - Shrink order: lexicographic in the index choices; all zeros give the first q elements
    ///   in order.
    /// - Edge cases: q = 0 gives [] without drawing.
    public static func arrangement<T>(of elements: [T], size q: Int, from source: inout ChoiceSource) -> [T] {
        precondition(q >= 0 && q <= elements.count, "arrangement of size \(q) from \(elements.count) elements")
        var left = elements
        var out: [T] = []
        out.reserveCapacity(q)
        for _ in 0..<q {
            out.append(left.remove(at: integer(in: 0...(left.count - 1), from: &source)))
        }
        return out
    }

    /// A random ordered subset of size q of 1...n (one-based), in pick order.
    ///
    /// - Invariant: q distinct values in 1...n.
    /// - Precondition: 0 ≤ q ≤ n.
    /// - Shrink order: as `arrangement`; choice 0 gives [1, 2, …, q].
    /// - Edge cases: q = 0 gives [].
    public static func orderedSubset(of n: Int, size q: Int, from source: inout ChoiceSource) -> [Int] {
        precondition(q >= 0 && q <= n, "ordered subset of size \(q) of 1...\(n)")
        return arrangement(of: Array(stride(from: 1, through: n, by: 1)), size: q, from: &source)
    }

    /// A random subset of size q of 1...n (one-based), ascending.
    ///
    /// - Invariant: q distinct values in 1...n, strictly increasing.
    /// - Precondition: 0 ≤ q ≤ n.
    /// - Shrink order: as `orderedSubset` (then sorted); choice 0 gives {1, …, q}.
    /// - Edge cases: q = 0 gives [], q = n gives [1, …, n] (both without effective choices).
    public static func subset(of n: Int, size q: Int, from source: inout ChoiceSource) -> [Int] {
        orderedSubset(of: n, size: q, from: &source).sorted()
    }

    /// A random subset of 1...n of any size, ascending: element i is included when its
    /// `boolean` choice is true (n draws, in order 1...n).
    ///
    /// - Invariant: strictly increasing values in 1...n.
    /// - Precondition: n ≥ 0.
    /// - Shrink order: fewer and earlier elements; all zeros give the empty set.
    /// - Edge cases: n = 0 gives [].
    public static func subset(of n: Int, from source: inout ChoiceSource) -> [Int] {
        precondition(n >= 0, "subset of 1...\(n)")
        return stride(from: 1, through: n, by: 1).filter { _ in boolean(from: &source) }
    }

    /// A random subset of the elements, of size q, keeping their original order.
    ///
    /// - Invariant: q elements from distinct positions, in the order they appear in `elements`.
    /// - Precondition: 0 ≤ q ≤ elements.count.
    /// - Shrink order: as `subset(of:size:)`; choice 0 gives the first q elements.
    /// - Edge cases: q = 0 gives [].
    public static func subset<T>(of elements: [T], size q: Int, from source: inout ChoiceSource) -> [T] {
        precondition(q >= 0 && q <= elements.count, "subset of size \(q) from \(elements.count) elements")
        return subset(of: elements.count, size: q, from: &source).map { elements[$0 - 1] }
    }
}
