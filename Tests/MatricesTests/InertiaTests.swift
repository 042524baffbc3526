import Testing
import Numbers
@testable import Matrices

@Suite("Inertia of symmetric rational matrices")
struct InertiaTests {
    typealias Q = Matrix<Rational>

    /// A diagonal with the given numbers of negative, zero and positive entries, shuffled.
    static func diagonal(_ neg: Int, _ zero: Int, _ pos: Int, _ rng: inout SplitMix64) -> [Rational] {
        var d = (0..<neg).map { _ in -rng.rational(1...50) } + Array(repeating: Rational.zero, count: zero)
            + (0..<pos).map { _ in rng.rational(1...50) }
        for i in stride(from: d.count - 1, to: 0, by: -1) { d.swapAt(i, rng.int(0...i)) }
        return d
    }

    @Test("Sylvester: inertia(QᵀDQ) = inertia(D) for invertible Q, both methods")
    func sylvester() {
        var rng = SplitMix64(seed: 60)
        for (neg, zero, pos) in [(2, 0, 3), (0, 4, 2), (3, 3, 3), (1, 5, 0), (0, 0, 6), (4, 1, 1)] {
            let d = Self.diagonal(neg, zero, pos, &rng)
            let q = rng.invertible(d.count)
            let a = q.transposed * Q.diagonal(d) * q
            let expected = Inertia(negative: neg, zero: zero, positive: pos)
            for method in InertiaMethod.allCases { #expect(a.inertia(method: method) == expected) }
        }
    }

    @Test("Sylvester at n = 40 with many zero eigenvalues (modular path falls back to pivoting)")
    func sylvesterLarge() {
        var rng = SplitMix64(seed: 61)
        for (neg, zero, pos) in [(10, 20, 10), (0, 0, 40), (15, 0, 25), (0, 39, 1)] {
            let d = Self.diagonal(neg, zero, pos, &rng)
            let q = rng.invertible(d.count, -2...2)
            let a = q.transposed * Q.diagonal(d) * q
            #expect(a.inertia() == Inertia(negative: neg, zero: zero, positive: pos))
            #expect(a.inertia(method: .exactLDL) == Inertia(negative: neg, zero: zero, positive: pos))
        }
    }

    @Test("LDLᵀ and charpoly + Descartes agree on random symmetric matrices")
    func methodsAgree() {
        var rng = SplitMix64(seed: 62)
        for n in [1, 2, 3, 5, 8, 13] {
            let a = rng.symmetric(n)
            #expect(a.inertia(method: .ldl) == a.inertia(method: .charpoly))
        }
    }

    @Test("the floating-point certificate agrees with exact elimination, and refuses singular matrices")
    func certificate() {
        var rng = SplitMix64(seed: 66)
        for n in [12, 20, 31] {
            let a = rng.symmetric(n)
            let certified = floatingPointCertifiedInertia(a)
            #expect(certified != nil)
            #expect(certified == a.inertia(method: .exactLDL))
            // Shifted by an eigenvalue-free rational: still agrees when it decides.
            let shifted = a - Rational(7, 3) * Q.identity(n)
            if let c = floatingPointCertifiedInertia(shifted) { #expect(c == shifted.inertia(method: .exactLDL)) }
        }
        // Exact zero eigenvalues can never be certified by discs that avoid 0.
        let g = rng.matrix(6, 14)
        #expect(floatingPointCertifiedInertia(g.transposed * g) == nil)
        let d = Q.diagonal((0..<14).map { $0 == 5 ? 0 : Rational($0 + 1) })
        #expect(floatingPointCertifiedInertia(d) == nil)
        // A tiny eigenvalue next to huge ones: refused or right, never wrong.
        let tiny = Rational(BigInt(1), BigInt(10).power(30))
        let e = Q.diagonal((0..<13).map { $0 == 0 ? -tiny : Rational(BigInt(10).power(20)) })
        let q = rng.invertible(13)
        let f = q.transposed * e * q
        if let c = floatingPointCertifiedInertia(f) { #expect(c == Inertia(negative: 1, zero: 0, positive: 12)) }
        #expect(f.inertia() == Inertia(negative: 1, zero: 0, positive: 12))
    }

    @Test("modular congruence with zero diagonals and zero blocks agrees with elimination over ℤ")
    func modularCongruence() {
        var rng = SplitMix64(seed: 67)
        for (p, q, r) in [(6, 8, 3), (10, 10, 10), (7, 9, 0)] {
            let b = rng.matrix(p, q, rank: r)
            let h = Q.block([[Q.zeros(p, p), b], [b.transposed, Q.zeros(q, q)]])!
            let (m1, _) = IntegerMatrix.clearingDenominators(h)
            let (m2, _) = IntegerMatrix.clearingDenominators(h)
            let modular = m1.inertiaByModularCongruence()
            #expect(modular != nil)
            #expect(modular == m2.symmetricInertia())
            #expect(modular == Inertia(negative: r, zero: p + q - 2 * r, positive: r))
        }
    }

    @Test("modular leading minors and fraction-free elimination agree at n = 30")
    func modularAgreesWithElimination() {
        var rng = SplitMix64(seed: 63)
        for _ in 0..<3 {
            let (a, _) = IntegerMatrix.clearingDenominators(rng.symmetric(30))
            let (b, _) = IntegerMatrix.clearingDenominators(rng.symmetric(30))
            for m in [a, b] {
                let modular = m.inertiaByModularCongruence()
                #expect(modular != nil)
                #expect(modular == m.symmetricInertia())
            }
        }
    }

    @Test("Hessian-like block [[0, B], [Bᵀ, 0]] has inertia (r, p + q − 2r, r), r = rank B")
    func saddleBlock() {
        var rng = SplitMix64(seed: 64)
        for (p, q, r) in [(3, 4, 2), (5, 5, 5), (6, 3, 1), (10, 12, 7), (4, 4, 0)] {
            let b = rng.matrix(p, q, rank: r)
            let h = Q.block([[Q.zeros(p, p), b], [b.transposed, Q.zeros(q, q)]])!
            let expected = Inertia(negative: r, zero: p + q - 2 * r, positive: r)
            #expect(h.inertia() == expected)
            if p + q <= 10 { #expect(h.inertia(method: .charpoly) == expected) }
        }
    }

    @Test("rank-deficient PSD GᵀG has inertia (0, n − r, r)")
    func gram() {
        var rng = SplitMix64(seed: 65)
        for (n, r) in [(5, 2), (8, 8), (20, 7), (16, 1)] {
            let g = rng.matrix(r, n, -9...9, 1...5)
            let a = g.transposed * g
            #expect(a.inertia() == Inertia(negative: 0, zero: n - r, positive: r))
            #expect((-a).inertia() == Inertia(negative: r, zero: n - r, positive: 0))
        }
    }

    @Test("degenerate: 0×0, 1×1, zero matrix, zero diagonal, repeated eigenvalues, huge and tiny")
    func degenerate() {
        #expect(Q.zeros(0, 0).inertia() == Inertia(negative: 0, zero: 0, positive: 0))
        #expect(Q([[Rational(-1, 3)]]).inertia() == Inertia(negative: 1, zero: 0, positive: 0))
        #expect(Q([[0]]).inertia() == Inertia(negative: 0, zero: 1, positive: 0))
        #expect(Q.zeros(5, 5).inertia() == Inertia(negative: 0, zero: 5, positive: 0))
        #expect(Q.zeros(5, 5).inertia(method: .charpoly) == Inertia(negative: 0, zero: 5, positive: 0))
        // Zero diagonal, nonzero off-diagonal: [[0,1],[1,0]] has eigenvalues ±1.
        #expect(Q([[0, 1], [1, 0]]).inertia() == Inertia(negative: 1, zero: 0, positive: 1))
        // All-ones 4×4: eigenvalues 4, 0, 0, 0; J − I: 3, −1, −1, −1.
        let ones = Q(rows: 4, columns: 4, repeating: 1)
        #expect(ones.inertia() == Inertia(negative: 0, zero: 3, positive: 1))
        #expect((ones - .identity(4)).inertia() == Inertia(negative: 3, zero: 0, positive: 1))
        let big = Rational(BigInt(10).power(80), BigInt(3)), tiny = Rational(BigInt(1), BigInt(10).power(70))
        let e = Q([[big, 1, 0], [1, tiny, 0], [0, 0, -tiny]])  // det of leading 2×2 = big·tiny − 1 > 0
        #expect(e.inertia() == Inertia(negative: 1, zero: 0, positive: 2))
        #expect(e.inertia(method: .charpoly) == Inertia(negative: 1, zero: 0, positive: 2))
        let f = Q([[tiny, 1], [1, tiny]])  // eigenvalues tiny ± 1
        #expect(f.inertia() == Inertia(negative: 1, zero: 0, positive: 1))
    }
}
