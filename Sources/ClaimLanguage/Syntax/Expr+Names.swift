/// The names an expression refers to.
extension Expr {
    /// Every identifier and called function name in the expression, except the variables its
    /// own binders (`sum(i in D, …)`) introduce inside their bodies. An over-approximation of
    /// what the expression depends on (a name shadowed in one branch still counts).
    public var referencedNames: Set<String> {
        var out: Set<String> = []
        collectNames(into: &out, bound: [])
        return out
    }

    func collectNames(into out: inout Set<String>, bound: Set<String>) {
        switch kind {
        case .number, .boolean: break
        case let .identifier(n): if !bound.contains(n) { out.insert(n) }
        case let .call(n, args, named):
            if !bound.contains(n) { out.insert(n) }
            for a in args { a.collectNames(into: &out, bound: bound) }
            for (_, a) in named { a.collectNames(into: &out, bound: bound) }
        case let .unary(_, a), let .transpose(a): a.collectNames(into: &out, bound: bound)
        case let .binary(_, a, b), let .range(a, b):
            a.collectNames(into: &out, bound: bound)
            b.collectNames(into: &out, bound: bound)
        case let .index(a, args):
            a.collectNames(into: &out, bound: bound)
            for arg in args { if case let .expr(e) = arg { e.collectNames(into: &out, bound: bound) } }
        case let .block(rows): for r in rows { for e in r { e.collectNames(into: &out, bound: bound) } }
        case let .tuple(items): for e in items { e.collectNames(into: &out, bound: bound) }
        case let .binder(_, v, domain, body):
            domain.collectNames(into: &out, bound: bound)
            body.collectNames(into: &out, bound: bound.union([v]))
        case let .conditional(c, a, b):
            c.collectNames(into: &out, bound: bound)
            a.collectNames(into: &out, bound: bound)
            b.collectNames(into: &out, bound: bound)
        }
    }
}
