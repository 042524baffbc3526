import Numbers
import Matrices

extension Draw {
    /// An m×n matrix with the prescribed singular values σ (r = σ.count of them), built from
    /// the answer: X = U·diag(σ)·Vᵀ where U (m×r) and V (n×r) are the first r columns of
    /// orthogonal matrices drawn by `orthogonal(m, height:)` then `orthogonal(n, height:)`.
    ///
    /// - Invariant: X = U·diag(σ)·Vᵀ exactly, UᵀU = VᵀV = I_r exactly, fullU and fullV
    ///   orthogonal, so σ (padded with zeros) are exactly the singular values of X and
    ///   rank X = number of nonzero σ_i.
    /// - Precondition: σ.count ≤ min(m, n); every σ_i ≥ 0; σ non-increasing (ties allowed).
    /// - Shrink order: U's choices, then V's, as `orthogonal`; all choices 0 give
    ///   X = [diag(σ) 0; 0 0], U = [I_r; 0], V = [I_r; 0].
    /// - Edge cases: σ = [] gives the m×n zero matrix with m×0 and n×0 factors; m or n = 0
    ///   needs σ = [].
    public static func withSVD(
        m: Int, n: Int, singularValues sigma: [Rational], height: Int = 3, from source: inout ChoiceSource
    ) -> SVDInstance {
        precondition(m >= 0 && n >= 0, "negative matrix shape \(m)×\(n)")
        let r = sigma.count
        precondition(r <= Swift.min(m, n), "\(r) singular values do not fit a \(m)×\(n) matrix")
        for (i, s) in sigma.enumerated() {
            precondition(s.signum >= 0, "negative singular value \(s)")
            precondition(i == 0 || s <= sigma[i - 1], "singular values must be non-increasing")
        }
        let fullU = orthogonal(m, height: height, from: &source)
        let fullV = orthogonal(n, height: height, from: &source)
        let u = fullU.selecting(columns: Array(0..<r)), v = fullV.selecting(columns: Array(0..<r))
        let x = u * Matrix.diagonal(sigma) * v.transposed
        return SVDInstance(matrix: x, u: u, singularValues: sigma, v: v, fullU: fullU, fullV: fullV)
    }
}
