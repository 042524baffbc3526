import Testing
import Numbers
import Matrices
@testable import Instances

/// The claim generators of `Draw+EdgeCases`: exact laws, bounded draws, edge-case frequencies.
@Suite("Edge-case generators")
struct EdgeCaseDrawTests {
    @Test("the entry law is a probability distribution, and its point probability is 23/144 at height 9")
    func entryLaw() {
        for sign in [EntrySign.any, .nonzero, .nonnegative, .positive] {
            for h in [1, 3, 9] {
                let law = Draw.entryDistribution(height: h, sign: sign)
                #expect(law.values.reduce(Rational(0), +) == 1)
                if sign != .any && sign != .nonnegative { #expect(law[0] == nil) }
                if sign == .positive || sign == .nonnegative { #expect(law.keys.allSatisfy { $0.signum >= 0 }) }
            }
        }
        #expect(Draw.entryPointProbability(height: 9) == Rational(23, 144))
        // The closed form agrees with the enumerated law, and is what large heights use.
        for sign in [EntrySign.any, .nonzero, .nonnegative, .positive] {
            for h in [1, 2, 9, 33] {
                let law = Draw.entryDistribution(height: h, sign: sign)
                for v in [Rational(0), 1, -1, 2, -3, Rational(1, 2), Rational(-2, 3), Rational(7, 5)] {
                    #expect(Draw.entryProbability(of: v, height: h, sign: sign) == (law[v] ?? 0), "h = \(h), v = \(v)")
                }
                #expect(Draw.entryPointProbability(height: h, sign: sign) == law.values.max())
            }
        }
        #expect(Draw.entryPointProbability(height: 1_000_000_000) > Rational(1, 8))
        #expect(Draw.entryDistribution(height: 9)[0] == Rational(1, 8))
        #expect(Draw.integerPointProbability(-9...9) == Rational(1, 8) + Rational(5, 152))
    }

    @Test("the entry law matches the frequencies of 4,000 draws")
    func entryFrequencies() {
        var s = ChoiceSource(seed: 2024)
        var counts: [Rational: Int] = [:]
        let n = 4000
        for _ in 0..<n { counts[Draw.entry(height: 9, from: &s), default: 0] += 1 }
        let law = Draw.entryDistribution(height: 9)
        for v in [Rational(0), 1, -1, 2, Rational(1, 2)] {
            let q = law[v]!
            let expected = Double(q.numerator.asInt!) / Double(q.denominator.asInt!)
            let f = Double(counts[v, default: 0]) / Double(n)
            #expect(abs(f - expected) < 0.03, "\(v): \(f) vs \(expected)")
        }
    }

    @Test("rank_matrix edge cases and exact rank", arguments: [(3, 4, 2), (4, 4, 4), (5, 2, 1), (3, 3, 0)])
    func rankMatrix(m: Int, n: Int, r: Int) {
        var s = ChoiceSource(seed: UInt64(m * 100 + n * 10 + r))
        var simplest = 0
        let draws = 2000
        let canonical = Matrix<Rational>(rows: m, columns: n) { i, j in i == j && i < r ? 1 : 0 }
        for _ in 0..<draws {
            let before = s.drawCount
            let x = Draw.claimRankMatrix(rows: m, columns: n, rank: r, from: &s)
            #expect(x.rank == r)
            #expect(s.drawCount - before <= 1 + 5 * (m * m + n * n) + 2 * (m + n))
            if x == canonical { simplest += 1 }
        }
        #expect(Double(simplest) / Double(draws) >= 1.0 / 32)
        #expect(ChoiceSource.replay([]) { Draw.claimRankMatrix(rows: m, columns: n, rank: r, from: &$0) } == canonical)
    }

    @Test("subsets and permutations: the first/last q and the identity/reversal about 1/8 each")
    func subsetsAndPermutations() {
        var s = ChoiceSource(seed: 77)
        var first = 0, last = 0, identity = 0, reversal = 0
        let draws = 2000
        for _ in 0..<draws {
            let sub = Draw.claimSubset(of: Array(1...6), size: 2, from: &s)
            if sub == [1, 2] { first += 1 }
            if sub == [5, 6] { last += 1 }
            let p = Draw.claimPermutation(5, from: &s)
            #expect(p.sorted() == [1, 2, 3, 4, 5])
            if p == [1, 2, 3, 4, 5] { identity += 1 }
            if p == [5, 4, 3, 2, 1] { reversal += 1 }
        }
        // At least their mode's 1/8 (halved for the statistical margin); the generic picks favour
        // the front, so the first q also come up by chance.
        for c in [first, last, identity, reversal] {
            #expect(Double(c) / Double(draws) >= 1.0 / 16)
        }
        #expect(Double(identity) / Double(draws) <= 1.0 / 4 && Double(reversal) / Double(draws) <= 1.0 / 4)
    }

    @Test("int: a repeat of the previous value 1/4 of the time, endpoints often, always in range")
    func integers() {
        var s = ChoiceSource(seed: 5)
        var repeats = 0, lows = 0, highs = 0
        let draws = 2000
        for _ in 0..<draws {
            let v = Draw.claimInteger(in: 2...9, previous: 4, from: &s)
            #expect((2...9).contains(v))
            if v == 4 { repeats += 1 }
            if v == 2 { lows += 1 }
            if v == 9 { highs += 1 }
        }
        // 4 is repeated (1/4) or drawn uniformly (3/4 · 6/8 · 1/8).
        #expect(abs(Double(repeats) / Double(draws) - (0.25 + 0.75 * 0.75 / 8)) < 0.04)
        let endpoint = 0.75 * (1.0 / 8 + 0.75 / 8)
        #expect(abs(Double(lows) / Double(draws) - endpoint) < 0.04)
        #expect(abs(Double(highs) / Double(draws) - endpoint) < 0.04)
        // Without a previous value in range, no repeat choice is drawn.
        var t = ChoiceSource(replaying: [])
        _ = Draw.claimInteger(in: 2...9, previous: 12, from: &t)
        #expect(t.drawCount == 1)
    }

    @Test("spectra are built without rejection: distinct without ties, every choice list terminates")
    func spectra() {
        for list in [[], [0, 0, 0], [31, 11, 2, 0, 0, 2, 1], Array(repeating: 30, count: 40)] as [[UInt64]] {
            let d = ChoiceSource.replay(list) { Draw.claimSpectrum(6, ties: false, squares: true, zeros: 2, from: &$0) }
            #expect(d.count == 8 && d.suffix(2).allSatisfy(\.isZero))
            #expect(zip(d.prefix(6), d.prefix(6).dropFirst()).allSatisfy { $0 > $1 } && d[5] > 0)
            #expect(d.prefix(6).allSatisfy { $0.exactSquareRoot != nil })
        }
    }
}
