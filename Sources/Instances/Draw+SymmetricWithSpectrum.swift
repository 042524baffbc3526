import Numbers
import Matrices

extension Draw {
    /// A symmetric matrix with the prescribed spectrum: A = Qᵀ·diag(d)·Q for Q drawn by
    /// `orthogonal(d.count, height:)`; returned with V = Qᵀ as the eigenvector matrix.
    ///
    /// - Invariant: A exactly symmetric, A = V·diag(d)·Vᵀ with VᵀV = I exactly, so the
    ///   eigenvalues of A are exactly d (with multiplicity); A is positive (semi)definite iff
    ///   every d_i is > 0 (≥ 0).
    /// - Precondition: height ≥ 1 (d may be any list, in any order, with repeats).
    /// - Shrink order: as `orthogonal`; all choices 0 give A = diag(d), V = I.
    /// - Edge cases: d = [] gives 0×0 and draws nothing.
    public static func symmetric(
        withSpectrum d: [Rational], height: Int = 3, from source: inout ChoiceSource
    ) -> SymmetricEigenInstance {
        let q = orthogonal(d.count, height: height, from: &source)
        let v = q.transposed
        return SymmetricEigenInstance(matrix: v * Matrix.diagonal(d) * q, eigenvalues: d, eigenvectors: v)
    }
}
