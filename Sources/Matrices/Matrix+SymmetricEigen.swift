import Numbers

/// Eigenvalues and eigenvectors of a real symmetric matrix A = V·diag(values)·Vᵀ, as computed by
/// `approximateSymmetricEigen(precision:)`.
public struct SymmetricEigendecomposition: Sendable {
    /// The eigenvalues in ascending order, with multiplicity.
    public let values: [BigFloat]
    /// An orthogonal matrix whose column j is a unit eigenvector for `values[j]`.
    public let vectors: Matrix<BigFloat>
    /// False when the iteration stopped at its sweep limit before the off-diagonal part became
    /// negligible (not observed in practice: Jacobi converges quadratically).
    public let converged: Bool
}

extension Matrix where T == BigFloat {
    /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric float matrix by the
    /// cyclic Jacobi method with threshold, at `precision` bits.
    ///
    /// The matrix is rounded to a working precision of `precision + 32` bits; rotations annihilate
    /// the off-diagonal entries row by row, skipping entries below the threshold
    /// 0.2·Σ_{p<q}|a_pq|/n² during the first three sweeps and setting to zero the ones that are
    /// negligible next to both their diagonal entries afterwards; the sweeps stop when the
    /// off-diagonal Frobenius norm is below 2^−(precision+24)·‖A‖_F. Results are rounded to
    /// `precision` bits.
    ///
    /// - Exactness: approximate. Jacobi is backward stable, so each computed eigenvalue lies within
    ///   about 2^−precision·‖A‖_F of an exact one (Weyl), for orders up to thousands; an
    ///   eigenvector is accurate to that bound divided by the gap to the nearest other eigenvalue,
    ///   and the columns of `vectors` are orthonormal to about 2^−precision.
    /// - Precondition: square and symmetric (exact equality of mirrored entries), entries finite;
    ///   `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(n³) operations per sweep at the working precision; typically
    ///   log₂(precision) + 5 sweeps.
    /// Edge cases: 0×0 gives no values and a 0×0 matrix; 1×1 gives its entry and [1].
    public func approximateSymmetricEigen(precision: Int) -> SymmetricEigendecomposition {
        var solver = JacobiEigenSolver(self, precision: precision, wantVectors: true)
        let r = solver.run()
        return SymmetricEigendecomposition(values: r.values, vectors: r.vectors!, converged: r.converged)
    }

    /// The eigenvalues of a symmetric float matrix in ascending order, as
    /// `approximateSymmetricEigen(precision:)` computes them but without accumulating
    /// eigenvectors (about half the work).
    ///
    /// - Exactness: approximate (see `approximateSymmetricEigen(precision:)`).
    /// - Precondition: square and symmetric, entries finite; `precision` in
    ///   `BigFloat.precisionRange`.
    /// - Complexity: O(n³) per sweep at `precision + 32` bits.
    /// Edge cases: 0×0 gives [].
    public func approximateSymmetricEigenvalues(precision: Int) -> [BigFloat] {
        var solver = JacobiEigenSolver(self, precision: precision, wantVectors: false)
        return solver.run().values
    }
}

extension Matrix where T == Rational {
    /// Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric rational matrix: the
    /// entries are rounded to the working precision and the float Jacobi method runs on them.
    ///
    /// - Exactness: approximate: each eigenvalue within about 2^−precision·‖A‖_F of an exact one
    ///   (see `Matrix<BigFloat>.approximateSymmetricEigen(precision:)`). For certified bounds
    ///   use `eigenvalueEnclosure(index:width:)`.
    /// - Precondition: square and symmetric; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: as the float version, plus one conversion per entry.
    /// Edge cases: 0×0 gives no values and a 0×0 matrix.
    public func approximateSymmetricEigen(precision: Int) -> SymmetricEigendecomposition {
        precondition(isSymmetric, "symmetric eigenproblem for a non-symmetric matrix")
        return Matrix<BigFloat>(self, precision: precision + JacobiEigenSolver.guardBits).approximateSymmetricEigen(precision: precision)
    }

    /// The eigenvalues of a symmetric rational matrix in ascending order, without eigenvectors.
    ///
    /// - Exactness: approximate (see `approximateSymmetricEigen(precision:)`).
    /// - Precondition: square and symmetric; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(n³) per sweep at `precision + 32` bits.
    /// Edge cases: 0×0 gives [].
    public func approximateSymmetricEigenvalues(precision: Int) -> [BigFloat] {
        precondition(isSymmetric, "symmetric eigenproblem for a non-symmetric matrix")
        return Matrix<BigFloat>(self, precision: precision + JacobiEigenSolver.guardBits).approximateSymmetricEigenvalues(precision: precision)
    }
}

/// The cyclic Jacobi iteration on a full symmetric working copy (both triangles kept equal).
struct JacobiEigenSolver {
    /// Extra working bits beyond the requested precision.
    static let guardBits = 32
    static let maxSweeps = 60

    let n: Int
    let precision: Int
    let wp: Int
    var a: [BigFloat]
    var v: [BigFloat]?

    init(_ m: Matrix<BigFloat>, precision: Int, wantVectors: Bool) {
        precondition(m.isSquare, "symmetric eigenproblem for a non-square \(m.rows)×\(m.columns) matrix")
        precondition(m.isSymmetric, "symmetric eigenproblem for a non-symmetric matrix")
        precondition(m.elements.allSatisfy(\.isFinite), "symmetric eigenproblem with a non-finite entry")
        precondition(BigFloat.precisionRange.contains(precision), "precision outside BigFloat.precisionRange")
        n = m.rows
        self.precision = precision
        let wp = Swift.min(precision + JacobiEigenSolver.guardBits, BigFloat.precisionRange.upperBound)
        self.wp = wp
        a = m.elements.map { $0.rounded(toPrecision: wp) }
        if wantVectors {
            let zero = BigFloat(0, precision: wp), one = BigFloat(1, precision: wp)
            v = (0..<(n * n)).map { $0 / n == $0 % n ? one : zero }
        }
    }

    /// Sum of |a_pq| and of a_pq² over p < q.
    func offDiagonal() -> (sum: BigFloat, squares: BigFloat) {
        var s = BigFloat(0, precision: wp), s2 = BigFloat(0, precision: wp)
        for p in 0..<n { for q in (p + 1)..<Swift.max(p + 1, n) {
            let x = a[p * n + q]
            s = s + x.magnitude
            s2 = s2 + x * x
        } }
        return (s, s2)
    }

    /// Applies the rotation in the (p, q) plane that annihilates a_pq.
    mutating func rotate(_ p: Int, _ q: Int) {
        let apq = a[p * n + q], app = a[p * n + p], aqq = a[q * n + q]
        let one = BigFloat(1, precision: wp)
        // θ = (a_qq − a_pp)/(2 a_pq); t = sign(θ)/(|θ| + √(θ² + 1)) is the smaller root of
        // t² + 2θt − 1 = 0, so that |t| ≤ 1 (rotation angle ≤ π/4).
        let theta = (aqq - app) / apq.scaled(byPowerOfTwo: 1)
        var t = one / (theta.magnitude + (theta * theta + one).squareRoot())
        if theta.signum < 0 { t = -t }
        let c = one / (t * t + one).squareRoot(), s = t * c
        a[p * n + p] = app - t * apq
        a[q * n + q] = aqq + t * apq
        let zero = BigFloat(0, precision: wp)
        a[p * n + q] = zero
        a[q * n + p] = zero
        for r in 0..<n where r != p && r != q {
            let g = a[r * n + p], h = a[r * n + q]
            let np = c * g - s * h, nq = s * g + c * h
            a[r * n + p] = np; a[p * n + r] = np
            a[r * n + q] = nq; a[q * n + r] = nq
        }
        if var vv = v {
            v = nil  // keep the buffer uniquely referenced while it is mutated
            for r in 0..<n {
                let g = vv[r * n + p], h = vv[r * n + q]
                vv[r * n + p] = c * g - s * h
                vv[r * n + q] = s * g + c * h
            }
            v = vv
        }
    }

    mutating func run() -> (values: [BigFloat], vectors: Matrix<BigFloat>?, converged: Bool) {
        var converged = n <= 1
        if n > 1 {
            let normSquared = a.reduce(BigFloat(0, precision: wp)) { $0 + $1 * $1 }
            // stop when ‖off(A)‖_F ≤ 2^−(wp−8)·‖A‖_F, i.e. 2·Σ_{p<q} a_pq² ≤ 2^−2(wp−8)·‖A‖_F²
            let stop = normSquared.scaled(byPowerOfTwo: -2 * (wp - 8) - 1)
            for sweep in 0..<JacobiEigenSolver.maxSweeps {
                let (sum, squares) = offDiagonal()
                if squares <= stop || squares.isZero { converged = true; break }
                let threshold = sweep < 3
                    ? sum.divided(by: BigFloat(5 * n * n, precision: wp))
                    : BigFloat(0, precision: wp)
                for p in 0..<(n - 1) {
                    for q in (p + 1)..<n {
                        let apq = a[p * n + q]
                        if apq.isZero { continue }
                        let mag = apq.magnitude
                        // negligible next to both diagonal entries: dropping it perturbs A by less
                        // than the working precision already does
                        let scaled = mag.scaled(byPowerOfTwo: wp - 4)
                        if sweep >= 3 && scaled <= a[p * n + p].magnitude && scaled <= a[q * n + q].magnitude {
                            let zero = BigFloat(0, precision: wp)
                            a[p * n + q] = zero; a[q * n + p] = zero
                            continue
                        }
                        if mag <= threshold { continue }
                        rotate(p, q)
                    }
                }
            }
        }
        let diagonal = (0..<n).map { a[$0 * n + $0] }
        let order = (0..<n).sorted { diagonal[$0] < diagonal[$1] || (diagonal[$0] == diagonal[$1] && $0 < $1) }
        let values = order.map { diagonal[$0].rounded(toPrecision: precision) }
        var vectors: Matrix<BigFloat>? = nil
        if let vv = v {
            vectors = Matrix(rows: n, columns: n) { i, j in vv[i * n + order[j]].rounded(toPrecision: precision) }
        }
        return (values, vectors, converged)
    }
}
