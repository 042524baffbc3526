import Testing
import Numbers
@testable import Matrices

@Suite("Rank")
struct RankTests {
    typealias Q = Matrix<Rational>

    @Test("matrices built with a known rank r have rank r")
    func knownRank() {
        var rng = SplitMix64(seed: 20)
        for (m, n) in [(5, 5), (7, 4), (4, 9), (12, 12)] {
            for r in 0...Swift.min(m, n) {
                #expect(rng.matrix(m, n, rank: r).rank == r)
            }
        }
    }

    @Test("rank of a product of random n×r and r×n factors is r (full-rank fast path and elimination)")
    func productOfFactors() {
        var rng = SplitMix64(seed: 21)
        let x = rng.matrix(10, 3), y = rng.matrix(3, 10)
        #expect(x.rank == 3 && y.rank == 3)
        #expect((x * y).rank == 3)
        #expect(rng.matrix(10, 10).rank == 10)
    }

    @Test("rank is invariant under transpose and rank + nullity = columns")
    func transposeAndNullity() {
        var rng = SplitMix64(seed: 22)
        for r in [0, 2, 5] {
            let a = rng.matrix(6, 8, rank: r)
            #expect(a.transposed.rank == a.rank)
            #expect(a.rank + a.nullspace.columns == a.columns)
        }
    }

    @Test("edge cases: empty shapes, zero, 1×1, huge and tiny entries")
    func edges() {
        #expect(Q.zeros(0, 0).rank == 0 && Q.zeros(0, 4).rank == 0 && Q.zeros(3, 0).rank == 0)
        #expect(Q.zeros(3, 3).rank == 0)
        #expect(Q([[Rational(1, 9)]]).rank == 1 && Q([[0]]).rank == 0)
        let big = Rational(BigInt(2).power(200), BigInt(3)), tiny = Rational(BigInt(1), BigInt(7).power(80))
        #expect(Q([[big, tiny], [big * 2, tiny * 2]]).rank == 1)
        #expect(Q([[big, tiny], [tiny, big]]).rank == 2)
    }
}
