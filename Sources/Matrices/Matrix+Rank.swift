import CGMP
import Numbers

extension Matrix where T == Rational {
    /// The exact rank: the dimension of the row space over ℚ.
    ///
    /// The rank modulo one word prime never exceeds the rank over ℚ, so when it is already
    /// min(rows, columns) that is the answer; otherwise fraction-free (Bareiss) elimination over
    /// ℤ, after clearing each row's denominators (which does not change the rank), counts the
    /// pivots exactly.
    ///
    /// - Exactness: exact.
    /// - Complexity: O(m·n·min(m, n)) word operations for the modular check; in the
    ///   rank-deficient case, O(m·n·r) GMP operations on numbers of O(r·b) bits.
    /// Edge cases: empty shapes (0×n, m×0) and the zero matrix have rank 0.
    public var rank: Int { Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableRank() } }

    /// The exact rank (as `rank`), abandoned with `Cancellation.Cancelled` after the deadline.
    public func cancellableRank() throws(Cancellation.Cancelled) -> Int {
        try Cancellation.check()
        let m = rows, n = columns
        if m == 0 || n == 0 { return 0 }
        let (a, _) = IntegerMatrix.clearingRowDenominators(self)
        if a.isZero { return 0 }
        let full = Swift.min(m, n)
        if a.rankModulo(WordPrimes.table[0]) == full { return full }
        return try a.fractionFreeEchelon().rank
    }
}

extension IntegerMatrix {
    /// The rank of the image modulo the prime p (a lower bound for the rank over ℚ).
    func rankModulo(_ p: UInt64) -> Int {
        let m = MontgomeryModulus(p)
        var img = image(modulo: m)
        let r = rows, c = columns
        return img.withUnsafeMutableBufferPointer { buffer -> Int in
            let a = buffer.baseAddress!
            var rank = 0
            for col in 0..<c where rank < r {
                var piv = -1
                for i in rank..<r where a[i * c + col] != 0 { piv = i; break }
                if piv < 0 { continue }
                if piv != rank { for j in col..<c { swap(&a[piv * c + j], &a[rank * c + j]) } }
                let inv = m.inverse(a[rank * c + col])!
                let pivotRow = a + rank * c
                for i in (rank + 1)..<Swift.max(r, rank + 1) {
                    let row = a + i * c
                    let l = m.mul(row[col], inv)
                    if l == 0 { continue }
                    for j in col..<c { row[j] = m.sub(row[j], m.mul(l, pivotRow[j])) }
                }
                rank += 1
            }
            return rank
        }
    }
}
