import Testing
import Numbers
import Matrices
@testable import Instances

@Suite("Random rational and integer matrices")
struct MatrixDrawTests {
    @Test("shapes, bounds and structure", arguments: lawSeeds)
    func shapesAndBounds(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        let a = Draw.rationalMatrix(rows: 3, columns: 5, maxNumerator: 4, maxDenominator: 3, from: &s)
        #expect(a.rows == 3 && a.columns == 5)
        #expect(a.elements.allSatisfy { $0.numerator.magnitude <= 4 && $0.denominator <= 3 })
        let b = Draw.integerMatrix(rows: 4, columns: 2, entries: -2...6, from: &s)
        #expect(b.rows == 4 && b.columns == 2)
        #expect(b.elements.allSatisfy { $0.isInteger && $0 >= -2 && $0 <= 6 })
        let sym = Draw.symmetric(4, from: &s)
        #expect(sym.isSymmetric)
        let k = Draw.skewSymmetric(4, from: &s)
        #expect(k.transposed == -k)
    }

    @Test("sparse matrices are mostly zero", arguments: lawSeeds)
    func sparse(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        let a = Draw.rationalMatrix(rows: 10, columns: 10, sparse: true, from: &s)
        let b = Draw.integerMatrix(rows: 10, columns: 10, sparse: true, from: &s)
        let nonzeros = (a.elements + b.elements).filter { !$0.isZero }.count
        #expect(nonzeros > 10 && nonzeros < 100)  // expected about 50 of 200
    }

    @Test("empty shapes and the simplest instances")
    func simplest() {
        var s = ChoiceSource(seed: 5)
        #expect(Draw.rationalMatrix(rows: 0, columns: 4, from: &s).shape == (0, 4))
        #expect(Draw.integerMatrix(rows: 3, columns: 0, from: &s).shape == (3, 0))
        #expect(s.drawCount == 0)
        #expect(ChoiceSource.replay([]) { Draw.rationalMatrix(rows: 2, columns: 3, from: &$0) } == .zeros(2, 3))
        #expect(ChoiceSource.replay([]) { Draw.integerMatrix(rows: 2, columns: 3, sparse: true, from: &$0) } == .zeros(2, 3))
        #expect(ChoiceSource.replay([]) { Draw.integerMatrix(rows: 1, columns: 2, entries: 1...5, from: &$0) } == Matrix([[1, 1]]))
        #expect(ChoiceSource.replay([]) { Draw.symmetric(3, from: &$0) } == .zeros(3, 3))
    }
}
