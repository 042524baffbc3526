import Testing
import Verifier

/// Laws of the exact built-ins that claims rely on, each one able to fail if the built-in is wrong.
@Suite("Built-in laws")
struct BuiltinLawTests {
    @Test("nullspace: A·N = 0, N has n − rank(A) independent columns; charpoly: Cayley–Hamilton and trace; det·inv = adj law")
    func laws() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(1...4)", "n": "int(1...5)", "rk": "int(0...min(m, n))", "A": "rank_matrix(m, n, rk)",
                     "d": "int(1...5)", "B": "matrix(d, d)", "C": "gl(d)" },
          "define": { "N": "nullspace(A)", "p": "charpoly(B)" },
          "claims": {
            "annihilates": "A*N == zeros(m, cols(N))",
            "dimension": "cols(N) == n - rank(A) and rank(N) == cols(N)",
            "complement": "rank([A; N']) == n",
            "cayley_hamilton": "sum(i in 1...d+1: p[i] * B^(i-1)) == zeros(d, d)",
            "monic_and_trace": "p[d+1] == 1 and p[d] == -trace(B) and p[1] == (-1)^d * det(B)",
            "similarity_invariant": "charpoly(inv(C)*B*C) == p"
          },
          "expect": { "annihilates": "holds", "dimension": "holds", "complement": "holds", "cayley_hamilton": "holds",
                      "monic_and_trace": "holds", "similarity_invariant": "holds" },
          "instances": 25 }
        """)
        #expect(r.loadError == nil, "\(r.loadError ?? "")")
        #expect(r.parts.count == 6)
        for (name, p) in r.parts {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }

    @Test("svals, sigma_max, nuclear: exact on rational spectra, σ_max ≤ c ⇔ c²I − XᵀX ⪰ 0, and a false bound is refuted exactly")
    func singularValues() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(1...3)", "n": "int(1...3)", "X": "matrix(m, n)", "c": "rational(5, positive: true)",
                     "r": "int(0...min(m, n))", "sig": "spectrum(r, ties: true)", "(Y, P, Q)": "with_svd(m, n, sig)",
                     "B": "matrix(m, 2)" },
          "define": { "f(Z)": "fro2(solve(eye(m) + Z*Z', B))", "g(Z)": "fro2(inv(eye(m) + Z*Z')*B)" },
          "claims": {
            "count": "len(svals(X)) == min(m, n)",
            "prescribed": "all(i in 1...r: svals(Y)[i] == sig[i]) and all(i in r+1...min(m, n): svals(Y)[i] == 0)",
            "nuclear_prescribed": "nuclear(Y) == sum(i in 1...r: sig[i])",
            "sigma_max_test": "sigma_max(X) <= c <=> psd(c^2*eye(n) - X'*X)",
            "nuclear_at_least_sigma_max": "nuclear(X) >= sigma_max(X)",
            "solve_differentiates": "grad(f, X) == grad(g, X) and taylor(f, X, X, 2) == taylor(g, X, X, 2)",
            "planted_false": "nuclear(X) <= sigma_max(X)"
          },
          "expect": { "count": "holds", "prescribed": "holds", "nuclear_prescribed": "holds", "sigma_max_test": "holds",
                      "nuclear_at_least_sigma_max": "holds", "solve_differentiates": "holds",
                      "planted_false": { "verdict": "fails", "reason": "false whenever rank ≥ 2" } },
          "instances": 30, "seed": 11 }
        """)
        #expect(r.loadError == nil, "\(r.loadError ?? "")")
        #expect(r.parts.count == 7)
        for (name, p) in r.parts where name != "planted_false" {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
        #expect(r.parts["planted_false"]?.verdict == .fails)
    }

    @Test("a length-1 vector that evaluates to a number can still be indexed: l[1], S[1, 1], and l[2] is out of range")
    func indexingOneByOne() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(1...1)", "A": "matrix(m, m)", "x": "matrix(m, 1)" },
          "define": { "l": "column(i in 1...m: inner(A, A)) + 0*x", "S": "A'*A + zeros(m, m)" },
          "claims": { "ok": "l[1] == fro2(A) and S[1, 1] == fro2(A) and sqrt(S*S)[1] >= 0",
                      "out_of_range": "l[2] == 0" },
          "expect": { "ok": "holds", "out_of_range": "holds" },
          "instances": 5 }
        """)
        #expect(r.parts["ok"]?.verdict == .holds, "\(r.parts["ok"]?.reason ?? "")")
        #expect(r.parts["out_of_range"]?.verdict == .error)
        #expect(r.parts["out_of_range"]?.reason?.contains("out of range") == true, "\(r.parts["out_of_range"]?.reason ?? "")")
    }
}
