import Numbers
import Matrices

/// The exact inertia the evaluator uses. Symmetric LDLᵀ over ℚ with 1×1 and 2×2 pivots.
func exactInertia(_ a: Matrix<Rational>) -> Inertia {
    var m = a
    var n = m.rows
    var result = Inertia(negative: 0, zero: 0, positive: 0)
    var idx = Array(0..<n)
    while n > 0 {
        // 1×1 pivot on a nonzero diagonal entry.
        if let p = idx.first(where: { !m[$0, $0].isZero }) {
            let d = m[p, p]
            if d.signum > 0 { result.positive += 1 } else { result.negative += 1 }
            idx.removeAll { $0 == p }
            for i in idx {
                let f = m[i, p] / d
                if f.isZero { continue }
                for j in idx { m[i, j] = m[i, j] - f * m[p, j] }
            }
            n -= 1
            continue
        }
        // All diagonal entries zero: a nonzero off-diagonal pair gives a 2×2 pivot with one
        // positive and one negative eigenvalue.
        var pair: (Int, Int)? = nil
        outer: for i in idx { for j in idx where j > i && !m[i, j].isZero { pair = (i, j); break outer } }
        guard let (p, q) = pair else { result.zero += n; break }
        result.positive += 1
        result.negative += 1
        let b = m[p, q]  // pivot block [[0, b], [b, 0]], inverse [[0, 1/b], [1/b, 0]]
        idx.removeAll { $0 == p || $0 == q }
        let rowP = idx.map { m[p, $0] }, rowQ = idx.map { m[q, $0] }
        for (ii, i) in idx.enumerated() {
            // S = C − [c_ip c_iq] · inv · [c_pj; c_qj] = C − (c_ip c_qj + c_iq c_pj)/b
            for (jj, j) in idx.enumerated() {
                m[i, j] = m[i, j] - (rowP[ii] * rowQ[jj] + rowQ[ii] * rowP[jj]) / b
            }
        }
        n -= 2
    }
    return result
}

/// Exact determinant by Gaussian elimination over ℚ.
func exactDeterminant(_ a: Matrix<Rational>) -> Rational {
    var m = a
    let n = m.rows
    var det = Rational.one
    for c in 0..<n {
        guard let p = (c..<n).first(where: { !m[$0, c].isZero }) else { return 0 }
        if p != c {
            for j in 0..<n { let t = m[p, j]; m[p, j] = m[c, j]; m[c, j] = t }
            det = -det
        }
        let d = m[c, c]
        det = det * d
        for i in (c + 1)..<max(c + 1, n) {
            let f = m[i, c] / d
            if f.isZero { continue }
            for j in c..<n { m[i, j] = m[i, j] - f * m[c, j] }
        }
    }
    return det
}

/// Exact rank by Gaussian elimination over ℚ.
func exactRank(_ a: Matrix<Rational>) -> Int {
    var m = a
    var rank = 0
    for c in 0..<m.columns where rank < m.rows {
        guard let p = (rank..<m.rows).first(where: { !m[$0, c].isZero }) else { continue }
        if p != rank { for j in 0..<m.columns { let t = m[p, j]; m[p, j] = m[rank, j]; m[rank, j] = t } }
        let d = m[rank, c]
        for i in (rank + 1)..<max(rank + 1, m.rows) {
            let f = m[i, c] / d
            if f.isZero { continue }
            for j in c..<m.columns { m[i, j] = m[i, j] - f * m[rank, j] }
        }
        rank += 1
    }
    return rank
}

/// The characteristic polynomial det(xI − A) as coefficients c₀, …, c_n (c_n = 1), by the
/// Faddeev–LeVerrier recurrence over ℚ: exact, O(n⁴).
func exactCharpoly(_ a: Matrix<Rational>) -> [Rational] {
    let n = a.rows
    var c = [Rational](repeating: 0, count: n + 1)
    c[n] = 1
    var m = Matrix<Rational>.zeros(n, n)
    let id = Matrix<Rational>.identity(n)
    for k in stride(from: 1, through: n, by: 1) {
        m = a * m + id * c[n - k + 1]
        c[n - k] = -(a * m).trace / Rational(k)
    }
    return c
}

/// An exact basis of the null space {x : Ax = 0}, as the columns of an n×(n − rank) matrix, from
/// the reduced row echelon form over ℚ (one basis vector per free column).
func exactNullspace(_ a: Matrix<Rational>) -> Matrix<Rational> {
    var m = a
    var pivots: [Int] = []
    var row = 0
    for c in 0..<m.columns where row < m.rows {
        guard let p = (row..<m.rows).first(where: { !m[$0, c].isZero }) else { continue }
        if p != row { for j in 0..<m.columns { let t = m[p, j]; m[p, j] = m[row, j]; m[row, j] = t } }
        let inv = m[row, c].reciprocal
        for j in 0..<m.columns { m[row, j] = m[row, j] * inv }
        for i in 0..<m.rows where i != row && !m[i, c].isZero {
            let f = m[i, c]
            for j in 0..<m.columns { m[i, j] = m[i, j] - f * m[row, j] }
        }
        pivots.append(c)
        row += 1
    }
    let free = (0..<m.columns).filter { !pivots.contains($0) }
    var basis = Matrix<Rational>.zeros(m.columns, free.count)
    for (k, f) in free.enumerated() {
        basis[f, k] = 1
        for (i, p) in pivots.enumerated() { basis[p, k] = -m[i, f] }
    }
    return basis
}
