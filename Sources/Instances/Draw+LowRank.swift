import Numbers
import Matrices

extension Draw {
    /// An m×n matrix of exact rank r, X = W·S, built from chosen factors.
    ///
    /// General (default): W = first r columns of `invertible(m, height:)`, S = first r rows of
    /// `invertible(n, height:)`, drawn in that order. With `nonnegative`: W is [D; C] with rows
    /// permuted, D = diag of `rational(positive: true)` and C drawn entrywise by `rational` with
    /// a sign-free (nonnegative) magnitude, and S = [D′ C′] with columns permuted likewise; then
    /// W, S and X are entrywise nonnegative (nonnegative-factorization data).
    ///
    /// - Invariant: rank W = rank S = rank X = r exactly (W contains an invertible r×r block of
    ///   rows, S one of columns); with `nonnegative` every entry of W, S, X is ≥ 0.
    /// - Precondition: 0 ≤ r ≤ min(m, n), height ≥ 1.
    /// - Shrink order: W's choices, then S's; all choices 0 give W = [I_r; 0], S = [I_r 0],
    ///   X = [I_r 0; 0 0].
    /// - Edge cases: r = 0 gives the zero matrix with m×0 and 0×n factors.
    public static func lowRank(
        rows m: Int, columns n: Int, rank r: Int, nonnegative: Bool = false, height: Int = 4,
        from source: inout ChoiceSource
    ) -> LowRankInstance {
        precondition(m >= 0 && n >= 0, "negative matrix shape \(m)×\(n)")
        precondition(r >= 0 && r <= Swift.min(m, n), "rank \(r) for an \(m)×\(n) matrix")
        let w: Matrix<Rational>, s: Matrix<Rational>
        if nonnegative {
            w = nonnegativeFullColumnRank(m, r, height: height, from: &source)
            s = nonnegativeFullColumnRank(n, r, height: height, from: &source).transposed
        } else {
            w = invertible(m, height: height, from: &source).selecting(columns: Array(0..<r))
            s = invertible(n, height: height, from: &source).selecting(columns: Array(0..<r)).transposed
        }
        return LowRankInstance(matrix: w * s, left: w, right: s)
    }

    /// A nonnegative m×r matrix of full column rank: [diag(positive); nonnegative] with rows
    /// permuted (drawn: diagonal, then the lower block row-major, then the row permutation).
    static func nonnegativeFullColumnRank(
        _ m: Int, _ r: Int, height: Int, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        var a = Matrix<Rational>.zeros(m, r)
        for i in 0..<r { a[i, i] = rational(maxNumerator: height, maxDenominator: height, positive: true, from: &source) }
        for i in r..<m {
            for j in 0..<r {
                a[i, j] = rational(maxNumerator: height, maxDenominator: height, from: &source).magnitude
            }
        }
        return a.selecting(rows: shuffled(Array(0..<m), from: &source))
    }
}
