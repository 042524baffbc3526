import Numbers
import Testing
@testable import Instances

@Suite("ChoiceSource and SplitMix64")
struct ChoiceSourceTests {
    @Test("SplitMix64 matches the reference sequence for seed 1234567")
    func splitMixReference() {
        var g = SplitMix64(seed: 1234567)
        let expected: [UInt64] = [6457827717110365317, 3203168211198807973, 9817491932198370423,
                                  4593380528125082431, 16408922859458223821]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    @Test("uniform draws stay in bounds and reach both ends", arguments: [0, 1, 2, 5, 1000] as [UInt64])
    func uniformBounds(bound: UInt64) {
        var g = SplitMix64(seed: bound)
        var seen = Set<UInt64>()
        for _ in 0..<2000 {
            let v = g.uniform(upTo: bound)
            #expect(v <= bound)
            seen.insert(v)
        }
        if bound <= 5 { #expect(seen.count == Int(bound) + 1) }
    }

    @Test("generating records every choice and replay reproduces it")
    func recordAndReplay() {
        var s = ChoiceSource(seed: 99)
        let drawn = (0..<50).map { s.draw(upTo: UInt64($0)) }
        #expect(s.choices == drawn)
        #expect(!s.isReplaying && !s.overran && s.drawCount == 50)
        var r = ChoiceSource(replaying: s.choices)
        #expect((0..<50).map { r.draw(upTo: UInt64($0)) } == drawn)
        #expect(r.isReplaying && !r.overran)
    }

    @Test("replay clamps oversized values and pads with zeros")
    func clampAndPad() {
        var r = ChoiceSource(replaying: [10, 3, .max])
        #expect(r.draw(upTo: 4 as UInt64) == 4)
        #expect(r.draw(upTo: 7 as UInt64) == 3)
        #expect(r.draw(upTo: 0 as UInt64) == 0)
        #expect(!r.overran)
        #expect(r.draw(upTo: 9 as UInt64) == 0)
        #expect(r.overran)
        #expect(r.choices == [4, 3, 0, 0])
    }

    @Test("Int-bounded draws")
    func intDraws() {
        var r = ChoiceSource(replaying: [5, 2])
        #expect(r.draw(upTo: 3) == 3)
        #expect(r.draw(upTo: 3) == 2)
    }
}
