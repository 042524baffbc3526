import Testing
import ClaimLanguage
import Verifier

/// The search phases beside the random draws: they must refute planted thin counterexamples
/// that random rational draws miss, and never make a true statement fail.
@Suite("Search phases")
struct SearchPhaseTests {
    static let thin = """
    { "id": "thin", "paper": "t", "label": "thin", "statement": "s",
      "given": { "m": "int(1...4)", "k": "int(1...3)", "n": "int(1...4)", "W": "matrix(m, k)", "S": "matrix(k, n)", "A": "matrix(3, 3)" },
      "claims": { "zero": "fro2(W*S) > 0", "singular": "det(A) != 0", "true_psd": "fro2(W*S) >= 0" },
      "expect": { "zero": {"verdict": "fails", "reason": "planted: W = 0"},
                  "singular": {"verdict": "fails", "reason": "planted: A singular"}, "true_psd": "holds" } }
    """

    func run(_ json: String, _ options: SearchOptions) throws -> [String: PartResult] {
        let claim = try ClaimLoader.load(text: json, file: "thin.json")
        var runner = ClaimRunner()
        runner.search = options
        return Dictionary(uniqueKeysWithValues: runner.run(claim).parts.map { ($0.part, $0) })
    }

    @Test("the small-scope phase refutes statements false only at a zero or singular matrix")
    func smallScope() throws {
        let with = try run(Self.thin, SearchOptions())
        #expect(with["zero"]?.verdict == .fails)
        #expect(with["singular"]?.verdict == .fails)
        #expect(with["singular"]?.counterexample?.phase == .smallScope)
        #expect(with["true_psd"]?.verdict == .holds)
        // The counterexample is exact and replays: its instance has a zero factor or a singular A.
        #expect(with["singular"]?.counterexample?.isReplayable == true)
    }

    @Test("the phases' instances are not counted in the random sample")
    func notCounted() throws {
        let p = try run(Self.thin, SearchOptions())["true_psd"]!
        #expect(p.tried == 40)
        #expect(p.searchTried > 0)
    }

    @Test("the targeted phase climbs toward a negative slack")
    func targeted() throws {
        let json = """
        { "id": "t", "paper": "t", "label": "t", "statement": "s",
          "given": { "a": "rational(9)", "b": "rational(9)" },
          "claims": { "lin": "a*b < 70" },
          "expect": { "lin": {"verdict": "fails", "reason": "planted: a = b = 9"} } }
        """
        let off = try run(json, SearchOptions(smallScope: 0, targeted: 0))["lin"]!
        let on = try run(json, SearchOptions(smallScope: 0, targeted: 400))["lin"]!
        // Random draws alone reach a·b ≥ 70 rarely; the climb records how close it came, and a
        // counterexample it finds is exact like any other.
        #expect(on.targetedLeastSlack != nil || on.verdict == .fails)
        if on.verdict == .fails { #expect(on.counterexample?.phase == .targeted) }
        #expect(off.searchTried == 0)
    }
}
