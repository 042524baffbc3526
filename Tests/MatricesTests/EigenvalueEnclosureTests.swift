import Testing
import Numbers
import _TestSupport
@testable import Matrices

@Suite("Certified eigenvalue enclosures")
struct EigenvalueEnclosureTests {
    typealias Q = Matrix<Rational>
    typealias S = FloatTestSupport

    /// True when q is a dyadic rational (denominator a power of two).
    func isDyadic(_ q: Rational) -> Bool {
        let d = q.denominator
        return d.isOne || (d.toString(radix: 2).dropFirst().allSatisfy { $0 == "0" })
    }

    @Test("MPFR eigenvalues lie in the certified enclosures, up to their documented error")
    func estimatesInsideEnclosures() {
        var rng = FloatTestRandom(seed: 300)
        for n in [2, 4, 6] {
            let a = rng.symmetricMatrix(n)
            let width = S.twoToMinus(40)
            let enclosures = a.eigenvalueEnclosures(width: width)
            let p = 128
            let estimates = a.approximateSymmetricEigenvalues(precision: p)
            let slack = S.twoToMinus(p) * S.frobeniusBound(a)
            for (k, (lo, hi)) in enclosures.enumerated() {
                #expect(lo <= hi && hi - lo <= width)
                let e = estimates[k].exactRational!
                #expect(lo - slack <= e && e <= hi + slack, "λ_\(k) estimate \(e) outside [\(lo), \(hi)]")
                // the certificate itself: #{λ < lo} ≤ k < #{λ ≤ hi}
                #expect(a.countEigenvalues(below: lo) <= k && a.countEigenvalues(atMost: hi) >= k + 1)
                #expect(lo == hi || (isDyadic(lo) && isDyadic(hi)))
            }
        }
    }

    @Test("double-precision Jacobi eigenvalues are within n·2⁻⁴⁸·‖A‖_F of the certified ones, clusters and repeated eigenvalues included")
    func doubleJacobiEstimates() {
        var rng = FloatTestRandom(seed: 303)
        var cases: [Q] = [1, 3, 8, 20].map { rng.symmetricMatrix($0) }
        // a repeated eigenvalue and a close pair: Qᵀ·diag(2, 2, 2 + 10⁻¹², −1)·Q
        let q = rng.orthogonalMatrix(4)
        cases.append(q.transposed * Q.diagonal([2, 2, 2 + Rational(1, 1_000_000_000_000), -1]) * q)
        for a in cases {
            let values = a.doublePrecisionSymmetricEigenvalues()!
            let enclosures = a.eigenvalueEnclosures(width: S.twoToMinus(60))
            let slack = Rational(a.rows) * S.twoToMinus(48) * S.frobeniusBound(a)
            #expect(values == values.sorted())
            for (k, (lo, hi)) in enclosures.enumerated() {
                let e = Rational(exactly: values[k])!
                #expect(lo - slack <= e && e <= hi + slack, "n = \(a.rows), λ_\(k): double \(values[k]) outside [\(lo), \(hi)] ± slack")
            }
        }
    }

    @Test("exact rational eigenvalues of Qᵀ·diag(d)·Q are returned as points")
    func exactEigenvalues() {
        var rng = FloatTestRandom(seed: 301)
        let d: [Rational] = [Rational(-1, 3), Rational(1, 2), 2, Rational(7, 5), Rational(1, 2)]
        let q = rng.orthogonalMatrix(5)
        let a = q.transposed * Q.diagonal(d) * q
        let enclosures = a.eigenvalueEnclosures(width: S.twoToMinus(20))
        #expect(enclosures.map(\.lower) == d.sorted())
        #expect(enclosures.map(\.upper) == d.sorted())
        let diag = Q.diagonal([5, Rational(-2, 7), Rational(1, 3)])
        #expect(diag.minimumEigenvalueEnclosure(width: Rational(1, 1000)) == (Rational(-2, 7), Rational(-2, 7)))
        #expect(diag.maximumEigenvalueEnclosure(width: Rational(1, 1000)) == (5, 5))
        #expect(diag.eigenvalueEnclosure(index: 1, width: Rational(1, 1000)) == (Rational(1, 3), Rational(1, 3)))
    }

    @Test("irrational eigenvalues are enclosed with the requested width, even a tiny one")
    func irrationalEigenvalues() {
        // [[2, 1], [1, 1]] has eigenvalues (3 ∓ √5)/2, the roots of x² − 3x + 1
        let a = Q([[2, 1], [1, 1]])
        func chi(_ x: Rational) -> Rational { x * x - 3 * x + 1 }
        for width in [Rational(1, 10), S.twoToMinus(64), S.twoToMinus(300)] {
            for k in 0..<2 {
                let (lo, hi) = a.eigenvalueEnclosure(index: k, width: width)
                #expect(lo < hi && hi - lo <= width && isDyadic(lo) && isDyadic(hi))
                #expect(chi(lo) * chi(hi) < 0, "no sign change of χ on [\(lo), \(hi)]")
                #expect(k == 0 ? hi < 1 : lo > 2)
            }
        }
    }

    @Test("λ_min and λ_max enclosures agree with the extreme indices")
    func extremes() {
        var rng = FloatTestRandom(seed: 302)
        let a = rng.symmetricMatrix(5, numeratorBound: 100, denominatorBound: 3)
        let w = S.twoToMinus(30)
        let lo = a.minimumEigenvalueEnclosure(width: w), hi = a.maximumEigenvalueEnclosure(width: w)
        #expect(a.countEigenvalues(below: lo.lower) == 0 && a.countEigenvalues(atMost: lo.upper) >= 1)
        #expect(a.countEigenvalues(above: hi.upper) == 0 && a.countEigenvalues(atLeast: hi.lower) >= 1)
    }

    @Test("trivial spectra: 1×1, zero and scalar matrices give exact points")
    func trivial() {
        #expect(Q([[Rational(-7, 3)]]).minimumEigenvalueEnclosure(width: 1) == (Rational(-7, 3), Rational(-7, 3)))
        #expect(Q.zeros(3, 3).eigenvalueEnclosure(index: 2, width: Rational(1, 8)) == (0, 0))
        let s = Q.diagonal([Rational(5, 3), Rational(5, 3)])
        #expect(s.eigenvalueEnclosures(width: Rational(1, 2^20)).allSatisfy { $0 == (Rational(5, 3), Rational(5, 3)) })
        #expect(Q.zeros(0, 0).eigenvalueEnclosures(width: 1).isEmpty)
    }

    @Test("the simplest rational in an interval is found by continued fractions")
    func simplestRational() {
        typealias E = EigenvalueEnclosureSearch
        #expect(E.simplestRational(in: Rational(33, 100), Rational(34, 100)) == Rational(1, 3))
        #expect(E.simplestRational(in: Rational(-34, 100), Rational(-33, 100)) == Rational(-1, 3))
        #expect(E.simplestRational(in: Rational(-1, 2), Rational(3)) == 0)
        #expect(E.simplestRational(in: Rational(5, 2), Rational(7, 2)) == 3)
        #expect(E.simplestRational(in: Rational(3), Rational(3)) == 3)
        #expect(E.powerOfTwoBelow(Rational(3, 16)) == Rational(1, 8))
        #expect(E.powerOfTwoBelow(Rational(4)) == 4)
    }
}
