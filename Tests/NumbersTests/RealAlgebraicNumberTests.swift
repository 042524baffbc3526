import Testing
@testable import Numbers

/// The shared seeded generator, so every random test is reproducible.
private typealias AlgebraicNumberTestRNG = SplitMix64

private func poly(_ c: Int...) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }

/// √n as the root of x² − n in [0, n].
private func sqrtOf(_ n: Int) -> RealAlgebraicNumber {
    RealAlgebraicNumber(rootOf: poly(-n, 0, 1), in: Rational(0)...Rational(max(n, 1)))!
}

@Suite("Real algebraic numbers")
struct RealAlgebraicNumberTests {
    @Test("the root of x² − 2 lies strictly between 7/5 and 3/2")
    func sqrt2AgainstRationals() {
        let s = sqrtOf(2)
        #expect(!s.isRational && s.rationalValue == nil)
        #expect(s > Rational(7, 5) && Rational(7, 5) < s && s >= Rational(7, 5))
        #expect(s < Rational(3, 2) && Rational(3, 2) > s && s <= Rational(3, 2))
        #expect(s != Rational(7, 5) && !(s == Rational(3, 2)))
        #expect(s.compare(to: Rational(141, 100)) == 1 && s.compare(to: Rational(142, 100)) == -1)
        #expect(s.sign == 1 && (-s).sign == -1)
        #expect(-s < Rational(-7, 5) && -s > Rational(-3, 2))
    }

    @Test("x² − 2 and x⁴ − 4 share √2: equality is detected through their gcd")
    func sharedRoot() {
        let a = sqrtOf(2)
        let b = RealAlgebraicNumber(rootOf: poly(-4, 0, 0, 0, 1), in: Rational(1)...Rational(2))!
        #expect(a == b && b == a && a.compare(to: b) == 0)
        #expect(!(a < b) && !(b < a))
        #expect(a.hashValue == b.hashValue)
        // The negative root of x⁴ − 4 is −√2, not √2.
        let c = RealAlgebraicNumber(rootOf: poly(-4, 0, 0, 0, 1), in: Rational(-2)...Rational(0))!
        #expect(c != a && c == -a && c < a)
        // Same value from very different data: ⁴√4 and ⁶√8 are √2.
        #expect(RealAlgebraicNumber.root(of: 4, degree: 4)! == a)
        #expect(RealAlgebraicNumber.root(of: 8, degree: 6)! == a)
        #expect(RealAlgebraicNumber.root(of: 2, degree: 2)! == a)
    }

    @Test("distinct irrationals are ordered by refinement, including close ones")
    func ordering() {
        let s2 = sqrtOf(2), s3 = sqrtOf(3)
        #expect(s2 < s3 && s3 > s2 && s2 != s3)
        let near = RealAlgebraicNumber(rootOf: Polynomial(coefficients: [Rational(-2_000_000_001, 1_000_000_000), 0, 1]),
                                       in: Rational(1)...Rational(2))!
        #expect(s2 < near && near.compare(to: s2) == 1)
        // Golden ratio φ: the positive root of x² − x − 1 equals (1 + √5)/2.
        let phi = RealAlgebraicNumber(rootOf: poly(-1, -1, 1), in: Rational(0)...Rational(2))!
        #expect(phi == (sqrtOf(5) + 1) / 2)
        #expect(phi == Rational(1, 2) + sqrtOf(5) * Rational(1, 2))
        #expect(phi > Rational(1618, 1000) && phi < Rational(1619, 1000))
        #expect([s3, phi, s2].sorted() == [s2, phi, s3])
    }

    @Test("random comparisons of √n with √m and with rationals agree with comparing squares")
    func randomComparisons() {
        var g = AlgebraicNumberTestRNG(seed: 0xA1)
        let nonsquares = [2, 3, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24]
        for _ in 0..<60 {
            let n = nonsquares.randomElement(using: &g)!, m = nonsquares.randomElement(using: &g)!
            let a = sqrtOf(n), b = sqrtOf(m)
            #expect((a < b) == (n < m) && (a == b) == (n == m))
            let r = Rational(Int.random(in: 1...60, using: &g), Int.random(in: 1...12, using: &g))
            #expect((a < r) == (Rational(n) < r * r))
            #expect((a > r) == (Rational(n) > r * r))
            #expect(a != r)
            #expect(a.approximateDouble == Double(n).squareRoot())      // both correctly rounded
        }
    }

    @Test("k-th roots of perfect powers are rational, others are irrational and exact")
    func kthRoots() {
        #expect(RealAlgebraicNumber.root(of: Rational(27, 8), degree: 3)?.rationalValue == Rational(3, 2))
        #expect(RealAlgebraicNumber.root(of: -32, degree: 5)?.rationalValue == -2)
        #expect(RealAlgebraicNumber.root(of: 0, degree: 4)?.rationalValue == 0)
        #expect(RealAlgebraicNumber.root(of: Rational(-7, 3), degree: 1)?.rationalValue == Rational(-7, 3))
        #expect(RealAlgebraicNumber.root(of: -4, degree: 2) == nil)
        let cbrt2 = RealAlgebraicNumber.root(of: 2, degree: 3)!
        #expect(!cbrt2.isRational)
        #expect(cbrt2 > Rational(5, 4) && cbrt2 < Rational(63, 50))     // 1.2599…
        let negCbrt2 = RealAlgebraicNumber.root(of: -2, degree: 3)!
        #expect(negCbrt2 == -cbrt2 && negCbrt2.sign == -1)
        let small = RealAlgebraicNumber.root(of: Rational(1, 5), degree: 2)!
        #expect(small > Rational(2, 5) && small < Rational(9, 20))       // 0.4472…
        let big = BigInt(10).power(40) + 1
        let huge = RealAlgebraicNumber.root(of: Rational(big * big * big), degree: 3)!
        #expect(huge.rationalValue == Rational(big))
    }

    @Test("random perfect powers have rational k-th roots equal to the base")
    func randomPerfectPowers() {
        var g = AlgebraicNumberTestRNG(seed: 0xC0)
        for _ in 0..<40 {
            let k = Int.random(in: 1...7, using: &g)
            var r = Rational(Int.random(in: 1...500, using: &g), Int.random(in: 1...500, using: &g))
            if k % 2 == 1 && Bool.random(using: &g) { r = -r }
            let root = RealAlgebraicNumber.root(of: r.power(k), degree: k)
            #expect(root?.rationalValue == r)
            // One more than a perfect k-th power (k ≥ 2, integer base) is not a perfect power.
            if k >= 2 {
                let n = BigInt(Int.random(in: 1...1000, using: &g))
                let other = RealAlgebraicNumber.root(of: Rational(n.power(k) + 1), degree: k)!
                #expect(!other.isRational && other > Rational(n) && other < Rational(n + 1))
            }
        }
    }

    @Test("constructors reject no root or several roots, and turn endpoint roots into rationals")
    func construction() {
        let p = poly(-2, 0, 1) * poly(-1, 1)                                 // roots ±√2, 1
        #expect(RealAlgebraicNumber(rootOf: p, in: Rational(0)...Rational(2)) == nil)   // 1 and √2
        #expect(RealAlgebraicNumber(rootOf: p, in: Rational(2)...Rational(3)) == nil)
        #expect(RealAlgebraicNumber(rootOf: p, in: Rational(1)...Rational(1))?.rationalValue == 1)
        #expect(RealAlgebraicNumber(rootOf: p, in: Rational(1)...Rational(5, 4))?.rationalValue == 1)
        #expect(RealAlgebraicNumber(rootOf: p, in: Rational(1, 2)...Rational(1))?.rationalValue == 1)
        #expect(RealAlgebraicNumber(rootOf: .zero, in: Rational(0)...Rational(1)) == nil)
        #expect(RealAlgebraicNumber(rootOf: Polynomial(constant: 3), in: Rational(0)...Rational(1)) == nil)
        // A repeated root counts once; a rational root inside the interval is detected.
        let square = poly(-1, 1) * poly(-1, 1) * poly(-3, 2) * poly(1, 0, 1)
        #expect(RealAlgebraicNumber(rootOf: square, in: Rational(0)...Rational(5, 4))?.rationalValue == 1)
        #expect(RealAlgebraicNumber(rootOf: square, in: Rational(5, 4)...Rational(2))?.rationalValue == Rational(3, 2))
        // Roots of a polynomial as numbers, in increasing order.
        let all = RealAlgebraicNumber.roots(of: p * p)
        #expect(all.count == 3 && all[1].rationalValue == 1 && all[0] == -sqrtOf(2) && all[2] == sqrtOf(2))
        #expect(RealAlgebraicNumber.roots(of: Polynomial(constant: 2)).isEmpty)
        #expect(RealAlgebraicNumber(p.realRoots()[2], of: p) == sqrtOf(2))
    }

    @Test("enclosures have the requested width and contain the value; doubles are close")
    func enclosures() {
        let s = sqrtOf(2)
        let w = Rational(1, 1 << 50)
        let e = s.enclosure(width: w)
        #expect(e.upperBound - e.lowerBound <= w)
        #expect(e.lowerBound * e.lowerBound < 2 && e.upperBound * e.upperBound > 2)
        var t = s
        t.refine(toWidth: Rational(1, 1000))
        #expect(t == s && t.isolatingInterval.upperBound - t.isolatingInterval.lowerBound <= Rational(1, 1000))
        // Correctly rounded, like the IEEE square root.
        #expect(s.approximateDouble == 2.0.squareRoot())
        #expect((-s).approximateDouble == -(2.0.squareRoot()))
        #expect(sqrtOf(3).approximateDouble == 3.0.squareRoot())
        #expect(RealAlgebraicNumber(Rational(1, 3)).approximateDouble == 1.0 / 3.0)
        #expect(RealAlgebraicNumber(Rational(-2, 3)).approximateDouble == -2.0 / 3.0)
        #expect(RealAlgebraicNumber(Rational(1, 3)).enclosure(width: 1) == Rational(1, 3)...Rational(1, 3))
        #expect(abs(RealAlgebraicNumber.root(of: 2, degree: 3)!.approximateDouble - 1.2599210498948732) <= 1e-15)
        #expect(s.description.hasPrefix("root of x^2 - 2 in ("))
        #expect(RealAlgebraicNumber(Rational(-3, 4)).description == "-3/4")
        #expect(s.definingPolynomial == poly(-2, 0, 1))
        #expect(RealAlgebraicNumber(Rational(-3, 4)).definingPolynomial == poly(3, 4))
    }

    @Test("rational arithmetic maps keep exactness: shifts, scalings, negation")
    func rationalMaps() {
        let s = sqrtOf(3)
        #expect((s + 1) - 1 == s)
        #expect((s * Rational(-2, 3)) / Rational(-2, 3) == s)
        #expect(s * 0 == Rational(0))
        #expect(-(-s) == s)
        #expect(Rational(2) - s > 0 && Rational(2) - s < Rational(3, 10))      // 0.2679…
        #expect((s * 2) == sqrtOf(12))
        #expect(RealAlgebraicNumber(Rational(1, 2)) + Rational(1, 2) == Rational(1))
    }
}
