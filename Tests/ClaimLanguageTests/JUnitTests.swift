import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ClaimLanguage
@testable import Verifier

/// JUnit XML: well-formed, with the elements and attributes of the common JUnit schema, and a
/// failure exactly where a verdict differs from its expectation.
@Suite("JUnit output")
struct JUnitTests {
    static func results(_ claims: [String]) throws -> [ClaimResult] {
        try claims.enumerated().map { i, text in
            try ClaimRunner().run(ClaimLoader.load(text: text, file: "claim\(i).json"))
        }
    }

    static func document(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    static func elements(_ node: XMLNode, _ name: String) -> [XMLElement] {
        (node.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.name == name }
    }

    static func attribute(_ e: XMLElement, _ name: String) -> String? { e.attribute(forName: name)?.stringValue }

    /// Structure of the common JUnit schema: testsuites > testsuite(name, tests, failures, errors,
    /// skipped) > properties?, testcase(name, classname, time) > skipped?, error*, failure*,
    /// system-out*; counts consistent with the test cases.
    static func validate(_ xml: String) throws -> [String: XMLElement] {
        let doc = try document(xml)
        let root = try #require(doc.rootElement())
        #expect(root.name == "testsuites")
        var cases: [String: XMLElement] = [:]
        var totals = (tests: 0, failures: 0, errors: 0)
        for suite in elements(root, "testsuite") {
            for a in ["name", "tests", "failures", "errors", "skipped"] { #expect(attribute(suite, a) != nil, "testsuite@\(a)") }
            let children = (suite.children ?? []).compactMap { $0 as? XMLElement }.map { $0.name ?? "" }
            #expect(children.allSatisfy { ["properties", "testcase", "system-out", "system-err"].contains($0) })
            if let i = children.firstIndex(of: "properties") { #expect(i == 0) }
            for p in elements(suite, "properties").flatMap({ elements($0, "property") }) {
                #expect(attribute(p, "name") != nil && attribute(p, "value") != nil)
            }
            let testcases = elements(suite, "testcase")
            var counts = (failures: 0, errors: 0, skipped: 0)
            for t in testcases {
                for a in ["name", "classname", "time"] { #expect(attribute(t, a) != nil, "testcase@\(a)") }
                #expect(Double(attribute(t, "time") ?? "") != nil)
                let kids = (t.children ?? []).compactMap { $0 as? XMLElement }.map { $0.name ?? "" }
                let order = ["skipped", "error", "failure", "system-out", "system-err"]
                #expect(kids.allSatisfy { order.contains($0) })
                #expect(kids.map { order.firstIndex(of: $0)! } == kids.map { order.firstIndex(of: $0)! }.sorted(), "child order \(kids)")
                counts.failures += kids.filter { $0 == "failure" }.count
                counts.errors += kids.filter { $0 == "error" }.count
                counts.skipped += kids.filter { $0 == "skipped" }.count
                for f in elements(t, "failure") + elements(t, "error") { #expect(attribute(f, "message") != nil && attribute(f, "type") != nil) }
                cases["\(attribute(t, "classname") ?? "")/\(attribute(t, "name") ?? "")"] = t
            }
            #expect(Int(attribute(suite, "tests") ?? "") == testcases.count)
            #expect(Int(attribute(suite, "failures") ?? "") == counts.failures)
            #expect(Int(attribute(suite, "errors") ?? "") == counts.errors)
            #expect(Int(attribute(suite, "skipped") ?? "") == counts.skipped)
            totals.tests += testcases.count
            totals.failures += counts.failures
            totals.errors += counts.errors
        }
        #expect(Int(attribute(root, "tests") ?? "") == totals.tests)
        #expect(Int(attribute(root, "failures") ?? "") == totals.failures)
        #expect(Int(attribute(root, "errors") ?? "") == totals.errors)
        return cases
    }

    @Test("a planted failure is a JUnit failure only when its expectation is holds")
    func failureOnlyWhenUnexpected() throws {
        let unexpected = try Self.validate(JUnitReport.render(Self.results([Planted.entries(expect: "holds")])))
        let failing = try #require(unexpected["planted.entries/small"])
        #expect(Self.elements(failing, "failure").count == 1)
        #expect(Self.attribute(Self.elements(failing, "failure")[0], "type") == "FAILS")
        #expect(Self.elements(failing, "failure")[0].stringValue?.contains("A = [5]") == true)

        let expected = try Self.validate(JUnitReport.render(Self.results([Planted.entries(expect: "fails")])))
        let passing = try #require(expected["planted.entries/small"])
        #expect(Self.elements(passing, "failure").isEmpty && Self.elements(passing, "error").isEmpty && Self.elements(passing, "skipped").isEmpty)
        let out = try #require(Self.elements(passing, "system-out").first?.stringValue)
        #expect(out.contains("A = [5]") && out.contains("A[i, j] < 5 is false"))
        #expect(Self.elements(try #require(expected["planted.entries/bounded"]), "failure").isEmpty)
    }

    @Test("INCONCLUSIVE is skipped with the reason as a property, ERROR is an error, an unloadable file is an error, ill-typed as expected passes")
    func otherVerdicts() throws {
        var results = try Self.results([Planted.troubles, Planted.fractions])
        results.append(ClaimResult(file: "broken.json", claimID: nil, label: nil, loadError: "json error: <bad> & \"worse\"", parts: [], seconds: 0))
        let xml = JUnitReport.render(results)
        let cases = try Self.validate(xml)
        let undecided = try #require(cases["planted.troubles/undecided"])
        #expect(Self.elements(undecided, "skipped").first?.stringValue?.contains("undecided") == true)
        let doc = try Self.document(xml)
        let suite = try #require(Self.elements(doc.rootElement()!, "testsuite").first { Self.attribute($0, "name") == "planted.troubles" })
        let properties = Self.elements(suite, "properties").flatMap { Self.elements($0, "property") }
        #expect(properties.contains { Self.attribute($0, "name") == "reason:undecided" && Self.attribute($0, "value")?.contains("undecided") == true })
        #expect(Self.elements(try #require(cases["planted.troubles/division"]), "error").count == 1)
        let illTyped = try #require(cases["planted.troubles/ill_typed"])
        #expect(Self.elements(illTyped, "error").isEmpty && Self.elements(illTyped, "failure").isEmpty)
        #expect(Self.elements(try #require(cases["planted.fractions/gt"]), "failure").count == 1)
        let broken = try #require(cases["broken.json/load"])
        #expect(Self.elements(broken, "error").first?.stringValue == "json error: <bad> & \"worse\"")
    }

    @Test("a merged run renders valid JUnit")
    func mergedRun() throws {
        let folder = try ClaimFolder(["a.json": Planted.entries(), "b.json": Planted.branches])
        defer { folder.cleanup() }
        let shards = try ShardTests.runShards(try ClaimDiscovery.files([folder.url.path]), 2)
        let cases = try Self.validate(JUnitReport.render(try Merge.merge(shards)))
        #expect(cases.count == 4)
    }
}
