import Testing
import Numbers
@testable import Matrices

@Suite("Spectral decisions")
struct SpectralDecisionsTests {
    typealias Q = Matrix<Rational>

    /// A symmetric matrix with exactly the given eigenvalues: HᵀDH for a rational Householder
    /// reflector H (orthogonal, so a similarity).
    static func withSpectrum(_ d: [Rational], _ rng: inout SplitMix64) -> Q {
        var v = (0..<d.count).map { _ in rng.rational(-5...5, 1...3) }
        if v.allSatisfy(\.isZero) { v[0] = 1 }
        let h = householder(v)
        return h.transposed * Q.diagonal(d) * h
    }

    @Test("counts below, at most, above and at least c match a known spectrum with repeats")
    func counts() {
        var rng = SplitMix64(seed: 70)
        let spectrum: [Rational] = [-3, Rational(-1, 2), 0, 0, 2, 2, 2, Rational(7, 3)]
        let a = Self.withSpectrum(spectrum, &rng)
        #expect(a.isSymmetric)
        for c: Rational in [-4, -3, -2, Rational(-1, 2), 0, 1, 2, Rational(7, 3), 3] {
            #expect(a.countEigenvalues(below: c) == spectrum.filter { $0 < c }.count)
            #expect(a.countEigenvalues(atMost: c) == spectrum.filter { $0 <= c }.count)
            #expect(a.countEigenvalues(above: c) == spectrum.filter { $0 > c }.count)
            #expect(a.countEigenvalues(atLeast: c) == spectrum.filter { $0 >= c }.count)
        }
    }

    @Test("definiteness and extreme-eigenvalue decisions")
    func decisions() {
        var rng = SplitMix64(seed: 71)
        let psd = Self.withSpectrum([0, 1, 3, 0], &rng)
        #expect(psd.isPositiveSemidefinite && !psd.isPositiveDefinite)
        let pd = Self.withSpectrum([Rational(1, 1000), 1, 5], &rng)
        #expect(pd.isPositiveSemidefinite && pd.isPositiveDefinite)
        let indefinite = Self.withSpectrum([-1, 4, 4], &rng)
        #expect(!indefinite.isPositiveSemidefinite)
        #expect(indefinite.minimumEigenvalueIsAtMost(-1) && !indefinite.minimumEigenvalueIsLess(than: -1))
        #expect(indefinite.minimumEigenvalueIsLess(than: Rational(-999, 1000)))
        #expect(indefinite.maximumEigenvalueIsAtLeast(4) && !indefinite.maximumEigenvalueIsGreater(than: 4))
        #expect(indefinite.maximumEigenvalueIsGreater(than: Rational(3999, 1000)))
        #expect(!indefinite.maximumEigenvalueIsAtLeast(Rational(4001, 1000)))
    }

    @Test("bisection on countEigenvalues(below:) isolates a diagonal spectrum")
    func bisection() {
        let spectrum: [Rational] = [Rational(-5, 3), Rational(1, 7), Rational(1, 7), 2]
        var rng = SplitMix64(seed: 72)
        let a = Self.withSpectrum(spectrum, &rng)
        // λ_min within [−2, 3]: halve 30 times.
        var lo: Rational = -2, hi: Rational = 3
        for _ in 0..<30 {
            let mid = (lo + hi) / 2
            if a.countEigenvalues(below: mid) >= 1 { hi = mid } else { lo = mid }
        }
        #expect(lo <= Rational(-5, 3) && Rational(-5, 3) <= hi)
        #expect(hi - lo <= Rational(BigInt(5), BigInt(2).power(30)))
    }

    @Test("n = 13: counts at, next to and between repeated eigenvalues (certified and exact stages)")
    func largerSpectrum() {
        var rng = SplitMix64(seed: 73)
        let spectrum: [Rational] = [-7, -7, -7, Rational(-1, 3), 0, 0, 0, Rational(1, 5), 1, 1, 3, 10, 10]
        let a = Self.withSpectrum(spectrum, &rng)
        let near = Rational(BigInt(1), BigInt(10).power(25))
        for c in [-8, -7, -7 + near, Rational(-1, 3) - near, 0, near, Rational(3, 2), 10, 11] as [Rational] {
            #expect(a.countEigenvalues(below: c) == spectrum.filter { $0 < c }.count)
        }
        for c in [-7, -near, 0, 10] as [Rational] {
            #expect(a.countEigenvalues(atMost: c) == spectrum.filter { $0 <= c }.count)
        }
        let shifted = a + 7 * Q.identity(13)
        #expect(!a.isPositiveSemidefinite && shifted.isPositiveSemidefinite && !shifted.isPositiveDefinite)
    }

    @Test("edge cases: 0×0, zero matrix, 1×1")
    func edges() {
        let empty = Q.zeros(0, 0)
        #expect(empty.countEigenvalues(below: 1) == 0 && empty.isPositiveDefinite && empty.isPositiveSemidefinite)
        #expect(!empty.minimumEigenvalueIsAtMost(100) && !empty.maximumEigenvalueIsAtLeast(-100))
        let zero = Q.zeros(3, 3)
        #expect(zero.isPositiveSemidefinite && !zero.isPositiveDefinite)
        #expect(zero.countEigenvalues(atMost: 0) == 3 && zero.countEigenvalues(below: 0) == 0)
        let one = Q([[Rational(2, 5)]])
        #expect(one.countEigenvalues(below: Rational(2, 5)) == 0 && one.countEigenvalues(atMost: Rational(2, 5)) == 1)
    }
}
