import Numbers

extension Matrix where T == Rational {
    /// The singular values σ₁ ≥ … ≥ σ_k of this m×n matrix, k = min(m, n), with multiplicity, as
    /// exact real algebraic numbers.
    ///
    /// σ² runs over the eigenvalues of the k×k Gram matrix G (AᵀA when n ≤ m, else AAᵀ). With
    /// the square-free factorization charpoly(G) = ∏ f_j^j, each positive root r of f_j gives
    /// the singular value √r with multiplicity j, isolated as a positive root of f_j(x²); a root
    /// r = 0 gives the singular value 0 with multiplicity j.
    ///
    /// - Exactness: exact. A singular value is in rational form exactly when it is rational (the
    ///   constructors of `RealAlgebraicNumber` test the rational candidate), so sums and
    ///   comparisons of rational singular values are exact rational arithmetic.
    /// - Complexity: one Gram product, one exact characteristic polynomial of a k×k matrix, a
    ///   square-free factorization and a Sturm root isolation per factor (degree ≤ 2k).
    /// - Edge cases: `[]` when m = 0 or n = 0; the zero matrix gives k zeros.
    public var exactSingularValues: [RealAlgebraicNumber] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableExactSingularValues() }
    }

    /// `exactSingularValues`, abandoned with `Cancellation.Cancelled` after the deadline
    /// (polled in the product, the characteristic polynomial and each root isolation).
    public func cancellableExactSingularValues() throws(Cancellation.Cancelled) -> [RealAlgebraicNumber] {
        let k = Swift.min(rows, columns)
        guard k > 0 else { return [] }
        let gram = columns <= rows ? try Matrix.cancellableProduct(transposed, self) : try Matrix.cancellableProduct(self, transposed)
        let p = try gram.cancellableCharpoly()
        var values: [RealAlgebraicNumber] = []
        for (factor, multiplicity) in try p.cancellableSquareFreeFactorization() {
            if factor.evaluate(at: 0).isZero {
                values += Array(repeating: RealAlgebraicNumber(0), count: multiplicity)
            }
            // f(x²) has the roots ±√r for every root r ≥ 0 of f; keep the positive ones.
            let lifted = factor.composed(with: .x * .x)
            for root in try RealAlgebraicNumber.cancellableRoots(of: lifted) where root > Rational(0) {
                values += Array(repeating: root, count: multiplicity)
            }
        }
        precondition(values.count == k, "a Gram matrix has \(k) nonnegative eigenvalues, found \(values.count)")
        return values.sorted(by: >)
    }
}
