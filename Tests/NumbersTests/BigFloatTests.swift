import Testing
import _TestSupport
@testable import Numbers

@Suite("BigFloat")
struct BigFloatTests {
    static let precisions = [2, 11, 24, 53, 113, 300]

    /// The exact value of a finite BigFloat.
    func q(_ x: BigFloat) -> Rational { x.exactRational! }

    /// 2^-e as a rational.
    func twoToMinus(_ e: Int) -> Rational { Rational(BigInt(1), BigInt(2).power(e)) }

    @Test("converting a rational rounds down to a value ≤ it and up to a value ≥ it, one ulp apart")
    func rationalRoundingDirection() {
        var rng = FloatTestRandom(seed: 1)
        for _ in 0..<200 {
            let x = rng.rational(numeratorBound: 1_000_000, denominatorBound: 1_000_003)
            for p in Self.precisions {
                let d = BigFloat(x, precision: p, rounding: .down)
                let u = BigFloat(x, precision: p, rounding: .up)
                let n = BigFloat(x, precision: p, rounding: .toNearest)
                let z = BigFloat(x, precision: p, rounding: .towardZero)
                #expect(q(d) <= x && x <= q(u))
                #expect(q(d) <= q(n) && q(n) <= q(u))
                #expect(q(z).magnitude <= x.magnitude)
                // adjacent: the gap is at most one unit in the last place, ≤ |x|·2^(1−p)
                #expect(q(u) - q(d) <= x.magnitude * twoToMinus(p - 1))
                // nearest is within half a unit in the last place
                #expect((q(n) - x).magnitude <= x.magnitude * twoToMinus(p))
                #expect(d.precision == p)
            }
        }
    }

    @Test("dyadic rationals that fit convert exactly in every rounding mode")
    func exactConversion() {
        let x = Rational(-1234567, 1024)
        for mode in RoundingMode.allCases {
            #expect(BigFloat(x, precision: 24, rounding: mode).exactRational == x)
        }
        #expect(BigFloat(0.1).exactRational == Rational(exactly: 0.1))
        #expect(BigFloat(Int.min).exactRational == Rational(Int.min))
        #expect(Rational(exactly: BigFloat(Rational(3, 8))) == Rational(3, 8))
        #expect(BigFloat(BigInt(10).power(40)).exactRational == Rational(BigInt(10).power(40)))
    }

    @Test("+ − × ÷ √ rounded down and up bracket the exact result")
    func operationRoundingDirection() {
        var rng = FloatTestRandom(seed: 2)
        for _ in 0..<150 {
            let p = Self.precisions.randomElement(using: &rng)!
            let a = BigFloat(rng.rational(), precision: p)
            let b = BigFloat(rng.nonzeroRational(), precision: p)
            let (qa, qb) = (q(a), q(b))
            let exact: [(Rational, (RoundingMode) -> BigFloat)] = [
                (qa + qb, { a.adding(b, rounding: $0) }),
                (qa - qb, { a.subtracting(b, rounding: $0) }),
                (qa * qb, { a.multiplied(by: b, rounding: $0) }),
                (qa / qb, { a.divided(by: b, rounding: $0) }),
                (qa * qa, { a.squared(rounding: $0) }),
                (qb.power(-3), { b.power(-3, rounding: $0) }),
            ]
            for (value, op) in exact {
                let d = q(op(.down)), u = q(op(.up)), n = q(op(.toNearest)), z = q(op(.towardZero))
                #expect(d <= value && value <= u)
                #expect((n - value).magnitude <= value.magnitude * twoToMinus(p))
                #expect(z.magnitude <= value.magnitude)
                #expect(u - d <= value.magnitude * twoToMinus(p - 1))
            }
            let s = a.magnitude
            let sd = q(s.squareRoot(rounding: .down)), su = q(s.squareRoot(rounding: .up))
            #expect(sd * sd <= q(s) && q(s) <= su * su)
        }
    }

    @Test("an explicit precision overrides the operands'; operators use the larger one")
    func precisionRules() {
        let a = BigFloat(1, precision: 10), b = BigFloat(3, precision: 100)
        #expect((a + b).precision == 100)
        #expect((a / b).precision == 100)
        #expect(a.divided(by: b, precision: 20).precision == 20)
        #expect(q(a.divided(by: b, rounding: .down, precision: 20)) < Rational(1, 3))
        #expect(BigFloat(7).precision == BigFloat.defaultPrecision)
        let third = BigFloat(Rational(1, 3), precision: 200)
        #expect(third.rounded(toPrecision: 8, rounding: .up).precision == 8)
        #expect(q(third.rounded(toPrecision: 8, rounding: .up)) > Rational(1, 3))
        #expect(q(third.rounded(toPrecision: 8, rounding: .down)) < Rational(1, 3))
        #expect(third.rounded(toPrecision: 400) == third)
    }

    @Test("printing gives the requested number of significant digits, rounded as asked")
    func printing() {
        let third = BigFloat(Rational(1, 3))
        #expect(third.toString(digits: 5) == "0.33333")
        #expect(BigFloat(Rational(2, 3)).toString(digits: 5) == "0.66667")
        #expect(BigFloat(Rational(2, 3)).toString(digits: 5, rounding: .down) == "0.66666")
        #expect(BigFloat(Rational(-2, 3)).toString(digits: 3, rounding: .down) == "-0.667")
        #expect(BigFloat(1234567).toString(digits: 3) == "1.23e+6")
        #expect(BigFloat(1234567).toString(digits: 7) == "1234567")
        #expect(BigFloat(100).toString(digits: 5) == "100")
        #expect(BigFloat(Rational(3, 2)).toString(digits: 10) == "1.5")
        #expect(BigFloat(Rational(12345, 1_000_000_000)).toString(digits: 5) == "0.000012345")
        #expect(BigFloat(Rational(12345, 10_000_000_000)).toString(digits: 5) == "1.2345e-6")
        #expect(BigFloat(Rational(96, 100)).toString(digits: 1) == "1")
        #expect(BigFloat(Rational(96, 100)).toString(digits: 1, rounding: .down) == "0.9")
        #expect(BigFloat(0).toString(digits: 3) == "0")
        #expect((-BigFloat(0)).toString(digits: 3) == "-0")
        #expect(BigFloat.infinity().toString(digits: 3) == "inf")
        #expect((-BigFloat.infinity()).description == "-inf")
        #expect(BigFloat.nan().description == "nan")
    }

    @Test("description reads back to the same value")
    func descriptionRoundTrip() {
        var rng = FloatTestRandom(seed: 3)
        for p in [24, 53, 256] {
            for _ in 0..<20 {
                let x = BigFloat(rng.nonzeroRational(), precision: p)
                #expect(BigFloat(x.description, precision: p) == x)
                #expect(Rational(x.toString(digits: 60, rounding: .down))! <= q(x))
                #expect(Rational(x.toString(digits: 5, rounding: .up))! >= q(x))
            }
        }
        #expect(BigFloat("1.5e3") == 1500)
        #expect(BigFloat("abc") == nil)
        #expect(BigFloat("") == nil)
    }

    @Test("equality and hashing compare values, not precisions; == is an equivalence relation")
    func equality() {
        let a = BigFloat(Rational(5, 4), precision: 53), b = BigFloat(Rational(5, 4), precision: 300)
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(BigFloat(0) == -BigFloat(0) && BigFloat(0).hashValue == (-BigFloat(0)).hashValue)
        #expect(BigFloat.nan() == BigFloat.nan())
        #expect(BigFloat.nan() != BigFloat(1))
        #expect(BigFloat.infinity() < BigFloat.nan())
        #expect(!(BigFloat.nan() < BigFloat.infinity()))
        #expect([BigFloat(3), -BigFloat.infinity(), BigFloat.nan(), BigFloat(-1)].sorted()
            == [-BigFloat.infinity(), BigFloat(-1), BigFloat(3), BigFloat.nan()])
        #expect(Set([a, b, BigFloat(1)]).count == 2)
        // hashing never expands the value: a huge exponent is cheap and precision-independent
        let huge = BigFloat(3, precision: 53).scaled(byPowerOfTwo: 1 << 28)
        #expect(huge.hashValue == BigFloat(3, precision: 300).scaled(byPowerOfTwo: 1 << 28).hashValue)
        #expect(huge != BigFloat(3))
    }

    @Test("special values follow IEEE: x/0 is ±∞, 0/0 and √−1 are NaN")
    func specialValues() {
        #expect((BigFloat(1) / BigFloat(0)) == BigFloat.infinity())
        #expect((BigFloat(-1) / BigFloat(0)) == -BigFloat.infinity())
        #expect((BigFloat(0) / BigFloat(0)).isNaN)
        #expect(BigFloat(-1).squareRoot().isNaN)
        #expect((BigFloat.infinity() - BigFloat.infinity()).isNaN)
        #expect(BigFloat.infinity().exactRational == nil)
        #expect(BigFloat(Double.nan).isNaN)
        #expect(BigFloat(-1).squareRoot().signum == 0)
        #expect(BigFloat(2).compare(to: Rational(3)) == -1 && BigFloat.nan().compare(to: 0) == nil)
    }

    @Test("field operations at default precision are exact on small integers")
    func fieldBasics() {
        let x: BigFloat = 12
        #expect(x * .one == x && x + .zero == x)
        #expect(x - x == .zero && (x - x).isZero)
        #expect(x / 4 == 3)
        #expect(BigFloat(2).squareRoot().squared() != 2)
        #expect(BigFloat(9).squareRoot() == 3)
        #expect(BigFloat(3).scaled(byPowerOfTwo: -2).exactRational == Rational(3, 4))
        #expect(BigFloat(Rational(1, 3), precision: 53).approximateDouble == 1.0 / 3.0)
    }
}
