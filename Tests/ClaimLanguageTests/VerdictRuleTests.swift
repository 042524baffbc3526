import Foundation
import Testing
import ClaimLanguage
import Verifier

/// The verdict rules: what a HOLDS needs, and what every other outcome becomes.
@Suite("Verdict rules")
struct VerdictRuleTests {
    func claim(given: String = #""n": "int(1...3)""#, assume: String? = nil, define: String = "",
               claims: [String: String], extra: String = "") -> String {
        let c = claims.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        let e = claims.keys.map { "\"\($0)\": \"holds\"" }.joined(separator: ", ")
        return """
        { "id": "v", "paper": "t", "label": "v", "statement": "v",
          "given": { \(given) }, \(assume.map { "\"assume\": \"\($0)\"," } ?? "")
          "define": { \(define) },
          "claims": { \(c) }, "expect": { \(e) } \(extra) }
        """
    }

    @Test("HOLDS needs 10 decided non-vacuous random instances by default")
    func minimumDecidedDefault() {
        // One non-vacuous draw in 40 is not a sample.
        let r = check(claim(given: #""n": "int(1...1000)""#, claims: ["p": "n == 1 => n >= 1"]), instances: 40)
        let p = r.parts["p"]!
        #expect(p.verdict == .inconclusive, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.reason?.hasPrefix("gave up") == true)
        let enough = check(claim(claims: ["p": "n >= 1"]), instances: 12)
        #expect(enough.parts["p"]?.verdict == .holds)
        #expect(enough.parts["p"]?.evidence.contains("12 random instance") == true)
    }

    @Test("min_decided below the default needs a reason")
    func minimumDecidedReason() {
        let bare = check(claim(claims: ["p": "n >= 1"], extra: #", "min_decided": 3"#))
        #expect(bare.loadError?.contains("below the default") == true, "\(bare.loadError ?? "loaded")")
        let reasoned = check(claim(given: #""n": "int(1...1000)""#, claims: ["p": "n <= 3 => n >= 1"],
                                   extra: #", "min_decided": {"count": 1, "reason": "the premise is rare by design"}"#), instances: 40)
        #expect(reasoned.loadError == nil, "\(reasoned.loadError ?? "")")
        #expect(reasoned.parts["p"]?.verdict == .holds)
    }

    @Test("a claim without random choices is enumerated once and says so")
    func enumeratedDomain() {
        let r = check(claim(given: #""n": "each(1...5)""#, claims: ["p": "n * n >= n"]), instances: 40)
        let p = r.parts["p"]!
        #expect(p.verdict == .holds, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.enumerated)
        #expect(p.tried == 5)
        #expect(p.evidence.contains("enumerated"))
        let literal = check(claim(given: "", define: #""A": "[1, 2; 3, 4]""#, claims: ["p": "det(A) == -2"]))
        #expect(literal.parts["p"]?.verdict == .holds)
        #expect(literal.parts["p"]?.tried == 1)
        // A false instance in the enumerated domain is still found.
        let f = check(claim(given: #""n": "each(1...5)""#, claims: ["p": "n <= 4"]))
        #expect(f.parts["p"]?.verdict == .fails)
        // A FAILS stops at its counterexample: the report does not say the domain was enumerated.
        let text = TextReport.render([ClaimResult(file: "v.json", claimID: "v", label: "v", loadError: nil,
                                                  parts: [f.parts["p"]!], seconds: 0)], color: false)
        #expect(!text.contains("whole domain enumerated"), "\(text)")
    }

    @Test("an exhausted budget is INCONCLUSIVE, naming the draws done")
    func budgetExhausted() {
        let json = claim(given: #""n": "int(30...40)", "A": "matrix(n, n)""#, claims: ["p": "det(A * A') >= 0"],
                         extra: #", "budget": {"seconds": 0.05}, "instances": 100000"#)
        let start = Date()
        let r = check(json)
        let p = r.parts["p"]!
        #expect(p.verdict == .inconclusive, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.reason?.hasPrefix("budget") == true, "\(p.reason ?? "")")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test("a counterexample found before the budget ran out still FAILS")
    func budgetWithCounterexample() {
        let json = claim(claims: ["p": "n < 3"], extra: #", "budget": {"seconds": 30}"#)
        #expect(check(json).parts["p"]?.verdict == .fails)
    }

    @Test("a hypothesis is checked as soon as its variables are bound")
    func hypothesisBeforeLaterGenerators() {
        // B needs A invertible; the draws where A is singular are vacuous, not errors.
        let json = claim(given: #""A": "choose([0, 0; 0, 0], [1, 0; 0, 2], [2, 1; 1, 1])", "B": "choose(inv(A), A)""#,
                         assume: "det(A) != 0", claims: ["p": "det(A * B) != 0"])
        let r = check(json, instances: 60)
        let p = r.parts["p"]!
        #expect(p.verdict == .holds, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.vacuousByHypotheses > 0)
    }

    @Test("a resource limit is INCONCLUSIVE naming the limit, never ERROR")
    func limitsAreInconclusive() {
        let r = check(claim(claims: ["p": "rank(zeros(n, 500 * n)) == 0"]), instances: 12)
        let p = r.parts["p"]!
        #expect(p.verdict == .inconclusive, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.reason?.contains("max_dimension") == true, "\(p.reason ?? "")")
        let branches = check(claim(given: #""S": "all_subsets(1...13)""#, claims: ["p": "len(S) >= 0"]))
        #expect(branches.parts["p"]?.verdict == .inconclusive, "\(branches.parts["p"]?.reason ?? "")")
    }

    @Test("replay reports the replayed part's own method")
    func replayMethod() throws {
        let json = """
        { "id": "rm", "paper": "t", "label": "rm", "statement": "s",
          "given": { "A": "matrix(2, 2)", "B": "matrix(2, 2)" },
          "claims": { "t": "(A*B)' == B'*A'", "identity": "det(A * B) == det(A) * det(B)" },
          "expect": { "t": "holds", "identity": "holds" } }
        """
        let claim = try ClaimLoader.load(text: json, file: "rm.json")
        let instance = """
        { "format": "mfcheck-instance", "version": 1, "claim": "rm", "part": "identity",
          "variables": { "A": [["1", "0"], ["0", "1"]], "B": [["2", "0"], ["0", "3"]] } }
        """
        let file = try InstanceFile.parse(instance, file: "i.json")
        let r = try ClaimRunner().replay(claim, file)
        #expect(r.parts.count == 1)
        #expect(r.parts[0].part == "identity")
        #expect(r.parts[0].verdict == .holds)
        // One replayed instance was given, not drawn: its HOLDS is exact about that instance and
        // never a randomized identity test (neither the part's own nor another part's).
        #expect(r.parts[0].method == .exact)
        let run = ClaimRunner(instances: 12).run(claim)
        if case .randomizedIdentity = run.parts[0].method {} else { Issue.record("a run of (AB)' = B'A' is a randomized identity test: \(run.parts[0].method)") }
    }
}

@Suite("Undecided comparisons inside built-ins")
struct UndecidedInsideBuiltinsTests {
    @Test("max at a tie it cannot decide is an undecided instance (INCONCLUSIVE), not an ERROR")
    func maxAtATie() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "define": { "S": "2*eye(2)" },
          "claims": { "c": "max(lambda_max(S)^2, lambda_min(S)^2) == 4" }, "expect": { "c": "holds" } }
        """)
        let p = r.parts["c"]!
        #expect(p.verdict == .holds || p.verdict == .inconclusive, "\(p.verdict) \(p.reason ?? "")")
        #expect(p.verdict != .error)
    }
}
