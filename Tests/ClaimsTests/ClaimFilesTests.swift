import Foundation
import Testing
import Verifier

/// Every claim file in claims/ is checked, and its verdicts must equal its recorded expectations.
@Suite("Claim files meet their expectations")
struct ClaimFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let files: [String] = (try? ClaimDiscovery.files([root.appendingPathComponent("claims").path])) ?? []

    @Test("the claims folder is not empty")
    func notEmpty() { #expect(!Self.files.isEmpty) }

    /// The claims' budgets are set for the release build (`make verify`); this suite runs a debug
    /// build, several times slower, with the parts running in parallel, so it gives each claim
    /// ten times its budget. What a verdict requires is unchanged.
    static let budgetScale: Double = {
        #if DEBUG
        return 10
        #else
        return 1
        #endif
    }()

    @Test("verdict equals expectation", arguments: files)
    func claim(_ file: String) {
        var runner = ClaimRunner()
        runner.budgetScale = Self.budgetScale
        let result = runner.run(path: file)
        #expect(result.loadError == nil, "\(result.loadError ?? "")")
        for p in result.parts {
            #expect(p.meetsExpectation, "\(p.claimID) [\(p.part)]: \(p.verdict.rawValue), expected \(p.expected.word); \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }
}
