import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Positive definite and semidefinite matrices")
struct PositiveDefiniteTests {
    @Test("SPD: symmetric, xᵀAx > 0, leading principal minors > 0", arguments: lawSeeds)
    func spd(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for n in 0...5 {
            let a = Draw.positiveDefinite(n, from: &s)
            #expect(a.isSymmetric)
            #expect(leadingPrincipalMinors(a).allSatisfy { $0.signum > 0 })
            for _ in 0..<5 {
                let x = Draw.rationalMatrix(rows: n, columns: 1, from: &s)
                let q = product(product(x.transposed, a), x)
                if x.isZero { #expect(q == .zeros(1, 1)) } else { #expect(q[0, 0].signum > 0) }
            }
        }
    }

    @Test("PSD of rank r: symmetric, xᵀAx ≥ 0, rank exactly r", arguments: lawSeeds)
    func psd(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for (n, r) in [(0, 0), (3, 0), (3, 1), (4, 2), (5, 5)] {
            let a = Draw.positiveSemidefinite(n, rank: r, from: &s)
            #expect(a.isSymmetric)
            #expect(gaussianElimination(a).rank == r)
            for _ in 0..<5 where n > 0 {
                let x = Draw.rationalMatrix(rows: n, columns: 1, from: &s)
                #expect(product(product(x.transposed, a), x)[0, 0].signum >= 0)
            }
        }
    }

    @Test("the empty choice list gives I and diag(I_r, 0)")
    func simplest() {
        #expect(ChoiceSource.replay([]) { Draw.positiveDefinite(3, from: &$0) } == .identity(3))
        #expect(ChoiceSource.replay([]) { Draw.positiveSemidefinite(3, rank: 2, from: &$0) } == .diagonal([1, 1, 0]))
    }
}
