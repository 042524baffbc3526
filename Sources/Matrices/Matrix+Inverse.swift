import CGMP
import Numbers

extension Matrix where T == Rational {
    /// Solves A·X = B exactly for square nonsingular A.
    ///
    /// Each row of [A | B] is multiplied by the lcm of its denominators (same solution), then
    /// fraction-free (Bareiss) forward elimination over ℤ makes A upper triangular with last pivot
    /// d = ± det of the cleared A, and fraction-free back substitution computes the integer matrix
    /// d·X (Cramer's rule makes each of its entries an integer, so every division is exact).
    ///
    /// - Exactness: exact; entries in lowest terms.
    /// - Throws: `.notSquare`, `.shapeMismatch` when B has the wrong row count, `.singular`.
    /// - Complexity: O(n²(n + k)) GMP operations on numbers of O(n·b) bits, for A n×n, B n×k.
    /// Edge cases: 0×0 A with 0×k B gives 0×k; the zero matrix (n ≥ 1) throws `.singular`.
    public func solve(_ b: Matrix<Rational>) throws(LinearAlgebraError) -> Matrix<Rational> {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        guard b.rows == rows else {
            throw .shapeMismatch("\(rows)×\(columns) system with \(b.rows)×\(b.columns) right-hand side")
        }
        let result = Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try solveKernel(b) }
        guard let x = result else { throw .singular }
        return x
    }

    /// Solves A·X = B (as `solve`), nil when A is singular, abandoned with
    /// `Cancellation.Cancelled` after the deadline. - Precondition: square, B.rows == rows.
    public func cancellableSolve(_ b: Matrix<Rational>) throws(Cancellation.Cancelled) -> Matrix<Rational>? {
        precondition(isSquare && b.rows == rows, "solve: shapes do not fit")
        return try solveKernel(b)
    }

    /// The inverse (as `inverse()`), nil when singular, abandoned with `Cancellation.Cancelled`
    /// after the deadline. - Precondition: square.
    public func cancellableInverse() throws(Cancellation.Cancelled) -> Matrix<Rational>? {
        try cancellableSolve(.identity(rows))
    }

    func solveKernel(_ b: Matrix<Rational>) throws(Cancellation.Cancelled) -> Matrix<Rational>? {
        let n = rows, k = b.columns
        if n == 0 || k == 0 {
            if n > 0, try cancellableRank() < n { return nil }
            return .zeros(n, k)
        }
        let (a, _) = IntegerMatrix.clearingRowDenominators(Matrix.horizontal([self, b])!)
        let echelon = try a.fractionFreeEchelon(pivotLimit: n, stopAtMissingPivot: true)
        guard echelon.rank == n else { return nil }
        let d = a.entry(n - 1, n - 1)
        let x = IntegerMatrix(rows: n, columns: k)
        var cancelled = false
        withTemporaryMPZ { t in
            for j in 0..<k {
                if Cancellation.isCancelled { cancelled = true; break }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    __gmpz_mul(t, d, a.entry(i, n + j))
                    for l in (i + 1)..<n { __gmpz_submul(t, a.entry(i, l), x.entry(l, j)) }
                    __gmpz_divexact(x.entry(i, j), t, a.entry(i, i))
                }
            }
        }
        if cancelled { throw Cancellation.Cancelled() }
        let builder = RationalBuilder()
        var out = [Rational]()
        out.reserveCapacity(n * k)
        for i in 0..<n { for j in 0..<k { out.append(builder.make(numerator: x.entry(i, j), denominator: d)) } }
        return Matrix(rows: n, columns: k, elements: out)
    }

    /// The exact inverse, as `solve(.identity(n))`.
    ///
    /// - Exactness: exact.
    /// - Throws: `.notSquare`, `.singular`.
    /// - Complexity: O(n³) GMP operations on numbers of O(n·b) bits.
    /// Edge cases: the inverse of 0×0 is 0×0.
    public func inverse() throws(LinearAlgebraError) -> Matrix<Rational> {
        try solve(.identity(rows))
    }
}
