import Numbers

/// Parses the expression language (docs/claims.md has the grammar). Precedence, loosest first:
/// `<=>`, `=>` (right associative), `or`, `and`, `not`, comparisons, `...`, `+ -`, `* /`,
/// unary `-`, `^` (right associative), postfix `'`, `[...]`, calls.
public struct Parser {
    let tokens: [Token]
    let source: ExpressionSource
    var p = 0

    /// Parses one complete expression. - Throws: a `.parse` error at the offending column.
    public static func parse(_ source: ExpressionSource) throws(ClaimError) -> Expr {
        var parser = Parser(tokens: try Lexer.tokens(source.text, source: source), source: source)
        let e = try parser.expression()
        guard parser.peek == .end else { throw parser.error("unexpected \(parser.describe(parser.peek)) after the expression") }
        return e
    }

    init(tokens: [Token], source: ExpressionSource) {
        self.tokens = tokens
        self.source = source
    }

    var peek: Token.Kind { tokens[p].kind }
    var column: Int { tokens[p].column }

    func error(_ message: String, column c: Int? = nil) -> ClaimError {
        ClaimError(.parse, message, at: source.location.atExpressionColumn(c ?? column, text: source.text))
    }

    func describe(_ k: Token.Kind) -> String {
        switch k {
        case let .number(s): "number \(s)"
        case let .identifier(s): "'\(s)'"
        case let .symbol(s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    func make(_ k: ExprKind, _ col: Int) -> Expr { Expr(k, column: col, source: source) }

    mutating func isSymbol(_ s: String) -> Bool { peek == .symbol(s) }
    mutating func isKeyword(_ s: String) -> Bool { peek == .identifier(s) }

    mutating func accept(_ s: String) -> Bool {
        if peek == .symbol(s) || peek == .identifier(s) { p += 1; return true }
        return false
    }

    mutating func expect(_ s: String) throws(ClaimError) {
        guard accept(s) else { throw error("expected '\(s)' but found \(describe(peek))") }
    }

    mutating func expression() throws(ClaimError) -> Expr { try iff() }

    mutating func iff() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try implies()
        while accept("<=>") { lhs = make(.binary(.iff, lhs, try implies()), c) }
        return lhs
    }

    mutating func implies() throws(ClaimError) -> Expr {
        let c = column
        let lhs = try or()
        if accept("=>") { return make(.binary(.implies, lhs, try implies()), c) }
        return lhs
    }

    mutating func or() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try and()
        while accept("or") { lhs = make(.binary(.or, lhs, try and()), c) }
        return lhs
    }

    mutating func and() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try not()
        while accept("and") { lhs = make(.binary(.and, lhs, try not()), c) }
        return lhs
    }

    mutating func not() throws(ClaimError) -> Expr {
        let c = column
        if accept("not") { return make(.unary(.not, try not()), c) }
        return try comparison()
    }

    mutating func comparison() throws(ClaimError) -> Expr {
        let c = column
        let lhs = try range()
        for op in [BinaryOperator.equal, .notEqual, .lessEqual, .greaterEqual, .less, .greater] where isSymbol(op.rawValue) {
            p += 1
            let rhs = try range()
            if [BinaryOperator.equal, .notEqual, .lessEqual, .greaterEqual, .less, .greater].contains(where: { isSymbol($0.rawValue) }) {
                throw error("comparisons do not chain; write 'a < b and b < c'")
            }
            return make(.binary(op, lhs, rhs), c)
        }
        return lhs
    }

    mutating func range() throws(ClaimError) -> Expr {
        let c = column
        let lhs = try additive()
        if accept("...") { return make(.range(lhs, try additive()), c) }
        return lhs
    }

    mutating func additive() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try multiplicative()
        while true {
            if accept("+") { lhs = make(.binary(.add, lhs, try multiplicative()), c) }
            else if accept("-") { lhs = make(.binary(.subtract, lhs, try multiplicative()), c) }
            else { return lhs }
        }
    }

    mutating func multiplicative() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try unary()
        while true {
            if accept("*") { lhs = make(.binary(.multiply, lhs, try unary()), c) }
            else if accept("/") { lhs = make(.binary(.divide, lhs, try unary()), c) }
            else { return lhs }
        }
    }

    mutating func unary() throws(ClaimError) -> Expr {
        let c = column
        if accept("-") { return make(.unary(.negate, try unary()), c) }
        if accept("+") { return try unary() }
        return try power()
    }

    mutating func power() throws(ClaimError) -> Expr {
        let c = column
        let base = try postfix()
        if accept("^") { return make(.binary(.power, base, try unary()), c) }
        return base
    }

    mutating func postfix() throws(ClaimError) -> Expr {
        let c = column
        var e = try primary()
        while true {
            if accept("'") { e = make(.transpose(e), c); continue }
            if isSymbol("[") {
                p += 1
                var args: [IndexArgument] = []
                repeat {
                    if isSymbol(":"), tokens[p + 1].kind == .symbol(",") || tokens[p + 1].kind == .symbol("]") {
                        p += 1
                        args.append(.all)
                    } else {
                        args.append(.expr(try expression()))
                    }
                } while accept(",")
                try expect("]")
                guard args.count <= 2 else { throw error("at most two indices (row, column)", column: c) }
                e = make(.index(e, args), c)
                continue
            }
            return e
        }
    }

    mutating func primary() throws(ClaimError) -> Expr {
        let c = column
        switch peek {
        case let .number(s):
            p += 1
            guard let q = Rational(s) else { throw error("bad number \(s)", column: c) }
            return make(.number(q), c)
        case let .identifier(name):
            p += 1
            switch name {
            case "true": return make(.boolean(true), c)
            case "false": return make(.boolean(false), c)
            case "if":
                let cond = try expression()
                try expect("then")
                let a = try expression()
                try expect("else")
                return make(.conditional(cond, a, try expression()), c)
            case "and", "or", "not", "then", "else", "in":
                throw error("unexpected keyword '\(name)'", column: c)
            default: break
            }
            guard isSymbol("(") else { return make(.identifier(name), c) }
            p += 1
            // A comprehension: kind(i in D: body).
            if let kind = BinderKind(rawValue: name), case let .identifier(v) = peek, tokens[p + 1].kind == .identifier("in") {
                p += 2
                let domain = try expression()
                try expect(":")
                let body = try expression()
                try expect(")")
                return make(.binder(kind, variable: v, domain: domain, body: body), c)
            }
            var args: [Expr] = []
            var named: [(String, Expr)] = []
            if !accept(")") {
                repeat {
                    if case let .identifier(key) = peek, tokens[p + 1].kind == .symbol(":") {
                        p += 2
                        named.append((key, try expression()))
                    } else {
                        guard named.isEmpty else { throw error("positional argument after a named one") }
                        args.append(try expression())
                    }
                } while accept(",")
                try expect(")")
            }
            return make(.call(name, args, named: named), c)
        case .symbol("("):
            p += 1
            var items = [try expression()]
            while accept(",") { items.append(try expression()) }
            try expect(")")
            return items.count == 1 ? items[0] : make(.tuple(items), c)
        case .symbol("["):
            p += 1
            var rows: [[Expr]] = [[]]
            if accept("]") { return make(.block([]), c) }
            while true {
                rows[rows.count - 1].append(try expression())
                if accept(",") { continue }
                if accept(";") { rows.append([]); continue }
                try expect("]")
                return make(.block(rows), c)
            }
        default:
            throw error("expected an expression but found \(describe(peek))")
        }
    }
}
