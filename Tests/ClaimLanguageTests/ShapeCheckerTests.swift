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
          "claims": { "c": "\(conclusion)" }, "expect": { "c": "holds" }, "instances": 3 }
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
}
