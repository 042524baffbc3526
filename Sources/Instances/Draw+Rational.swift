import Numbers

extension Draw {
    /// A small-height rational ±p/q with p ≤ `maxNumerator`, 1 ≤ q ≤ `maxDenominator` (before
    /// reduction to lowest terms), biased to 0, ±1 and small integers.
    ///
    /// Draws a mode choice in 0...7: 0 gives the simplest value (0, or 1 when zero is excluded),
    /// 1 gives 1, 2 gives −1 (1 when `positive`), 3 an integer ±p, 4...7 a fraction ±p/q. Then
    /// q (if any) by `integer(in: 1...maxDenominator)`, the magnitude p by
    /// `integer(in: 0 or 1...maxNumerator)` and the sign by `boolean` (false = positive; not
    /// drawn when `positive`).
    ///
    /// - Invariant: |numerator| ≤ maxNumerator and denominator ≤ maxDenominator (canonical form);
    ///   nonzero when `nonzero` or `positive`; > 0 when `positive`.
    /// - Precondition: maxNumerator ≥ 1, maxDenominator ≥ 1.
    /// - Shrink order: 0 (or 1) < 1 < −1 < integers < fractions; within a kind, smaller
    ///   denominators, smaller magnitudes, positive before negative.
    /// - Edge cases: with both bounds 1 the values are 0 and ±1 only.
    public static func rational(
        maxNumerator: Int = 9, maxDenominator: Int = 9, nonzero: Bool = false, positive: Bool = false,
        from source: inout ChoiceSource
    ) -> Rational {
        precondition(maxNumerator >= 1 && maxDenominator >= 1, "rational bounds must be at least 1")
        let allowZero = !(nonzero || positive)
        let mode = source.draw(upTo: 7 as UInt64)
        switch mode {
        case 0: return allowZero ? 0 : 1
        case 1: return 1
        case 2: return positive ? 1 : -1
        default:
            let q = mode == 3 ? 1 : integer(in: 1...maxDenominator, from: &source)
            let p = integer(in: (allowZero ? 0 : 1)...maxNumerator, from: &source)
            let negative = !positive && boolean(from: &source)
            return Rational(negative ? -p : p, q)
        }
    }
}
