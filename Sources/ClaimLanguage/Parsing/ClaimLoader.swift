import Foundation

/// Reads a claim file: JSON → `Claim`, every expression parsed. Errors name the file, the JSON
/// path, the line and column, and for expressions the column inside the expression.
public enum ClaimLoader {
    static let knownKeys: Set<String> = ["id", "paper", "label", "statement", "note", "given", "assume", "define",
                                         "claims", "expect", "statements", "instances", "seed", "budget", "min_decided",
                                         "max_dimension", "comment", "measure"]

    /// The most draws (`instances`) and the largest `min_decided` a claim may ask for.
    public static let maximumInstances: UInt64 = 100_000
    /// The largest `max_dimension` a claim may set.
    public static let maximumDimension: UInt64 = 4096
    /// The longest `budget` a claim may set, in seconds (a day).
    public static let maximumBudgetSeconds = 86_400.0

    /// Reads the claim file at `path` as bytes: invalid UTF-8 is a located error naming its byte
    /// offset. - Throws: "cannot read the file" (at 0:0, no line) when the file cannot be opened.
    public static func load(path: String) throws(ClaimError) -> Claim {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClaimError(.load, "cannot read the file", at: SourceLocation(file: path, jsonPath: "$", line: 0, column: 0))
        }
        return try load(bytes: [UInt8](data), file: path)
    }

    /// Loads a claim from the bytes of a file (UTF-8 JSON; a leading byte-order mark is ignored).
    public static func load(bytes: [UInt8], file: String) throws(ClaimError) -> Claim {
        try load(json: try JSONReader.read(bytes: bytes, file: file), file: file)
    }

    /// Loads a claim from JSON text.
    public static func load(text: String, file: String) throws(ClaimError) -> Claim {
        try load(bytes: Array(text.utf8), file: file)
    }

    static func load(json: JSONValue, file: String) throws(ClaimError) -> Claim {
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
        /// A nonnegative integer setting, at most `maximum` (parsed as UInt64: never a trap).
        func integer(_ key: String, default d: UInt64, maximum: UInt64) throws(ClaimError) -> UInt64 {
            guard let v = json[key] else { return d }
            let range = "an integer from 0 to \(maximum)"
            guard case let .number(s, loc) = v else {
                throw ClaimError(.load, "\"\(key)\" must be \(range), not \(v.kindName)", at: v.location)
            }
            let negative = s.hasPrefix("-")
            let digits = negative ? s.dropFirst() : Substring(s)
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ClaimError(.load, "\"\(key)\" must be \(range), without a fraction or an exponent, not \(s)", at: loc)
            }
            guard let n = UInt64(digits), n <= maximum, !negative || n == 0 else {
                let shown = s.count > 40 ? s.prefix(40) + "…" : Substring(s)
                throw ClaimError(.load, "\"\(key)\" must be \(range) (the limit), not \(shown)", at: loc)
            }
            return n
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
            if names.isEmpty { throw ClaimError(.load, "\"\(key)\" names no variable", at: v.location) }
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
            guard case let .object(ms, _) = b, ms.count == 1, let s = ms.first(where: { $0.key == "seconds" })?.value,
                  case let .number(text, loc) = s else {
                throw ClaimError(.load, "\"budget\" must be {\"seconds\": N}", at: b.location)
            }
            guard let secs = Double(text), secs.isFinite, secs > 0, secs <= maximumBudgetSeconds else {
                throw ClaimError(.load, "\"budget\" seconds must be more than 0 and at most \(Int(maximumBudgetSeconds)) (the limit), not \(text.prefix(40))", at: loc)
            }
            budget = secs
        }
        try GeneratorTable.validate(given: given, define: define, assume: assume, conclusions: conclusions)
        let (minimumDecided, minimumReason) = try parseMinimumDecided(json["min_decided"])
        var claim = Claim(file: file, id: id, paper: paper, label: label, statement: statement, note: note,
                          given: given, assume: assume, define: define, conclusions: conclusions,
                          instances: Int(try integer("instances", default: 40, maximum: maximumInstances)),
                          seed: try integer("seed", default: 1, maximum: UInt64.max),
                          budgetSeconds: budget, minimumDecided: minimumDecided,
                          maximumDimension: Int(try integer("max_dimension", default: 400, maximum: maximumDimension)))
        claim.minimumDecidedReason = minimumReason
        return claim
    }

    /// `min_decided`: an integer of at least `Claim.defaultMinimumDecided`, or
    /// `{"count": k, "reason": "…"}` for any k ≥ 1 with a nonempty reason (asking for fewer
    /// decided instances than the default must say why).
    static func parseMinimumDecided(_ v: JSONValue?) throws(ClaimError) -> (Int, String?) {
        guard let v else { return (Claim.defaultMinimumDecided, nil) }
        func count(_ j: JSONValue) throws(ClaimError) -> Int {
            guard case let .number(text, _) = j, let k = Int(text), k >= 1, k <= Int(maximumInstances) else {
                throw ClaimError(.load, "\"min_decided\" must be an integer from 1 to \(maximumInstances)", at: j.location)
            }
            return k
        }
        switch v {
        case .number:
            let k = try count(v)
            guard k >= Claim.defaultMinimumDecided else {
                throw ClaimError(.load, "\"min_decided\": \(k) is below the default \(Claim.defaultMinimumDecided); say why with {\"count\": \(k), \"reason\": \"…\"}", at: v.location)
            }
            return (k, nil)
        case let .object(ms, loc):
            for m in ms where m.key != "count" && m.key != "reason" {
                throw ClaimError(.load, "unknown key \"\(m.key)\" in \"min_decided\" (known: count, reason)", at: m.value.location)
            }
            guard let c = ms.first(where: { $0.key == "count" })?.value else {
                throw ClaimError(.load, "\"min_decided\" needs \"count\"", at: loc)
            }
            let k = try count(c)
            guard let reason = ms.first(where: { $0.key == "reason" })?.value.stringValue,
                  !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ClaimError(.load, "\"min_decided\" needs a nonempty \"reason\"", at: loc)
            }
            return (k, reason)
        default:
            throw ClaimError(.load, "\"min_decided\" must be an integer or {\"count\": k, \"reason\": \"…\"}", at: v.location)
        }
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
