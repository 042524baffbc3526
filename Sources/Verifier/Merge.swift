import Foundation
import ClaimLanguage

/// Combines JSON reports (`verify merge results-*.json`).
///
/// - Shard outputs (`--shard i/n --format json`) must be the complete set 1/n … n/n of one run
///   (the same claim files and parts in each); anything else is refused, since a verdict from
///   missing draws would not be the run's verdict.
/// - For each part, counts are summed. The verdict is decided as an unsharded run decides it:
///   the FAILS or ERROR found at the earliest (draw, branch) wins, with its counterexample (a
///   static error wins outright); otherwise HOLDS or INCONCLUSIVE follows from the summed counts,
///   the claim's `min_decided` and whether a budget ran out.
/// - So the merged verdicts, reasons and counterexamples are those of the unsharded run. Counts
///   equal the unsharded counts for parts without a counterexample; for a FAILS or ERROR part
///   the shards may have examined draws beyond the counterexample that an unsharded run (which
///   stops at it) does not. (The claim's time budget applies per shard.)
/// - Unsharded outputs (for disjoint sets of claim files) are concatenated; a claim file in two
///   of them is refused.
public enum Merge {
    public struct MergeError: Error, CustomStringConvertible {
        public var description: String
        init(_ d: String) { description = d }
    }

    public static func merge(paths: [String]) throws -> [ClaimResult] {
        var documents: [JSONReport.Document] = []
        for p in paths {
            let text: String
            do { text = try String(contentsOfFile: p, encoding: .utf8) } catch { throw MergeError("cannot read \(p)") }
            do { documents.append(try JSONReport.parse(text, file: p)) } catch { throw MergeError(error.description) }
        }
        return try merge(documents)
    }

    public static func merge(_ documents: [JSONReport.Document]) throws(MergeError) -> [ClaimResult] {
        guard !documents.isEmpty else { throw MergeError("nothing to merge") }
        let sharded = documents.filter { $0.shard != nil }
        if sharded.isEmpty {
            var seen: [String: String] = [:]
            var out: [ClaimResult] = []
            for d in documents {
                for r in d.results {
                    if let other = seen[r.file] { throw MergeError("\(r.file) appears in both \(other) and \(d.file)") }
                    seen[r.file] = d.file
                    out.append(r)
                }
            }
            return out
        }
        guard sharded.count == documents.count else {
            let plain = documents.filter { $0.shard == nil }.map(\.file)
            throw MergeError("cannot merge shard outputs with unsharded ones (\(plain.joined(separator: ", ")))")
        }
        let n = sharded[0].shard!.count
        for d in sharded where d.shard!.count != n {
            throw MergeError("\(d.file) is shard \(d.shard!) but \(sharded[0].file) is shard \(sharded[0].shard!): the shard counts differ")
        }
        var byIndex: [Int: JSONReport.Document] = [:]
        for d in sharded {
            if let other = byIndex[d.shard!.index] { throw MergeError("shard \(d.shard!) appears twice (\(other.file) and \(d.file))") }
            byIndex[d.shard!.index] = d
        }
        let missing = (1...n).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            throw MergeError("shard(s) \(missing.map { "\($0)/\(n)" }.joined(separator: ", ")) missing: the merged verdicts would not cover every draw")
        }
        let ordered = (1...n).map { byIndex[$0]! }
        let files = ordered[0].results.map(\.file)
        for d in ordered.dropFirst() where d.results.map(\.file) != files {
            throw MergeError("\(d.file) (shard \(d.shard!)) covers other claim files than \(ordered[0].file): shards must come from the same command")
        }
        var out: [ClaimResult] = []
        for (i, file) in files.enumerated() {
            out.append(try mergeClaim(ordered.map { $0.results[i] }, file: file))
        }
        return out
    }

    static func mergeClaim(_ shards: [ClaimResult], file: String) throws(MergeError) -> ClaimResult {
        var r = shards[0]
        r.shard = nil
        r.seconds = shards.map(\.seconds).max() ?? 0
        r.draws = shards.map(\.draws).reduce(0, +)
        r.budgetExhausted = shards.contains { $0.budgetExhausted }
        r.enumerated = shards.contains { $0.enumerated }
        if let withError = shards.first(where: { $0.loadError != nil }) {
            r.loadError = withError.loadError
            r.parts = []
            return r
        }
        let names = shards[0].parts.map(\.part)
        for s in shards where s.parts.map(\.part) != names {
            throw MergeError("the shards disagree on the parts of \(file)")
        }
        r.parts = names.indices.map { k in mergePart(shards.map { $0.parts[k] }, claim: r) }
        return r
    }

    /// The method of a merged part: never stronger than any shard's. A certified interval in
    /// one shard makes the whole certified (at the largest precision); a randomized identity test
    /// in one shard stays a randomized identity test (its bound is per instance, so it holds for
    /// the union); only if every shard was exact is the merge exact.
    static func combinedMethod(_ parts: [PartResult]) -> Method {
        let bits = parts.map(\.method.bits).max() ?? 0
        if bits > 0 { return .certified(bits: bits) }
        for p in parts { if case .randomizedIdentity = p.method { return p.method } }
        return .exact
    }

    static func mergePart(_ parts: [PartResult], claim: ClaimResult) -> PartResult {
        var m = parts[0]
        m.tried = parts.map(\.tried).reduce(0, +)
        m.vacuous = parts.map(\.vacuous).reduce(0, +)
        m.decidedTrue = parts.map(\.decidedTrue).reduce(0, +)
        m.decidedFalse = parts.map(\.decidedFalse).reduce(0, +)
        m.undecided = parts.map(\.undecided).reduce(0, +)
        m.vacuousByHypotheses = parts.map(\.vacuousByHypotheses).reduce(0, +)
        m.vacuousByPremise = parts.map(\.vacuousByPremise).reduce(0, +)
        m.evaluationSeconds = parts.map(\.evaluationSeconds).reduce(0, +)
        m.shrinkSeconds = parts.map(\.shrinkSeconds).reduce(0, +)
        m.searchTried = parts.map(\.searchTried).reduce(0, +)
        m.searchFound = parts.map(\.searchFound).reduce(0, +)
        m.seconds = parts.map(\.seconds).max() ?? 0
        let bits = parts.map(\.method.bits).max() ?? 0
        // The earliest undecided instance, and its reason.
        let undecided = parts.compactMap(\.undecidedInstance).min { InstancePosition(instance: $0.instanceIndex, branch: $0.branch) < InstancePosition(instance: $1.instanceIndex, branch: $1.branch) }
        m.undecidedInstance = undecided
        // A static error (no position) or the earliest FAILS / ERROR decides.
        let decisive = parts.filter { $0.verdict == .fails || $0.verdict == .error }
        if let d = decisive.first(where: { $0.decidedAt == nil }) ?? decisive.min(by: { $0.decidedAt! < $1.decidedAt! }) {
            m.verdict = d.verdict
            m.reason = d.reason
            m.counterexample = d.counterexample
            m.decidedAt = d.decidedAt
            m.errorStage = d.errorStage
            m.method = d.verdict == .error ? d.method : (bits > 0 ? .certified(bits: bits) : .exact)
            return m
        }
        m.verdict = .holds
        m.reason = undecided?.detail
        m.counterexample = nil
        m.decidedAt = nil
        m.enumerated = parts.contains { $0.enumerated }
        m.method = combinedMethod(parts)
        ClaimRunner.settle(&m, minimumDecided: claim.minimumDecided, budgetExhausted: claim.budgetExhausted, budgetSeconds: claim.budgetSeconds,
                           draws: claim.draws, requested: claim.enumerated ? 1 : claim.instances)
        return m
    }
}
