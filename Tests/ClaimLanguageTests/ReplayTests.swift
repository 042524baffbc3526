import Foundation
import Testing
import ClaimLanguage
import Numbers
import Matrices
@testable import Verifier

/// Replaying saved instances: exact values in, the same verdict out; files that do not fit the
/// claim are clear load errors.
@Suite("Replay of instance files")
struct ReplayTests {
    func instanceFile(claim: String = "planted.entries", part: String? = "small", variables: String) -> String {
        """
        { "format": "mfcheck-instance", "version": 1, "claim": "\(claim)"\(part.map { ", \"part\": \"\($0)\"" } ?? ""),
          "variables": { \(variables) } }
        """
    }

    func replay(_ file: String) throws -> ClaimResult {
        let folder = try ClaimFolder(["entries.json": Planted.entries(), "instance.json": file])
        defer { folder.cleanup() }
        return ClaimRunner().replay(claimPath: folder.path("entries.json"), instancePath: folder.path("instance.json"))
    }

    @Test("a hand-written instance replays: FAILS on a large entry, HOLDS on small ones")
    func handWritten() throws {
        let failing = try replay(instanceFile(variables: #""m": "2", "n": 1, "A": [["1/2"], ["11/2"]]"#))
        #expect(failing.loadError == nil, "\(failing.loadError ?? "")")
        #expect(failing.parts.map(\.verdict) == [.fails])
        #expect(failing.parts[0].counterexample?.failing?.left?.text == "11/2")
        let holding = try replay(instanceFile(part: nil, variables: #""m": "1", "n": "2", "A": [["1", "-9"]]"#))
        #expect(holding.parts.map(\.part) == ["small", "bounded"])
        #expect(holding.parts.map(\.verdict) == [.holds, .holds])
    }

    @Test("wrong variable names and malformed values are clear errors", arguments: [
        (#""m": "1", "n": "1", "B": [["1"]]"#, "gives \"B\", which claim planted.entries does not quantify over"),
        (#""m": "1", "n": "1""#, "does not give \"A\""),
        (#""m": "1", "n": "1", "A": [["1", "2"], ["3"]]"#, "matrix rows have different lengths"),
        (#""m": "one", "n": "1", "A": [["1"]]"#, "\"one\" is not an exact rational"),
        (#""m": null, "n": "1", "A": [["1"]]"#, "null is not a value"),
        (#""m": "1", "n": "1", "A": ["1", "2"]"#, "an index list of integers or a matrix"),
        (#""m": "1", "n": "1", "A": {"type": "tensor"}"#, "unknown value type \"tensor\""),
        (#""m": "1/0", "n": "1", "A": [["1"]]"#, "is not an exact rational"),
    ])
    func malformed(_ c: (String, String)) throws {
        let r = try replay(instanceFile(variables: c.0))
        let error = try #require(r.loadError)
        #expect(error.contains(c.1), "\(error)")
        #expect(error.contains("instance.json:"), "names the file, line and column: \(error)")
        #expect(r.parts.isEmpty)
    }

    @Test("a replayed instance must fit its generators: dimensions, ranges and structure")
    func misfitRefused() throws {
        // m = 10⁹ with a 2×1 matrix: inconsistent with matrix(m, n); it must not replay as FAILS.
        let huge = try replay(instanceFile(variables: #""m": "1000000000", "n": "1", "A": [["1/2"], ["11/2"]]"#))
        #expect(huge.loadError?.contains("does not fit its generator") == true, "\(huge.loadError ?? "loaded")")
        #expect(huge.loadError?.contains("instance.json:") == true)
        let outOfRange = try replay(instanceFile(variables: #""m": "9", "n": "1", "A": [["1"]]"#))
        #expect(outOfRange.loadError?.contains("outside the range") == true, "\(outOfRange.loadError ?? "loaded")")
        let fits = try replay(instanceFile(variables: #""m": "2", "n": "1", "A": [["1/2"], ["11/2"]]"#))
        #expect(fits.loadError == nil)
        #expect(fits.parts.first?.verdict == .fails)
    }

    @Test("an instance file for another claim, an unknown part or a newer version is refused")
    func mismatches() throws {
        let other = try replay(instanceFile(claim: "someone.else", variables: #""m": "1", "n": "1", "A": [["1"]]"#))
        #expect(other.loadError?.contains("is for claim \"someone.else\"") == true)
        let part = try replay(instanceFile(part: "nope", variables: #""m": "1", "n": "1", "A": [["1"]]"#))
        #expect(part.loadError?.contains("has no part \"nope\"") == true)
        let newer = try replay(#"{ "format": "mfcheck-instance", "version": 99, "variables": {} }"#)
        #expect(newer.loadError?.contains("version 99 is not supported") == true)
        let notInstance = try replay(#"{ "schema": "mfcheck-results" }"#)
        #expect(notInstance.loadError?.contains("not an instance file") == true)
    }

    @Test("exact values survive the JSON round trip")
    func valueCoding() throws {
        let values: [Value] = [
            .scalar(Rational(-7, 3)), .scalar(Rational(12)), .truth(.true),
            .matrix(Matrix([[Rational(1), Rational(-1, 2)], [Rational(0), Rational(3)]])),
            .matrix(.zeros(0, 3)), .matrix(.zeros(2, 0)),
            .indices([]), .indices([2, 5]),
            .tuple([.matrix(.identity(2)), .scalar(Rational(1, 9))]),
            .sequence([.matrix(Matrix([[Rational(4)]])), .matrix(Matrix([[Rational(1), Rational(2)]]))]),
        ]
        for v in values {
            let json = try #require(ValueCoding.encode(v))
            let back = try ValueCoding.decode(JSONReader.read(json.rendered(), file: "v"))
            #expect(back.description == v.description && back.typeName == v.typeName, "\(v)")
            #expect(ValueCoding.encode(back) == json)
        }
        #expect(ValueCoding.encode(.real(Real.squareRoot(Rational(2)))) == nil)
        #expect(ValueCoding.encode(.truth(.unknown("?"))) == nil)
    }

    @Test("--seed S --instance I reproduces instance I of a run")
    func seedAndInstance() throws {
        let claim = try ClaimLoader.load(text: Planted.entries(), file: "entries.json")
        let full = ClaimRunner().run(claim).parts[0]
        let c = try #require(full.counterexample)
        var runner = ClaimRunner(seed: 3)
        runner.onlyInstance = c.instanceIndex
        let one = runner.run(claim)
        #expect(one.draws == 1)
        #expect(one.parts[0].verdict == .fails)
        #expect(one.parts[0].counterexample?.instance == c.instance)
        #expect(one.parts[0].counterexample?.shrink?.originalChoices == c.shrink?.originalChoices)
        // Another draw of the same run holds on that part.
        runner.onlyInstance = 0
        #expect(c.instanceIndex == 0 || runner.run(claim).parts[0].verdict != .fails)
    }

    @Test("instance files are versioned and name the claim, part and origin")
    func fileFormat() throws {
        let claim = try ClaimLoader.load(text: Planted.entries(), file: "entries.json")
        let part = ClaimRunner().run(claim).parts[0]
        let text = try #require(InstanceFile.render(claimID: claim.id, claimFile: "entries.json", part: "small", verdict: .fails, counterexample: part.counterexample!))
        let file = try InstanceFile.parse(text, file: "x.json")
        #expect(file.claimID == "planted.entries" && file.part == "small" && file.found == "FAILS")
        #expect(file.origin?["seed"] == .string("3"))
        #expect(file.origin?["shrunk"] == .bool(true))
        #expect(file.variables.map(\.name) == ["m", "n", "A"])
        #expect(text.contains("\"format\": \"mfcheck-instance\""))
        #expect(text.contains("\"version\": 1"))
    }
}
