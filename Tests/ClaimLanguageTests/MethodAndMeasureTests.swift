import Foundation
import Testing
import Numbers
import Verifier
import ClaimLanguage

/// How a verdict says it was decided, and the measures reported next to it.
@Suite("Methods and measures")
struct MethodAndMeasureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("an identity of polynomials in random entries is reported as a randomized identity test with its Schwartz–Zippel bound")
    func randomizedIdentity() {
        // One matrix variable A (generic branch G = 3/4, generic entry point probability
        // π = 23/144): a wrong identity of degree 2 survives one instance with probability at most
        // (1 − G) + G·2·π = 1/4 + 23/96 = 47/96 (IdentityDegree.survivalBound), reported as
        // degree 2 with the effective point probability 47/192.
        let one = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...3)", "A": "matrix(n, n)", "B": "matrix(n, n)" },
          "claims": { "square": "(A + B)*(A + B) == A*A + A*B + B*A + B*B" },
          "expect": { "square": "holds" }, "instances": 10 }
        """)
        // Two matrices: G = 9/16, bound 7/16 + (9/16)·2·(23/144) = 79/128.
        #expect(one.parts["square"]?.method == .randomizedIdentity(degree: 2, pointProbability: Rational(79, 256)))
        let single = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...3)", "A": "matrix(n, n)" },
          "claims": { "cube": "(A + eye(n))*(A - eye(n)) == A*A - eye(n)" },
          "expect": { "cube": "holds" }, "instances": 10 }
        """)
        #expect(single.parts["cube"]?.method == .randomizedIdentity(degree: 2, pointProbability: Rational(47, 192)))
        #expect(single.parts["cube"]?.method.description.contains("probability ≤ 47/96") == true)
        let r = ClaimRunner().run(path: Self.root.appendingPathComponent("claims/formulas4_7.json").path)
        let parts = Dictionary(uniqueKeysWithValues: r.parts.map { ($0.part, $0) })
        // Five entrywise matrices (X, W, S, G, H): the bound (1 − (3/4)⁵) + (3/4)⁵·4·π is below 1
        // (but weak: each instance rules out little).
        if case .randomizedIdentity(4, _) = parts["4.gradient"]?.method {} else {
            Issue.record("4.gradient: \(parts["4.gradient"]?.method.description ?? "missing")")
        }
        var degrees = IdentityDegree(claim: try! ClaimLoader.load(path: Self.root.appendingPathComponent("claims/formulas4_7.json").path))
        #expect(degrees.identityDegree(of: try! ClaimLoader.load(path: Self.root.appendingPathComponent("claims/formulas4_7.json").path).conclusions.first { $0.name == "4.gradient" }!.expr) == 4)
        #expect(degrees.survivalBound(degree: 4) < 1)
        // An equivalence is not an identity of polynomials: exact, not randomized.
        #expect(parts["7.critical_iff"]?.method == .exact)
    }

    @Test("an identity whose Schwartz–Zippel bound is vacuous (degree × point probability ≥ 1) is reported as exact, not as a randomized proof")
    func vacuousBoundIsNotAProof() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...2)", "A": "matrix(n, n)" },
          "claims": { "low": "A*A == A*A", "high": "(A*A)*(A*A)*(A*A)*(A*A) == A^8" },
          "expect": { "low": "holds", "high": "holds" }, "instances": 12 }
        """)
        #expect(r.parts["low"]?.method == .randomizedIdentity(degree: 2, pointProbability: Rational(47, 192)))
        #expect(r.parts["high"]?.verdict == .holds)
        #expect(r.parts["high"]?.method == .exact, "\(r.parts["high"]?.method.description ?? "")")
    }

    @Test("an identity with no random entries stays exact; a spectral inequality stays exact")
    func exactStaysExact() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...3)", "Q": "orthogonal(n)", "A": "matrix(n, n)" },
          "claims": { "orth": "Q'*Q == eye(n)", "psd": "lambda_min(A'*A) >= 0" },
          "expect": { "orth": "holds", "psd": "holds" }, "instances": 10 }
        """)
        #expect(r.parts["orth"]?.method == .exact)
        #expect(r.parts["psd"]?.method == .exact)
    }

    @Test("measures: exact zero slack where a bound is attained, certified enclosures otherwise, never a verdict change")
    func measures() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...3)", "d": "spectrum(n, squares: true)", "A": "with_spectrum(d)" },
          "claims": { "attained": "lambda_min(A) >= d[n]", "loose": "lambda_min(A) >= 0" },
          "expect": { "attained": "holds", "loose": "holds" },
          "measure": { "attained": "lambda_min(A) - d[n]", "loose": "sqrt(2) * lambda_min(A)" },
          "instances": 10 }
        """)
        let attained = r.parts["attained"]?.measure
        #expect(r.parts["attained"]?.verdict == .holds && r.parts["loose"]?.verdict == .holds)
        #expect(attained?.leastLower == 0 && attained?.greatestUpper == 0 && attained?.instances == 10)
        let loose = r.parts["loose"]?.measure
        #expect(loose.map { $0.leastLower > 0 && $0.leastLower <= $0.leastUpper && $0.greatestLower <= $0.greatestUpper } == true)
    }
}
