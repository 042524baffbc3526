import Testing
import Numbers
@testable import Matrices

@Suite("Inverse and solve")
struct InverseTests {
    @Test("A·A⁻¹ = I for an invertible rational matrix")
    func inverse() throws {
        let a = Matrix<Rational>([[2, 1, 0], [Rational(1, 3), 0, 5], [7, -1, Rational(-2, 9)]])
        let inv = try a.inverse()
        #expect(a * inv == .identity(3))
        #expect(inv * a == .identity(3))
    }

    @Test("a singular matrix throws .singular, a rectangular one .notSquare")
    func singular() {
        let s = Matrix<Rational>([[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular) { try s.inverse() }
        #expect(throws: LinearAlgebraError.notSquare(rows: 1, columns: 2)) { try Matrix<Rational>([[1, 2]]).inverse() }
        #expect((try? Matrix<Rational>.zeros(0, 0).inverse()) == .zeros(0, 0))
    }
}
