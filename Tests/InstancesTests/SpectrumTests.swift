import Testing
import Numbers
@testable import Instances

@Suite("Spectra")
struct SpectrumTests {
    @Test("descending, positive then zeros, strict without ties", arguments: lawSeeds)
    func ordering(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for count in 0...6 {
            for zeros in 0...count {
                let ties = (count + zeros) % 2 == 0
                let v = Draw.spectrum(count: count, ties: ties, zeros: zeros, from: &s)
                #expect(v.count == count)
                #expect(v.suffix(zeros).allSatisfy { $0 == 0 })
                let positive = Array(v.prefix(count - zeros))
                #expect(positive.allSatisfy { $0.signum > 0 })
                for i in 1..<max(1, positive.count) {
                    if ties { #expect(positive[i - 1] >= positive[i]) } else { #expect(positive[i - 1] > positive[i]) }
                }
            }
        }
    }

    @Test("squares have exact rational square roots, themselves descending", arguments: lawSeeds)
    func squares(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for count in 1...6 {
            let v = Draw.spectrum(count: count, ties: count % 2 == 0, squares: true, zeros: count / 3, from: &s)
            let roots = v.compactMap(\.exactSquareRoot)
            #expect(roots.count == v.count)
            #expect(roots == roots.sorted(by: >))
        }
    }

    @Test("ties occur when allowed")
    func tiesOccur() {
        var s = ChoiceSource(seed: 8)
        let withTies = (0..<20).filter { _ in
            let v = Draw.spectrum(count: 5, ties: true, from: &s)
            return Set(v).count < v.count
        }.count
        #expect(withTies > 5)
    }

    @Test("the empty choice list gives all ones with ties, n…1 without")
    func simplest() {
        #expect(ChoiceSource.replay([]) { Draw.spectrum(count: 3, ties: true, zeros: 1, from: &$0) } == [1, 1, 0])
        #expect(ChoiceSource.replay([]) { Draw.spectrum(count: 4, from: &$0) } == [4, 3, 2, 1])
        #expect(ChoiceSource.replay([]) { Draw.spectrum(count: 3, squares: true, from: &$0) } == [9, 4, 1])
    }
}
