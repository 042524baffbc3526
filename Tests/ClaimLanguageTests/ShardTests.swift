import Foundation
import Testing
import ClaimLanguage
@testable import Verifier

/// Sharding partitions the work deterministically; merging the shards' JSON outputs gives the
/// unsharded result.
@Suite("Sharding and merging")
struct ShardTests {
    @Test("shards are disjoint and cover every (file, draw)", arguments: [1, 2, 3, 5, 8])
    func partition(n: Int) {
        for files in [1, 2, 7] {
            for instances in [0, 1, 4, 13] {
                for f in 0..<files {
                    for k in 0..<instances {
                        let owners = (1...n).filter { Shard(index: $0, count: n).owns(fileIndex: f, instance: k) }
                        #expect(owners.count == 1, "file \(f), draw \(k), \(n) shards: \(owners)")
                    }
                }
            }
        }
        // Every shard gets work when there is enough of it, and the assignment is stable.
        for i in 1...n { #expect(!Shard(index: i, count: n).instances(fileIndex: 0, of: 3 * n).isEmpty) }
        #expect(Shard(index: 1, count: n).instances(fileIndex: 2, of: 20) == Shard(index: 1, count: n).instances(fileIndex: 2, of: 20))
    }

    @Test("parsing i/n")
    func parse() {
        #expect(Shard("2/4") == Shard(index: 2, count: 4))
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", "-1/2", "1/2/3"] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    static func runShards(_ files: [String], _ n: Int) throws -> [JSONReport.Document] {
        try (1...n).map { i in
            var runner = ClaimRunner()
            runner.shard = Shard(index: i, count: n)
            let results = Verification.run(files: files, runner: runner, jobs: 2)
            return try JSONReport.parse(JSONReport.render(results, shard: runner.shard), file: "results-\(i).json")
        }
    }

    @Test("merging the shards reproduces the unsharded verdicts, counterexamples, counts and exit status", arguments: [2, 3])
    func mergeReproduces(n: Int) throws {
        let folder = try ClaimFolder(["a_entries.json": Planted.entries(), "b_fractions.json": Planted.fractions,
                                      "c_troubles.json": Planted.troubles, "d_branches.json": Planted.branches,
                                      "e_broken.json": "{ \"id\": "])
        defer { folder.cleanup() }
        let files = try ClaimDiscovery.files([folder.url.path])
        let full = Verification.run(files: files, runner: ClaimRunner(), jobs: 2)
        let shards = try Self.runShards(files, n)
        // Each shard ran only its own draws.
        let draws = shards.map { $0.results.map(\.draws).reduce(0, +) }
        #expect(draws.allSatisfy { $0 > 0 })
        let merged = try Merge.merge(shards)
        #expect(merged.map(\.file) == full.map(\.file))
        #expect(Verification.exitStatus(merged) == Verification.exitStatus(full))
        for (a, b) in zip(full, merged) {
            #expect(a.loadError == b.loadError)
            for (p, q) in zip(a.parts, b.parts) {
                let name = "\(p.claimID) [\(p.part)]"
                #expect(p.verdict == q.verdict, "\(name)")
                #expect(p.reason == q.reason, "\(name)")
                #expect(p.method == q.method || p.verdict == .fails, "\(name)")
                #expect(p.decidedAt == q.decidedAt, "\(name)")
                #expect(p.counterexample?.instance == q.counterexample?.instance, "\(name)")
                #expect(p.counterexample?.choices == q.counterexample?.choices, "\(name)")
                if p.counterexample == nil {
                    #expect(p.tried == q.tried && p.vacuous == q.vacuous && p.decidedTrue == q.decidedTrue && p.undecided == q.undecided, "\(name)")
                }
            }
        }
        // The merged output renders like the unsharded one.
        #expect(TextReport.summary(merged) == TextReport.summary(full))
    }

    @Test("a merge keeps a randomized identity test as one: it never relabels it exact")
    func mergeKeepsTheMethod() throws {
        let claim = """
        { "id": "t.identity", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...3)", "A": "matrix(n, n)" },
          "claims": { "cube": "(A + eye(n))*(A - eye(n)) == A*A - eye(n)" },
          "expect": { "cube": "holds" }, "instances": 24 }
        """
        let folder = try ClaimFolder(["identity.json": claim])
        defer { folder.cleanup() }
        let files = try ClaimDiscovery.files([folder.url.path])
        let full = Verification.run(files: files, runner: ClaimRunner(), jobs: 1)
        guard case .randomizedIdentity = full[0].parts[0].method else {
            Issue.record("the unsharded run is a randomized identity test: \(full[0].parts[0].method)")
            return
        }
        let merged = try Merge.merge(try Self.runShards(files, 2))
        #expect(merged[0].parts[0].verdict == .holds)
        #expect(merged[0].parts[0].method == full[0].parts[0].method, "\(merged[0].parts[0].method)")
    }

    @Test("an incomplete or inconsistent set of shards is refused")
    func refuse() throws {
        let folder = try ClaimFolder(["a.json": Planted.entries()])
        defer { folder.cleanup() }
        let files = try ClaimDiscovery.files([folder.url.path])
        let shards = try Self.runShards(files, 3)
        #expect(throws: Merge.MergeError.self) { try Merge.merge([shards[0], shards[2]]) }
        #expect(throws: Merge.MergeError.self) { try Merge.merge([shards[0], shards[1], shards[1]]) }
        let unsharded = try JSONReport.parse(JSONReport.render(Verification.run(files: files, runner: ClaimRunner(), jobs: 1)), file: "plain.json")
        #expect(throws: Merge.MergeError.self) { try Merge.merge(shards + [unsharded]) }
        #expect(throws: Merge.MergeError.self) { try Merge.merge([unsharded, unsharded]) }
        #expect(try Merge.merge([unsharded]).count == 1)
    }
}
