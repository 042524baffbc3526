import Testing
import Numbers
import _TestSupport
@testable import Matrices

@Suite("Exact singular values and algebraic arithmetic")
struct ExactSingularValueTests {
    typealias Q = Matrix<Rational>
    typealias A = RealAlgebraicNumber

    @Test("Q₁·D·Q₂ with rational orthogonal Qᵢ has exactly the singular values |d|, descending, rational")
    func prescribed() {
        var rng = FloatTestRandom(seed: 300)
        for (m, n, d) in [(3, 2, [Rational(5), Rational(-1, 2)]), (2, 4, [Rational(0), Rational(7, 3)]),
                          (3, 3, [Rational(2), Rational(2), Rational(-2)]), (4, 3, [Rational(0), Rational(0), Rational(0)])] {
            var diag = Q.zeros(m, n)
            for (i, s) in d.enumerated() { diag[i, i] = s }
            let a = rng.orthogonalMatrix(m) * diag * rng.orthogonalMatrix(n)
            let sigma = a.exactSingularValues
            #expect(sigma.map { $0.rationalValue } == d.map { $0.magnitude }.sorted(by: >).map { Optional($0) })
        }
    }

    @Test("[[1, 1], [0, 1]]: σ = (√5 ± 1)/2, irrational; σ₁ − σ₂ = 1 and σ₁σ₂ = |det| = 1 exactly")
    func golden() throws {
        let a = Q([[1, 1], [0, 1]])
        let s = a.exactSingularValues
        #expect(s.count == 2 && !s[0].isRational && !s[1].isRational)
        #expect(s[0] > Rational(1618, 1000) && s[0] < Rational(1619, 1000))
        #expect(try #require(A.sum(s[0], -s[1])).rationalValue == 1)
        #expect(try #require(A.product(s[0], s[1])).rationalValue == 1)
    }

    @Test("Σσᵢ² = ‖A‖²_F and ∏σᵢ = |det A| exactly on 2×2 and 2×3 matrices")
    func traceAndDeterminant() throws {
        var rng = FloatTestRandom(seed: 301)
        for _ in 0..<8 {
            let a = Q(rows: 2, columns: 3) { _, _ in Rational(Int.random(in: -9...9, using: &rng), Int.random(in: 1...4, using: &rng)) }
            let s = a.exactSingularValues
            let squares = s.map { A.power($0, 2) }
            #expect(try #require(A.sum(squares[0], squares[1])) == a.frobeniusNormSquared)
            let b = Q(rows: 2, columns: 2) { _, _ in Rational(Int.random(in: -9...9, using: &rng)) }
            let t = b.exactSingularValues
            #expect(try #require(A.product(t[0], t[1])) == (try b.det()).magnitude)
        }
    }

    @Test("powers: √2² = 2, ∛2³ = 2, (√2)³ = 2√2 irrational and between 2.828 and 2.829")
    func powers() throws {
        let r2 = try #require(A.root(of: 2, degree: 2)), c2 = try #require(A.root(of: 2, degree: 3))
        #expect(A.power(r2, 2).rationalValue == 2 && A.power(c2, 3).rationalValue == 2)
        let x = A.power(r2, 3)
        #expect(!x.isRational && x > Rational(2828, 1000) && x < Rational(2829, 1000))
        #expect(A.power(-r2, 2).rationalValue == 2 && A.power(r2, 0).rationalValue == 1)
    }

    @Test("sums of conjugates are rational: √2 + (3 − √2) = 3; √2 + √3 is irrational with (√2 + √3)² = 5 + 2√6")
    func sums() throws {
        let r2 = try #require(A.root(of: 2, degree: 2)), r3 = try #require(A.root(of: 3, degree: 2))
        #expect(try #require(A.sum(r2, 3 - r2)).rationalValue == 3)
        let s = try #require(A.sum(r2, r3))
        #expect(!s.isRational)
        let r6 = try #require(A.root(of: 6, degree: 2))
        #expect(A.power(s, 2) == 5 + 2 * r6)
    }
}
