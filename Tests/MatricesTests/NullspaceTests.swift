import Testing
import Numbers
@testable import Matrices

@Suite("Nullspace")
struct NullspaceTests {
    typealias Q = Matrix<Rational>

    @Test("A·N = 0, N has independent columns, and rank + nullity = columns")
    func annihilated() {
        var rng = SplitMix64(seed: 30)
        for (m, n, r) in [(4, 6, 2), (6, 6, 3), (3, 7, 3), (8, 5, 5), (5, 5, 0)] {
            let a = rng.matrix(m, n, rank: r)
            let z = a.nullspace
            #expect(z.rows == n && z.columns == n - r)
            #expect(a * z == Q.zeros(m, n - r))
            #expect(z.rank == n - r)
        }
    }

    @Test("the basis is the reduced-echelon one: [1 2 3; 2 4 6] gives (−2, 1, 0), (−3, 0, 1)")
    func canonicalBasis() {
        let a = Q([[1, 2, 3], [2, 4, 6]])
        #expect(a.nullspace == Q([[-2, -3], [1, 0], [0, 1]]))
        let b = Q([[0, Rational(1, 2), 0, 1]])
        #expect(b.nullspace == Q([[1, 0, 0], [0, 0, -2], [0, 1, 0], [0, 0, 1]]))
    }

    @Test("edge cases: 0×n and zero give the identity, m×0 gives 0×0, full column rank gives n×0")
    func edges() {
        #expect(Q.zeros(0, 3).nullspace == .identity(3))
        #expect(Q.zeros(2, 3).nullspace == .identity(3))
        #expect(Q.zeros(3, 0).nullspace == Q.zeros(0, 0))
        var rng = SplitMix64(seed: 31)
        #expect(rng.matrix(6, 4).nullspace.shape == (4, 0))
        let big = Rational(BigInt(10).power(40)), tiny = Rational(BigInt(1), BigInt(10).power(40))
        let z = Q([[big, 1], [1, tiny]]).nullspace
        #expect(z == Q([[-tiny], [1]]))
    }
}
