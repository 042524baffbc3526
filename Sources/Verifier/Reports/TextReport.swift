/// The report for people at a terminal: one line per claim part (verdict, method, counts), then
/// counterexamples (shrunk and original), errors and undecided instances in exact form, then
/// warnings about vacuous draws, then a summary.
public enum TextReport {
    public static func render(_ results: [ClaimResult], color: Bool = false, shard: Shard? = nil) -> String {
        var lines: [String] = []
        var details: [String] = []
        var warnings: [String] = []
        func paint(_ v: Verdict, _ s: String) -> String {
            guard color else { return s }
            let code = switch v { case .holds: "32"; case .fails: "31"; case .inconclusive: "33"; case .error: "35" }
            return "\u{1B}[\(code)m\(s)\u{1B}[0m"
        }
        for r in results {
            if let err = r.loadError {
                lines.append(paint(.error, "ERROR".padding(13)) + " \(r.file)  (claim file could not be loaded)  ✗ unexpected")
                details.append("── \(r.file)\n\(err)")
                continue
            }
            for p in r.parts {
                let mark = p.meetsExpectation ? "✓" : "✗ expected \(p.expected.word)"
                let counts = "tried \(p.tried), vacuous \(p.vacuous), true \(p.decidedTrue), false \(p.decidedFalse), undecided \(p.undecided)"
                lines.append(paint(p.verdict, p.verdict.rawValue.padding(13)) + " \(p.claimID) [\(p.part)]  \(p.method)\(p.enumerated && p.verdict == .holds ? ", whole domain enumerated" : "")  (\(counts))  \(mark)")
                if let m = p.measure { lines.append("              measure \(m.description)") }
                var d: [String] = []
                if let reason = p.reason, p.verdict != .holds { d.append("reason: \(reason)") }
                if let c = p.counterexample {
                    d += describe(c, file: r.file)
                } else if p.verdict == .inconclusive, let u = p.undecidedInstance {
                    d.append("first undecided instance:")
                    d += describe(u, file: r.file)
                }
                if case let .fails(reason) = p.expected { d.append("expected to fail: \(reason)") }
                if !d.isEmpty && (p.verdict != .holds) { details.append("── \(p.claimID) [\(p.part)] \(p.verdict.rawValue)\n" + d.joined(separator: "\n")) }
                if let w = p.vacuityWarning { warnings.append("  \(p.claimID) [\(p.part)]: \(w)") }
            }
        }
        var out = lines + [""] + details
        if !warnings.isEmpty { out += ["", "warnings:"] + warnings }
        out += ["", summary(results, shard: shard)]
        return out.joined(separator: "\n") + "\n"
    }

    /// The instance, the failing comparison, how it was shrunk, and how to replay it.
    static func describe(_ c: Counterexample, file: String) -> [String] {
        var d: [String] = []
        var head = c.replayedFrom.map { "replayed instance (from \($0))" }
            ?? (c.phase == .random ? "instance \(c.instanceIndex) (seed \(c.seed)\(c.branch > 0 ? ", branch \(c.branch)" : ""))"
                : "\(c.phase.rawValue) instance \(c.instanceIndex)\(c.branch > 0 ? ", branch \(c.branch)" : "")")
        if let s = c.shrink { head += ", shrunk in \(s.steps) step(s) (\(s.evaluations) candidates evaluated, stopped by \(s.stoppedBy))" }
        d.append(head + ":")
        for v in c.instance { d.append("  \(v.name) = " + v.text.replacingOccurrences(of: "\n", with: "\n      ")) }
        d.append(c.detail)
        if let s = c.shrink {
            d.append("original instance (before shrinking): " + s.original.map { "\($0.name): \(sizeText($0))" }.joined(separator: ", "))
        }
        if let note = c.shrinkNote { d.append("shrinking: \(note)") }
        if let f = c.replayFile { d.append("replay: verify \(file) --replay \(f)") }
        if c.replayedFrom == nil {
            switch c.phase {
            case .random: d.append("reproduce: verify \(file) --seed \(c.runSeed) --instance \(c.instanceIndex)")
            case .smallScope, .targeted: d.append("found by the \(c.phase.rawValue) phase of the search (choice sequence above); replay its instance file to re-check it")
            }
        }
        return d
    }

    /// A variable's size: its value when it is a number, else its type.
    static func sizeText(_ v: InstanceVariable) -> String {
        v.type == "integer" || v.type == "rational" || v.type == "boolean" ? v.text : v.type
    }

    /// "N claim file(s), M part(s): … ; all as expected" (or how many differ).
    public static func summary(_ results: [ClaimResult], shard: Shard? = nil) -> String {
        let parts = results.flatMap(\.parts)
        let unloadable = results.filter { $0.loadError != nil }.count
        let unmet = parts.filter { !$0.meetsExpectation }.count + unloadable
        var summary = "\(results.count) claim file(s), \(parts.count) part(s): "
        summary += Verdict.allCases.map { v in "\(parts.filter { $0.verdict == v }.count) \(v.rawValue.lowercased())" }.joined(separator: ", ")
        summary += unloadable > 0 ? ", \(unloadable) unloadable" : ""
        summary += unmet == 0 ? "; all as expected" : "; \(unmet) differ from expectation"
        if let s = shard { summary += "\n(shard \(s) only: these verdicts cover this shard's draws; merge the JSON outputs of all shards for the run's verdicts)" }
        return summary
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
