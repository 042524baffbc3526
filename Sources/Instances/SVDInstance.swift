import Numbers
import Matrices

/// A matrix together with its exact singular value decomposition:
/// matrix = u·diag(singularValues)·vᵀ, with u = first r columns of fullU and v = first r
/// columns of fullV, fullU and fullV orthogonal, r = singularValues.count.
public struct SVDInstance: Sendable, Equatable {
    /// The m×n matrix X = U·diag(σ)·Vᵀ.
    public var matrix: Matrix<Rational>
    /// U, m×r with orthonormal columns (the left singular vectors).
    public var u: Matrix<Rational>
    /// σ, r nonnegative values in non-increasing order.
    public var singularValues: [Rational]
    /// V, n×r with orthonormal columns (the right singular vectors).
    public var v: Matrix<Rational>
    /// The full orthogonal m×m matrix whose first r columns are U.
    public var fullU: Matrix<Rational>
    /// The full orthogonal n×n matrix whose first r columns are V.
    public var fullV: Matrix<Rational>

    /// Memberwise; the caller vouches for the invariant (`Draw.withSVD` establishes it).
    /// - Precondition: shapes fit: u m×r, v n×r, fullU m×m, fullV n×n, matrix m×n, r = σ.count.
    public init(matrix: Matrix<Rational>, u: Matrix<Rational>, singularValues: [Rational], v: Matrix<Rational>,
                fullU: Matrix<Rational>, fullV: Matrix<Rational>) {
        self.matrix = matrix
        self.u = u
        self.singularValues = singularValues
        self.v = v
        self.fullU = fullU
        self.fullV = fullV
    }

    /// The number r of singular values given (the rank when they are all nonzero).
    public var count: Int { singularValues.count }

    /// The full m×n diagonal Σ with fullU·Σ·fullVᵀ = matrix.
    public var fullSigma: Matrix<Rational> {
        Matrix(rows: fullU.rows, columns: fullV.rows) { i, j in
            i == j && i < singularValues.count ? singularValues[i] : 0
        }
    }
}
