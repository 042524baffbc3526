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

    @Test("verdict equals expectation", arguments: files)
    func claim(_ file: String) {
        let result = ClaimRunner().run(path: file)
        #expect(result.loadError == nil, "\(result.loadError ?? "")")
        for p in result.parts {
            #expect(p.meetsExpectation, "\(p.claimID) [\(p.part)]: \(p.verdict.rawValue), expected \(p.expected.word); \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }
}
