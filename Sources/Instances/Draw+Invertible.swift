import Numbers
import Matrices

extension Draw {
    /// An invertible n×n rational matrix built from the answer: A = P·L·U with L unit lower
    /// triangular, U upper triangular with nonzero diagonal, P a row permutation.
    ///
    /// Draws, in order: the strict lower part of L row-major, then U row-major from the
    /// diagonal (diagonal entries with `nonzero: true`), all by `rational(maxNumerator: height,
    /// maxDenominator: height)`; then π by `shuffled` (row i of A is row π(i) of LU).
    ///
    /// - Invariant: A is invertible over ℚ, det A = ±∏ U_ii ≠ 0.
    /// - Precondition: n ≥ 0, height ≥ 1.
    /// - Shrink order: L, then U, entrywise toward 0 (diagonal toward 1), then π toward the
    ///   identity; all choices 0 give I.
    /// - Edge cases: n = 0 gives 0×0 and draws nothing.
    public static func invertible(_ n: Int, height: Int = 4, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        var l = Matrix<Rational>.identity(n)
        for i in 0..<n {
            for j in 0..<i { l[i, j] = rational(maxNumerator: height, maxDenominator: height, from: &source) }
        }
        var u = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in i..<n {
                u[i, j] = rational(maxNumerator: height, maxDenominator: height, nonzero: i == j, from: &source)
            }
        }
        let pi = shuffled(Array(0..<n), from: &source)
        return (l * u).selecting(rows: pi)
    }
}
