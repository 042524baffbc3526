import Testing
import Verifier

/// Planted false variants of Theorem 3.4 must be reported FAILS with a counterexample; true
/// variants (including weakened ones) must never be.
@Suite("Planted variants of Theorem 3.4")
struct PlantedFalseVariantTests {
    @Test("false variants fail with an exact counterexample")
    func falseVariants() {
        let r = check(valaviClaim([
            "flipped": "q < min(k, r) and maximal => lambda_min(H) > -sigma[q+1]",
            "half_dropped": "q == min(k, r) and maximal and q < r => J(W, S) == sum(i in (k+1)...r: sigma[i]^2)",
            "stronger_sigma_q": "q < min(k, r) and maximal and q >= 1 and sigma[q] > sigma[q+1] => lambda_min(H) <= -sigma[q]",
            "not_critical": "not is_critical(J, W, S)",
        ]))
        #expect(r.loadError == nil)
        for name in ["flipped", "half_dropped", "stronger_sigma_q", "not_critical"] {
            let p = r.parts[name]
            #expect(p?.verdict == .fails, "\(name): \(p?.verdict.rawValue ?? "missing") \(p?.reason ?? "")")
            #expect(p?.counterexample != nil)
        }
    }

    @Test("true and weakened variants hold")
    func trueVariants() {
        let r = check(valaviClaim([
            "b.maximal": "q < min(k, r) and maximal => lambda_min(H) <= -sigma[q+1]",
            "attained": "q < min(k, r) and maximal => lambda_min(H) >= -sigma[q+1] or q > 0",
            "weakened_p_plus_1": "q < min(k, r) and not maximal => lambda_min(H) <= -sigma[p+1]",
            "critical": "is_critical(J, W, S)",
        ]), instances: 160)
        for (name, p) in r.parts {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }
}
