import Numbers

extension Matrix where T == Rational {
    /// The Moore–Penrose pseudo-inverse A⁺ (n×m), exactly.
    ///
    /// From a full-rank factorization A = B·C: B (m×r) the pivot columns of A, which span its
    /// column space, and C = (BᵀB)⁻¹BᵀA (r×n), of full row rank; then
    /// A⁺ = Cᵀ(CCᵀ)⁻¹(BᵀB)⁻¹Bᵀ. A⁺ is the unique matrix with AA⁺A = A, A⁺AA⁺ = A⁺ and AA⁺, A⁺A
    /// symmetric, so the result does not depend on the factorization chosen.
    ///
    /// - Exactness: exact.
    /// - Complexity: one fraction-free forward elimination of A (for its pivot columns), then
    ///   products and two r×r inverses: O(m·n·r) rational operations.
    /// - Edge cases: the zero matrix (and any m×0 or 0×n matrix) gives the n×m zero matrix; an
    ///   invertible A gives A⁻¹.
    public var pseudoInverse: Matrix<Rational> {
        if rows == 0 || columns == 0 { return .zeros(columns, rows) }
        let (a, _) = IntegerMatrix.clearingRowDenominators(self)
        let pivots = Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try a.fractionFreeEchelon() }.pivotColumns
        if pivots.isEmpty { return .zeros(columns, rows) }
        let b = selecting(rows: Array(0..<rows), columns: pivots)
        let bt = b.transposed
        let gramInverse = try! (bt * b).inverse()
        let c = gramInverse * bt * self
        let ct = c.transposed
        return ct * (try! (c * ct).inverse()) * gramInverse * bt
    }
}
