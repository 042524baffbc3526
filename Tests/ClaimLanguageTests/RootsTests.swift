import Testing
import Verifier

/// Roots of univariate polynomials in the language: exact isolation, exact comparisons.
@Suite("Polynomial roots in claims")
struct RootsTests {
    @Test("roots of products of known factors; √2 against 7/5 and 3/2; k-th roots of powers")
    func roots() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "a": "rational(9, positive: true)", "b": "rational(9)" },
          "define": { "c": "[-a*b; a - b; 1]", "s2": "[-2; 0; 1]", "cubic": "[0; -2; 0; 1]" },
          "claims": {
            "linear_factors": "a != -b => roots(c) == seq(i in 1...2: if i == 1 then min(-a, b) else max(-a, b))",
            "sqrt2": "root_count(s2) == 2 and roots(s2)[2] > 7/5 and roots(s2)[2] < 3/2 and roots(s2)[1] < 0",
            "sqrt2_is_root": "roots(s2)[2] == sqrt(2) and roots(s2)[1] == -sqrt(2) or roots(s2)[1] == -sqrt(2)",
            "sqrt_exact_equality": "sqrt(8) == 2*sqrt(2) or sqrt(8) != sqrt(2)*2",
            "algebraic_equality": "sqrt(2) != sqrt(3) and kth_root(4, 4) == sqrt(2)",
            "cubic": "root_count(cubic) == 3 and roots(cubic)[2] == 0",
            "kth": "kth_root(a^4, 4) == a and kth_root(2, 2) > 1414/1000 and kth_root(2, 2) < 1415/1000",
            "poly": "poly(c, b) == 0 and poly(c, -a) == 0"
          },
          "expect": { "linear_factors": "holds", "sqrt2": "holds", "sqrt2_is_root": "holds", "sqrt_exact_equality": "holds", "algebraic_equality": "holds", "cubic": "holds", "kth": "holds", "poly": "holds" },
          "instances": 20 }
        """)
        #expect(r.loadError == nil, "\(r.loadError ?? "")")
        for (name, p) in r.parts {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
        #expect(r.parts.count == 8)
    }
}
