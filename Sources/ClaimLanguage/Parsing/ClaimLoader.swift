import Foundation

/// Reads a claim file: JSON → `Claim`, every expression parsed. Errors name the file, the JSON
/// path, the line and column, and for expressions the column inside the expression.
public enum ClaimLoader {
    static let knownKeys: Set<String> = ["id", "paper", "label", "statement", "note", "given", "assume", "define",
                                         "claims", "expect", "statements", "instances", "seed", "budget", "min_decided",
                                         "max_dimension", "comment", "measure"]

    public static func load(path: String) throws(ClaimError) -> Claim {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ClaimError(.load, "cannot read the file", at: SourceLocation(file: path, jsonPath: "$", line: 0, column: 0))
        }
        return try load(text: text, file: path)
    }

    public static func load(text: String, file: String) throws(ClaimError) -> Claim {
        let json = try JSONReader.read(text, file: file)
        guard case let .object(members, rootLoc) = json else {
            throw ClaimError(.load, "a claim file holds one JSON object, not \(json.kindName)", at: json.location)
        }
        for m in members where !knownKeys.contains(m.key) {
            throw ClaimError(.load, "unknown key \"\(m.key)\" (known: \(knownKeys.sorted().joined(separator: ", ")))", at: m.value.location)
        }
        func string(_ key: String, required: Bool = true) throws(ClaimError) -> String? {
            guard let v = json[key] else {
                if required { throw ClaimError(.load, "missing \"\(key)\"", at: rootLoc) }
                return nil
            }
            guard let s = v.stringValue else { throw ClaimError(.load, "\"\(key)\" must be a string, not \(v.kindName)", at: v.location) }
            return s
        }
        func expression(_ v: JSONValue) throws(ClaimError) -> Expr {
            guard case let .string(s, loc) = v else { throw ClaimError(.load, "expected an expression string, not \(v.kindName)", at: v.location) }
            return try Parser.parse(ExpressionSource(text: s, location: loc))
        }
        func object(_ key: String) throws(ClaimError) -> [(key: String, value: JSONValue)] {
            guard let v = json[key] else { return [] }
            guard case let .object(ms, _) = v else { throw ClaimError(.load, "\"\(key)\" must be an object", at: v.location) }
            return ms
        }
        func integer(_ key: String, default d: Int) throws(ClaimError) -> Int {
            guard let v = json[key] else { return d }
            guard case let .number(s, loc) = v, let i = Int(s), i >= 0 else {
                throw ClaimError(.load, "\"\(key)\" must be a nonnegative integer", at: v.location)
            }
            _ = loc
            return i
        }

        let id = try string("id")!
        let paper = try string("paper")!
        if let known = paperKeys(near: file), !known.contains(paper) {
            throw ClaimError(.load, "paper \"\(paper)\" is not a key of papers.json (known: \(known.sorted().joined(separator: ", ")))",
                             at: json["paper"]?.location ?? rootLoc)
        }
        let label = try string("label")!
        let statement = try string("statement")!
        let note = try string("note", required: false)

        var given: [Claim.Given] = []
        var bound: Set<String> = []
        for (key, v) in try object("given") {
            var names = [key]
            if key.hasPrefix("(") && key.hasSuffix(")") {
                names = key.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            for n in names where !isIdentifier(n) {
                throw ClaimError(.load, "\"\(key)\" is not a variable name or a tuple of names like \"(X, U, V)\"", at: v.location)
            }
            for n in names {
                if Evaluator.builtinNames.contains(n) { throw ClaimError(.load, "'\(n)' is a built-in name", at: v.location) }
                bound.insert(n)
            }
            given.append(Claim.Given(names: names, generator: try expression(v)))
        }

        var define: [Claim.Definition] = []
        for (key, v) in try object("define") {
            var name = key
            var params: [String]? = nil
            if let open = key.firstIndex(of: "("), key.hasSuffix(")") {
                name = String(key[..<open]).trimmingCharacters(in: .whitespaces)
                params = key[key.index(after: open)..<key.index(before: key.endIndex)]
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for p in params! where !isIdentifier(p) {
                    throw ClaimError(.load, "bad parameter name '\(p)' in \"\(key)\"", at: v.location)
                }
            }
            guard isIdentifier(name) else { throw ClaimError(.load, "\"\(key)\" is not a name or a function head like \"J(W, S)\"", at: v.location) }
            if Evaluator.builtinNames.contains(name) { throw ClaimError(.load, "'\(name)' is a built-in name and cannot be redefined", at: v.location) }
            if bound.contains(name) { throw ClaimError(.load, "'\(name)' is defined twice", at: v.location) }
            bound.insert(name)
            define.append(Claim.Definition(name: name, parameters: params, body: try expression(v)))
        }

        var assume: [Expr] = []
        if let a = json["assume"] {
            switch a {
            case .string: assume = [try expression(a)]
            case let .array(items, _): for i in items { assume.append(try expression(i)) }
            default: throw ClaimError(.load, "\"assume\" must be an expression or a list of them", at: a.location)
            }
        }

        let claimsObj = try object("claims")
        guard !claimsObj.isEmpty else { throw ClaimError(.load, "\"claims\" must name at least one conclusion", at: json["claims"]?.location ?? rootLoc) }
        let expects = try object("expect")
        let statements = try object("statements")
        let measures = try object("measure")
        for (k, v) in measures where !claimsObj.contains(where: { $0.key == k }) {
            throw ClaimError(.load, "\"measure\" names \"\(k)\", which is not a conclusion", at: v.location)
        }
        for (k, v) in expects where !claimsObj.contains(where: { $0.key == k }) {
            throw ClaimError(.load, "\"expect\" names \"\(k)\", which is not a conclusion", at: v.location)
        }
        var conclusions: [Claim.Conclusion] = []
        for (name, v) in claimsObj {
            guard let ev = expects.first(where: { $0.key == name })?.value else {
                throw ClaimError(.load, "no \"expect\" for conclusion \"\(name)\" (write \"holds\", or {\"verdict\": \"fails\", \"reason\": …})", at: v.location)
            }
            let expectation = try parseExpectation(ev)
            let st = statements.first { $0.key == name }?.value.stringValue
            // An ill-typed statement is kept as text and its dimension error is the verdict.
            let measure = try measures.first { $0.key == name }.map { m throws(ClaimError) in try expression(m.value) }
            conclusions.append(Claim.Conclusion(name: name, expr: try expression(v), expect: expectation, statement: st, measure: measure))
        }

        var budget = 60.0
        if let b = json["budget"] {
            guard case let .object(ms, _) = b, let s = ms.first(where: { $0.key == "seconds" })?.value,
                  case let .number(text, _) = s, let secs = Double(text), secs > 0 else {
                throw ClaimError(.load, "\"budget\" must be {\"seconds\": N}", at: b.location)
            }
            budget = secs
        }
        let instances = try integer("instances", default: 40)
        try GeneratorTable.validate(given: given, define: define, assume: assume, conclusions: conclusions)
        return Claim(file: file, id: id, paper: paper, label: label, statement: statement, note: note,
                     given: given, assume: assume, define: define, conclusions: conclusions,
                     instances: instances, seed: UInt64(try integer("seed", default: 1)),
                     budgetSeconds: budget, minimumDecided: try integer("min_decided", default: 1),
                     maximumDimension: try integer("max_dimension", default: 400))
    }

    static func parseExpectation(_ v: JSONValue) throws(ClaimError) -> Claim.Expectation {
        switch v {
        case let .string(s, loc):
            switch s {
            case "holds": return .holds
            case "fails", "ill-typed":
                throw ClaimError(.load, "an expectation of \"\(s)\" needs a reason: {\"verdict\": \"\(s)\", \"reason\": \"…\"}", at: loc)
            default: throw ClaimError(.load, "expectation must be \"holds\", \"fails\" or \"ill-typed\", not \"\(s)\"", at: loc)
            }
        case let .object(ms, loc):
            guard let verdict = ms.first(where: { $0.key == "verdict" })?.value.stringValue,
                  let reason = ms.first(where: { $0.key == "reason" })?.value.stringValue, !reason.isEmpty else {
                throw ClaimError(.load, "expectation object needs \"verdict\" and a nonempty \"reason\"", at: loc)
            }
            switch verdict {
            case "holds": return .holds
            case "fails": return .fails(reason: reason)
            case "ill-typed": return .illTyped(reason: reason)
            default: throw ClaimError(.load, "verdict must be \"holds\", \"fails\" or \"ill-typed\"", at: loc)
            }
        default:
            throw ClaimError(.load, "expectation must be a string or an object, not \(v.kindName)", at: v.location)
        }
    }

    /// The keys of the nearest `papers.json` in the claim file's folder or its ancestors, or nil
    /// when there is none (a claim given as text, or outside a claims folder).
    static func paperKeys(near file: String) -> Set<String>? {
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("papers.json")
            if let data = FileManager.default.contents(atPath: candidate.path),
               let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                return Set(object.keys)
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
