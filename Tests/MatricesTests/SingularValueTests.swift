import Testing
import Numbers
import _TestSupport
@testable import Matrices

@Suite("Singular values (one-sided Jacobi)")
struct SingularValueTests {
    typealias Q = Matrix<Rational>
    typealias S = FloatTestSupport

    /// Q₁·D·Q₂ with D m×n carrying `sigma` (signs allowed) on its diagonal.
    func prescribed(_ m: Int, _ n: Int, _ sigma: [Rational], _ rng: inout FloatTestRandom) -> Q {
        var d = Q.zeros(m, n)
        for (i, s) in sigma.enumerated() { d[i, i] = s }
        return rng.orthogonalMatrix(m) * d * rng.orthogonalMatrix(n)
    }

    @Test("singular values of Q₁·D·Q₂ are |d| in descending order, within 2^−p·‖A‖_F")
    func prescribedSingularValues() {
        var rng = FloatTestRandom(seed: 200)
        for (m, n) in [(4, 4), (5, 3), (3, 5), (1, 4)] {
            let k = min(m, n)
            let sigma: [Rational] = (0..<k).map { _ in rng.rational(numeratorBound: 40, denominatorBound: 9) }
            let a = prescribed(m, n, sigma, &rng)
            for p in [60, 128] {
                let values = a.approximateSingularValues(precision: p)
                #expect(values.count == k)
                let tol = S.twoToMinus(p) * S.frobeniusBound(a)
                for (computed, exact) in zip(values, sigma.map(\.magnitude).sorted(by: >)) {
                    #expect((computed.exactRational! - exact).magnitude <= tol)
                }
            }
        }
    }

    @Test("the SVD reconstructs A = UΣVᵀ with orthonormal U and V")
    func reconstruction() {
        var rng = FloatTestRandom(seed: 201)
        for (m, n) in [(4, 2), (2, 4), (5, 5)] {
            let a = Q(rows: m, columns: n, elements: (0..<(m * n)).map { _ in rng.rational(numeratorBound: 30, denominatorBound: 7) })
            let p = 100
            let svd = a.approximateSVD(precision: p)
            let k = min(m, n)
            #expect(svd.converged && svd.u.shape == (m, k) && svd.v.shape == (n, k))
            let u = S.exact(svd.u), v = S.exact(svd.v), sigma = Q.diagonal(svd.singularValues.map { $0.exactRational! })
            let tol = Rational(2 * max(m, n) + 1) * S.twoToMinus(p)
            #expect(S.maxAbs(a - u * sigma * v.transposed) <= tol * S.frobeniusBound(a))
            #expect(S.maxAbs(u.transposed * u - .identity(k)) <= tol)
            #expect(S.maxAbs(v.transposed * v - .identity(k)) <= tol)
            #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        }
    }

    @Test("rank-deficient matrices: zero singular values and a completed orthonormal U")
    func rankDeficient() {
        let a = Q([[1, 2], [2, 4], [0, 0]])  // rank 1, σ = (5, 0)
        let p = 80
        let svd = a.approximateSVD(precision: p)
        let tol = Rational(7) * S.twoToMinus(p)
        #expect((svd.singularValues[0].exactRational! - 5).magnitude <= tol * 5)
        #expect(svd.singularValues[1].exactRational!.magnitude <= tol * 5)
        let u = S.exact(svd.u)
        #expect(S.maxAbs(u.transposed * u - .identity(2)) <= tol)
        let z = Q.zeros(2, 3).approximateSVD(precision: 53)
        #expect(z.singularValues.allSatisfy { $0.isZero })
        #expect(S.maxAbs(S.exact(z.u).transposed * S.exact(z.u) - .identity(2)) == 0)
    }

    @Test("tiny singular values are resolved to the absolute accuracy 2^−p·‖A‖_F")
    func tinySingularValue() {
        var rng = FloatTestRandom(seed: 202)
        let tiny = Rational(BigInt(1), BigInt(10).power(30))
        let a = prescribed(3, 3, [1, Rational(1, 2), tiny], &rng)
        let p = 160
        let values = a.approximateSingularValues(precision: p)
        #expect((values[2].exactRational! - tiny).magnitude <= S.twoToMinus(p) * S.frobeniusBound(a))
        #expect(values[2].exactRational! > tiny / 2)
    }

    @Test("empty shapes give no singular values")
    func empty() {
        let s = Q.zeros(0, 3).approximateSVD(precision: 53)
        #expect(s.singularValues.isEmpty && s.u.shape == (0, 0) && s.v.shape == (3, 0))
        #expect(Q.zeros(2, 0).approximateSingularValues(precision: 53).isEmpty)
    }
}
