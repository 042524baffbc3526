import Testing
import Numbers
@testable import Matrices

@Suite("Characteristic polynomial")
struct CharpolyTests {
    typealias Q = Matrix<Rational>

    @Test("Cayley–Hamilton: charpoly(A)(A) = 0 for small n")
    func cayleyHamilton() throws {
        var rng = SplitMix64(seed: 50)
        for n in 1...6 {
            let a = rng.matrix(n, n)
            let p = try a.charpoly()
            #expect(p.degree == n && p.leadingCoefficient == 1)
            #expect(evaluate(p, at: a) == .zeros(n, n))
        }
    }

    @Test("multimodular Hessenberg and Berkowitz agree")
    func methodsAgree() throws {
        var rng = SplitMix64(seed: 51)
        for n in [1, 2, 3, 7, 10] {
            let a = rng.matrix(n, n)
            #expect(try a.charpoly(method: .multimodular) == a.charpoly(method: .berkowitz))
        }
        // Structured: a nilpotent shift and a matrix needing Hessenberg pivoting.
        let shift = Q(rows: 5, columns: 5) { i, j in j == i + 1 ? 1 : 0 }
        #expect(try shift.charpoly() == Polynomial(coefficients: [0, 0, 0, 0, 0, 1]))
        let s = rng.symmetric(6).map { $0.isNegative ? Rational.zero : $0 }
        #expect(try s.charpoly(method: .multimodular) == s.charpoly(method: .berkowitz))
    }

    @Test("χ(0) = (−1)ⁿ det A and the x^(n−1) coefficient is −trace")
    func detAndTrace() throws {
        var rng = SplitMix64(seed: 52)
        for n in [3, 8, 14] {
            let a = rng.matrix(n, n)
            let p = try a.charpoly()
            let sign: Rational = n % 2 == 0 ? 1 : -1
            #expect(p.coefficients[0] == sign * (try a.det()))
            #expect(p.coefficients[n - 1] == -a.trace)
        }
    }

    @Test("edge cases: 0×0 is 1, zero matrix is xⁿ, repeated eigenvalues, non-square throws")
    func edges() throws {
        #expect(try Q.zeros(0, 0).charpoly() == .one)
        #expect(try Q.zeros(4, 4).charpoly() == Polynomial(coefficients: [0, 0, 0, 0, 1]))
        let d = Q.diagonal([2, 2, Rational(-1, 3), 0])
        let expected = (Polynomial.x - Polynomial(constant: 2)) * (Polynomial.x - Polynomial(constant: 2))
            * (Polynomial.x + Polynomial(constant: Rational(1, 3))) * Polynomial.x
        #expect(try d.charpoly() == expected)
        #expect(try d.charpoly(method: .berkowitz) == expected)
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 1)) { try Q.zeros(2, 1).charpoly() }
        let big = Rational(BigInt(10).power(30), BigInt(7))
        let b = Q([[big, 1], [1, Rational(1, 3)]])
        #expect(try b.charpoly() == b.charpoly(method: .berkowitz))
    }
}
