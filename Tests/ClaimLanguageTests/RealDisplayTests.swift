import Testing
import Numbers
import ClaimLanguage

/// Printed enclosures must stay enclosures: the lower end rounds down, the upper end up.
@Suite("Decimal display of enclosures")
struct RealDisplayTests {
    @Test("directed rounding toward −∞ and +∞, for either sign; exact values print exactly")
    func directed() {
        let q = Rational(-1234567, 10_000_000)
        #expect(Real.decimal(q, digits: 6, up: false) == "-0.123457")
        #expect(Real.decimal(q, digits: 6, up: true) == "-0.123456")
        #expect(Real.decimal(-q, digits: 6, up: false) == "0.123456")
        #expect(Real.decimal(-q, digits: 6, up: true) == "0.123457")
        #expect(Real.decimal(Rational(5, 2), digits: 6, up: true) == "2.5")
        #expect(Real.decimal(Rational(-1, 3), digits: 3, up: true) == "-0.333")
    }
}
