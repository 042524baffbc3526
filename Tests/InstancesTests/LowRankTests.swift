import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Data of exact rank built from factors")
struct LowRankTests {
    @Test("X = W·S with rank W = rank S = rank X = r", arguments: lawSeeds)
    func rank(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for (m, n, r) in [(3, 4, 2), (5, 5, 5), (4, 6, 1), (3, 3, 0), (6, 2, 2), (0, 3, 0)] {
            for nonnegative in [false, true] {
                let x = Draw.lowRank(rows: m, columns: n, rank: r, nonnegative: nonnegative, from: &s)
                #expect(x.matrix.shape == (m, n) && x.left.shape == (m, r) && x.right.shape == (r, n))
                #expect(x.matrix == product(x.left, x.right))
                #expect(x.rank == r)
                #expect(gaussianElimination(x.left).rank == r)
                #expect(gaussianElimination(x.right).rank == r)
                #expect(gaussianElimination(x.matrix).rank == r)
                if nonnegative {
                    #expect((x.left.elements + x.right.elements + x.matrix.elements).allSatisfy { $0.signum >= 0 })
                }
            }
        }
    }

    @Test("the empty choice list gives [I_r 0; 0 0]")
    func simplest() {
        for nonnegative in [false, true] {
            let x = ChoiceSource.replay([]) { Draw.lowRank(rows: 3, columns: 4, rank: 2, nonnegative: nonnegative, from: &$0) }
            #expect(x.matrix == Matrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]]))
        }
    }
}
