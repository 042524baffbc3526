import Testing
@testable import Numbers

@Suite("Rational")
struct RationalTests {
    @Test("parsing fractions, integers and exact decimals")
    func parsing() {
        #expect(Rational("-3/7") == Rational(-3, 7))
        #expect(Rational("6/4") == Rational(3, 2))
        #expect(Rational("2.5") == Rational(5, 2))
        #expect(Rational("-.125") == Rational(-1, 8))
        #expect(Rational("1e-3") == Rational(1, 1000))
        #expect(Rational("1.5E+2") == Rational(150))
        #expect(Rational(" 12 ") == Rational(12))
        #expect(Rational("1/0") == nil)
        #expect(Rational("1/-2") == nil)
        #expect(Rational("abc") == nil)
        #expect(Rational("") == nil)
        #expect(Rational(".") == nil)
        #expect(Rational("1.2.3") == nil)
    }

    @Test("canonical form: lowest terms, positive denominator")
    func canonical() {
        let q = Rational(BigInt(6), BigInt(-4))
        #expect(q.numerator == -3 && q.denominator == 2)
        #expect(Rational(0, -5).denominator == 1)
        #expect(q.description == "-3/2")
        #expect(Rational(4, 2).description == "2")
        #expect(Rational(6, -4).hashValue == Rational(-3, 2).hashValue)
    }

    @Test("field laws hold exactly on huge and tiny values")
    func laws() {
        let big = Rational(BigInt(10).power(60) + 7, BigInt(3))
        let tiny = Rational(BigInt(1), BigInt(10).power(80) + 1)
        let c = Rational(-22, 7)
        #expect(big * (tiny + c) == big * tiny + big * c)
        #expect((big / c) * c == big)
        #expect(tiny * tiny.reciprocal == 1)
        #expect(big - big == 0)
        #expect(tiny < c.magnitude && -big < c)
    }

    @Test("exact square roots of rational squares only")
    func squareRoots() {
        #expect(Rational(9, 4).exactSquareRoot == Rational(3, 2))
        #expect(Rational(2).exactSquareRoot == nil)
        #expect(Rational(-4).exactSquareRoot == nil)
        #expect(Rational(0).exactSquareRoot == 0)
    }

    @Test("floor, ceiling, powers")
    func floorCeil() {
        #expect(Rational(-7, 2).floor == -4)
        #expect(Rational(-7, 2).ceiling == -3)
        #expect(Rational(2, 3).power(-2) == Rational(9, 4))
        #expect(Rational(5).power(0) == 1)
    }
}
