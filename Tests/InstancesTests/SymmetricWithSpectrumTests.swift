import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Symmetric matrices with a prescribed spectrum")
struct SymmetricWithSpectrumTests {
    @Test("A = V diag(d) Vᵀ, VᵀV = I, A symmetric, A·v_i = d_i·v_i", arguments: lawSeeds)
    func eigenLaws(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for n in 0...5 {
            let d = (0..<n).map { _ in Draw.rational(from: &s) }
            let e = Draw.symmetric(withSpectrum: d, from: &s)
            #expect(e.matrix.isSymmetric)
            #expect(gram(e.eigenvectors) == .identity(n))
            #expect(e.matrix == product(product(e.eigenvectors, .diagonal(d)), e.eigenvectors.transposed))
            #expect(product(e.matrix, e.eigenvectors) == product(e.eigenvectors, .diagonal(d)))
            #expect(e.matrix.trace == d.reduce(0, +))
        }
    }

    @Test("a positive spectrum gives an SPD matrix", arguments: lawSeeds)
    func positiveSpectrum(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        let d = Draw.spectrum(count: 4, ties: true, from: &s)
        let a = Draw.symmetric(withSpectrum: d, from: &s).matrix
        #expect(leadingPrincipalMinors(a).allSatisfy { $0.signum > 0 })
    }

    @Test("the empty choice list gives diag(d)")
    func simplest() {
        #expect(ChoiceSource.replay([]) { Draw.symmetric(withSpectrum: [3, -1, 0], from: &$0) }.matrix == .diagonal([3, -1, 0]))
    }
}
