import Numbers
@testable import Matrices

/// Test draws on the shared seeded generator (SplitMix64), so every test draws the same numbers
/// on every run.
extension SplitMix64 {

    /// Uniform in the range (modulo bias is irrelevant for tests).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// p/q with p in `numerators`, q in `denominators`.
    mutating func rational(_ numerators: ClosedRange<Int> = -100...100, _ denominators: ClosedRange<Int> = 1...9) -> Rational {
        Rational(int(numerators), int(denominators))
    }

    /// An m×n matrix of p/q entries.
    mutating func matrix(_ m: Int, _ n: Int, _ numerators: ClosedRange<Int> = -100...100,
                         _ denominators: ClosedRange<Int> = 1...9) -> Matrix<Rational> {
        Matrix(rows: m, columns: n, elements: (0..<(m * n)).map { _ in rational(numerators, denominators) })
    }

    /// A symmetric n×n matrix of p/q entries.
    mutating func symmetric(_ n: Int, _ numerators: ClosedRange<Int> = -100...100,
                            _ denominators: ClosedRange<Int> = 1...9) -> Matrix<Rational> {
        var e = [Rational](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { let x = rational(numerators, denominators); e[i * n + j] = x; e[j * n + i] = x } }
        return Matrix(rows: n, columns: n, elements: e)
    }

    /// A random permutation of 0..<n (Fisher–Yates).
    mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, int(0...i)) }
        return p
    }

    /// An invertible matrix: a random unit upper-triangular matrix times a permutation matrix.
    mutating func invertible(_ n: Int, _ numerators: ClosedRange<Int> = -5...5) -> Matrix<Rational> {
        let u = Matrix<Rational>(rows: n, columns: n) { i, j in
            i == j ? .one : (i < j ? self.rational(numerators, 1...3) : .zero)
        }
        let perm = permutation(n)
        let p = Matrix<Rational>(rows: n, columns: n) { i, j in perm[i] == j ? .one : .zero }
        return u * p
    }

    /// An m×n matrix of rank exactly r: [I_r; X]·[I_r, Y] (rank r because of the identity
    /// blocks) scrambled by invertible matrices on both sides.
    mutating func matrix(_ m: Int, _ n: Int, rank r: Int) -> Matrix<Rational> {
        let left = Matrix.vertical([.identity(r), matrix(m - r, r, -9...9, 1...4)])!
        let right = Matrix.horizontal([.identity(r), matrix(r, n - r, -9...9, 1...4)])!
        return invertible(m) * left * right * invertible(n)
    }
}

/// Determinant by cofactor expansion along the first row: exponential, for n ≤ 6 cross-checks.
func cofactorDeterminant(_ a: Matrix<Rational>) -> Rational {
    let n = a.rows
    if n == 0 { return 1 }
    var total = Rational.zero
    for j in 0..<n where !a[0, j].isZero {
        let minor = a.selecting(rows: Array(1..<n), columns: (0..<n).filter { $0 != j })
        let term = a[0, j] * cofactorDeterminant(minor)
        total = j % 2 == 0 ? total + term : total - term
    }
    return total
}

/// p(A) by Horner's rule with matrix products.
func evaluate(_ p: Polynomial, at a: Matrix<Rational>) -> Matrix<Rational> {
    var result = Matrix<Rational>.zeros(a.rows, a.columns)
    for c in p.coefficients.reversed() { result = result * a + c * Matrix<Rational>.identity(a.rows) }
    return result
}

/// A rational orthogonal Householder reflector I − 2vvᵀ/(vᵀv) for a nonzero v.
func householder(_ v: [Rational]) -> Matrix<Rational> {
    let n = v.count
    let norm2 = v.reduce(Rational.zero) { $0 + $1 * $1 }
    return Matrix(rows: n, columns: n) { i, j in (i == j ? Rational.one : .zero) - 2 * v[i] * v[j] / norm2 }
}

/// Inertia of a diagonal list.
func inertia(ofDiagonal d: [Rational]) -> Inertia {
    Inertia(negative: d.filter { $0 < 0 }.count, zero: d.filter(\.isZero).count, positive: d.filter { $0 > 0 }.count)
}
