import Testing
import ClaimLanguage
@testable import Verifier

/// Shrinking: a failing draw is replaced by the simplest failing draw the search finds, and
/// only after that one is confirmed to fail.
@Suite("Shrinking counterexamples")
struct ShrinkTests {
    static func entriesClaim(expect: String = "holds", seed: Int = 3) -> String {
        """
        { "id": "t.entries", "paper": "t", "label": "Planted", "statement": "Every entry of a random m×n matrix is below 5.",
          "given": { "m": "int(1...6)", "n": "int(1...6)", "A": "matrix(m, n)" },
          "claims": { "small": "all(i in 1...m: all(j in 1...n: A[i, j] < 5))" },
          "expect": { "small": \(expect == "holds" ? "\"holds\"" : "{\"verdict\": \"fails\", \"reason\": \"planted\"}") },
          "instances": 60, "seed": \(seed) }
        """
    }

    static func value(_ c: Counterexample, _ name: String) -> ExactJSON? {
        c.instance.first { $0.name == name }?.exact
    }

    @Test("a planted failure shrinks to a 1×1 matrix holding 5, and the shrunk instance fails again", arguments: [3, 11, 29])
    func entriesShrinkToMinimum(seed: Int) throws {
        let claim = try ClaimLoader.load(text: Self.entriesClaim(seed: seed), file: "planted.json")
        let result = ClaimRunner().run(claim)
        let part = try #require(result.parts.first)
        #expect(part.verdict == .fails)
        let c = try #require(part.counterexample)
        let shrink = try #require(c.shrink, "\(c.shrinkNote ?? "")")
        // Smaller than the original, in the order the search uses.
        #expect(Shrinker.shortlexLess(c.choices, shrink.originalChoices))
        #expect(Self.value(c, "m") == .string("1"))
        #expect(Self.value(c, "n") == .string("1"))
        #expect(Self.value(c, "A") == .array([.array([.string("5")])]), "\(c.instance.map(\.text))")
        #expect(c.failing?.left?.text == "5")
        #expect(c.failing?.right?.text == "5")
        #expect(shrink.stoppedBy == "fixed point")
        // The shrunk instance fails again, from its values alone.
        let values = c.instance.map { v in (v.name, try! ValueCoding.decode(JSONReader.read(v.exact!.rendered(), file: "x"))) }
        #expect(ClaimRunner().confirmByValues(claim, part: 0, values) == true)
    }

    @Test("shrinking is deterministic and can be turned off")
    func deterministicAndOptional() throws {
        let claim = try ClaimLoader.load(text: Self.entriesClaim(), file: "planted.json")
        let a = ClaimRunner().run(claim).parts[0].counterexample
        let b = ClaimRunner().run(claim).parts[0].counterexample
        #expect(a?.choices == b?.choices)
        var runner = ClaimRunner()
        runner.shrinking.enabled = false
        let c = runner.run(claim).parts[0].counterexample
        #expect(c?.shrink == nil)
        #expect(c?.choices == a?.shrink?.originalChoices)
        #expect(c?.instanceIndex == a?.instanceIndex)
    }

    @Test("replaying a choice sequence reproduces the draw; choice 0 is the simplest option")
    func choiceReplay() throws {
        let claim = try ClaimLoader.load(text: Self.entriesClaim(), file: "planted.json")
        let runner = ClaimRunner()
        let seeded = GeneratorContext(seed: 12345)
        let first = try runner.expand(claim, seeded, runner.makeEvaluator(claim))
        let replayed = GeneratorContext(replaying: seeded.choices)
        let second = try runner.expand(claim, replayed, runner.makeEvaluator(claim))
        #expect(first.map { $0.variables.map { $0.1.description } } == second.map { $0.variables.map { $0.1.description } })
        #expect(replayed.choices == seeded.choices)
        #expect(!replayed.overran)
        // The empty list: the smallest dimensions and the zero matrix.
        let empty = GeneratorContext(replaying: [])
        let simplest = try runner.expand(claim, empty, runner.makeEvaluator(claim))
        #expect(simplest[0].variables.map { $0.1.description } == ["1", "1", "[0]"])
        #expect(empty.overran)
    }

    @Test("a rejection loop terminates when a replayed list runs out")
    func spectrumReplayTerminates() throws {
        let text = """
        { "id": "t.s", "paper": "t", "label": "t", "statement": "t",
          "given": { "d": "spectrum(5)" }, "claims": { "c": "d[1] > d[5]" }, "expect": { "c": "holds" } }
        """
        let claim = try ClaimLoader.load(text: text, file: "s.json")
        let runner = ClaimRunner()
        let leaves = try runner.expand(claim, GeneratorContext(replaying: []), runner.makeEvaluator(claim))
        let d = try #require(leaves.first?.variables.first?.1)
        guard case let .matrix(m) = d else { Issue.record("not a matrix"); return }
        #expect(Set(m.elements.map(\.description)).count == 5, "distinct values: \(m.elements)")
    }

    @Test("shrinking keeps the failing branch of an exhaustive generator, or finds another")
    func exhaustiveBranches() throws {
        let text = """
        { "id": "t.b", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(2...5)", "I": "all_subsets(1...n, 2)", "x": "int(0...9)" },
          "claims": { "c": "I[2] < n or x < 3" }, "expect": { "c": "holds" }, "instances": 40, "seed": 5 }
        """
        let claim = try ClaimLoader.load(text: text, file: "b.json")
        let part = ClaimRunner().run(claim).parts[0]
        #expect(part.verdict == .fails)
        let c = try #require(part.counterexample)
        // The simplest failure: n = 2 (so I = {1, 2}), and some x ≥ 3.
        #expect(Self.value(c, "n") == .string("2"))
        #expect(Self.value(c, "I") == .array([.number("1"), .number("2")]))
        let x = c.instance.first { $0.name == "x" }.flatMap { Int($0.text) } ?? -1
        #expect(x >= 3, "\(c.instance.map(\.text))")
    }
}
