import Testing
import ClaimLanguage
import Verifier

/// Runs a claim given as JSON text and returns its parts by name.
func check(_ json: String, instances: Int? = nil) -> (parts: [String: PartResult], loadError: String?) {
    let result: ClaimResult
    do {
        let claim = try ClaimLoader.load(text: json, file: "test.json")
        result = ClaimRunner(instances: instances).run(claim)
    } catch {
        return ([:], error.description)
    }
    return (Dictionary(uniqueKeysWithValues: result.parts.map { ($0.part, $0) }), result.loadError)
}

/// A claim with the usual Valavi set-up and the given conclusions (all expected to hold).
func valaviClaim(_ conclusions: [String: String], extraDefine: String = "") -> String {
    let claims = conclusions.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ",\n")
    let expect = conclusions.keys.map { "\"\($0)\": \"holds\"" }.joined(separator: ", ")
    return """
    { "id": "t", "paper": "t", "label": "t", "statement": "t",
      "given": { "m": "int(1...4)", "n": "int(m...5)", "k": "int(1...3)", "r": "int(1...m)",
                 "sigma": "spectrum(r, ties: true, squares: true)", "(X, U, V)": "with_svd(m, n, sigma)",
                 "q": "int(0...min(k, r))", "I": "all_subsets(1...r, q)" },
      "define": { "J(W, S)": "1/2 * fro2(X - W*S)", "lam": "sigma[I]",
                  "W": "[U[:, I] * diag(sqrt(lam)), zeros(m, k - q)]",
                  "S": "[diag(sqrt(lam)) * V[:, I]'; zeros(k - q, n)]",
                  "maximal": "all(i in 1...q: lam[i] == sigma[i])",
                  "p": "first(i in 1...q: lam[i] < sigma[i])", "H": "hessian(J, W, S)" \(extraDefine) },
      "claims": { \(claims) },
      "expect": { \(expect) },
      "instances": 60, "seed": 7 }
    """
}

/// Expects a claim that loaded, with `count` parts, each meeting its recorded expectation (the
/// failure message names the part, its verdict, reason and counterexample).
func expectAsRecorded(_ r: (parts: [String: PartResult], loadError: String?), parts count: Int,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(r.loadError == nil, "\(r.loadError ?? "")", sourceLocation: sourceLocation)
    #expect(r.parts.count == count, sourceLocation: sourceLocation)
    for (name, p) in r.parts {
        #expect(p.meetsExpectation, "\(name): \(p.verdict.rawValue) \(p.reason ?? "") \(p.counterexample?.detail ?? "")",
                sourceLocation: sourceLocation)
    }
}
