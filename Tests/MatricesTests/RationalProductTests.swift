import Testing
import Numbers
@testable import Matrices

@Suite("Exact rational product")
struct RationalProductTests {
    typealias Q = Matrix<Rational>

    @Test("the cleared product equals the classical triple loop, all shapes up to 7")
    func agreesWithClassical() {
        var rng = SplitMix64(seed: 1)
        for m in 0...7 {
            for k in [0, 1, 3, 7] {
                for n in [0, 1, 2, 6] {
                    let a = rng.matrix(m, k), b = rng.matrix(k, n)
                    #expect(a * b == Q.classicalProduct(a, b))
                }
            }
        }
    }

    @Test("every arithmetic path (Double, Int, Int128, GMP) is exact")
    func arithmeticPaths() {
        var rng = SplitMix64(seed: 2)
        // Numerator ranges chosen so the overflow bound lands in each regime.
        let ranges: [ClosedRange<Int>] = [-100...100, -(1 << 24)...(1 << 24), -(1 << 45)...(1 << 45)]
        for r in ranges {
            let a = rng.matrix(9, 8, r), b = rng.matrix(8, 7, r)
            #expect(a * b == Q.classicalProduct(a, b))
        }
        // GMP path: numerators beyond 64 bits.
        let huge = Rational(BigInt(3).power(90), BigInt(7))
        let a = rng.matrix(5, 6).map { $0 * huge }, b = rng.matrix(6, 4)
        #expect(a * b == Q.classicalProduct(a, b))
        // Denominators whose lcm overflows Int: also GMP.
        let tiny = Rational(BigInt(1), BigInt(2).power(70) + BigInt(1))
        let c = rng.matrix(4, 4).map { $0 * tiny }
        #expect(c * b.selecting(rows: [0, 1, 2, 3]) == Q.classicalProduct(c, b.selecting(rows: [0, 1, 2, 3])))
    }

    @Test("exact distributivity A(B + C) = AB + AC and (A + B)C = AC + BC")
    func distributivity() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<4 {
            let a = rng.matrix(6, 5), b = rng.matrix(5, 4), c = rng.matrix(5, 4)
            #expect(a * (b + c) == a * b + a * c)
            let d = rng.matrix(6, 5)
            #expect((a + d) * b == a * b + d * b)
        }
    }

    @Test("exact associativity (AB)C = A(BC)")
    func associativity() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<4 {
            let a = rng.matrix(5, 6), b = rng.matrix(6, 3), c = rng.matrix(3, 7)
            #expect((a * b) * c == a * (b * c))
        }
    }

    @Test("identity, zero and empty shapes")
    func degenerate() {
        var rng = SplitMix64(seed: 5)
        let a = rng.matrix(4, 3)
        #expect(Q.identity(4) * a == a && a * Q.identity(3) == a)
        #expect(a * Q.zeros(3, 2) == Q.zeros(4, 2))
        #expect(Q.zeros(3, 0) * Q.zeros(0, 5) == Q.zeros(3, 5))
        #expect(Q.zeros(0, 3) * Q.zeros(3, 2) == Q.zeros(0, 2))
        #expect(Q([[Rational(2, 3)]]) * Q([[Rational(9, 4)]]) == Q([[Rational(3, 2)]]))
    }

    @Test("results are canonical: 1/2·2 = 1 and p/q·q/p = 1 compare and hash equal")
    func canonical() {
        let a = Q([[Rational(1, 2), Rational(-3, 7)]]), b = Q([[2], [Rational(-7, 3)]])
        let c = a * b
        #expect(c[0, 0] == 2)
        #expect(c[0, 0].denominator == 1 && c[0, 0].hashValue == Rational(2).hashValue)
    }
}
