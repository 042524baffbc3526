import Testing
import Numbers
@testable import Instances

@Suite("Integers, booleans, elements, rationals")
struct ScalarDrawTests {
    @Test("simplest integer of a range has least magnitude")
    func simplest() {
        #expect(Draw.simplestInteger(in: 3...9) == 3)
        #expect(Draw.simplestInteger(in: -9 ... -2) == -2)
        #expect(Draw.simplestInteger(in: -5...5) == 0)
        #expect(Draw.simplestInteger(in: Int.min...Int.max) == 0)
    }

    @Test("integers stay in range and hit both endpoints", arguments: lawSeeds)
    func integerRange(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        var lows = 0, highs = 0
        for _ in 0..<400 {
            let v = Draw.integer(in: -3...17, from: &s)
            #expect((-3...17).contains(v))
            if v == -3 { lows += 1 }
            if v == 17 { highs += 1 }
        }
        #expect(lows > 20 && highs > 20)  // about 1/8 + 1/21·5/8 each
    }

    @Test("the offset order is a bijection, nearest to the simplest value first")
    func zigzagBijection() {
        for range in [0...6, -4...2, -2...7, -9 ... -3, 5...5] as [ClosedRange<Int>] {
            let target = Draw.simplestInteger(in: range)
            let below = UInt64(target - range.lowerBound), above = UInt64(range.upperBound - target)
            let values = (0...UInt64(range.count - 1)).map { Draw.zigzag($0, target: target, below: below, above: above) }
            #expect(Set(values) == Set(range))
            let distances = values.map { abs($0 - target) }
            #expect(distances == distances.sorted())
        }
    }

    @Test("extreme ranges do not overflow", arguments: [0, 5, 77] as [UInt64])
    func extremeRanges(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        for _ in 0..<200 {
            _ = Draw.integer(in: Int.min...Int.max, from: &s)
            #expect((Int.max - 3...Int.max).contains(Draw.integer(in: Int.max - 3...Int.max, from: &s)))
            #expect((Int.min...Int.min + 3).contains(Draw.integer(in: Int.min...Int.min + 3, from: &s)))
        }
        #expect(ChoiceSource.replay([3, .max]) { Draw.integer(in: Int.min...Int.max, from: &$0) } == Int.min)
    }

    @Test("choice 0 is the simplest scalar")
    func simplestScalars() {
        #expect(ChoiceSource.replay([]) { Draw.integer(in: 2...9, from: &$0) } == 2)
        #expect(ChoiceSource.replay([]) { Draw.integer(in: -7...9, from: &$0) } == 0)
        #expect(ChoiceSource.replay([]) { Draw.boolean(from: &$0) } == false)
        #expect(ChoiceSource.replay([]) { Draw.rarely(oneIn: 5, from: &$0) } == false)
        #expect(ChoiceSource.replay([]) { Draw.element(of: ["a", "b", "c"], from: &$0) } == "a")
        #expect(ChoiceSource.replay([]) { Draw.rational(from: &$0) } == 0)
        #expect(ChoiceSource.replay([]) { Draw.rational(nonzero: true, from: &$0) } == 1)
        #expect(ChoiceSource.replay([]) { Draw.rational(positive: true, from: &$0) } == 1)
    }

    @Test("elements come from the list, first and last often", arguments: lawSeeds)
    func elements(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        let list = Array(10..<30)
        var counts: [Int: Int] = [:]
        for _ in 0..<300 { counts[Draw.element(of: list, from: &s), default: 0] += 1 }
        #expect(Set(counts.keys).isSubset(of: Set(list)))
        #expect(counts[10, default: 0] > 15 && counts[29, default: 0] > 15)
    }

    @Test("rationals obey height and sign constraints; 0 and ±1 are frequent", arguments: lawSeeds)
    func rationals(seed: UInt64) {
        var s = ChoiceSource(seed: seed)
        var zeros = 0, units = 0, fractions = 0
        for i in 0..<400 {
            let nonzero = i % 3 == 1, positive = i % 3 == 2
            let q = Draw.rational(maxNumerator: 7, maxDenominator: 5, nonzero: nonzero, positive: positive, from: &s)
            #expect(q.numerator.magnitude <= 7 && q.denominator <= 5)
            if nonzero { #expect(!q.isZero) }
            if positive { #expect(q.signum > 0) }
            if q.isZero { zeros += 1 }
            if q.magnitude == 1 { units += 1 }
            if !q.isInteger { fractions += 1 }
        }
        #expect(zeros > 10 && units > 60 && fractions > 60)
    }

    @Test("every rational mode is reachable by replay")
    func rationalModes() {
        #expect(ChoiceSource.replay([1]) { Draw.rational(from: &$0) } == 1)
        #expect(ChoiceSource.replay([2]) { Draw.rational(from: &$0) } == -1)
        #expect(ChoiceSource.replay([2]) { Draw.rational(positive: true, from: &$0) } == 1)
        // Mode 3 (integer), magnitude mode 2 (far endpoint 9), sign 1 (negative).
        #expect(ChoiceSource.replay([3, 2, 1]) { Draw.rational(from: &$0) } == -9)
        // Mode 4 (fraction): q = far endpoint 9; p by an offset draw (mode 3) of 4 from 0; positive.
        #expect(ChoiceSource.replay([4, 2, 3, 4, 0]) { Draw.rational(from: &$0) } == Rational(4, 9))
    }
}
