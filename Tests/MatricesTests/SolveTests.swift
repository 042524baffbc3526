import Testing
import Numbers
@testable import Matrices

@Suite("Fraction-free solve and inverse")
struct SolveTests {
    typealias Q = Matrix<Rational>

    @Test("A·A⁻¹ = A⁻¹·A = I for random invertible matrices")
    func inverse() throws {
        var rng = SplitMix64(seed: 40)
        for n in [1, 2, 5, 10] {
            let a = rng.matrix(n, n)
            let inv = try a.inverse()
            #expect(a * inv == .identity(n))
            #expect(inv * a == .identity(n))
        }
    }

    @Test("solve agrees with the inverse and with the product: A·X = B")
    func solve() throws {
        var rng = SplitMix64(seed: 41)
        let a = rng.matrix(7, 7), b = rng.matrix(7, 3)
        let x = try a.solve(b)
        #expect(a * x == b)
        #expect(x == (try a.inverse()) * b)
        // A matrix that needs row exchanges.
        let p = Q([[0, 1, 2], [0, 0, 3], [4, 5, 6]])
        #expect(p * (try p.inverse()) == .identity(3))
    }

    @Test("singular and badly shaped systems throw; empty systems are fine")
    func errors() {
        var rng = SplitMix64(seed: 42)
        #expect(throws: LinearAlgebraError.singular) { try rng.matrix(5, 5, rank: 4).inverse() }
        #expect(throws: LinearAlgebraError.singular) { try Q.zeros(3, 3).solve(Q.zeros(3, 1)) }
        #expect(throws: LinearAlgebraError.singular) { try Q.zeros(3, 3).solve(Q.zeros(3, 0)) }
        #expect(throws: LinearAlgebraError.self) { try Q.identity(3).solve(Q.zeros(2, 1)) }
        #expect((try? Q.zeros(0, 0).solve(Q.zeros(0, 4))) == Q.zeros(0, 4))
        #expect((try? Q.identity(2).solve(Q.zeros(2, 0))) == Q.zeros(2, 0))
    }

    @Test("huge and tiny entries")
    func extremes() throws {
        let big = Rational(BigInt(10).power(50), BigInt(7)), tiny = Rational(BigInt(3), BigInt(10).power(45))
        let a = Q([[big, tiny, 1], [tiny, 1, big], [1, big, tiny]])
        #expect(a * (try a.inverse()) == .identity(3))
    }
}
