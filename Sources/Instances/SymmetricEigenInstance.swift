import Numbers
import Matrices

/// A symmetric matrix together with its exact eigendecomposition: matrix = V·diag(λ)·Vᵀ with V
/// orthogonal, so column i of V is an eigenvector for λ_i.
public struct SymmetricEigenInstance: Sendable, Equatable {
    /// The symmetric n×n matrix V·diag(λ)·Vᵀ.
    public var matrix: Matrix<Rational>
    /// The eigenvalues λ, in the order given (with multiplicity).
    public var eigenvalues: [Rational]
    /// The orthogonal n×n matrix V whose columns are the eigenvectors.
    public var eigenvectors: Matrix<Rational>

    /// Memberwise; the caller vouches for the invariant (`Draw.symmetric(withSpectrum:)`
    /// establishes it).
    /// - Precondition: eigenvectors n×n, matrix n×n, eigenvalues.count == n.
    public init(matrix: Matrix<Rational>, eigenvalues: [Rational], eigenvectors: Matrix<Rational>) {
        self.matrix = matrix
        self.eigenvalues = eigenvalues
        self.eigenvectors = eigenvectors
    }
}
