/// The report for people at a terminal: one line per claim part (verdict, method, counts), then
/// counterexamples and errors in exact form.
public enum TextReport {
    public static func render(_ results: [ClaimResult], color: Bool = false) -> String {
        var lines: [String] = []
        var details: [String] = []
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
                lines.append(paint(p.verdict, p.verdict.rawValue.padding(13)) + " \(p.claimID) [\(p.part)]  \(p.method)  (\(counts))  \(mark)")
                var d: [String] = []
                if let reason = p.reason, p.verdict != .holds { d.append("reason: \(reason)") }
                if let c = p.counterexample {
                    d.append("instance \(c.instanceIndex) (seed \(c.seed)):")
                    for (n, v) in c.variables { d.append("  \(n) = " + v.replacingOccurrences(of: "\n", with: "\n      ")) }
                    d.append(c.detail)
                }
                if case let .fails(reason) = p.expected { d.append("expected to fail: \(reason)") }
                if !d.isEmpty && (p.verdict != .holds) { details.append("── \(p.claimID) [\(p.part)] \(p.verdict.rawValue)\n" + d.joined(separator: "\n")) }
            }
        }
        let parts = results.flatMap(\.parts)
        let unmet = parts.filter { !$0.meetsExpectation }.count + results.filter { $0.loadError != nil }.count
        var summary = "\(results.count) claim file(s), \(parts.count) part(s): "
        summary += [Verdict.holds, .fails, .inconclusive, .error].map { v in "\(parts.filter { $0.verdict == v }.count) \(v.rawValue.lowercased())" }.joined(separator: ", ")
        summary += results.contains { $0.loadError != nil } ? ", \(results.filter { $0.loadError != nil }.count) unloadable" : ""
        summary += unmet == 0 ? "; all as expected" : "; \(unmet) differ from expectation"
        return (lines + [""] + details + ["", summary]).joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
