import Numbers
import Matrices

extension Draw {
    /// A symmetric positive definite n×n rational matrix A = L·Lᵀ, L lower triangular with
    /// positive diagonal.
    ///
    /// Draws L row-major over the lower triangle (diagonal with `positive: true`) by
    /// `rational(maxNumerator: height, maxDenominator: height)`.
    ///
    /// - Invariant: A is exactly symmetric and positive definite (xᵀAx = ‖Lᵀx‖² > 0 for x ≠ 0,
    ///   L invertible); every leading principal minor is (∏_{i<k} L_ii)² > 0.
    /// - Precondition: n ≥ 0, height ≥ 1.
    /// - Shrink order: L entrywise row-major (off-diagonal toward 0, diagonal toward 1); all
    ///   choices 0 give I.
    /// - Edge cases: n = 0 gives 0×0 and draws nothing.
    public static func positiveDefinite(_ n: Int, height: Int = 4, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        var l = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in 0...i {
                l[i, j] = rational(maxNumerator: height, maxDenominator: height, positive: i == j, from: &source)
            }
        }
        return l * l.transposed
    }

    /// A symmetric positive semidefinite n×n rational matrix of exact rank r: A = W·Wᵀ with W
    /// the first r columns of `invertible(n, height:)` (full column rank).
    ///
    /// - Invariant: A symmetric, xᵀAx = ‖Wᵀx‖² ≥ 0, rank A = r exactly.
    /// - Precondition: 0 ≤ r ≤ n, height ≥ 1.
    /// - Shrink order: as `invertible`; all choices 0 give diag(I_r, 0).
    /// - Edge cases: r = 0 gives the zero matrix; r = n a positive definite matrix.
    public static func positiveSemidefinite(
        _ n: Int, rank r: Int, height: Int = 4, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(r >= 0 && r <= n, "rank \(r) for an \(n)×\(n) matrix")
        let w = invertible(n, height: height, from: &source).selecting(columns: Array(0..<r))
        return w * w.transposed
    }
}
