import Numbers
import ClaimLanguage

/// Finds which sub-expression of a false conclusion decided it, on one instance.
///
/// Starting from the (false) formula, it follows `and` (a false operand), `=>` (the premise
/// holds, the consequence is false), `or` (every alternative is false; the first is followed),
/// `all(i in D: p)` (the first i where p is false, bound), conditionals (the branch taken) and
/// boolean definitions (their body), and stops at a comparison (reporting both sides' values) or
/// any other false atom. Every value shown is re-evaluated on the instance; none is guessed.
struct Explainer {
    let claim: Claim
    let evaluator: Evaluator
    /// The instance's scope (where definitions are bound).
    let instanceScope: Scope
    /// Precision of enclosures shown for reals.
    let bits: Int

    static let comparisons: Set<BinaryOperator> = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]

    func explain(_ e: Expr) -> FailingSubexpression {
        locate(e, instanceScope, [], depth: 0)
    }

    func truth(_ e: Expr, _ scope: Scope) -> Truth? {
        guard let v = try? evaluator.eval(e, scope) else { return nil }
        return try? evaluator.truth(v, e)
    }

    func leaf(_ e: Expr, _ path: [String], _ note: String? = nil) -> FailingSubexpression {
        FailingSubexpression(expression: e.description, location: Explainer.where(e), path: path + (note.map { [$0] } ?? []),
                             comparison: nil, left: nil, right: nil)
    }

    static func `where`(_ e: Expr) -> String {
        let l = e.location
        return l.expressionColumn > 0 ? "\(l.jsonPath), expression column \(l.expressionColumn)" : l.jsonPath
    }

    func side(_ e: Expr, _ scope: Scope) -> ComparisonSide {
        do {
            let v = try evaluator.eval(e, scope)
            return ComparisonSide(expression: e.description, text: Latex.text(v, bits: bits), latex: Latex.value(v, bits: bits), isExact: Latex.isExact(v))
        } catch {
            return ComparisonSide(expression: e.description, text: "(not evaluable: \(error.message))", latex: "\\text{(not evaluable)}", isExact: false)
        }
    }

    func locate(_ e: Expr, _ scope: Scope, _ path: [String], depth: Int) -> FailingSubexpression {
        guard depth < 24 else { return leaf(e, path) }
        switch e.kind {
        case let .binary(op, a, b) where Explainer.comparisons.contains(op):
            return FailingSubexpression(expression: e.description, location: Explainer.where(e), path: path,
                                        comparison: op.rawValue, left: side(a, scope), right: side(b, scope))
        case let .binary(.and, a, b):
            if truth(a, scope) == .false {
                return locate(a, scope, path + ["the left operand of `and` is false: `\(a)`"], depth: depth + 1)
            }
            return locate(b, scope, path + ["`\(a)` holds; the right operand of `and` is false: `\(b)`"], depth: depth + 1)
        case let .binary(.or, a, _):
            return locate(a, scope, path + ["neither alternative of `\(e)` holds; the first: `\(a)`"], depth: depth + 1)
        case let .binary(.implies, p, q):
            return locate(q, scope, path + ["the premise `\(p)` holds"], depth: depth + 1)
        case let .binary(.iff, p, q):
            let tp = truth(p, scope).map(\.description) ?? "?", tq = truth(q, scope).map(\.description) ?? "?"
            return leaf(e, path, "`\(p)` is \(tp) but `\(q)` is \(tq)")
        case let .unary(.not, x):
            return leaf(e, path, "`\(x)` is true")
        case let .binder(.all, v, domain, body):
            guard let dv = try? evaluator.eval(domain, scope) else { return leaf(e, path) }
            let items: [Int]
            switch dv {
            case let .indices(list): items = list
            case let .scalar(q) where q.isInteger: items = q.numerator.asInt.map { [$0] } ?? []
            default: return leaf(e, path)
            }
            for i in items {
                let s = Scope.child(of: scope)
                s.bindValue(v, .scalar(Rational(i)))
                if truth(body, s) == .false {
                    return locate(body, s, path + ["at \(v) = \(i), the first element of `\(domain)` where `\(body)` is false"], depth: depth + 1)
                }
            }
            return leaf(e, path)
        case let .binder(.any, v, domain, body):
            return leaf(e, path, "no \(v) in `\(domain)` satisfies `\(body)`")
        case let .conditional(c, a, b):
            switch truth(c, scope) {
            case .true?: return locate(a, scope, path + ["the condition `\(c)` holds"], depth: depth + 1)
            case .false?: return locate(b, scope, path + ["the condition `\(c)` is false"], depth: depth + 1)
            default: return leaf(e, path)
            }
        case let .identifier(name):
            if let d = claim.define.first(where: { $0.name == name && $0.parameters == nil }) {
                return locate(d.body, instanceScope, path + ["`\(name)` is defined as `\(d.body)`"], depth: depth + 1)
            }
            return leaf(e, path)
        default:
            return leaf(e, path)
        }
    }
}
