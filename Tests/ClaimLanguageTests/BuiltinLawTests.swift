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
}
