import Testing
@testable import Numbers

@Suite("BigInt")
struct BigIntTests {
    @Test("parse and print round trip")
    func roundTrip() {
        let s = "-123456789012345678901234567890"
        #expect(BigInt(s)?.description == s)
        #expect(BigInt("12a") == nil)
        #expect(BigInt("") == nil)
        #expect(BigInt("ff", radix: 16) == 255)
    }

    @Test("floor division: a = qb + r with 0 ≤ r < |b| for b > 0")
    func division() {
        for a in -20...20 {
            for b in [-7, -3, 3, 7] {
                let (q, r) = BigInt(a).floorDivided(by: BigInt(b))
                #expect(q * BigInt(b) + r == BigInt(a))
                #expect(r.signum == 0 || r.signum == (b > 0 ? 1 : -1))
            }
        }
    }

    @Test("gcd, lcm, powers, square roots")
    func misc() {
        #expect(BigInt.gcd(12, -18) == 6)
        #expect(BigInt.lcm(4, 6) == 12)
        #expect(BigInt(2).power(100).bitWidth == 101)
        #expect(BigInt(144).squareRoot() == (12, true))
        #expect(BigInt(145).squareRoot().isExact == false)
        #expect(BigInt(Int.max).asInt == Int.max)
        #expect((BigInt(Int.max) + 1).asInt == nil)
    }
}
