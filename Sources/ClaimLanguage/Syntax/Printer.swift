/// Prints an expression back in the language's own syntax, fully parenthesized where precedence
/// could be in doubt; `parse(print(e))` gives an equivalent expression.
enum Printer {
    static func print(_ e: Expr) -> String {
        switch e.kind {
        case let .number(q): q.isNegative ? "(\(q))" : q.description
        case let .boolean(b): b ? "true" : "false"
        case let .identifier(s): s
        case let .call(f, args, named):
            "\(f)(" + (args.map(print) + named.map { "\($0.0): \(print($0.1))" }).joined(separator: ", ") + ")"
        case let .unary(op, x): op == .not ? "not \(wrap(x))" : "-\(wrap(x))"
        case let .binary(op, a, b): "\(wrap(a)) \(op.rawValue) \(wrap(b))"
        case let .transpose(x): "\(wrap(x))'"
        case let .index(x, args):
            "\(wrap(x))[" + args.map { a in
                switch a { case .all: ":"; case let .expr(y): print(y) }
            }.joined(separator: ", ") + "]"
        case let .range(a, b): "\(wrap(a))...\(wrap(b))"
        case let .block(rows): "[" + rows.map { $0.map(print).joined(separator: ", ") }.joined(separator: "; ") + "]"
        case let .tuple(items): "(" + items.map(print).joined(separator: ", ") + ")"
        case let .binder(k, v, d, body): "\(k.rawValue)(\(v) in \(print(d)): \(print(body)))"
        case let .conditional(c, a, b): "(if \(print(c)) then \(print(a)) else \(print(b)))"
        }
    }

    static func wrap(_ e: Expr) -> String {
        switch e.kind {
        case .binary, .unary, .range, .conditional: "(\(print(e)))"
        default: print(e)
        }
    }
}
