import Foundation

/// Writes reports a person can read without opening the claim's JSON (`--report DIR`), and the
/// exact instance files that replay them (`--report DIR` or `--save-counterexamples DIR`).
///
/// - For every FAILS, INCONCLUSIVE and ERROR part, `DIR/<claim>--<part>.md`: the statement as
///   printed and as encoded, the instance in exact form (matrices as LaTeX `bmatrix`, rationals as
///   `\frac{p}{q}`), the sub-expression that decided it with both sides' values (exact, or the
///   certified enclosure), the method and precision, the original instance when the shown one was
///   shrunk, and the commands that replay it.
/// - `DIR/index.md`: every claim and part with verdict and expectation, linking those pages.
/// - For every counterexample (and the first undecided instance of an INCONCLUSIVE part) whose
///   values all have an exact form, `DIR/<claim>--<part>.instance.json` (see `InstanceFile`).
///
/// The results are updated with the paths written (`Counterexample.replayFile`,
/// `PartResult.reportFile`), so reports rendered afterwards (JSON, JUnit, Markdown) point to them.
public enum CounterexampleReport {
    /// Writes instance files, and unless `instanceFilesOnly`, the Markdown pages and index.
    /// Returns the paths written.
    @discardableResult
    public static func write(_ results: inout [ClaimResult], to directory: String, instanceFilesOnly: Bool = false) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        var used: Set<String> = []
        func unique(_ base: String) -> String {
            var name = base, k = 2
            while used.contains(name) { name = base + "-\(k)"; k += 1 }
            used.insert(name)
            return name
        }
        for i in results.indices where results[i].loadError == nil {
            let file = results[i].file
            for j in results[i].parts.indices {
                var p = results[i].parts[j]
                guard p.verdict != .holds else { continue }
                let base = unique(InstanceFile.fileName(claimID: p.claimID, part: p.part, suffix: ""))
                // The instance to save: the counterexample, or the first undecided instance.
                if var c = p.counterexample ?? (p.verdict == .inconclusive ? p.undecidedInstance : nil),
                   let json = InstanceFile.render(claimID: p.claimID, claimFile: file, part: p.part, verdict: p.verdict, counterexample: c) {
                    let path = (directory as NSString).appendingPathComponent(base + ".instance.json")
                    try json.write(toFile: path, atomically: true, encoding: .utf8)
                    written.append(path)
                    c.replayFile = path
                    if p.counterexample != nil { p.counterexample = c } else { p.undecidedInstance = c }
                }
                if !instanceFilesOnly {
                    let path = (directory as NSString).appendingPathComponent(base + ".md")
                    p.reportFile = path
                    try page(p, claim: results[i]).write(toFile: path, atomically: true, encoding: .utf8)
                    written.append(path)
                }
                results[i].parts[j] = p
            }
        }
        if !instanceFilesOnly {
            let path = (directory as NSString).appendingPathComponent("index.md")
            try index(results, directory: directory).write(toFile: path, atomically: true, encoding: .utf8)
            written.append(path)
        }
        return written
    }

    // MARK: One part

    public static func page(_ p: PartResult, claim r: ClaimResult) -> String {
        var o: [String] = []
        o.append("# \(p.verdict.rawValue): \(p.label), part `\(p.part)`")
        o.append("")
        let expectation = p.meetsExpectation ? "as expected (\(p.expected.word))" : "**differs from the expectation** (\(p.expected.word))"
        o += ["| | |", "| --- | --- |",
              "| claim | `\(cell(p.claimID))`\(r.paper.map { " (paper `\(cell($0))`)" } ?? "") |",
              "| file | `\(cell(r.file))` |",
              "| verdict | **\(p.verdict.rawValue)**, \(expectation) |",
              "| method | \(methodText(p.method)) |",
              "| instances | tried \(p.tried): \(p.decidedTrue) true, \(p.decidedFalse) false, \(p.undecided) undecided, \(p.vacuous) vacuous (\(p.vacuousByHypotheses) by hypotheses, \(p.vacuousByPremise) by the premise) |",
              "| time | \(String(format: "%.3f", reportedSeconds(p.evaluationSeconds))) s evaluating, \(String(format: "%.3f", reportedSeconds(p.shrinkSeconds))) s shrinking; seed \(r.seed) |"]
        o += ["", "## Statement", "", quote(p.statement), "", "Encoded as:", "", "```", p.formula, "```"]
        switch p.expected {
        case let .fails(reason): o += ["", "Expected to fail: \(reason)"]
        case let .illTyped(reason): o += ["", "Expected to be ill-typed: \(reason)"]
        case .holds: break
        }
        if let w = p.vacuityWarning { o += ["", "> **Warning:** \(w)."] }
        if let reason = p.reason, p.verdict != .fails {
            o += ["", "## \(p.verdict == .error ? "Error" : "Why it is inconclusive")", "", "```", reason, "```"]
        }
        if let c = p.counterexample {
            o += ["", "## \(c.kind == .fails ? "Counterexample" : "Instance")", ""]
            o += instanceSection(c)
            if let f = c.failing {
                o += ["", "## Why it fails", ""]
                o += failingSection(f, bits: c.bits)
            } else if c.kind != .fails {
                o += ["", "```", c.detail, "```"]
            }
            if let s = c.shrink {
                o += ["", "## Original instance (before shrinking)", ""]
                o.append("Draw \(c.instanceIndex), branch \(s.originalBranch), \(s.originalChoices.count) random choices; shrunk to \(c.choices.count) choices (branch \(c.branch)).")
                o += ["", "| variable | size or value |", "| --- | --- |"]
                for v in s.original { o.append("| `\(cell(v.name))` | \(cell(TextReport.sizeText(v))) |") }
                o += ["", "<details><summary>Original values and failing comparison</summary>", ""]
                for v in s.original { o += variable(v) }
                o += ["", "```", s.originalDetail, "```", "", "</details>"]
            }
            o += replaySection(c, file: r.file)
        } else if let u = p.undecidedInstance {
            o += ["", "## First undecided instance", ""]
            o += instanceSection(u)
            o += ["", "```", u.detail, "```"]
            o += replaySection(u, file: r.file)
        }
        return o.joined(separator: "\n") + "\n"
    }

    static func methodText(_ m: Method) -> String {
        switch m {
        case .exact: "exact (every comparison in rational arithmetic, spectral predicates by exact inertia)"
        case let .certified(bits): "certified interval arithmetic, up to \(bits) bits"
        case .randomizedIdentity: m.description
        }
    }

    static func instanceSection(_ c: Counterexample) -> [String] {
        var o: [String] = []
        if let from = c.replayedFrom {
            o.append("Replayed from `\(from)`.")
        } else {
            var s = c.phase == .random
                ? "Draw \(c.instanceIndex) of the run with seed \(c.runSeed)" + (c.branch > 0 ? ", exhaustive branch \(c.branch)" : "") + "."
                : "Found by the \(c.phase.rawValue) phase of the search (candidate \(c.instanceIndex))" + (c.branch > 0 ? ", exhaustive branch \(c.branch)" : "") + "."
            if let sh = c.shrink {
                s += " Shrunk: \(sh.steps) simpler instance(s) accepted out of \(sh.evaluations) evaluated (stopped by \(sh.stoppedBy)); the shrunk instance was re-run, and replayed from its exact values, and fails again."
            } else if let note = c.shrinkNote {
                s += " Shrinking: \(note)."
            }
            o.append(s)
        }
        o.append("")
        for v in c.instance { o += variable(v) }
        return o
    }

    static func variable(_ v: InstanceVariable) -> [String] {
        let isBlock = v.latex.contains("bmatrix") || v.latex.count > 80
        if v.latex.isEmpty || v.latex.count > 6000 {
            return ["`\(v.name)` (\(v.type)) =", "", "```", v.text, "```", ""]
        }
        if isBlock { return ["`\(v.name)` (\(v.type)):", "", "$$", "\(latexName(v.name)) = \(v.latex)", "$$", ""] }
        return ["- $\(latexName(v.name)) = \(v.latex)$ (\(v.type))", ""]
    }

    static func failingSection(_ f: FailingSubexpression, bits: Int) -> [String] {
        var o: [String] = []
        o.append("The sub-expression `\(f.expression)`" + (f.location.map { " (at `\($0)`)" } ?? "") + " is false on this instance.")
        if !f.path.isEmpty {
            o += ["", "How the conclusion reduces to it:", ""]
            for (k, step) in f.path.enumerated() { o.append("\(k + 1). \(step)") }
        }
        if let l = f.left, let r = f.right {
            o += ["", "Both sides of `\(f.comparison ?? "")`, \(l.isExact && r.isExact ? "exactly" : "exact where possible, certified enclosures rounded outward otherwise (\(max(64, bits)) bits)"):", ""]
            for (name, s) in [("left", l), ("right", r)] {
                o.append("\(name): `\(s.expression)`")
                o.append("")
                if s.latex.count > 6000 || s.latex.isEmpty {
                    o += ["```", s.text, "```"]
                } else {
                    let rel = s.latex.hasPrefix("\\in") ? " " : " = "
                    o += ["$$", "\\text{\(name)}\(rel)\(s.latex)", "$$"]
                }
                o.append("")
            }
        }
        o += ["```", f.text, "```"]
        return o
    }

    static func replaySection(_ c: Counterexample, file: String) -> [String] {
        var o = ["", "## Replay", "", "```sh"]
        if let f = c.replayFile { o.append("verify \(file) --replay \(f)") }
        if c.replayedFrom == nil, c.phase == .random { o.append("verify \(file) --seed \(c.runSeed) --instance \(c.instanceIndex)") }
        o.append("```")
        if c.replayFile != nil {
            o += ["", "The first command re-evaluates the exact instance above (its values are stored, not a seed); the second redraws the instance from the seed\(c.shrink != nil ? " and shrinks it again" : "")."]
        } else if c.replayedFrom == nil {
            o += ["", "The command redraws the instance from the seed (no instance file: a value has no exact form, or no report folder was given)."]
        }
        return o
    }

    /// A variable name for LaTeX: single letters as they are, longer names upright.
    static func latexName(_ n: String) -> String {
        if n.count == 1 { return n }
        if let letters = greek[n] { return letters }
        return "\\mathrm{\(n.replacingOccurrences(of: "_", with: "\\_"))}"
    }

    static let greek = ["sigma": "\\sigma", "lambda": "\\lambda", "lam": "\\lambda", "tau": "\\tau", "kappa": "\\kappa", "delta": "\\delta",
                        "Delta": "\\Delta", "alpha": "\\alpha", "beta": "\\beta", "gamma": "\\gamma", "mu": "\\mu", "theta": "\\theta"]

    static func quote(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n") }

    static func cell(_ s: String) -> String { MarkdownSummary.cell(s) }

    // MARK: Index

    public static func index(_ results: [ClaimResult], directory: String) -> String {
        var o = ["# mfcheck report", "", TextReport.summary(results), "",
                 "| claim | part | verdict | expected | as expected | method | details |",
                 "| --- | --- | --- | --- | :---: | --- | --- |"]
        for r in results {
            if r.loadError != nil {
                o.append("| `\(cell(r.file))` | — | ERROR | — | ✗ | — | could not be loaded (below) |")
                continue
            }
            for p in r.parts {
                let details = p.reportFile.map { "[report](\(($0 as NSString).lastPathComponent))" } ?? ""
                o.append("| \(cell(p.label)) (`\(cell(p.claimID))`) | `\(cell(p.part))` | \(p.verdict.rawValue) | \(p.expected.word) | \(p.meetsExpectation ? "✓" : "✗") | \(p.method) | \(details) |")
            }
        }
        let unloadable = results.filter { $0.loadError != nil }
        if !unloadable.isEmpty {
            o += ["", "## Claim files that could not be loaded", ""]
            for r in unloadable { o += ["`\(r.file)`:", "", "```", r.loadError ?? "", "```", ""] }
        }
        let warned = results.flatMap(\.parts).filter { $0.vacuityWarning != nil }
        if !warned.isEmpty {
            o += ["", "## Warnings", ""]
            for p in warned { o.append("- `\(cell(p.claimID))` [`\(cell(p.part))`]: \(p.vacuityWarning!)") }
        }
        return o.joined(separator: "\n") + "\n"
    }
}
