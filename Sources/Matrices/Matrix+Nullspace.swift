import CGMP
import Numbers

extension Matrix where T == Rational {
    /// An exact basis of the (right) nullspace {x : A·x = 0}, as the columns of an
    /// n×(n − rank) matrix.
    ///
    /// The basis is the canonical one read off the reduced row echelon form R: one vector per
    /// non-pivot column f, with 1 in position f, −R_{r,f} in the position of the pivot of row r,
    /// and 0 elsewhere. R comes from fraction-free Gauss–Jordan elimination over ℤ after clearing
    /// each row's denominators, so the result is unique for a given matrix.
    ///
    /// - Exactness: exact.
    /// - Complexity: O(m·n·r) GMP operations on numbers of O(r·b) bits, r the rank.
    /// Edge cases: a 0×n or zero matrix gives the n×n identity; an m×0 matrix gives 0×0; a
    /// matrix of full column rank gives an n×0 matrix. `rank + nullspace.columns == columns`.
    public var nullspace: Matrix<Rational> { Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableNullspace() } }

    /// The nullspace basis (as `nullspace`), abandoned with `Cancellation.Cancelled` after the
    /// deadline.
    public func cancellableNullspace() throws(Cancellation.Cancelled) -> Matrix<Rational> {
        let n = columns
        if rows == 0 || n == 0 { return .identity(n) }
        let (a, _) = IntegerMatrix.clearingRowDenominators(self)
        let echelon = try a.fractionFreeReducedEchelon()
        let r = echelon.rank
        if r == 0 { return .identity(n) }
        let pivots = echelon.pivotColumns
        var isPivot = [Bool](repeating: false, count: n)
        for c in pivots { isPivot[c] = true }
        let free = (0..<n).filter { !isPivot[$0] }
        var out = [Rational](repeating: .zero, count: n * free.count)
        let d = a.entry(r - 1, pivots[r - 1])  // every pivot entry equals d
        let builder = RationalBuilder()
        withTemporaryMPZ { negated in
            for (k, f) in free.enumerated() {
                out[f * free.count + k] = .one
                for row in 0..<r {
                    let x = a.entry(row, f)
                    if x.pointee._mp_size == 0 { continue }
                    __gmpz_neg(negated, x)
                    out[pivots[row] * free.count + k] = builder.make(numerator: negated, denominator: d)
                }
            }
        }
        return Matrix(rows: n, columns: free.count, elements: out)
    }
}
