import Testing
import Verifier

/// Symbolic dimensions: ill-typed formulas are dimension errors with both shapes, even on
/// instances where the numbers agree.
@Suite("Static shape checking")
struct ShapeCheckerTests {
    func claim(_ conclusion: String) -> String {
        """
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(2...2)", "k": "int(2...2)", "n": "int(1...3)",
                     "W": "matrix(m, k)", "S": "matrix(k, n)", "C": "symmetric(k)" },
          "claims": { "c": "\(conclusion)" }, "expect": { "c": "holds" }, "instances": 12 }
        """
    }

    @Test("W*W' − S*S' against a k×k C is a dimension error naming m×m and k×k, although m = k here")
    func mC() {
        let p = check(claim("W*W' - S*S' == C")).parts["c"]
        #expect(p?.verdict == .error)
        #expect(p?.reason?.contains("m×m matrix and k×k matrix") == true, "\(p?.reason ?? "")")
        #expect(p?.tried == 0)
    }

    @Test("well-typed block and product shapes pass", arguments: [
        "[W, zeros(m, 1)] * [S; zeros(1, n)] == W*S",
        "trace(W'*W - S*S') == fro2(W) - fro2(S)",
        "hessian(f, W)[1...m*k, 1] == hessian(f, W)[:, 1]",
        // An opaque length (filter) is not known to differ from n: left to the runtime check.
        "eye(n)[:, filter(i in 1...n: i > 0)] * eye(n) == eye(n)",
    ])
    func wellTyped(_ c: String) {
        let json = claim(c).replacingOccurrences(of: "\"claims\"", with: "\"define\": { \"f(W)\": \"fro2(W)\" }, \"claims\"")
        let p = check(json).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }

    @Test("mismatched products and block rows are caught statically", arguments: [
        ("W*W", "cannot multiply"),
        ("[W, S] == W", "different row counts"),
        ("[W; S] == W", "different column counts"),
        ("[W; S'] == W", "cannot compare"),
        ("inner(W, S) == 0", "different shapes"),
    ])
    func illTyped(_ c: (String, String)) {
        let p = check(claim(c.0)).parts["c"]
        #expect(p?.verdict == .error)
        #expect(p?.reason?.contains(c.1) == true, "\(c.0): \(p?.reason ?? "")")
    }

    @Test("a conditional whose branches have different dimensions is not typed as its first branch (layer sizes n0, …, nL)")
    func conditionalBranchesJoin() {
        // The sizes list starts at n0 and ends at nL; typing every ns[l] as n0 (the then-branch)
        // made Z = matrix(ns[L+1], ns[1]) look n0×n0 and reported a false mismatch with Y (nL×n0).
        let p = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "L": "int(1...3)", "n0": "int(1...3)", "nL": "int(1...3)",
                     "ns": "seq(l in 1...L+1: if l == 1 then n0 else if l == L+1 then nL else int(1...3))",
                     "W": "seq(l in 1...L: matrix(ns[l+1], ns[l]))", "Y": "matrix(nL, n0)",
                     "Z": "matrix(ns[L+1], ns[1])" },
          "define": { "P": "prod(l in reverse(1...L): W[l])" },
          "claims": { "c": "rows(P) == nL and cols(P) == n0 and fro2(P - Y) >= 0 and Z - Y == Z - Y and (if L == 1 then W[1] else W[1]) == W[1]" },
          "expect": { "c": "holds" }, "instances": 10 }
        """).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }

    @Test("a conditional whose branches are known to differ still errors where the mismatch is certain")
    func conditionalStillChecked() {
        let p = check(claim("(if n == 1 then W else W) * W == W")).parts["c"]
        #expect(p?.verdict == .error)
        #expect(p?.reason?.contains("cannot multiply") == true, "\(p?.reason ?? "")")
    }

    @Test("a number times a matrix of statically unknown shape is not a scalar (c·N with N from choose, a parameter times a matrix)")
    func scalarTimesUnknown() {
        let p = check("""
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "d": "int(2...3)", "c": "rational(5)", "A": "matrix(d, d)", "N": "choose(A, 2*A)" },
          "define": { "C": "c * N", "f(t)": "t * N - C" },
          "claims": { "c": "[C, C] - [eye(d)*C, C] == zeros(d, 2*d) and f(c) + eye(d) == eye(d) and 2 * (c * N) == C + C" },
          "expect": { "c": "holds" }, "instances": 10 }
        """).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }
}
