import Numbers

extension Draw {
    /// A descending list of `count` nonnegative rationals, suitable as singular values or as the
    /// spectrum of a positive semidefinite matrix: `count − zeros` positive values followed by
    /// `zeros` zeros.
    ///
    /// Built upward without rejection: the smallest positive value's root s₁ by
    /// `rational(positive: true)`, then s_{i+1} = s_i + δ_i. With `ties`, each step first draws a
    /// choice in 0...2 and 0 means δ_i = 0 (a tie); otherwise δ_i is drawn by
    /// `rational(positive: true)`. The values are s_i (or s_i² with `squares`), reversed.
    ///
    /// - Invariant: non-increasing; the first count − zeros are > 0, strictly decreasing unless
    ///   `ties`; the last `zeros` are exactly 0; with `squares`, every value v has an exact
    ///   rational square root (`v.exactSquareRoot != nil`), the roots descending too.
    /// - Precondition: 0 ≤ zeros ≤ count; bounds ≥ 1.
    /// - Shrink order: s₁ toward 1, then each step toward a tie (with `ties`) or toward δ = 1.
    ///   All choices 0 give all-ones with `ties`, and count−zeros, …, 2, 1 (squared with
    ///   `squares`) without.
    /// - Edge cases: count = zeros gives all zeros and draws nothing; count = 0 gives [].
    public static func spectrum(
        count: Int, ties: Bool = false, squares: Bool = false, zeros: Int = 0,
        maxNumerator: Int = 9, maxDenominator: Int = 3, from source: inout ChoiceSource
    ) -> [Rational] {
        precondition(zeros >= 0 && zeros <= count, "spectrum of \(count) values with \(zeros) zeros")
        let positives = count - zeros
        var roots: [Rational] = []
        roots.reserveCapacity(positives)
        for i in 0..<positives {
            if i == 0 {
                roots.append(rational(maxNumerator: maxNumerator, maxDenominator: maxDenominator, positive: true, from: &source))
                continue
            }
            if ties, source.draw(upTo: 2 as UInt64) == 0 {
                roots.append(roots[i - 1])
                continue
            }
            let step = rational(maxNumerator: maxNumerator, maxDenominator: maxDenominator, positive: true, from: &source)
            roots.append(roots[i - 1] + step)
        }
        let values = squares ? roots.map { $0 * $0 } : roots
        return values.reversed() + Array(repeating: Rational.zero, count: zeros)
    }
}
