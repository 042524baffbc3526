import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Matrices with a prescribed SVD")
struct SVDTests {
    @Test("X = U diag(σ) Vᵀ, UᵀU = VᵀV = I, σ descending, rank = #nonzero σ", arguments: lawSeeds)
    func svdLaws(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for (m, n, count, zeros) in [(3, 3, 3, 0), (5, 3, 2, 0), (3, 5, 3, 1), (4, 4, 0, 0), (6, 4, 4, 2), (2, 1, 1, 0)] {
            let sigma = Draw.spectrum(count: count, ties: seed % 2 == 0, squares: seed % 3 == 0, zeros: zeros, from: &s)
            let svd = Draw.withSVD(m: m, n: n, singularValues: sigma, from: &s)
            #expect(svd.matrix.shape == (m, n))
            #expect(svd.u.shape == (m, count) && svd.v.shape == (n, count))
            #expect(svd.matrix == product(product(svd.u, .diagonal(svd.singularValues)), svd.v.transposed))
            #expect(svd.matrix == product(product(svd.fullU, svd.fullSigma), svd.fullV.transposed))
            #expect(gram(svd.u) == .identity(count))
            #expect(gram(svd.v) == .identity(count))
            #expect(gram(svd.fullU) == .identity(m) && gram(svd.fullV) == .identity(n))
            #expect(svd.singularValues == svd.singularValues.sorted(by: >))
            #expect(gaussianElimination(svd.matrix).rank == count - zeros)
            // σ² are the nonzero eigenvalues of XᵀX: XᵀX·V = V·diag(σ²).
            let xtx = gram(svd.matrix)
            #expect(product(xtx, svd.v) == product(svd.v, .diagonal(sigma.map { $0 * $0 })))
        }
    }

    @Test("the empty choice list gives X = [diag(σ) 0; 0 0]")
    func simplest() {
        let svd = ChoiceSource.replay([]) { Draw.withSVD(m: 3, n: 2, singularValues: [5, 2], from: &$0) }
        #expect(svd.matrix == Matrix([[5, 0], [0, 2], [0, 0]]))
        #expect(svd.fullU == .identity(3) && svd.fullV == .identity(2))
    }
}
