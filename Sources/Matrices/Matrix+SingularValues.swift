import Numbers

/// A thin singular value decomposition A = U·diag(singularValues)·Vᵀ of an m×n matrix, with
/// k = min(m, n), as computed by `approximateSVD(precision:)`.
public struct SingularValueDecomposition: Sendable {
    /// m×k, orthonormal columns (the left singular vectors).
    public let u: Matrix<BigFloat>
    /// The k singular values in descending order, all ≥ 0.
    public let singularValues: [BigFloat]
    /// n×k, orthonormal columns (the right singular vectors).
    public let v: Matrix<BigFloat>
    /// False when the iteration stopped at its sweep limit before every pair of columns was
    /// orthogonal to the working precision (not observed in practice).
    public let converged: Bool
}

extension Matrix where T == BigFloat {
    /// The thin SVD by the one-sided (Hestenes) Jacobi method at `precision` bits.
    ///
    /// Plane rotations applied from the right make the columns of A (of Aᵀ when m < n) mutually
    /// orthogonal; the singular values are then the column norms, U the normalized columns and
    /// V the accumulated rotations. AᵀA is never formed, so small singular values are not
    /// destroyed by squaring (as they would be by an eigen-decomposition of AᵀA, whose absolute
    /// error ε‖A‖² becomes an error ε‖A‖²/σ in σ). Work is done at `precision + 32` bits, a pair
    /// of columns counts as orthogonal when |⟨a_i, a_j⟩| ≤ 2^−(precision+24)·‖a_i‖‖a_j‖, and
    /// results are rounded to `precision` bits. Columns of U for singular values that are
    /// exactly zero are completed to an orthonormal set.
    ///
    /// - Exactness: approximate. The method is backward stable: each computed singular value lies
    ///   within about 2^−precision·‖A‖_F of an exact one, and U, V have orthonormal columns to
    ///   about 2^−precision; for matrices whose columns are well scaled the small singular
    ///   values are also accurate relative to themselves.
    /// - Precondition: entries finite; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(m·n²) operations per sweep at the working precision (m ≥ n after the
    ///   transposition), typically log₂(precision) + 5 sweeps.
    /// Edge cases: an empty matrix gives k = 0: no values, U m×0 and V n×0.
    public func approximateSVD(precision: Int) -> SingularValueDecomposition {
        var solver = OneSidedJacobiSVD(self, precision: precision, wantVectors: true)
        return solver.run()
    }

    /// The min(m, n) singular values in descending order, as `approximateSVD(precision:)`
    /// computes them but without accumulating singular vectors.
    ///
    /// - Exactness: approximate (see `approximateSVD(precision:)`).
    /// - Precondition: entries finite; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(m·n²) per sweep at `precision + 32` bits.
    /// Edge cases: an empty matrix gives [].
    public func approximateSingularValues(precision: Int) -> [BigFloat] {
        var solver = OneSidedJacobiSVD(self, precision: precision, wantVectors: false)
        return solver.run().singularValues
    }
}

extension Matrix where T == Rational {
    /// The thin SVD of a rational matrix, computed in floating point after rounding the entries
    /// to the working precision (see `Matrix<BigFloat>.approximateSVD(precision:)`).
    ///
    /// - Exactness: approximate: each singular value within about 2^−precision·‖A‖_F of an exact one.
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(m·n²) per sweep at `precision + 32` bits.
    /// Edge cases: an empty matrix gives k = 0.
    public func approximateSVD(precision: Int) -> SingularValueDecomposition {
        Matrix<BigFloat>(self, precision: precision + OneSidedJacobiSVD.guardBits).approximateSVD(precision: precision)
    }

    /// The min(m, n) singular values of a rational matrix in descending order.
    ///
    /// - Exactness: approximate (see `approximateSVD(precision:)`).
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(m·n²) per sweep at `precision + 32` bits.
    /// Edge cases: an empty matrix gives [].
    public func approximateSingularValues(precision: Int) -> [BigFloat] {
        Matrix<BigFloat>(self, precision: precision + OneSidedJacobiSVD.guardBits).approximateSingularValues(precision: precision)
    }
}

/// One-sided Jacobi on the columns of W = A (or Aᵀ when A has fewer rows than columns), stored
/// column by column.
struct OneSidedJacobiSVD {
    static let guardBits = 32
    static let maxSweeps = 60

    let m: Int, n: Int
    let transposed: Bool
    let precision: Int
    let wp: Int
    var w: [[BigFloat]]
    var v: [[BigFloat]]?

    init(_ a: Matrix<BigFloat>, precision: Int, wantVectors: Bool) {
        precondition(a.elements.allSatisfy(\.isFinite), "singular values of a matrix with a non-finite entry")
        precondition(BigFloat.precisionRange.contains(precision), "precision outside BigFloat.precisionRange")
        self.precision = precision
        wp = Swift.min(precision + OneSidedJacobiSVD.guardBits, BigFloat.precisionRange.upperBound)
        transposed = a.rows < a.columns
        let b = transposed ? a.transposed : a
        m = b.rows
        n = b.columns
        let p = wp
        w = (0..<n).map { j in b.column(j).map { $0.rounded(toPrecision: p) } }
        if wantVectors {
            let zero = BigFloat(0, precision: wp), one = BigFloat(1, precision: wp)
            v = (0..<n).map { j in (0..<n).map { $0 == j ? one : zero } }
        }
    }

    func dot(_ x: [BigFloat], _ y: [BigFloat]) -> BigFloat {
        var s = BigFloat(0, precision: wp)
        for i in x.indices { s = s + x[i] * y[i] }
        return s
    }

    /// Replaces (x, y) by (c·x − s·y, s·x + c·y).
    static func rotate(_ x: inout [BigFloat], _ y: inout [BigFloat], _ c: BigFloat, _ s: BigFloat) {
        for r in x.indices {
            let g = x[r], h = y[r]
            x[r] = c * g - s * h
            y[r] = s * g + c * h
        }
    }

    mutating func run() -> SingularValueDecomposition {
        let one = BigFloat(1, precision: wp)
        let tolSquared = one.scaled(byPowerOfTwo: -2 * (wp - 8))
        var converged = n <= 1
        if n > 1 {
            for _ in 0..<OneSidedJacobiSVD.maxSweeps {
                var rotated = false
                for i in 0..<(n - 1) {
                    for j in (i + 1)..<n {
                        let alpha = dot(w[i], w[i]), beta = dot(w[j], w[j]), gamma = dot(w[i], w[j])
                        if gamma.isZero || gamma * gamma <= tolSquared * alpha * beta { continue }
                        rotated = true
                        // ζ = (β − α)/(2γ); t = sign(ζ)/(|ζ| + √(1 + ζ²)) zeroes the Gram entry of
                        // the rotated pair: (1 − t²)/t = 2ζ, with |t| ≤ 1.
                        let zeta = (beta - alpha) / gamma.scaled(byPowerOfTwo: 1)
                        var t = one / (zeta.magnitude + (zeta * zeta + one).squareRoot())
                        if zeta.signum < 0 { t = -t }
                        let c = one / (t * t + one).squareRoot(), s = c * t
                        var (x, y) = (w[i], w[j])
                        w[i] = []; w[j] = []
                        OneSidedJacobiSVD.rotate(&x, &y, c, s)
                        (w[i], w[j]) = (x, y)
                        if var vv = v {
                            v = nil
                            var (p, q) = (vv[i], vv[j])
                            vv[i] = []; vv[j] = []
                            OneSidedJacobiSVD.rotate(&p, &q, c, s)
                            (vv[i], vv[j]) = (p, q)
                            v = vv
                        }
                    }
                }
                if !rotated { converged = true; break }
            }
        }
        let norms = w.map { dot($0, $0).squareRoot() }
        let order = (0..<n).sorted { norms[$0] > norms[$1] || (norms[$0] == norms[$1] && $0 < $1) }
        let values = order.map { norms[$0].rounded(toPrecision: precision) }
        guard let vv = v else {
            return SingularValueDecomposition(u: .zeros(0, 0), singularValues: values, v: .zeros(0, 0), converged: converged)
        }
        // left vectors: normalized columns; exact zeros are completed by Gram–Schmidt
        var left: [[BigFloat]] = []
        for j in order where !norms[j].isZero {
            left.append(w[j].map { $0 / norms[j] })
        }
        while left.count < n {
            // the unit vector e_i with the largest component outside span(left); one with
            // squared residual ≥ (m − |left|)/m ≥ 1/m always exists
            var best: (residual: [BigFloat], norm: BigFloat)? = nil
            for i in 0..<m {
                var e = (0..<m).map { BigFloat($0 == i ? 1 : 0, precision: wp) }
                for _ in 0..<2 {  // orthogonalize twice for stability
                    for u in left {
                        let d = dot(u, e)
                        for r in 0..<m { e[r] = e[r] - d * u[r] }
                    }
                }
                let norm = dot(e, e).squareRoot()
                if best == nil || norm > best!.norm { best = (e, norm) }
            }
            left.append(best!.residual.map { $0 / best!.norm })
        }
        let uMatrix = Matrix<BigFloat>(rows: m, columns: n) { r, c in left[c][r].rounded(toPrecision: precision) }
        let vMatrix = Matrix<BigFloat>(rows: n, columns: n) { r, c in vv[order[c]][r].rounded(toPrecision: precision) }
        return transposed
            ? SingularValueDecomposition(u: vMatrix, singularValues: values, v: uMatrix, converged: converged)
            : SingularValueDecomposition(u: uMatrix, singularValues: values, v: vMatrix, converged: converged)
    }
}
