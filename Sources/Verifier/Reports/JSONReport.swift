import Foundation
import ClaimLanguage

/// The machine-readable report (schema version 1, documented in docs/ci.md): one entry per claim
/// part with verdict, expectation, method, counts, timing and counterexample.
public enum JSONReport {
    public static let schemaVersion = 1

    public static func render(_ results: [ClaimResult]) -> String {
        var parts: [[String: Any]] = []
        var errors: [[String: Any]] = []
        for r in results {
            if let e = r.loadError { errors.append(["file": r.file, "error": e]); continue }
            for p in r.parts {
                var o: [String: Any] = [
                    "file": r.file, "claim": p.claimID, "label": p.label, "part": p.part,
                    "verdict": p.verdict.rawValue, "expected": p.expected.word, "as_expected": p.meetsExpectation,
                    "method": p.method.description,
                    "counts": ["tried": p.tried, "vacuous": p.vacuous, "true": p.decidedTrue, "false": p.decidedFalse, "undecided": p.undecided],
                    "seconds": (p.seconds * 1000).rounded() / 1000,
                ]
                if case let .certified(bits) = p.method { o["precision_bits"] = bits }
                if let reason = p.reason { o["reason"] = reason }
                switch p.expected {
                case let .fails(reason), let .illTyped(reason): o["expected_reason"] = reason
                case .holds: break
                }
                if let c = p.counterexample {
                    o["counterexample"] = [
                        "instance": c.instanceIndex, "seed": String(c.seed),
                        "variables": Dictionary(uniqueKeysWithValues: c.variables.map { ($0.name, $0.value) }),
                        "detail": c.detail,
                    ] as [String: Any]
                }
                parts.append(o)
            }
        }
        let root: [String: Any] = ["schema": "mfcheck-results", "version": schemaVersion, "results": parts, "load_errors": errors]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
