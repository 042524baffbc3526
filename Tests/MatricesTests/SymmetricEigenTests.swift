import Testing
import Numbers
import _TestSupport
@testable import Matrices

@Suite("Symmetric eigen-decomposition (Jacobi)")
struct SymmetricEigenTests {
    typealias Q = Matrix<Rational>
    typealias S = FloatTestSupport

    @Test("Jacobi reconstructs A = VΛVᵀ and VᵀV = I to the precision")
    func reconstruction() {
        var rng = FloatTestRandom(seed: 100)
        for (n, p) in [(2, 53), (4, 80), (6, 128), (7, 200)] {
            let a = rng.symmetricMatrix(n)
            let eig = a.approximateSymmetricEigen(precision: p)
            #expect(eig.converged)
            let v = S.exact(eig.vectors)
            let lambda = Q.diagonal(eig.values.map { $0.exactRational! })
            // rounding V and Λ to p bits perturbs VΛVᵀ by at most (2n + 1)·2^−p·‖A‖_F per entry
            let tol = Rational(2 * n + 1) * S.twoToMinus(p)
            #expect(S.maxAbs(a - v * lambda * v.transposed) <= tol * S.frobeniusBound(a))
            #expect(S.maxAbs(v.transposed * v - .identity(n)) <= tol)
            #expect(zip(eig.values, eig.values.dropFirst()).allSatisfy { $0 <= $1 }, "ascending")
        }
    }

    @Test("eigenvalues of Qᵀ·diag(d)·Q with Q rational orthogonal are d, within 2^−p·‖A‖_F")
    func prescribedEigenvalues() {
        var rng = FloatTestRandom(seed: 101)
        for n in [3, 5] {
            let d: [Rational] = (0..<n).map { _ in rng.rational(numeratorBound: 50, denominatorBound: 7) }
            let q = rng.orthogonalMatrix(n)
            #expect(q.transposed * q == .identity(n))
            let a = q.transposed * Q.diagonal(d) * q
            for p in [64, 150] {
                let values = a.approximateSymmetricEigenvalues(precision: p)
                let tol = S.twoToMinus(p) * S.frobeniusBound(a)
                for (computed, exact) in zip(values, d.sorted()) {
                    #expect((computed.exactRational! - exact).magnitude <= tol)
                }
            }
        }
    }

    @Test("repeated eigenvalues still give an orthonormal eigenbasis")
    func repeatedEigenvalues() {
        var rng = FloatTestRandom(seed: 102)
        let q = rng.orthogonalMatrix(4)
        let a = q.transposed * Q.diagonal([2, 2, 2, Rational(-5, 3)]) * q
        let p = 96
        let eig = a.approximateSymmetricEigen(precision: p)
        let v = S.exact(eig.vectors)
        let tol = Rational(9) * S.twoToMinus(p)
        #expect(S.maxAbs(v.transposed * v - .identity(4)) <= tol)
        #expect((eig.values[0].exactRational! + Rational(5, 3)).magnitude <= tol * S.frobeniusBound(a))
        // A·v_j ≈ λ_j·v_j for the triple eigenvalue too
        let av = a * v, vl = v * Q.diagonal(eig.values.map { $0.exactRational! })
        #expect(S.maxAbs(av - vl) <= tol * S.frobeniusBound(a))
    }

    @Test("diagonal, 1×1 and empty matrices are handled exactly")
    func edgeCases() {
        let d = Q.diagonal([3, Rational(-1, 4), 0])
        let eig = d.approximateSymmetricEigen(precision: 53)
        #expect(eig.values.map { $0.exactRational! } == [Rational(-1, 4), 0, 3])
        #expect(S.exact(eig.vectors) == Q([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
        #expect(Q([[Rational(7, 8)]]).approximateSymmetricEigenvalues(precision: 30) == [BigFloat(Rational(7, 8))])
        let empty = Q.zeros(0, 0).approximateSymmetricEigen(precision: 53)
        #expect(empty.values.isEmpty && empty.vectors.shape == (0, 0))
        #expect(Q.zeros(3, 3).approximateSymmetricEigenvalues(precision: 53).allSatisfy { $0.isZero })
    }

    @Test("float input at one precision gives results at the requested precision")
    func floatInput() {
        let a = Matrix<BigFloat>(Q([[2, 1], [1, 2]]), precision: 24)
        let eig = a.approximateSymmetricEigen(precision: 70)
        #expect(eig.values.map { $0.exactRational! } == [1, 3])
        #expect(eig.values.allSatisfy { $0.precision == 70 })
        #expect(eig.vectors.elements.allSatisfy { $0.precision == 70 })
    }
}
