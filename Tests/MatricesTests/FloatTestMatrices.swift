import Numbers
import Matrices
import _TestSupport

extension FloatTestRandom {
    /// A symmetric n×n matrix of small rationals.
    mutating func symmetricMatrix(_ n: Int, numeratorBound: Int = 20, denominatorBound: Int = 9) -> Matrix<Rational> {
        var e = [Rational](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in i..<n {
                let x = rational(numeratorBound: numeratorBound, denominatorBound: denominatorBound)
                e[i * n + j] = x
                e[j * n + i] = x
            }
        }
        return Matrix(rows: n, columns: n, elements: e)
    }

    /// A rational orthogonal matrix by the Cayley transform Q = (I − K)(I + K)⁻¹ of a random
    /// skew-symmetric K (I + K is always invertible: K has imaginary eigenvalues).
    mutating func orthogonalMatrix(_ n: Int) -> Matrix<Rational> {
        var k = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let x = rational(numeratorBound: 3, denominatorBound: 4)
                k[i, j] = x
                k[j, i] = -x
            }
        }
        let id = Matrix<Rational>.identity(n)
        return (id - k) * (try! (id + k).inverse())
    }
}

/// Test helpers shared by the floating-point matrix tests.
enum FloatTestSupport {
    /// 2^−e as a rational.
    static func twoToMinus(_ e: Int) -> Rational { Rational(BigInt(1), BigInt(2).power(e)) }

    /// An integer s ≥ ‖A‖_F.
    static func frobeniusBound(_ a: Matrix<Rational>) -> Rational {
        Rational(a.frobeniusNormSquared.ceiling.squareRoot().root + 1)
    }

    /// The largest entry magnitude.
    static func maxAbs(_ a: Matrix<Rational>) -> Rational {
        a.elements.map(\.magnitude).max() ?? 0
    }

    /// The exact values of a float matrix.
    static func exact(_ m: Matrix<BigFloat>) -> Matrix<Rational> { Matrix<Rational>(exactly: m)! }
}
