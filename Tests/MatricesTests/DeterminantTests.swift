import Testing
import Numbers
@testable import Matrices

@Suite("Determinant")
struct DeterminantTests {
    typealias Q = Matrix<Rational>

    @Test("Bareiss and multimodular agree with cofactor expansion for n ≤ 5")
    func againstCofactors() throws {
        var rng = SplitMix64(seed: 10)
        for n in 0...5 {
            for _ in 0..<4 {
                let a = rng.matrix(n, n)
                let expected = cofactorDeterminant(a)
                #expect(try a.det(method: .bareiss) == expected)
                #expect(try a.det(method: .multimodular) == expected)
            }
        }
    }

    @Test("Bareiss and multimodular agree for n up to 16")
    func methodsAgree() throws {
        var rng = SplitMix64(seed: 11)
        for n in [6, 9, 16] {
            let a = rng.matrix(n, n)
            #expect(try a.det(method: .bareiss) == a.det(method: .multimodular))
        }
    }

    @Test("det(AB) = det(A)·det(B)")
    func multiplicative() throws {
        var rng = SplitMix64(seed: 12)
        for n in [3, 5, 8] {
            let a = rng.matrix(n, n), b = rng.matrix(n, n)
            #expect(try (a * b).det() == a.det() * b.det())
            #expect(try (a * b).det(method: .multimodular) == a.det() * b.det())
        }
    }

    @Test("singular matrices give 0: zero matrix, repeated row, known low rank")
    func singular() throws {
        var rng = SplitMix64(seed: 13)
        for method in DeterminantMethod.allCases {
            #expect(try Q.zeros(4, 4).det(method: method) == 0)
            var a = rng.matrix(5, 5)
            for j in 0..<5 { a[3, j] = a[1, j] * Rational(2, 3) }
            #expect(try a.det(method: method) == 0)
            #expect(try rng.matrix(6, 6, rank: 4).det(method: method) == 0)
        }
    }

    @Test("edge cases: 0×0 is 1, 1×1, 2×2, non-square throws, huge and tiny entries")
    func edges() throws {
        #expect(try Q.zeros(0, 0).det() == 1)
        #expect(try Q([[Rational(-3, 7)]]).det() == Rational(-3, 7))
        #expect(try Q([[1, 2], [3, 4]]).det() == -2)
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try Q.zeros(2, 3).det() }
        let big = Rational(BigInt(10).power(60), BigInt(3)), tiny = Rational(BigInt(1), BigInt(10).power(50))
        let d = Q.diagonal([big, tiny, 7, big])
        #expect(try d.det() == big * tiny * 7 * big)
        #expect(try d.det(method: .multimodular) == big * tiny * 7 * big)
        var rng = SplitMix64(seed: 14)
        let a = rng.matrix(4, 4).map { $0 * big }
        #expect(try a.det() == cofactorDeterminant(a))
        #expect(try a.determinant(method: .multimodular) == cofactorDeterminant(a))
    }
}
