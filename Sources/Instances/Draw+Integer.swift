extension Draw {
    /// The simplest integer of a closed range: the one of least magnitude (`lo` when lo ≥ 0,
    /// `hi` when hi ≤ 0, otherwise 0).
    public static func simplestInteger(in range: ClosedRange<Int>) -> Int {
        if range.lowerBound > 0 { return range.lowerBound }
        if range.upperBound < 0 { return range.upperBound }
        return 0
    }

    /// An integer in `range`, biased to edge cases.
    ///
    /// Draws a mode choice in 0...7: 0 gives the simplest value (least magnitude, see
    /// `simplestInteger(in:)`), 1 the endpoint nearer to it, 2 the other endpoint (so each
    /// endpoint has probability ≥ 1/8 while generating, together 1/4), 3...7 an offset choice
    /// k ∈ 0...(hi − lo) mapped to values in order of increasing distance from the simplest
    /// value (k = 0 the simplest, then +1, −1, +2, −2, … while both sides have room).
    ///
    /// - Invariant: the result lies in `range`.
    /// - Precondition: none (any `ClosedRange<Int>`, including the full `Int` range).
    /// - Shrink order: mode 0 (simplest value) < endpoints < offsets, smaller offsets closer to
    ///   the simplest value; for a range of nonnegative dimensions, toward `lo`.
    /// - Edge cases: a one-element range returns its element and draws nothing.
    public static func integer(in range: ClosedRange<Int>, from source: inout ChoiceSource) -> Int {
        let lo = range.lowerBound, hi = range.upperBound
        if lo == hi { return lo }
        let target = simplestInteger(in: range)
        let below = UInt64(UInt(bitPattern: target &- lo)), above = UInt64(UInt(bitPattern: hi &- target))
        let (near, far) = below <= above ? (lo, hi) : (hi, lo)
        switch source.draw(upTo: 7 as UInt64) {
        case 0: return target
        case 1: return near
        case 2: return far
        default:
            let span = UInt64(UInt(bitPattern: hi &- lo))
            let k = source.draw(upTo: span)
            return zigzag(k, target: target, below: below, above: above)
        }
    }

    /// The k-th value of the range in order of distance from `target` (upward first on ties);
    /// `below`/`above` are the room on each side. Bijective from 0...(below + above).
    static func zigzag(_ k: UInt64, target: Int, below: UInt64, above: UInt64) -> Int {
        if k == 0 { return target }
        let both = Swift.min(below, above)
        if k <= 2 * both {
            return k % 2 == 1 ? target &+ Int(bitPattern: UInt((k + 1) / 2)) : target &- Int(bitPattern: UInt(k / 2))
        }
        let distance = both + (k - 2 * both)
        return above > below ? target &+ Int(bitPattern: UInt(distance)) : target &- Int(bitPattern: UInt(distance))
    }

    /// A fair boolean: one choice in 0...1.
    ///
    /// - Invariant: exactly one draw.
    /// - Precondition: none.
    /// - Shrink order: `false` (choice 0) < `true`.
    /// - Edge cases: none.
    public static func boolean(from source: inout ChoiceSource) -> Bool {
        source.draw(upTo: 1 as UInt64) == 1
    }

    /// `true` with probability 1/n while generating: one choice in 0...(n − 1), true only for
    /// the largest value, so choice 0 (the simplest) is `false`.
    ///
    /// - Invariant: exactly one draw.
    /// - Precondition: n ≥ 2.
    /// - Shrink order: `false` < `true`.
    /// - Edge cases: n = 2 is `boolean(from:)`.
    public static func rarely(oneIn n: Int, from source: inout ChoiceSource) -> Bool {
        precondition(n >= 2, "rarely(oneIn:) needs n ≥ 2")
        return source.draw(upTo: n - 1) == n - 1
    }

    /// An element of a nonempty list, its index drawn with `integer(in: 0...count − 1)` (so the
    /// first and last elements are favored).
    ///
    /// - Invariant: the result is one of `elements`.
    /// - Precondition: `elements` is nonempty.
    /// - Shrink order: toward the front of the list; choice 0 gives the first element.
    /// - Edge cases: a one-element list returns it without drawing.
    public static func element<T>(of elements: [T], from source: inout ChoiceSource) -> T {
        precondition(!elements.isEmpty, "element(of:) from an empty list")
        return elements[integer(in: 0...(elements.count - 1), from: &source)]
    }
}
