import Testing
@testable import Instances

@Suite("Random subsets and permutations")
struct SubsetTests {
    @Test("subsets have the requested size, are ascending and in range", arguments: lawSeeds)
    func subsets(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for n in 0...7 {
            for q in 0...n {
                let sub = Draw.subset(of: n, size: q, from: &s)
                #expect(sub.count == q)
                #expect(sub == sub.sorted() && Set(sub).count == q)
                #expect(sub.allSatisfy { (1...n).contains($0) })
                let ordered = Draw.orderedSubset(of: n, size: q, from: &s)
                #expect(Set(ordered).count == q && ordered.allSatisfy { (1...n).contains($0) })
            }
            let any = Draw.subset(of: n, from: &s)
            #expect(any == any.sorted() && Set(any).count == any.count && any.allSatisfy { (1...n).contains($0) })
            let p = Draw.permutation(n, from: &s)
            #expect(p.sorted() == Array(stride(from: 1, through: n, by: 1)))
        }
        let letters = Draw.subset(of: Array("abcdef"), size: 3, from: &s)
        #expect(letters.count == 3 && letters == letters.sorted())
        #expect(Draw.shuffled(Array("abcdef"), from: &s).sorted() == Array("abcdef"))
    }

    @Test("every subset of a small set is reached")
    func coverage() {
        var s = ChoiceSource(seed: 17)
        let seen = Set((0..<400).map { _ in Draw.subset(of: 5, size: 2, from: &s) })
        #expect(seen.count == 10)
        let perms = Set((0..<600).map { _ in Draw.permutation(3, from: &s) })
        #expect(perms.count == 6)
    }

    @Test("the empty choice list gives the first elements and the identity")
    func simplest() {
        #expect(ChoiceSource.replay([]) { Draw.subset(of: 6, size: 3, from: &$0) } == [1, 2, 3])
        #expect(ChoiceSource.replay([]) { Draw.orderedSubset(of: 6, size: 3, from: &$0) } == [1, 2, 3])
        #expect(ChoiceSource.replay([]) { Draw.subset(of: 6, from: &$0) } == [])
        #expect(ChoiceSource.replay([]) { Draw.permutation(5, from: &$0) } == [1, 2, 3, 4, 5])
    }
}
