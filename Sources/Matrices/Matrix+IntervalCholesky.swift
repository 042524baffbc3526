import Numbers

extension Matrix where T == Interval {
    /// Is every symmetric matrix in this box positive definite?
    ///
    /// The box is the set of real symmetric matrices A with a_ij = a_ji in the interval at (i, j)
    /// for i ≥ j: only the lower triangle is read (the upper one is assumed to mirror it).
    ///
    /// - `.yes` when the interval Cholesky factorization succeeds: every pivot
    ///   a_jj − Σ_k l_jk² is an interval of positive numbers. By the inclusion property, the exact
    ///   Cholesky factorization of each A in the box stays inside the computed intervals, so its
    ///   pivots are positive and A is positive definite.
    /// - `.no` only with a certificate that holds for every A in the box: a diagonal interval
    ///   ≤ 0, a 2×2 principal minor a_ii·a_jj − a_ij² whose interval is ≤ 0, or a vector x (an
    ///   approximate eigenvector of the smallest eigenvalue of the midpoint matrix) with
    ///   xᵀAx ≤ 0 for the whole box.
    /// - `.unknown` otherwise: the box may contain both kinds of matrices, or the intervals are
    ///   too wide (overestimation in interval Cholesky grows with the order and the widths).
    ///
    /// - Exactness: certified (`.yes`/`.no` are proofs about every matrix in the box; computed with
    ///   outward rounding at the entries' precision).
    /// - Precondition: square.
    /// - Complexity: O(n³/6) interval operations; when that is inconclusive, O(n²) for the minors
    ///   and one approximate eigen-decomposition of the midpoint (O(n³) per Jacobi sweep at 64
    ///   bits).
    /// Edge cases: the 0×0 box gives `.yes` (vacuously); an unbounded entry makes `.yes`
    /// impossible.
    public func certainlyPositiveDefinite() -> Certainty {
        precondition(isSquare, "positive definiteness of a non-square \(rows)×\(columns) matrix")
        let n = rows
        if n == 0 { return .yes }
        for i in 0..<n where self[i, i].isPositive == .no { return .no }
        if intervalCholeskySucceeds() { return .yes }
        for i in 0..<n {
            for j in 0..<i {
                let minor = self[i, i] * self[j, j] - self[i, j].square()
                if minor.isPositive == .no { return .no }
            }
        }
        if midpointEigenvectorRefutes() { return .no }
        return .unknown
    }

    /// Whether the interval Cholesky factorization of the lower triangle has only certainly
    /// positive pivots.
    private func intervalCholeskySucceeds() -> Bool {
        let n = rows
        var l = [Interval](repeating: .zero, count: n * n)
        for j in 0..<n {
            var pivot = self[j, j]
            for k in 0..<j { pivot = pivot - l[j * n + k].square() }
            guard pivot.isPositive == .yes, let d = pivot.squareRoot() else { return false }
            l[j * n + j] = d
            for i in (j + 1)..<Swift.max(j + 1, n) {
                var t = self[i, j]
                for k in 0..<j { t = t - l[i * n + k] * l[j * n + k] }
                l[i * n + j] = t / d
            }
        }
        return true
    }

    /// Whether an approximate eigenvector x of the smallest eigenvalue of the midpoint matrix
    /// satisfies xᵀAx ≤ 0 for every A in the box (evaluated in interval arithmetic with the exact
    /// dyadic entries of x).
    private func midpointEigenvectorRefutes() -> Bool {
        let n = rows
        guard elements.allSatisfy(\.isBounded) else { return false }
        let mid = Matrix<BigFloat>(rows: n, columns: n) { i, j in
            i >= j ? self[i, j].midpoint : self[j, i].midpoint
        }
        let eigen = mid.approximateSymmetricEigen(precision: 64)
        guard let smallest = eigen.values.first, smallest.signum <= 0 else { return false }
        let x = (0..<n).map { Interval(eigen.vectors[$0, 0]) }
        guard x.contains(where: { !$0.isZero }) else { return false }  // x = 0 proves nothing
        let p = elements.map(\.precision).max() ?? Interval.defaultPrecision
        var form = Interval(BigFloat(0, precision: p))
        for i in 0..<n {
            form = form + x[i].square() * self[i, i]
            for j in 0..<i {
                form = form + Interval(BigFloat(2, precision: p)) * x[i] * x[j] * self[i, j]
            }
        }
        return form.isPositive == .no
    }
}
