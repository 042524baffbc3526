import Testing
@testable import Instances

@Suite("Exhaustive enumeration")
struct EnumerateTests {
    @Test("C(n, q) distinct subsets of each size, 2ⁿ in all", arguments: 0...8)
    func subsetCounts(n: Int) {
        for q in 0...n {
            let all = Enumerate.subsets(of: n, size: q)
            #expect(all.count == binomial(n, q))
            #expect(Set(all).count == all.count)
            #expect(all.allSatisfy { $0.count == q && $0 == $0.sorted() && $0.allSatisfy { (1...n).contains($0) } })
            #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(all.first == Array(stride(from: 1, through: q, by: 1)))
        }
        let every = Enumerate.subsets(of: n)
        #expect(every.count == 1 << n && Set(every).count == every.count)
        #expect(every.first == [] && Enumerate.subsets(of: n, size: n + 1).isEmpty)
    }

    @Test("n! distinct permutations in lexicographic order", arguments: 0...7)
    func permutationCounts(n: Int) {
        let all = Enumerate.permutations(of: n)
        #expect(all.count == factorial(n))
        #expect(Set(all).count == all.count)
        #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(all.first == Array(stride(from: 1, through: n, by: 1)))
        #expect(all.allSatisfy { $0.sorted() == Array(stride(from: 1, through: n, by: 1)) })
    }

    @Test("n!/(n−q)! distinct arrangements")
    func arrangementCounts() {
        for n in 0...6 {
            for q in 0...n {
                let all = Enumerate.orderedSubsets(of: n, size: q)
                #expect(all.count == factorial(n) / factorial(n - q))
                #expect(Set(all).count == all.count)
            }
        }
    }
}
