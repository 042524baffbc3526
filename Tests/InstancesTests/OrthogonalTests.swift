import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Orthogonal and Stiefel matrices")
struct OrthogonalTests {
    @Test("QᵀQ = QQᵀ = I exactly", arguments: lawSeeds)
    func orthogonality(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for n in 0...6 {
            let q = Draw.orthogonal(n, from: &s)
            #expect(q.shape == (n, n))
            #expect(gram(q) == .identity(n))
            #expect(product(q, q.transposed) == .identity(n))
        }
    }

    @Test("both determinants occur with reflections; only +1 without")
    func determinants() {
        var s = ChoiceSource(seed: 11)
        var dets = Set<Rational>()
        for _ in 0..<40 {
            let q = Draw.orthogonal(3, from: &s)
            dets.insert(gaussianElimination(q).determinant!)
            let p = Draw.orthogonal(3, reflections: false, from: &s)
            let d = gaussianElimination(p).determinant!
            #expect(d == 1 || d == -1)
        }
        #expect(dets == [1, -1])
        // The Cayley mode without reflections is special orthogonal.
        for seed in lawSeeds {
            var recorded = ChoiceSource.generate(seed: seed) { Draw.orthogonal(4, reflections: false, from: &$0) }.choices
            recorded[0] = 0  // force the Cayley mode
            let q = ChoiceSource.replay(recorded) { Draw.orthogonal(4, reflections: false, from: &$0) }
            #expect(gaussianElimination(q).determinant == 1)
        }
    }

    @Test("the permutation mode gives a permutation matrix")
    func permutationMode() {
        let q = ChoiceSource.replay([7, 2, 2, 0]) { Draw.orthogonal(4, reflections: false, from: &$0) }
        #expect(gram(q) == .identity(4))
        #expect(q.elements.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(q != .identity(4))
    }

    @Test("the empty choice list gives the identity")
    func identity() {
        for n in 0...5 {
            #expect(ChoiceSource.replay([]) { Draw.orthogonal(n, from: &$0) } == .identity(n))
            #expect(ChoiceSource.replay([]) { Draw.stiefel(n, n / 2, from: &$0) } == Matrix<Rational>.identity(n).selecting(columns: Array(0..<(n / 2))))
        }
    }

    @Test("UᵀU = I_k for Stiefel matrices", arguments: lawSeeds)
    func stiefel(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for (n, k) in [(1, 0), (1, 1), (4, 2), (5, 3), (6, 6), (3, 0)] {
            let u = Draw.stiefel(n, k, from: &s)
            #expect(u.shape == (n, k))
            #expect(gram(u) == .identity(k))
        }
    }

    @Test("generic instances are not signed permutations", arguments: lawSeeds)
    func nontrivial(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        let dense = (0..<10).contains { _ in
            !Draw.orthogonal(4, from: &s).elements.allSatisfy { $0 == 0 || $0.magnitude == 1 }
        }
        #expect(dense)
    }
}
