import Numbers
import Matrices

extension Draw {
    /// An exactly orthogonal n×n rational matrix.
    ///
    /// Draws a mode choice in 0...7 (for n ≥ 1). Modes 0...6: the Cayley transform
    /// Q = (I − K)(I + K)⁻¹ of a skew-symmetric K drawn by `skewSymmetric(n, maxNumerator:
    /// height, maxDenominator: height)`; I + K is always invertible over ℚ (the eigenvalues of a
    /// real skew-symmetric K are imaginary, so those of I + K are nonzero) and Q is special
    /// orthogonal. Mode 7 (edge case): the permutation matrix with Q[i, π(i)] = 1 for a
    /// permutation π drawn by `shuffled`. Then, with `reflections`, n `boolean` choices negate
    /// columns (Q·D with D = diag(±1)), so that det Q = −1 occurs too.
    ///
    /// - Invariant: QᵀQ = QQᵀ = I exactly.
    /// - Precondition: n ≥ 0, height ≥ 1.
    /// - Shrink order: Cayley before permutation; K entrywise toward 0, signs toward +1. All
    ///   choices 0 give the identity.
    /// - Edge cases: n = 0 gives the 0×0 matrix and draws nothing; n = 1 gives ±1. Without
    ///   `reflections` and in mode 0...6, det Q = 1 and −1 is never an eigenvalue.
    public static func orthogonal(
        _ n: Int, reflections: Bool = true, height: Int = 3, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        precondition(height >= 1, "height must be at least 1")
        if n == 0 { return .identity(0) }
        var q: Matrix<Rational>
        if source.draw(upTo: 7 as UInt64) == 7 {
            let pi = shuffled(Array(0..<n), from: &source)
            q = Matrix(rows: n, columns: n) { i, j in pi[i] == j ? 1 : 0 }
        } else {
            let k = skewSymmetric(n, maxNumerator: height, maxDenominator: height, from: &source)
            q = cayley(k)
        }
        if reflections {
            for j in 0..<n where boolean(from: &source) {
                for i in 0..<n { q[i, j] = -q[i, j] }
            }
        }
        return q
    }

    /// The Cayley transform (I − K)(I + K)⁻¹ of a skew-symmetric K: exactly orthogonal.
    /// - Precondition: K is skew-symmetric (then I + K is invertible).
    /// - Cancellation: the inverse polls the current thread's deadline (`Cancellation`); past it
    ///   the identity is returned instead, and the caller, which polls the deadline after every
    ///   generator, discards the draw. Without a deadline the result is always exact.
    static func cayley(_ k: Matrix<Rational>) -> Matrix<Rational> {
        let n = k.rows
        if k.isZero { return .identity(n) }
        let id = Matrix<Rational>.identity(n)
        let inverse: Matrix<Rational>?
        do { inverse = try (id + k).cancellableInverse() } catch { return .identity(n) }
        guard let inverse else { preconditionFailure("I + K is singular, so K was not skew-symmetric") }
        return (id - k) * inverse
    }

    /// An n×k matrix with exactly orthonormal columns (a point of the Stiefel manifold): the
    /// first k columns of `orthogonal(n, reflections:, height:)`.
    ///
    /// - Invariant: UᵀU = I_k exactly.
    /// - Precondition: 0 ≤ k ≤ n.
    /// - Shrink order: as `orthogonal`; all choices 0 give [I_k; 0].
    /// - Edge cases: k = 0 gives n×0; k = n gives an orthogonal matrix.
    public static func stiefel(
        _ n: Int, _ k: Int, reflections: Bool = true, height: Int = 3, from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(k >= 0 && k <= n, "Stiefel matrix \(n)×\(k) needs 0 ≤ k ≤ n")
        return orthogonal(n, reflections: reflections, height: height, from: &source).selecting(columns: Array(0..<k))
    }
}
