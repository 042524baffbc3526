/// `verify explain CLAIM`: what the tool understood of a claim file — its variables with their
/// static types, its definitions, its conclusions with their expectations.
public enum ClaimExplainer {
    public static func explain(path: String) throws(ClaimError) -> String {
        let claim = try ClaimLoader.load(path: path)
        let checker = try ShapeChecker(claim: claim)
        var out: [String] = []
        out.append("\(claim.id) — \(claim.label) (\(claim.paper))")
        out.append("statement: \(claim.statement)")
        if let n = claim.note { out.append("note: \(n)") }
        out.append("")
        out.append("given:")
        for g in claim.given {
            out.append("  \(g.names.count == 1 ? g.names[0] : "(" + g.names.joined(separator: ", ") + ")") ~ \(g.generator)")
        }
        out.append("define:")
        for d in claim.define {
            let head = d.parameters.map { "\(d.name)(\($0.joined(separator: ", ")))" } ?? d.name
            var line = "  \(head) = \(d.body)"
            if d.parameters == nil {
                let t = (try? checker.check(Expr(.identifier(d.name), column: 1, source: d.body.source)))?.description ?? "ill-typed"
                line += "    : \(t)"
            }
            out.append(line)
        }
        // Symbolic gradients of the user functions, where the symbolic rules reach.
        var functions: [String: (params: [String], body: Expr)] = [:]
        for d in claim.define { if let p = d.parameters { functions[d.name] = (p, d.body) } }
        var scalars: Set<String> = []
        for name in claim.given.flatMap(\.names) + claim.define.filter({ $0.parameters == nil }).map(\.name) {
            let probe = Expr(.identifier(name), column: 1, source: ExpressionSource(text: name, location: SourceLocation(file: path, jsonPath: "$", line: 0, column: 0)))
            switch try? checker.check(probe) {
            case .integer?, .scalar?: scalars.insert(name)
            default: break
            }
        }
        let symbolic = SymbolicGradient(functions: functions, scalars: scalars)
        var gradientLines: [String] = []
        for d in claim.define where d.parameters != nil {
            if !symbolic.isScalarValued(d.body) {
                gradientLines.append("  grad(\(d.name), …): not visibly scalar-valued; its derivative is D(\(d.name), point, dir), computed exactly when used")
            } else if let grads = try? symbolic.gradients(of: d.name) {
                for (p, g) in grads { gradientLines.append("  grad(\(d.name), \(p)) = \(g)") }
            } else {
                gradientLines.append("  grad(\(d.name), …): outside the symbolic rules; computed exactly by reverse mode when used")
            }
        }
        if !gradientLines.isEmpty {
            out.append("gradients (symbolic):")
            out += gradientLines
        }
        if !claim.assume.isEmpty {
            out.append("assume:")
            for a in claim.assume { out.append("  \(a)") }
        }
        out.append("claims:")
        for c in claim.conclusions {
            let typed: String
            do { _ = try checker.check(c.expr); typed = "" } catch { typed = "    [\(error.message)]" }
            out.append("  \(c.name): \(c.expr)    expect \(c.expect.word)\(typed)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
