import Numbers
import Matrices
@testable import Instances

/// Seeds shared by the law tests: small, large and adversarial bit patterns.
let lawSeeds: [UInt64] = [0, 1, 2, 3, 7, 42, 1234567, 0xDEAD_BEEF, 0x9E37_79B9_7F4A_7C15, .max]

/// The product by the generic triple loop, independent of the optimized rational product.
func product(_ a: Matrix<Rational>, _ b: Matrix<Rational>) -> Matrix<Rational> {
    Matrix.classicalProduct(a, b)
}

/// AᵀA.
func gram(_ a: Matrix<Rational>) -> Matrix<Rational> { product(a.transposed, a) }

/// Row echelon form by Gaussian elimination over ℚ; returns the pivot count (the rank) and the
/// determinant when the matrix is square.
func gaussianElimination(_ a: Matrix<Rational>) -> (rank: Int, determinant: Rational?) {
    var m = a
    var rank = 0
    var det: Rational = 1
    for c in 0..<m.columns where rank < m.rows {
        guard let p = (rank..<m.rows).first(where: { !m[$0, c].isZero }) else { det = 0; continue }
        if p != rank {
            for j in 0..<m.columns { let t = m[p, j]; m[p, j] = m[rank, j]; m[rank, j] = t }
            det = -det
        }
        let pivot = m[rank, c]
        det = det * pivot
        for i in (rank + 1)..<m.rows {
            let f = m[i, c] / pivot
            if f.isZero { continue }
            for j in c..<m.columns { m[i, j] = m[i, j] - f * m[rank, j] }
        }
        rank += 1
    }
    guard a.isSquare else { return (rank, nil) }
    return (rank, rank == a.rows ? det : 0)
}

/// The k leading principal minors det A[0..<k, 0..<k], k = 1...n.
func leadingPrincipalMinors(_ a: Matrix<Rational>) -> [Rational] {
    (1...max(1, a.rows)).prefix(a.rows).map { k in
        gaussianElimination(a.selecting(rows: Array(0..<k), columns: Array(0..<k))).determinant!
    }
}

/// C(n, k).
func binomial(_ n: Int, _ k: Int) -> Int {
    guard k >= 0 && k <= n else { return 0 }
    var r = 1
    for i in 0..<k { r = r * (n - i) / (i + 1) }
    return r
}

func factorial(_ n: Int) -> Int { (1...max(1, n)).reduce(1, *) }
