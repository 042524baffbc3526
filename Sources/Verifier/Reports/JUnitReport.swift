import Foundation

/// JUnit XML for CI test views (`--format junit`): one `<testsuite>` per claim file, one
/// `<testcase>` per claim part (`classname` the claim id, `name` the part).
///
/// What fails the suite is a verdict that differs from the claim's expectation, as for the exit
/// status:
/// - verdict as expected → a passing testcase (for an erratum expected to fail, the
///   counterexample is in `<system-out>`);
/// - FAILS or HOLDS against the expectation → `<failure>`;
/// - INCONCLUSIVE → `<skipped>` with the reason (also a `reason:PART` property of the suite);
/// - ERROR against the expectation, and an unloadable claim file → `<error>`.
///
/// The elements and attributes are those of the common JUnit schema: `testsuites` (name, tests,
/// failures, errors, time), `testsuite` (name, tests, failures, errors, skipped, time, id,
/// package; `properties` first), `testcase` (name, classname, time) with `skipped`, `error`,
/// `failure`, `system-out` in that order.
public enum JUnitReport {
    public static func render(_ results: [ClaimResult]) -> String {
        var suites: [String] = []
        var total = (tests: 0, failures: 0, errors: 0, skipped: 0, time: 0.0)
        for (k, r) in results.enumerated() {
            let suiteName = r.claimID ?? r.file
            var cases: [String] = []
            var properties: [(String, String)] = [("file", r.file)]
            if let l = r.label { properties.append(("label", l)) }
            var counts = (failures: 0, errors: 0, skipped: 0)
            if let err = r.loadError {
                counts.errors += 1
                cases.append("    <testcase name=\"load\" classname=\(attr(suiteName)) time=\"0\">\n"
                             + "      <error message=\"claim file could not be loaded\" type=\"load\">\(text(err))</error>\n"
                             + "    </testcase>")
            } else {
                properties.append(("seed", String(r.seed)))
                for p in r.parts {
                    var body: [String] = []
                    let detail = details(p, file: r.file)
                    if p.verdict == .inconclusive {
                        counts.skipped += 1
                        let reason = p.reason ?? "inconclusive"
                        properties.append(("reason:\(p.part)", reason))
                        body.append("      <skipped>\(text("INCONCLUSIVE (expected \(p.expected.word)): " + reason))</skipped>")
                    } else if !p.meetsExpectation {
                        let message = "\(p.verdict.rawValue), expected \(p.expected.word)" + (p.reason.map { ": " + firstLine($0) } ?? "")
                        if p.verdict == .error {
                            counts.errors += 1
                            body.append("      <error message=\(attr(message)) type=\"\(p.verdict.rawValue)\">\(text(detail))</error>")
                        } else {
                            counts.failures += 1
                            body.append("      <failure message=\(attr(message)) type=\"\(p.verdict.rawValue)\">\(text(detail))</failure>")
                        }
                    }
                    if p.meetsExpectation || p.verdict == .inconclusive {
                        body.append("      <system-out>\(text(detail))</system-out>")
                    }
                    let open = "    <testcase name=\(attr(p.part)) classname=\(attr(suiteName)) time=\"\(seconds(p.seconds))\""
                    cases.append(body.isEmpty ? open + "/>" : open + ">\n" + body.joined(separator: "\n") + "\n    </testcase>")
                }
            }
            let tests = r.loadError == nil ? r.parts.count : 1
            total.tests += tests
            total.failures += counts.failures
            total.errors += counts.errors
            total.skipped += counts.skipped
            total.time += reportedSeconds(r.seconds)
            let props = "    <properties>\n" + properties.map { "      <property name=\(attr($0.0)) value=\(attr($0.1))/>" }.joined(separator: "\n") + "\n    </properties>"
            suites.append("  <testsuite name=\(attr(suiteName)) tests=\"\(tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(seconds(r.seconds))\" id=\"\(k)\" package=\(attr(r.file))>\n"
                          + props + (cases.isEmpty ? "" : "\n" + cases.joined(separator: "\n")) + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"mfcheck\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\" time=\"\(seconds(total.time))\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n") + "</testsuites>\n"
    }

    /// Verdict, counts, reason and counterexample as plain text.
    static func details(_ p: PartResult, file: String) -> String {
        var d = ["\(p.verdict.rawValue) (expected \(p.expected.word)); \(p.method)",
                 "tried \(p.tried), vacuous \(p.vacuous), true \(p.decidedTrue), false \(p.decidedFalse), undecided \(p.undecided)"]
        if let r = p.reason, p.verdict != .holds { d.append("reason: \(r)") }
        if let c = p.counterexample { d += TextReport.describe(c, file: file) }
        else if p.verdict == .inconclusive, let u = p.undecidedInstance { d.append("first undecided instance:"); d += TextReport.describe(u, file: file) }
        switch p.expected {
        case let .fails(reason), let .illTyped(reason): d.append("expected \(p.expected.word): \(reason)")
        case .holds: break
        }
        if let w = p.vacuityWarning { d.append("warning: \(w)") }
        if let f = p.reportFile { d.append("report: \(f)") }
        return d.joined(separator: "\n")
    }

    static func firstLine(_ s: String) -> String { String(s.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", reportedSeconds(s)) }

    /// XML text content: `&`, `<`, `>` escaped; characters XML 1.0 forbids dropped.
    static func text(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if u.value < 0x20 && u != "\n" && u != "\t" && u != "\r" { continue }
                if u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A quoted XML attribute value (quotes and line breaks escaped as well).
    static func attr(_ s: String) -> String {
        "\"" + text(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "\n", with: "&#10;")
            .replacingOccurrences(of: "\r", with: "&#13;").replacingOccurrences(of: "\t", with: "&#9;") + "\""
    }
}
