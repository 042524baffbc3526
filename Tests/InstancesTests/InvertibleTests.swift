import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Invertible matrices")
struct InvertibleTests {
    @Test("inverse() succeeds and A·A⁻¹ = A⁻¹·A = I", arguments: lawSeeds)
    func invertible(seed: UInt64) throws {
        var s = ChoiceSource(seed: seed)
        for n in 0...6 {
            let a = Draw.invertible(n, from: &s)
            #expect(a.shape == (n, n))
            let inv = try a.inverse()
            #expect(product(a, inv) == .identity(n))
            #expect(product(inv, a) == .identity(n))
            #expect(gaussianElimination(a).rank == n)
        }
    }

    @Test("the empty choice list gives the identity; instances vary")
    func simplestAndVaried() {
        #expect(ChoiceSource.replay([]) { Draw.invertible(4, from: &$0) } == .identity(4))
        var s = ChoiceSource(seed: 3)
        let distinct = Set((0..<10).map { _ in Draw.invertible(3, from: &s) })
        #expect(distinct.count >= 8)
    }
}
