import Foundation
import Testing
import ClaimLanguage
import Numbers
import Matrices
@testable import Verifier

/// A temporary folder holding claim files, removed by `cleanup()`.
struct ClaimFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mfcheck-reports-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Small claims used by the report, replay, JUnit and shard tests.
enum Planted {
    /// Every entry of a random matrix below 5: false, found quickly, shrinks to [[5]].
    static func entries(expect: String = "holds", seed: Int = 3, instances: Int = 60) -> String {
        let e = expect == "holds" ? "\"holds\"" : "{\"verdict\": \"fails\", \"reason\": \"planted: entries reach 9\"}"
        return """
        { "id": "planted.entries", "paper": "t", "label": "Planted lemma", "statement": "Every entry of a random m×n matrix is below 5.",
          "given": { "m": "int(1...6)", "n": "int(1...6)", "A": "matrix(m, n)" },
          "claims": { "small": "all(i in 1...m: all(j in 1...n: A[i, j] < 5))", "bounded": "all(i in 1...m: all(j in 1...n: A[i, j] <= 9))" },
          "statements": { "small": "$a_{ij} < 5$ for all $i, j$." },
          "expect": { "small": \(e), "bounded": "holds" },
          "instances": \(instances), "seed": \(seed) }
        """
    }

    /// A rational fraction that is wrong: 1/(n+1) > 1/3 fails for n ≥ 2 (a \frac in the report).
    static let fractions = """
    { "id": "planted.fractions", "paper": "t", "label": "Fractions", "statement": "1/(n+1) exceeds 1/3.",
      "given": { "n": "int(1...5)", "x": "rational(5, positive: true)" },
      "assume": ["x < 2"],
      "claims": { "gt": "x / (n + 1) > x / 3", "pos": "x > 0" },
      "expect": { "gt": "holds", "pos": "holds" }, "instances": 30, "seed": 4 }
    """

    /// Undecidable, vacuous, erroring and static-error parts.
    static let troubles = """
    { "id": "planted.troubles", "paper": "t", "label": "Troubles", "statement": "t",
      "given": { "n": "int(1...3)" },
      "claims": { "undecided": "lambda_min([1, 1; 1, 2]) * lambda_max([1, 1; 1, 2]) == 1", "vacuous": "n > 5 => n == 1", "division": "1 / (n - n) == 1",
                  "mostly_vacuous": "n == 3 => n >= 1", "ill_typed": "zeros(n, 2) * zeros(3, n) == zeros(n, n)" },
      "expect": { "undecided": "holds", "vacuous": "holds", "division": "holds", "mostly_vacuous": "holds",
                  "ill_typed": { "verdict": "ill-typed", "reason": "planted" } },
      "instances": 30, "seed": 2 }
    """

    /// Exhaustive branching with a failure on some branches only.
    static let branches = """
    { "id": "planted.branches", "paper": "t", "label": "Branches", "statement": "t",
      "given": { "n": "int(2...5)", "I": "all_subsets(1...n, 2)", "x": "int(0...9)" },
      "claims": { "c": "I[2] < n or x < 3", "ok": "I[1] < I[2]" }, "expect": { "c": "holds", "ok": "holds" }, "instances": 20, "seed": 5 }
    """
}

@Suite("Counterexample reports")
struct ReportTests {
    @Test("a planted failing claim gives a readable report whose replay file fails again")
    func plantedReport() throws {
        let folder = try ClaimFolder(["entries.json": Planted.entries(), "fractions.json": Planted.fractions, "troubles.json": Planted.troubles])
        defer { folder.cleanup() }
        let files = try ClaimDiscovery.files([folder.url.path])
        var results = Verification.run(files: files, runner: ClaimRunner(), jobs: 2)
        let dir = folder.path("report")
        let written = try CounterexampleReport.write(&results, to: dir)
        #expect(written.contains(dir + "/index.md"))

        // The failing part: statement, exact instance in LaTeX, both sides, method, replay commands.
        let entries = try #require(results.first { $0.claimID == "planted.entries" })
        let small = try #require(entries.parts.first { $0.part == "small" })
        #expect(small.verdict == .fails)
        let page = try folder.read("report/planted.entries--small.md")
        #expect(page.contains("$a_{ij} < 5$ for all $i, j$."))                 // the part's own statement
        #expect(page.contains("all(i in 1...m: all(j in 1...n: A[i, j] < 5))")) // as encoded
        #expect(page.contains("A = \\begin{bmatrix} 5 \\end{bmatrix}"))        // shrunk instance, exact
        #expect(page.contains("`A[i, j] < 5`"))                                // the deciding sub-expression
        #expect(page.contains("\\text{left} = 5") && page.contains("\\text{right} = 5"))
        #expect(page.contains("exact (every comparison in rational arithmetic"))
        #expect(page.contains("## Original instance (before shrinking)"))
        let replayFile = try #require(small.counterexample?.replayFile)
        #expect(page.contains("verify \(entries.file) --replay \(replayFile)"))
        #expect(page.contains("verify \(entries.file) --seed 3 --instance \(small.counterexample!.instanceIndex)"))

        // The replay file re-evaluates to FAILS on the same instance.
        let replayed = ClaimRunner().replay(claimPath: entries.file, instancePath: replayFile)
        #expect(replayed.loadError == nil, "\(replayed.loadError ?? "")")
        #expect(replayed.parts.map(\.part) == ["small"])
        #expect(replayed.parts.first?.verdict == .fails)
        #expect(replayed.parts.first?.counterexample?.instance.map(\.text) == small.counterexample?.instance.map(\.text))

        // Rationals as \frac in the report of a failing inequality between fractions.
        let fractions = try folder.read("report/planted.fractions--gt.md")
        #expect(fractions.contains("\\frac{"), "\(fractions)")

        // INCONCLUSIVE and ERROR parts get pages too; static errors have no instance file.
        for part in ["undecided", "vacuous", "division", "ill_typed"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/planted.troubles--\(part).md"), "\(part)")
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/planted.troubles--division.instance.json"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/planted.troubles--ill_typed.instance.json"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/planted.entries--bounded.md"))   // HOLDS: no page

        // The index lists every claim and part with verdicts and expectations.
        let index = try folder.read("report/index.md")
        for p in results.flatMap(\.parts) { #expect(index.contains("`\(p.part)`"), "\(p.part)") }
        #expect(index.contains("[report](planted.entries--small.md)"))
        #expect(index.contains("| FAILS | holds | ✗ |"))
    }

    @Test("statistics: vacuous draws are counted by cause, and a warning appears in text, Markdown and JSON")
    func statistics() throws {
        let claim = try ClaimLoader.load(text: Planted.troubles, file: "troubles.json")
        let result = ClaimRunner().run(claim)
        let mostly = try #require(result.parts.first { $0.part == "mostly_vacuous" })
        #expect(mostly.tried == 30)
        #expect(mostly.vacuous == mostly.vacuousByPremise)
        #expect(mostly.vacuous + mostly.decidedTrue == mostly.tried)
        let vacuous = try #require(result.parts.first { $0.part == "vacuous" })
        let warning = try #require(vacuous.vacuityWarning)
        #expect(warning.contains("the generator should construct, not filter"))
        #expect(TextReport.render([result]).contains(warning))
        #expect(MarkdownSummary.render([result]).contains(warning))
        #expect(JSONReport.render([result]).contains(warning))
        let undecided = try #require(result.parts.first { $0.part == "undecided" })
        #expect(undecided.verdict == .inconclusive)
        #expect(undecided.undecided == 30)
        #expect(undecided.undecidedInstance?.kind == .undecided)
        #expect(undecided.evaluationSeconds > 0)
    }

    @Test("the JSON report (version 2) carries schema, verdicts, counts, timings and counterexample paths, and reads back")
    func jsonRoundTrip() throws {
        let folder = try ClaimFolder(["entries.json": Planted.entries(), "troubles.json": Planted.troubles, "branches.json": Planted.branches])
        defer { folder.cleanup() }
        var results = Verification.run(files: try ClaimDiscovery.files([folder.url.path]), runner: ClaimRunner(), jobs: 2)
        try CounterexampleReport.write(&results, to: folder.path("out"), instanceFilesOnly: true)
        let text = JSONReport.render(results)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "mfcheck-results")
        #expect(object["version"] as? Int == 2)
        let parts = object["results"] as! [[String: Any]]
        let small = try #require(parts.first { $0["part"] as? String == "small" })
        for key in ["claim", "part", "verdict", "expected", "as_expected", "method", "counts", "statistics", "seconds", "counterexample", "counterexample_path"] {
            #expect(small[key] != nil, "\(key)")
        }
        #expect((small["counterexample_path"] as? String)?.hasSuffix("planted.entries--small.instance.json") == true)
        let summary = object["summary"] as! [String: Any]
        #expect(summary["exit_status"] as? Int == 1)

        let back = try JSONReport.parse(text, file: "r.json")
        #expect(back.results.count == results.count)
        for (a, b) in zip(results, back.results) {
            #expect(a.file == b.file && a.minimumDecided == b.minimumDecided)
            for (p, q) in zip(a.parts, b.parts) {
                #expect(p.part == q.part && p.verdict == q.verdict && p.meetsExpectation == q.meetsExpectation)
                #expect(p.tried == q.tried && p.vacuous == q.vacuous && p.undecided == q.undecided && p.decidedAt == q.decidedAt)
                #expect(p.reason == q.reason)
                #expect(p.counterexample?.instance == q.counterexample?.instance)
                #expect(p.counterexample?.failing == q.counterexample?.failing)
                var ps = p.counterexample?.shrink, qs = q.counterexample?.shrink
                ps?.seconds = 0
                qs?.seconds = 0
                #expect(ps == qs)   // timings are rounded to milliseconds in JSON
                #expect(p.counterexample?.replayFile == q.counterexample?.replayFile)
            }
        }
        // Every format renders the read-back results the same way.
        #expect(TextReport.render(back.results) == TextReport.render(results))
        #expect(JUnitReport.render(back.results) == JUnitReport.render(results))
        #expect(MarkdownSummary.render(back.results) == MarkdownSummary.render(results))
    }

    @Test("the Markdown summary leads with what differs from expectation")
    func markdownSummary() throws {
        let claim = try ClaimLoader.load(text: Planted.entries(), file: "entries.json")
        let md = MarkdownSummary.render([ClaimRunner().run(claim)])
        #expect(md.hasPrefix("## mfcheck: 1 of 2 differ from expectation"))
        #expect(md.contains("### Differ from expectation"))
        #expect(md.contains("`A[i, j] < 5` is false (left 5, right 5) at m = 1, n = 1, A = [5]"))
        let ok = try ClaimLoader.load(text: Planted.entries(expect: "fails"), file: "entries.json")
        #expect(MarkdownSummary.render([ClaimRunner().run(ok)]).hasPrefix("## mfcheck: all 2 verdicts as expected"))
    }

    @Test("exact LaTeX for values")
    func latex() {
        #expect(Latex.rational(Rational(-3, 4)) == "-\\frac{3}{4}")
        #expect(Latex.rational(Rational(7)) == "7")
        #expect(Latex.value(.matrix(.init([[Rational(1), Rational(1, 2)], [Rational(0), Rational(-2)]]))) == "\\begin{bmatrix} 1 & \\frac{1}{2} \\\\ 0 & -2 \\end{bmatrix}")
        #expect(Latex.value(.indices([1, 3])) == "\\{1, 3\\}")
        #expect(Real.decimal(Rational(-1, 3), digits: 3, up: false) == "-0.334")
        #expect(Real.decimal(Rational(-1, 3), digits: 3, up: true) == "-0.333")
        #expect(Real.decimal(Rational(2, 3), digits: 3, up: true) == "0.667")
    }
}
