import Numbers
import Matrices

/// Data built backwards from a factorization: matrix = left·right with left m×r of full column
/// rank and right r×n of full row rank, so rank(matrix) = r exactly.
public struct LowRankInstance: Sendable, Equatable {
    /// X = W·S, m×n.
    public var matrix: Matrix<Rational>
    /// W, m×r, full column rank.
    public var left: Matrix<Rational>
    /// S, r×n, full row rank.
    public var right: Matrix<Rational>

    /// Memberwise; the caller vouches for the invariant (matrix = left·right, full ranks).
    /// - Precondition: left.columns == right.rows, matrix is left.rows × right.columns.
    public init(matrix: Matrix<Rational>, left: Matrix<Rational>, right: Matrix<Rational>) {
        self.matrix = matrix
        self.left = left
        self.right = right
    }

    /// The rank r (inner dimension of the factorization).
    public var rank: Int { left.columns }
}
