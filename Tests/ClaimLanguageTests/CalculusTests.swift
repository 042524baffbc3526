import Testing
import Verifier

/// The tool's own derivatives against the closed forms of Valavi et al. (4)–(6), exactly on random
/// rational points.
@Suite("Exact derivatives")
struct CalculusTests {
    let setup = """
    "given": { "m": "int(1...4)", "n": "int(1...4)", "k": "int(1...3)",
               "X": "matrix(m, n)", "W": "matrix(m, k)", "S": "matrix(k, n)", "G": "matrix(m, k)", "H": "matrix(k, n)" },
    "define": { "J(W, S)": "1/2 * fro2(X - W*S)", "E": "W*S - X" },
    """

    func run(_ claims: [String: String]) -> [String: PartResult] {
        let c = claims.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        let e = claims.keys.map { "\"\($0)\": \"holds\"" }.joined(separator: ", ")
        return check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t", \(setup)
          "claims": { \(c) }, "expect": { \(e) }, "instances": 20 }
        """).parts
    }

    @Test("gradient (4), Hessian map (5), second derivative (6) and symmetry of the Hessian")
    func valaviFormulas() {
        let parts = run([
            "grad": "grad(J, W, S) == (E*S', W'*E)",
            "hessmap": "hessmap(J, (W, S), (G, H)) == (G*S*S' + W*H*S' + E*H', W'*W*H + W'*G*S + G'*E)",
            "d2": "d2(J, (W, S), (G, H)) == fro2(G*S) + fro2(W*H) + 2*trace(H'*W'*G*S + H'*G'*E)",
            "hessian_symmetric": "is_symmetric(hessian(J, W, S))",
            "hessian_vs_d2": "d2(J, (W, S), (G, H)) == (vec(G)' * hessian(J, W, S)[1...m*k, 1...m*k] * vec(G)) + 2 * (vec(G)' * hessian(J, W, S)[1...m*k, (m*k+1)...(m*k+k*n)] * vec(H)) + (vec(H)' * hessian(J, W, S)[(m*k+1)...(m*k+k*n), (m*k+1)...(m*k+k*n)] * vec(H))",
            "D": "D(J, (W, S), (G, H)) == inner(E*S', G) + inner(W'*E, H)",
        ])
        for (name, p) in parts {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }

    @Test("the printed E = WS − S is caught by the tool when it is not X")
    func printedE() {
        let parts = run(["printed": "grad(J, W, S) == ((W*S - S)*S', W'*(W*S - S))"])
        // Ill-typed unless m = k; where it type-checks, it is false.
        #expect(parts["printed"]?.verdict != .holds)
    }

    @Test("derivatives through an inverse: d/dA of trace(inv(A)) = −A⁻ᵀA⁻ᵀ")
    func inverse() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "n": "int(1...4)", "A": "gl(n)", "B": "matrix(n, n)" },
          "define": { "f(A)": "trace(inv(A) * B)" },
          "claims": { "g": "grad(f, A) == -(inv(A)' * B' * inv(A)')" },
          "expect": { "g": "holds" }, "instances": 15 }
        """)
        #expect(r.parts["g"]?.verdict == .holds, "\(r.parts["g"]?.reason ?? "") \(r.parts["g"]?.counterexample?.detail ?? "")")
    }
}

/// Exact Taylor coefficients of t ↦ f(point + t·direction), against the derivatives and closed
/// forms: J is a quartic in t with leading coefficient ½‖GH‖², and the inverse has the series
/// Σ (−1)^k (A⁻¹K)^k A⁻¹.
@Suite("Taylor coefficients")
struct TaylorTests {
    @Test("coefficients agree with J, DJ, ½D²J, the quartic term, and the series of the inverse")
    func coefficients() {
        let r = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(1...3)", "n": "int(1...3)", "k": "int(1...3)", "X": "matrix(m, n)", "W": "matrix(m, k)",
                     "S": "matrix(k, n)", "G": "matrix(m, k)", "H": "matrix(k, n)", "A": "gl(k)", "K": "matrix(k, k)" },
          "define": { "J(W, S)": "1/2 * fro2(X - W*S)", "f(A)": "inv(A)" },
          "claims": {
            "c0": "taylor(J, (W, S), (G, H), 0) == J(W, S)",
            "c1": "taylor(J, (W, S), (G, H), 1) == D(J, (W, S), (G, H))",
            "c2": "taylor(J, (W, S), (G, H), 2) == 1/2 * d2(J, (W, S), (G, H))",
            "c4": "taylor(J, (W, S), (G, H), 4) == 1/2 * fro2(G*H)",
            "c5": "taylor(J, (W, S), (G, H), 5) == 0",
            "inv1": "taylor(f, A, K, 1) == -inv(A)*K*inv(A)",
            "inv2": "taylor(f, A, K, 2) == inv(A)*K*inv(A)*K*inv(A)"
          },
          "expect": { "c0": "holds", "c1": "holds", "c2": "holds", "c4": "holds", "c5": "holds", "inv1": "holds", "inv2": "holds" },
          "instances": 15 }
        """)
        #expect(r.loadError == nil)
        #expect(r.parts.count == 7)
        for (name, p) in r.parts {
            #expect(p.verdict == .holds, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")")
        }
    }
}
