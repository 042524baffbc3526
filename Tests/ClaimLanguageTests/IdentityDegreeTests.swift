import Testing
import Numbers
@testable import ClaimLanguage

/// The degree bounds behind the Schwartz–Zippel error of randomized identity tests.
@Suite("Identity degrees")
struct IdentityDegreeTests {
    func claim(_ conclusions: [String: String]) throws -> Claim {
        let c = conclusions.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        let x = conclusions.keys.map { "\"\($0)\": \"holds\"" }.joined(separator: ", ")
        return try ClaimLoader.load(text: """
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { "m": "int(1...3)", "X": "matrix(m, m)", "W": "matrix(m, m)", "S": "matrix(m, m)", "Q": "orthogonal(m)", "k": "int_matrix(m, m)" },
          "define": { "J(W, S)": "1/2 * fro2(X - W*S)", "E": "W*S - X" },
          "claims": { \(c) }, "expect": { \(x) } }
        """, file: "t.json")
    }

    @Test("degrees of products, Frobenius norms, derivatives; constants and non-polynomial parts")
    func degrees() throws {
        let c = try claim([
            "grad": "grad(J, W, S) == (E*S', W'*E)",
            "d2": "d2(J, (W, S), (X, X)) == 0",
            "orth": "Q*W == W*Q",
            "nonpoly": "inv(W) == W",
            "constant": "Q'*Q == eye(m)",
            "guarded": "m > 1 => X*W*S == S*W*X",
        ])
        var d = IdentityDegree(claim: c)
        let byName = Dictionary(uniqueKeysWithValues: c.conclusions.map { ($0.name, $0.expr) })
        #expect(d.identityDegree(of: byName["grad"]!) == 4)   // J is degree 4 in (X, W, S); bound kept
        #expect(d.identityDegree(of: byName["d2"]!) == 6)
        #expect(d.identityDegree(of: byName["orth"]!) == 1)   // Q is a constant of the test
        #expect(d.identityDegree(of: byName["nonpoly"]!) == nil)
        #expect(d.identityDegree(of: byName["constant"]!) == nil)   // no random entries: exact, not randomized
        #expect(d.identityDegree(of: byName["guarded"]!) == 3)
        // int_matrix: an entry of −9…9 by `integer(in:)`: 1/8 + 5/8 · 1/19 = 3/19 (the value 0,
        // and each endpoint); matrix: the largest point probability of `entry(height: 9)`.
        #expect(d.randomVariables["k"] == Rational(3, 19))
        #expect(d.randomVariables["X"] == Rational(23, 144))
        // Four entrywise matrices, each generic with probability 3/4: the effective point
        // probability adds 1 − (3/4)⁴ (the edge cases, about which nothing is assumed).
        #expect(d.genericProbability == Rational(81, 256))
        #expect(d.pointProbability == Rational(23, 144) + 1 - Rational(81, 256))
        #expect(d.survivalBound(degree: 2) == 1 - Rational(81, 256) + Rational(81, 256) * 2 * Rational(23, 144))
        #expect(Rational(2) * d.effectivePointProbability(degree: 2) == d.survivalBound(degree: 2))
        // The sharper bound never exceeds the conservative one.
        for k in 1...6 { #expect(d.survivalBound(degree: k) <= min(Rational(1), Rational(k) * d.pointProbability)) }
    }
}
