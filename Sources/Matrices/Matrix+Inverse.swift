import Numbers

extension Matrix where T == Rational {
    /// Solves A·X = B exactly for square nonsingular A, by Gauss–Jordan elimination over ℚ.
    ///
    /// - Exactness: exact.
    /// - Throws: `.notSquare`, `.shapeMismatch` when B has the wrong row count, `.singular`.
    /// - Complexity: O(n²(n + k)) rational operations for A n×n, B n×k.
    /// Edge cases: 0×0 A with 0×k B gives 0×k.
    public func solve(_ b: Matrix<Rational>) throws(LinearAlgebraError) -> Matrix<Rational> {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        guard b.rows == rows else { throw .shapeMismatch("\(rows)×\(columns) system with \(b.rows)×\(b.columns) right-hand side") }
        let n = rows, k = b.columns, w = n + k
        var m = [Rational]()
        m.reserveCapacity(n * w)
        for i in 0..<n { m.append(contentsOf: row(i)); m.append(contentsOf: b.row(i)) }
        for c in 0..<n {
            guard let p = (c..<n).first(where: { !m[$0 * w + c].isZero }) else { throw .singular }
            if p != c { for j in 0..<w { m.swapAt(p * w + j, c * w + j) } }
            let inv = m[c * w + c].reciprocal
            for j in c..<w { m[c * w + j] = m[c * w + j] * inv }
            for i in 0..<n where i != c {
                let f = m[i * w + c]
                if f.isZero { continue }
                for j in c..<w { m[i * w + j] = m[i * w + j] - f * m[c * w + j] }
            }
        }
        return Matrix(rows: n, columns: k) { i, j in m[i * w + n + j] }
    }

    /// The exact inverse. - Throws: `.notSquare`, `.singular`.
    public func inverse() throws(LinearAlgebraError) -> Matrix<Rational> {
        try solve(.identity(rows))
    }
}
