import Testing
@testable import Numbers

/// The shared seeded generator, so every random test is reproducible.
private typealias PolynomialTestRNG = SplitMix64

private func poly(_ c: Int...) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }
/// x − r.
private func linear(_ r: Rational) -> Polynomial { Polynomial(coefficients: [-r, 1]) }

private func randomPolynomial(degree: Int, using g: inout PolynomialTestRNG) -> Polynomial {
    var c = (0..<degree).map { _ in Rational(Int.random(in: -9...9, using: &g), Int.random(in: 1...4, using: &g)) }
    c.append(Rational(Int.random(in: 1...5, using: &g) * (Bool.random(using: &g) ? 1 : -1)))
    return Polynomial(coefficients: c)
}

@Suite("Polynomial algebra")
struct PolynomialTests {
    @Test("ring operations, evaluation and Euclidean division are exact")
    func basics() {
        let p = poly(1, -3, 0, 2)            // 2x³ − 3x + 1
        #expect(p.degree == 3 && p.leadingCoefficient == 2)
        #expect(p.evaluate(at: Rational(1, 2)) == Rational(-1, 4))
        #expect(p.derivative == poly(-3, 0, 6))
        let b = poly(1, 1)
        let (q, r) = p.divided(by: b)
        #expect(q * b + r == p && r.degree < b.degree)
        #expect(p.description == "2x^3 - 3x + 1")
        #expect(Polynomial.zero.degree == -1 && Polynomial.zero.description == "0")
        #expect(Polynomial(coefficients: [1, 0, 0]) == .one)
    }

    @Test("primitive part has coprime integer coefficients, positive lead, and content times it is p")
    func primitivePart() {
        let p = Polynomial(coefficients: [Rational(-3, 4), Rational(3, 2), Rational(-9, 8)])
        #expect(p.primitivePart == poly(2, -4, 3))
        #expect(p.content * p.primitivePart == p)
        #expect(p.content == Rational(-3, 8))
        #expect(Polynomial.zero.primitivePart == .zero && Polynomial.zero.content == 0)
        #expect(Polynomial(constant: Rational(-5, 3)).primitivePart == .one)
        #expect(poly(0, 0, 4).primitivePart == poly(0, 0, 1))
    }

    @Test("gcd is the monic common factor of largest degree")
    func gcdOfKnownProducts() {
        let common = linear(2) * linear(Rational(-1, 3)) * poly(1, 0, 1)   // (x−2)(x+1/3)(x²+1)
        let a = common * linear(5) * poly(-2, 0, 1)
        let b = Rational(7, 2) * common * linear(-5) * linear(5).power(0)
        #expect(Polynomial.gcd(a, b) == common.monic)
        #expect(Polynomial.gcd(b, a) == common.monic)
        #expect(Polynomial.gcd(poly(-2, 0, 1), poly(-3, 0, 1)) == .one)
        // Repeated common roots keep their common multiplicity.
        #expect(Polynomial.gcd(linear(1).power(3) * linear(2), linear(1).power(2) * linear(3)) == linear(1).power(2))
    }

    @Test("gcd with zero and with constants")
    func gcdEdgeCases() {
        let p = poly(6, -4, 2)
        #expect(Polynomial.gcd(.zero, .zero) == .zero)
        #expect(Polynomial.gcd(p, .zero) == p.monic)
        #expect(Polynomial.gcd(.zero, p) == p.monic)
        #expect(Polynomial.gcd(p, Polynomial(constant: 3)) == .one)
        #expect(Polynomial.gcd(p, p) == p.monic)
        #expect(Polynomial.zero.monic == .zero)
    }

    @Test("gcd of random products divides both and recovers the planted common factor")
    func gcdRandom() {
        var g = PolynomialTestRNG(seed: 0x6CD)
        for _ in 0..<25 {
            let c = randomPolynomial(degree: Int.random(in: 0...3, using: &g), using: &g)
            let a = randomPolynomial(degree: Int.random(in: 1...4, using: &g), using: &g)
            let b = randomPolynomial(degree: Int.random(in: 1...4, using: &g), using: &g)
            let d = Polynomial.gcd(a * c, b * c)
            #expect(d.leadingCoefficient == 1)
            #expect((a * c).isDivisible(by: d) && (b * c).isDivisible(by: d))
            #expect(d.isDivisible(by: c))
            // d / c.monic is gcd(a, b).
            #expect(d.exactlyDivided(by: c) .monic == Polynomial.gcd(a, b))
        }
    }

    @Test("exact division and divisibility")
    func exactDivision() {
        let p = linear(3) * poly(1, 1, 1)
        #expect(p.exactlyDivided(by: linear(3)) == poly(1, 1, 1))
        #expect(p.isDivisible(by: poly(1, 1, 1)))
        #expect(!p.isDivisible(by: linear(2)))
        #expect(Polynomial.zero.exactlyDivided(by: p) == .zero)
        #expect(p.exactlyDivided(by: Polynomial(constant: 2)) == Rational(1, 2) * p)
    }

    @Test("square-free part keeps each distinct root once")
    func squareFreePart() {
        let p = Rational(3) * linear(1).power(3) * linear(-2).power(2) * poly(1, 0, 1)
        #expect(p.squareFreePart == (linear(1) * linear(-2) * poly(1, 0, 1)).monic)
        #expect(!p.isSquareFree && p.squareFreePart.isSquareFree)
        #expect(Polynomial.zero.squareFreePart == .zero && !Polynomial.zero.isSquareFree)
        #expect(Polynomial(constant: 4).squareFreePart == .one && Polynomial(constant: 4).isSquareFree)
        #expect(poly(-2, 0, 1).squareFreePart == poly(-2, 0, 1))
    }

    @Test("Yun's factorization multiplies back to p with the right multiplicities")
    func squareFreeFactorization() {
        let f1 = linear(Rational(1, 2)) * poly(-2, 0, 1)
        let f2 = poly(1, 0, 1)
        let f4 = linear(-3)
        let p = Rational(-6) * f1 * f2.power(2) * f4.power(4)
        let factors = p.squareFreeFactorization()
        #expect(factors.map(\.multiplicity) == [1, 2, 4])
        #expect(factors.map(\.factor) == [f1.monic, f2.monic, f4.monic])
        let product = factors.reduce(Polynomial(constant: p.leadingCoefficient)) { $0 * $1.factor.power($1.multiplicity) }
        #expect(product == p)
        #expect(Polynomial.zero.squareFreeFactorization().isEmpty)
        #expect(Polynomial(constant: 2).squareFreeFactorization().isEmpty)
        #expect(poly(-2, 0, 1).squareFreeFactorization().map(\.multiplicity) == [1])
    }

    @Test("Yun's factorization reconstructs random products of powers")
    func squareFreeFactorizationRandom() {
        var g = PolynomialTestRNG(seed: 0x5F)
        for _ in 0..<15 {
            var p = Polynomial(constant: Rational(Int.random(in: 1...5, using: &g)))
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                p = p * randomPolynomial(degree: Int.random(in: 1...2, using: &g), using: &g).power(Int.random(in: 1...3, using: &g))
            }
            let factors = p.squareFreeFactorization()
            let product = factors.reduce(Polynomial(constant: p.leadingCoefficient)) { $0 * $1.factor.power($1.multiplicity) }
            #expect(product == p)
            #expect(factors.allSatisfy { $0.factor.isSquareFree && $0.factor.leadingCoefficient == 1 })
            for i in factors.indices { for j in factors.indices where i < j {
                #expect(Polynomial.gcd(factors[i].factor, factors[j].factor) == .one)
            } }
        }
    }

    @Test("composition substitutes and agrees with evaluation")
    func composition() {
        let p = poly(1, -3, 0, 2)
        let q = poly(-1, 2)                    // 2x − 1
        let pq = p.composed(with: q)
        #expect(pq.degree == 3)
        for x in [Rational(0), Rational(1, 3), Rational(-7, 2), Rational(5)] {
            #expect(pq.evaluate(at: x) == p.evaluate(at: q.evaluate(at: x)))
        }
        #expect(p.composed(with: .x) == p)
        #expect(p.composed(with: Polynomial(constant: 2)) == Polynomial(constant: p.evaluate(at: 2)))
        #expect(Polynomial.zero.composed(with: q) == .zero)
        #expect(poly(-2, 0, 1).composed(with: poly(0, 0, 1)) == poly(-2, 0, 0, 0, 1))
    }

    @Test("powers by repeated squaring")
    func powers() {
        #expect(linear(1).power(0) == .one)
        #expect(Polynomial.zero.power(0) == .one)
        #expect(linear(1).power(3) == poly(-1, 3, -3, 1))
        #expect(poly(1, 1).power(5).evaluate(at: 1) == 32)
    }
}
