import Foundation

/// A Markdown summary for a CI step summary (`--format markdown`): a headline (all as expected,
/// or how many differ), the verdict counts, a table of the parts that differ from their
/// expectation with the reason or failing comparison, load errors, warnings about vacuous draws,
/// and every part in a collapsed table.
public enum MarkdownSummary {
    public static func render(_ results: [ClaimResult], shard: Shard? = nil) -> String {
        let parts = results.flatMap { r in r.parts.map { (r, $0) } }
        let unloadable = results.filter { $0.loadError != nil }
        let unmet = parts.filter { !$0.1.meetsExpectation }
        var out: [String] = []
        let total = parts.count
        if unmet.isEmpty && unloadable.isEmpty {
            out.append("## mfcheck: all \(total) verdicts as expected ✓")
        } else {
            out.append("## mfcheck: \(unmet.count + unloadable.count) of \(total + unloadable.count) differ from expectation ✗")
        }
        out.append("")
        let counts = Verdict.allCases.map { v in "\(parts.filter { $0.1.verdict == v }.count) \(v.rawValue)" }.joined(separator: " · ")
        let seconds = results.map { reportedSeconds($0.seconds) }.reduce(0, +)
        out.append("\(results.count) claim file(s), \(total) part(s): \(counts) · \(String(format: "%.1f", seconds)) s of claim time")
        if let s = shard {
            out.append("")
            out.append("> Shard \(s) only: these verdicts cover this shard's draws; merge the JSON outputs of all shards (`verify merge`) for the run's verdicts.")
        }
        if !unmet.isEmpty {
            out += ["", "### Differ from expectation", "", "| claim | part | verdict | expected | why |", "| --- | --- | --- | --- | --- |"]
            for (r, p) in unmet {
                out.append("| \(cell(p.label)) (`\(cell(p.claimID))`) | \(link(p)) | **\(p.verdict.rawValue)** | \(p.expected.word) | \(cell(why(p, file: r.file))) |")
            }
        }
        if !unloadable.isEmpty {
            out += ["", "### Claim files that could not be loaded", ""]
            for r in unloadable {
                out += ["- `\(r.file)`", "", "  ```", "  " + (r.loadError ?? "").replacingOccurrences(of: "\n", with: "\n  "), "  ```"]
            }
        }
        let warned = parts.filter { $0.1.vacuityWarning != nil }
        if !warned.isEmpty {
            out += ["", "### Warnings", ""]
            for (_, p) in warned { out.append("- `\(cell(p.claimID))` [`\(cell(p.part))`]: \(p.vacuityWarning!)") }
        }
        out += ["", "<details><summary>All parts (\(total))</summary>", "",
                "| claim | part | verdict | expected | method | tried | vacuous | undecided | seconds |",
                "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |"]
        for (_, p) in parts {
            let mark = p.meetsExpectation ? "" : " ✗"
            out.append("| `\(cell(p.claimID))` | \(link(p)) | \(p.verdict.rawValue)\(mark) | \(p.expected.word) | \(p.method) | \(p.tried) | \(p.vacuous) | \(p.undecided) | \(String(format: "%.2f", reportedSeconds(p.evaluationSeconds))) |")
        }
        out += ["", "</details>", ""]
        return out.joined(separator: "\n")
    }

    static func link(_ p: PartResult) -> String {
        if let f = p.reportFile { return "[`\(cell(p.part))`](\(f))" }
        return "`\(cell(p.part))`"
    }

    /// The reason, or for a counterexample the failing comparison with both sides.
    static func why(_ p: PartResult, file: String) -> String {
        if let c = p.counterexample, c.kind == .fails, let f = c.failing {
            var s = "`\(f.expression)` is false"
            if let l = f.left, let r = f.right, l.text.count + r.text.count < 200, !l.text.contains("\n"), !r.text.contains("\n") {
                s += " (left \(l.text), right \(r.text))"
            }
            s += " at " + c.instance.map { "\($0.name) = \($0.text.contains("\n") ? $0.type : $0.text)" }.joined(separator: ", ")
            if let rf = c.replayFile { s += "; replay: `verify \(file) --replay \(rf)`" }
            return s
        }
        if p.verdict == .holds { return "holds on all \(p.decidedTrue) decided instance(s)" }
        return TextReport.firstLineOf(p.reason ?? "")
    }

    /// A table cell: pipes escaped, line breaks as spaces.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension TextReport {
    static func firstLineOf(_ s: String) -> String { String(s.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }
}
