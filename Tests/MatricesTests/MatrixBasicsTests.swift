import Testing
import Numbers
@testable import Matrices

@Suite("Matrix basics")
struct MatrixBasicsTests {
    typealias Q = Matrix<Rational>
    let a = Q([[1, 2, 3], [4, 5, 6]])

    @Test("transpose, trace, Frobenius")
    func basics() {
        #expect(a.transposed.shape == (3, 2))
        #expect(a.transposed.transposed == a)
        #expect((a * a.transposed).trace == a.frobeniusNormSquared)
        #expect(a.frobeniusNormSquared == 91)
        #expect(Q.zeros(0, 0).trace == 0)
    }

    @Test("empty shapes: (m×0)·(0×n) is the m×n zero matrix")
    func emptyShapes() {
        let p = Q.zeros(3, 0) * Q.zeros(0, 2)
        #expect(p == Q.zeros(3, 2))
    }

    @Test("vec is column-major and unvec inverts it")
    func vec() {
        #expect(a.vec.elements == [1, 4, 2, 5, 3, 6])
        #expect(Q.unvec(a.vec, rows: 2, columns: 3) == a)
    }

    @Test("blocks, selection, Kronecker")
    func blocks() {
        let i2 = Q.identity(2)
        let b = Q.block([[i2, a], [a.transposed, Q.zeros(3, 3)]])!
        #expect(b.shape == (5, 5))
        #expect(b.selecting(rows: [0, 1], columns: [2, 3, 4]) == a)
        #expect(Q.block([[i2, Q.zeros(3, 3)]]) == nil)
        let k = Q.kronecker(i2, a)
        #expect(k.shape == (4, 6) && k[3, 5] == 6 && k[0, 5] == 0)
    }
}
