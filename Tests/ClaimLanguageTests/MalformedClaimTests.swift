import Foundation
import Testing
import Verifier
import ClaimLanguage

/// Malformed claims give clear errors (file, JSON path, column) or ERROR / INCONCLUSIVE
/// verdicts, never a crash.
@Suite("Malformed claims")
struct MalformedClaimTests {
    func claim(given: String = "\"n\": \"int(1...3)\"", define: String = "", conclusion: String) -> String {
        """
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { \(given) }, "define": { \(define) },
          "claims": { "c": "\(conclusion)" }, "expect": { "c": "holds" }, "instances": 12 }
        """
    }

    @Test("malformed JSON names line and column")
    func badJSON() {
        let r = check("{ \"id\": \"t\",\n  \"paper\": }")
        #expect(r.loadError?.contains("test.json:2:") == true, "\(r.loadError ?? "")")
    }

    @Test("a \\u surrogate pair is one character (\\ud835\\udcb3 is 𝒳); a lone surrogate is a load error naming the escape")
    func surrogatePairs() throws {
        let text = claim(conclusion: "n >= 1").replacingOccurrences(of: "\"statement\": \"t\"", with: "\"statement\": \"roots in \\ud835\\udcb3\"")
        let c = try ClaimLoader.load(text: text, file: "test.json")
        #expect(c.statement == "roots in 𝒳")
        let lone = claim(conclusion: "n >= 1").replacingOccurrences(of: "\"statement\": \"t\"", with: "\"statement\": \"\\ud835 alone\"")
        #expect(check(lone).loadError?.contains("surrogate") == true, "\(check(lone).loadError ?? "")")
    }

    @Test("a parse error names the JSON path and the expression column")
    func parseError() {
        let r = check(claim(conclusion: "n + * 2 == 3"))
        #expect(r.loadError?.contains("$.claims.c") == true)
        #expect(r.loadError?.contains("expression column 5") == true, "\(r.loadError ?? "")")
    }

    @Test("unknown keys, missing expectations and redefined built-ins are load errors")
    func loadErrors() {
        #expect(check("{\"id\": \"t\", \"paper\": \"t\", \"label\": \"t\", \"statement\": \"t\", \"bogus\": 1}").loadError?.contains("unknown key") == true)
        let noExpect = """
        { "id": "t", "paper": "t", "label": "t", "statement": "t", "claims": { "c": "1 == 1" } }
        """
        #expect(check(noExpect).loadError?.contains("no \"expect\"") == true)
        #expect(check(claim(define: "\"trace\": \"1\"", conclusion: "true")).loadError?.contains("built-in") == true)
    }

    @Test("runtime errors give ERROR with the location", arguments: [
        ("unknown function", "frobnicate(n) == 1", "unknown function"),
        ("wrong arity", "eye(n, n) == eye(n)", "takes 1 argument"),
        ("dimension mismatch", "zeros(n, 2) + zeros(2, n + 1) == zeros(n, 2)", "cannot add"),
        ("division by zero", "1 / (n - n) == 1", "division by zero"),
        ("singular inverse", "inv(zeros(n, n)) == eye(n)", "singular"),
        ("index out of range", "eye(n)[n + 1, 1] == 0", "out of range"),
        ("non-boolean conclusion", "n + 1", "expected a boolean"),
    ])
    func runtimeErrors(_ c: (String, String, String)) {
        let r = check(claim(conclusion: c.1))
        #expect(r.loadError == nil, "\(c.0): \(r.loadError ?? "")")
        let p = r.parts["c"]
        #expect(p?.verdict == .error, "\(c.0): \(p?.verdict.rawValue ?? "missing")")
        #expect(p?.reason?.contains(c.2) == true, "\(c.0): \(p?.reason ?? "")")
        #expect(p?.reason?.contains("$.claims.c") == true)
    }

    @Test("huge dimensions hit the resource limit and are INCONCLUSIVE, not a hang")
    func huge() {
        let r = check(claim(given: "\"n\": \"int(100000...100001)\"", conclusion: "trace(eye(n)) == n"))
        #expect(r.parts["c"]?.verdict == .inconclusive, "\(r.parts["c"]?.reason ?? "")")
    }

    @Test("a conclusion that is never non-vacuous gives up: INCONCLUSIVE")
    func vacuous() {
        let r = check(claim(conclusion: "n > 5 => n == 1"))
        #expect(r.parts["c"]?.verdict == .inconclusive)
        #expect(r.parts["c"]?.reason?.contains("gave up") == true)
    }

    @Test("a comparison that enclosures cannot decide is INCONCLUSIVE, never guessed")
    func straddle() {
        // Eigenvalues are known through enclosures (not as algebraic numbers): the product of
        // (3 ± √5)/2 is exactly 1, but interval products always straddle 1.
        let r = check(claim(conclusion: "lambda_min([1, 1; 1, 2]) * lambda_max([1, 1; 1, 2]) == 1"))
        #expect(r.parts["c"]?.verdict == .inconclusive, "\(r.parts["c"]?.verdict.rawValue ?? "")")
        // Algebraic reals stay exact under arithmetic, so this equality is decided.
        let q = check(claim(conclusion: "sqrt(2) * sqrt(2) == 2 and sqrt(2) + sqrt(3) != sqrt(5)"))
        #expect(q.parts["c"]?.verdict == .holds && q.parts["c"]?.method == .exact, "\(q.parts["c"]?.verdict.rawValue ?? "")")
        let s = check(claim(conclusion: "sqrt(2) < 1415/1000 and sqrt(2) > 1414/1000"))
        #expect(s.parts["c"]?.verdict == .holds)
    }
}

@Suite("Paper keys")
struct PaperKeyTests {
    @Test("a claim whose paper is not in the nearest papers.json is a load error naming the known keys")
    func unknownPaper() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mfcheck-paperkeys-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"known2020": {"authors": ["A"], "title": "T", "year": 2020}}"#.write(to: dir.appendingPathComponent("papers.json"), atomically: true, encoding: .utf8)
        let claim = #"{"id": "t", "paper": "%@", "label": "t", "statement": "t", "claims": {"c": "1 == 1"}, "expect": {"c": "holds"}}"#
        let bad = dir.appendingPathComponent("sub/bad.json"), good = dir.appendingPathComponent("sub/good.json")
        try claim.replacingOccurrences(of: "%@", with: "unknown1999").write(to: bad, atomically: true, encoding: .utf8)
        try claim.replacingOccurrences(of: "%@", with: "known2020").write(to: good, atomically: true, encoding: .utf8)
        let r = ClaimRunner().run(path: bad.path)
        #expect(r.loadError?.contains("not a key of papers.json") == true, "\(r.loadError ?? "")")
        #expect(r.loadError?.contains("known2020") == true)
        #expect(ClaimRunner().run(path: good.path).loadError == nil)
    }
}
