import Testing
import Numbers
import _TestSupport
@testable import Matrices

@Suite("Certified positive definiteness (interval Cholesky)")
struct IntervalCholeskyTests {
    typealias Q = Matrix<Rational>
    typealias B = Matrix<Interval>

    /// The box of matrices within `radius` of A, entrywise.
    func box(_ a: Q, radius: Rational, precision: Int = 64) -> B {
        a.map { Interval(enclosing: $0 - radius, $0 + radius, precision: precision) }
    }

    @Test("yes for enclosures of positive definite rational matrices, including ill-conditioned ones")
    func positiveDefinite() {
        var rng = FloatTestRandom(seed: 400)
        let q = rng.orthogonalMatrix(5)
        let a = q.transposed * Q.diagonal([1, 2, 3, Rational(1, 100), 50]) * q
        #expect(B(enclosing: a, precision: 80).certainlyPositiveDefinite() == .yes)
        let hilbert = Q(rows: 5, columns: 5) { i, j in Rational(1, i + j + 1) }  // λ_min ≈ 3.3e-6
        #expect(B(enclosing: hilbert, precision: 128).certainlyPositiveDefinite() == .yes)
        #expect(box(Q.diagonal([2, 2]) + Q([[0, 1], [1, 0]]), radius: Rational(1, 10)).certainlyPositiveDefinite() == .yes)
    }

    @Test("no when a diagonal entry, a 2×2 minor or a quadratic form is certainly ≤ 0 on the whole box")
    func notPositiveDefinite() {
        #expect(B(enclosing: Q([[1, 0], [0, 0]])).certainlyPositiveDefinite() == .no)
        #expect(box(Q([[3, 0], [0, -1]]), radius: Rational(1, 2)).certainlyPositiveDefinite() == .no)
        #expect(B(enclosing: Q([[1, 2], [2, 1]])).certainlyPositiveDefinite() == .no)
        #expect(B(enclosing: Q([[1, 1], [1, 1]])).certainlyPositiveDefinite() == .no)  // singular PSD
        // positive diagonal and positive 2×2 minors, yet indefinite: needs the eigenvector
        // certificate (eigenvalues 1 − 2·(9/10)·cos(π/4)… ; λ_min < 0)
        let c = Rational(9, 10)
        let a = Q([[1, c, 0], [c, 1, c], [0, c, 1]])
        #expect(a.isPositiveDefinite == false)
        #expect(box(a, radius: Rational(1, 1000)).certainlyPositiveDefinite() == .no)
    }

    @Test("unknown for boxes that hold both definite and indefinite matrices")
    func undecided() {
        #expect(box(Q.diagonal([0, 1]), radius: Rational(1, 10)).certainlyPositiveDefinite() == .unknown)
        let entire = B(rows: 2, columns: 2, repeating: Interval.entire())
        #expect(entire.certainlyPositiveDefinite() == .unknown)
        #expect(B.zeros(0, 0).certainlyPositiveDefinite() == .yes)
    }

    @Test("verdicts on random point boxes agree with exact positive definiteness")
    func soundnessOnRandomMatrices() {
        var rng = FloatTestRandom(seed: 401)
        var decided = 0
        for trial in 0..<60 {
            let n = 2 + trial % 4
            // AᵀA + shift: positive definite for most shifts, indefinite for negative ones
            let m = Q(rows: n, columns: n, elements: (0..<(n * n)).map { _ in rng.rational(numeratorBound: 5, denominatorBound: 3) })
            let shift = rng.rational(numeratorBound: 6, denominatorBound: 2)
            let a = m.transposed * m + shift * Q.identity(n)
            let verdict = B(enclosing: a, precision: 53).certainlyPositiveDefinite()
            let exact = a.isPositiveDefinite
            if verdict == .yes { #expect(exact) }
            if verdict == .no { #expect(!exact) }
            if verdict != .unknown { decided += 1 }
        }
        #expect(decided >= 55)
    }
}
