import Numbers
import Matrices

extension Draw {
    /// An m×n matrix of small-height rationals (`rational(maxNumerator:maxDenominator:)` for
    /// each entry, row-major). With `sparse`, each entry first draws a presence choice in 0...3
    /// and is nonzero only for 3 (density 1/4), the value then drawn with `nonzero: true`.
    ///
    /// - Invariant: exactly m×n; every entry obeys the height bounds.
    /// - Precondition: m, n ≥ 0; bounds ≥ 1.
    /// - Shrink order: entrywise, row-major; all-zero choices give the zero matrix.
    /// - Edge cases: empty shapes (0×n, m×0) draw nothing.
    public static func rationalMatrix(
        rows m: Int, columns n: Int, maxNumerator: Int = 9, maxDenominator: Int = 9, sparse: Bool = false,
        from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(m >= 0 && n >= 0, "negative matrix shape \(m)×\(n)")
        var entries: [Rational] = []
        entries.reserveCapacity(m * n)
        for _ in 0..<(m * n) {
            if sparse, source.draw(upTo: 3 as UInt64) != 3 { entries.append(0); continue }
            entries.append(rational(maxNumerator: maxNumerator, maxDenominator: maxDenominator,
                                    nonzero: sparse, from: &source))
        }
        return Matrix(rows: m, columns: n, elements: entries)
    }

    /// An m×n matrix of integers in `entries` (each by `integer(in:)`, row-major), as a rational
    /// matrix. With `sparse`, as in `rationalMatrix`: an entry is drawn only when its presence
    /// choice is 3, otherwise it is the simplest value of the range.
    ///
    /// - Invariant: exactly m×n with integer entries in `entries`.
    /// - Precondition: m, n ≥ 0.
    /// - Shrink order: entrywise, row-major, toward the least-magnitude value of the range (0
    ///   when the range contains 0, giving the zero matrix).
    /// - Edge cases: empty shapes draw nothing.
    public static func integerMatrix(
        rows m: Int, columns n: Int, entries: ClosedRange<Int> = -9...9, sparse: Bool = false,
        from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(m >= 0 && n >= 0, "negative matrix shape \(m)×\(n)")
        let simplest = simplestInteger(in: entries)
        var values: [Rational] = []
        values.reserveCapacity(m * n)
        for _ in 0..<(m * n) {
            if sparse, source.draw(upTo: 3 as UInt64) != 3 { values.append(Rational(simplest)); continue }
            values.append(Rational(integer(in: entries, from: &source)))
        }
        return Matrix(rows: m, columns: n, elements: values)
    }

    /// A random symmetric n×n rational matrix: the upper triangle (with the diagonal) drawn
    /// row-major by `rational`, mirrored below.
    ///
    /// - Invariant: exactly symmetric.
    /// - Precondition: n ≥ 0; bounds ≥ 1.
    /// - Shrink order: upper-triangle entries row-major; all zeros give the zero matrix.
    /// - Edge cases: n = 0 gives 0×0 and draws nothing.
    public static func symmetric(
        _ n: Int, maxNumerator: Int = 9, maxDenominator: Int = 9, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        var a = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in i..<n {
                let v = rational(maxNumerator: maxNumerator, maxDenominator: maxDenominator, from: &source)
                a[i, j] = v
                a[j, i] = v
            }
        }
        return a
    }

    /// A random skew-symmetric n×n rational matrix: the strict upper triangle drawn row-major
    /// by `rational`, negated below, zero diagonal.
    ///
    /// - Invariant: exactly Kᵀ = −K (so I + K is invertible over ℚ).
    /// - Precondition: n ≥ 0; bounds ≥ 1.
    /// - Shrink order: strict-upper entries row-major; all zeros give the zero matrix.
    /// - Edge cases: n ≤ 1 gives the zero matrix and draws nothing.
    public static func skewSymmetric(
        _ n: Int, maxNumerator: Int = 9, maxDenominator: Int = 9, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        var k = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(i + 1, n) {
                let v = rational(maxNumerator: maxNumerator, maxDenominator: maxDenominator, from: &source)
                k[i, j] = v
                k[j, i] = -v
            }
        }
        return k
    }
}
