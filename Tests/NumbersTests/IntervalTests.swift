import Testing
import _TestSupport
@testable import Numbers

@Suite("Interval")
struct IntervalTests {
    @Test("an enclosed rational lies inside; dyadic rationals give point intervals")
    func enclosingRationals() {
        var rng = FloatTestRandom(seed: 10)
        for _ in 0..<100 {
            let x = rng.rational(numeratorBound: 100_000, denominatorBound: 999)
            for p in [8, 53, 200] {
                let i = Interval(x, precision: p)
                #expect(i.contains(x))
                #expect(i.exactWidth! <= x.magnitude * Rational(BigInt(1), BigInt(2).power(p - 1)))
            }
        }
        let d = Interval(Rational(-5, 16), precision: 8)
        #expect(d.isPoint && d.lowerRational == Rational(-5, 16))
        #expect(!Interval(Rational(1, 3), precision: 8).isPoint)
        #expect(Interval(enclosing: Rational(1, 3), Rational(1, 2), precision: 10).contains(Rational(2, 5)))
    }

    @Test("random chains of operations stay enclosures of the exact rational results")
    func randomChains() {
        var rng = FloatTestRandom(seed: 11)
        for chain in 0..<40 {
            let p = [4, 12, 53, 128][chain % 4]
            var exact = rng.rational()
            var iv = Interval(exact, precision: p)
            for _ in 0..<25 {
                let r = rng.nonzeroRational(numeratorBound: 50, denominatorBound: 13)
                let ri = Interval(r, precision: p)
                switch Int.random(in: 0..<9, using: &rng) {
                case 0: exact = exact + r; iv = iv + ri
                case 1: exact = exact - r; iv = iv - ri
                case 2: exact = r - exact; iv = ri - iv
                case 3: exact = exact * r; iv = iv * ri
                case 4: exact = exact / r; iv = iv / ri
                case 5:
                    if !exact.isZero { exact = r / exact; iv = ri / iv }
                case 6: exact = exact * exact; iv = iv.square()
                case 7: exact = exact.power(3); iv = iv.power(3)
                default: exact = -exact; iv = -iv
                }
                #expect(iv.contains(exact), "chain \(chain) at \(p) bits lost \(exact)")
                // keep the exact numbers small enough to stay fast
                if exact.bitSize > 400 { exact = Rational(1, 7); iv = Interval(exact, precision: p) }
            }
        }
    }

    @Test("products of intervals of mixed signs contain every product of their points")
    func productSigns() {
        var rng = FloatTestRandom(seed: 12)
        for _ in 0..<200 {
            let a0 = rng.rational(), a1 = rng.rational(), b0 = rng.rational(), b1 = rng.rational()
            let a = Interval(enclosing: min(a0, a1), max(a0, a1), precision: 10)
            let b = Interval(enclosing: min(b0, b1), max(b0, b1), precision: 10)
            let prod = a * b
            for x in [a0, a1, (a0 + a1) / 2] { for y in [b0, b1, (b0 + b1) / 2] {
                #expect(prod.contains(x * y))
                if !b.containsZero { #expect((a / b).contains(x / y)) }
            } }
        }
    }

    @Test("division by an interval containing 0 gives the whole line")
    func divisionByZeroInterval() {
        let one = Interval(1)
        for d in [Interval(0), Interval(enclosing: Rational(-1), Rational(1)), Interval(enclosing: Rational(0), Rational(2))] {
            let r = one / d
            #expect(r.lower == -BigFloat.infinity() && r.upper == BigFloat.infinity())
            #expect(r.contains(Rational(10).power(100)))
        }
        #expect(Interval(enclosing: Rational(-1), Rational(1)).reciprocal == Interval.entire())
        let e = Interval.entire()
        #expect(e + one == e && e - one == e)
        #expect(e * Interval(0) == Interval(0))
        #expect(!(e * Interval(2)).isBounded)
        #expect((e / Interval(2)) == e)
    }

    @Test("unbounded endpoints never produce NaN: 0·∞ is 0, ∞/∞ keeps the hull")
    func infiniteEndpoints() {
        let inf = BigFloat.infinity()
        let a = Interval(lower: BigFloat(0), upper: BigFloat(1)), b = Interval(lower: BigFloat(1), upper: inf)
        #expect(a * b == Interval(lower: BigFloat(0), upper: inf))
        let c = Interval(lower: -inf, upper: BigFloat(1))
        #expect(c / b == Interval(lower: -inf, upper: BigFloat(1)))
        #expect(b / b == Interval(lower: BigFloat(0), upper: inf))
        #expect(b.squareRoot() == b)
        #expect(b.power(2) == b && c.power(3) == c)
    }

    @Test("square roots: exact on squares, enclosing otherwise, nil when certainly negative")
    func squareRoots() {
        #expect(Interval(4).squareRoot() == Interval(2))
        let two = Interval(2, precision: 64)
        let s = two.squareRoot()!
        #expect(s.lowerRational! * s.lowerRational! <= 2 && 2 <= s.upperRational! * s.upperRational!)
        #expect(!s.isPoint)
        #expect(Interval(-1).squareRoot() == nil)
        let straddle = Interval(enclosing: Rational(-1), Rational(9)).squareRoot()!
        #expect(straddle == Interval(lower: BigFloat(0), upper: BigFloat(3)))
        var rng = FloatTestRandom(seed: 13)
        for _ in 0..<50 {
            let x = rng.rational().magnitude
            let r = Interval(x, precision: 30).squareRoot()!
            #expect(r.lowerRational!.power(2) <= x && x <= r.upperRational!.power(2))
        }
    }

    @Test("square and even powers are nonnegative and tighter than self·self")
    func squares() {
        let x = Interval(enclosing: Rational(-1), Rational(2))
        #expect(x.square() == Interval(enclosing: Rational(0), Rational(4)))
        #expect(x * x == Interval(enclosing: Rational(-2), Rational(4)))
        #expect(x.power(4) == Interval(enclosing: Rational(0), Rational(16)))
        #expect(x.power(3) == Interval(enclosing: Rational(-1), Rational(8)))
        #expect(x.power(0) == Interval(1))
        #expect(Interval(2).power(-2) == Interval(Rational(1, 4)))
        #expect(x.magnitude == Interval(enclosing: Rational(0), Rational(2)))
    }

    @Test("certified comparisons say yes or no only when every point agrees")
    func comparisons() {
        let pos = Interval(enclosing: Rational(1, 3), Rational(1, 2))
        let span = Interval(enclosing: Rational(-1), Rational(1))
        let zeroToOne = Interval(enclosing: Rational(0), Rational(1))
        #expect(pos.isPositive == .yes && pos.isNegative == .no)
        #expect(span.isPositive == .unknown && span.isNegative == .unknown)
        #expect(zeroToOne.isPositive == .unknown && zeroToOne.isNonNegative == .yes && zeroToOne.isNegative == .no)
        #expect((-pos).isNegative == .yes && (-pos).isNonPositive == .yes)
        #expect(Interval(0).isPositive == .no && Interval(0).isZero && !zeroToOne.isZero)
        #expect(pos.compare(to: 1) == .less && pos.compare(to: 0) == .greater)
        #expect(pos.compare(to: Rational(2, 5)) == .unknown)
        #expect(Interval(Rational(1, 4)).compare(to: Rational(1, 4)) == .equal)
        #expect(pos.lessThan(Interval(1)) == .yes && Interval(1).lessThan(pos) == .no)
        #expect(pos.lessThan(span) == .unknown)
        #expect(zeroToOne.lessThanOrEqual(Interval(1)) == .yes && zeroToOne.lessThan(Interval(1)) == .unknown)
        #expect(pos.greaterThan(Rational(1, 4)) == .yes && pos.greaterThanOrEqual(Rational(1, 2)) == .unknown)
        #expect(pos.lessThanOrEqual(Rational(1, 2)) == .yes && pos.lessThan(Rational(1, 4)) == .no && pos.lessThan(Rational(1, 3)) == .unknown)
        #expect(Interval(1).greaterThanOrEqual(pos) == .yes)
    }

    @Test("intersection, hull, containment, width and midpoint")
    func setOperations() {
        let a = Interval(enclosing: Rational(0), Rational(2)), b = Interval(enclosing: Rational(1), Rational(3))
        #expect(a.intersection(b) == Interval(enclosing: Rational(1), Rational(2)))
        #expect(a.intersection(Interval(5)) == nil)
        #expect(a.hull(b) == Interval(enclosing: Rational(0), Rational(3)))
        #expect(a.hull(b).contains(a) && !a.contains(b))
        #expect(a.width == 2 && a.midpoint == 1 && a.exactMidpoint == 1)
        let t = Interval(Rational(1, 3), precision: 20)
        #expect(t.contains(t.midpoint))
        #expect(t.exactWidth! <= t.width.exactRational!)
        #expect(Interval.entire().midpoint == 0 && Interval.entire().width == BigFloat.infinity())
    }

    @Test("printing rounds the endpoints outward")
    func printing() {
        let t = Interval(Rational(1, 3), precision: 53)
        let parts = t.toString(digits: 5).dropFirst().dropLast().split(separator: ",")
        #expect(parts.count == 2)
        #expect(Rational(String(parts[0]))! <= Rational(1, 3) && Rational(1, 3) <= Rational(String(parts[1].dropFirst()))!)
        #expect(t.toString(digits: 5) == "[0.33333, 0.33334]")
        #expect(Interval(1).description == "[1, 1]")
        #expect(Interval.entire().description == "[-inf, inf]")
    }

    @Test("field conformance: identities and point arithmetic on integers are exact")
    func fieldBasics() {
        let x: Interval = 6
        #expect(x + .zero == x && x * .one == x)
        #expect(x / 3 == 2 && x - x == .zero)
        #expect(Interval(Rational(1, 2)) * 4 == 2)
    }
}
