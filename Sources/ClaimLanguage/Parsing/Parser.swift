import Numbers

/// Parses the expression language (docs/claims.md has the grammar). Precedence, loosest first:
/// `<=>`, `=>` (right associative), `or`, `and`, `not`, comparisons, `...`, `+ -`, `* /`,
/// unary `-`, `^` (right associative), postfix `'`, `[...]`, calls.
///
/// Nesting is limited so that a hostile expression cannot exhaust the stack, here or in the
/// checkers and the evaluator that walk the tree recursively: the syntax tree is at most
/// `maximumDepth` nodes deep (a leaf is depth 1; a left-associative chain `a + b + c + …` builds
/// a deep left spine and counts too), and at most `maximumDepth` brackets, argument lists and
/// prefix or right-associative operators are open at once. Beyond either the parse stops with a
/// located error, before the tree grows any deeper.
public struct Parser {
    /// The deepest expression accepted (tree depth, and open brackets and operators).
    public static let maximumDepth = 512

    let tokens: [Token]
    let source: ExpressionSource
    var p = 0
    /// Brackets, argument lists, prefix and right-associative operators open at the read position.
    var level = 0
    /// The depth of each node built so far (a leaf is 1).
    var depths: [ObjectIdentifier: Int] = [:]

    /// Parses one complete expression. - Throws: a `.parse` error at the offending column.
    public static func parse(_ source: ExpressionSource) throws(ClaimError) -> Expr {
        let tokens = try Lexer.tokens(source.text, source: source)
        // Each open level costs the parser about a dozen stack frames. A shallow expression (the
        // usual case) is parsed here; a possibly deep one on a thread with a large stack.
        let openers = tokens.lazy.filter { t in
            switch t.kind {
            case .symbol("("), .symbol("["), .symbol("-"), .symbol("+"), .symbol("^"), .symbol("=>"),
                 .identifier("not"), .identifier("if"): true
            default: false
            }
        }.count
        if openers <= 32 { return try parse(tokens, source) }
        return try LargeStack.run { () throws(ClaimError) -> Expr in try parse(tokens, source) }
    }

    static func parse(_ tokens: [Token], _ source: ExpressionSource) throws(ClaimError) -> Expr {
        var parser = Parser(tokens: tokens, source: source)
        let e = try parser.iff()
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

    func depthError(_ c: Int) -> ClaimError {
        error("nesting deeper than \(Self.maximumDepth) levels (the limit of the expression depth)", column: c)
    }

    /// Builds a node, failing when it would be deeper than `maximumDepth`.
    mutating func make(_ k: ExprKind, _ col: Int) throws(ClaimError) -> Expr {
        let d = 1 + childDepth(k)
        guard d <= Self.maximumDepth else { throw depthError(col) }
        let e = Expr(k, column: col, source: source)
        if d > 1 { depths[ObjectIdentifier(e)] = d }
        return e
    }

    func depth(_ e: Expr) -> Int { depths[ObjectIdentifier(e)] ?? 1 }

    /// The depth of the deepest child of a node (0 for a leaf).
    func childDepth(_ k: ExprKind) -> Int {
        switch k {
        case .number, .boolean, .identifier: return 0
        case let .call(_, args, named): return max(args.map(depth).max() ?? 0, named.map { depth($0.1) }.max() ?? 0)
        case let .unary(_, a), let .transpose(a): return depth(a)
        case let .binary(_, a, b), let .range(a, b): return max(depth(a), depth(b))
        case let .index(a, args):
            return args.reduce(depth(a)) { m, arg in if case let .expr(x) = arg { max(m, depth(x)) } else { m } }
        case let .block(rows): return rows.joined().map(depth).max() ?? 0
        case let .tuple(items): return items.map(depth).max() ?? 0
        case let .binder(_, _, domain, body): return max(depth(domain), depth(body))
        case let .conditional(a, b, c): return max(depth(a), depth(b), depth(c))
        }
    }

    /// Opens one level of nesting (a bracket, an argument list, a prefix or right-associative
    /// operator) at the read position. Balance with `level -= 1`.
    mutating func enter(_ c: Int) throws(ClaimError) {
        level += 1
        guard level <= Self.maximumDepth else { throw depthError(c) }
    }

    mutating func isSymbol(_ s: String) -> Bool { peek == .symbol(s) }
    mutating func isKeyword(_ s: String) -> Bool { peek == .identifier(s) }

    mutating func accept(_ s: String) -> Bool {
        if peek == .symbol(s) || peek == .identifier(s) { p += 1; return true }
        return false
    }

    mutating func expect(_ s: String) throws(ClaimError) {
        guard accept(s) else { throw error("expected '\(s)' but found \(describe(peek))") }
    }

    /// A nested expression: inside brackets, an argument list, a condition or a comprehension.
    mutating func expression() throws(ClaimError) -> Expr {
        try enter(column)
        defer { level -= 1 }
        return try iff()
    }

    mutating func iff() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try implies()
        while accept("<=>") { lhs = try make(.binary(.iff, lhs, try implies()), c) }
        return lhs
    }

    mutating func implies() throws(ClaimError) -> Expr {
        let c = column
        let lhs = try or()
        if accept("=>") {
            try enter(c)
            defer { level -= 1 }
            return try make(.binary(.implies, lhs, try implies()), c)
        }
        return lhs
    }

    mutating func or() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try and()
        while accept("or") { lhs = try make(.binary(.or, lhs, try and()), c) }
        return lhs
    }

    mutating func and() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try not()
        while accept("and") { lhs = try make(.binary(.and, lhs, try not()), c) }
        return lhs
    }

    mutating func not() throws(ClaimError) -> Expr {
        let c = column
        if accept("not") {
            try enter(c)
            defer { level -= 1 }
            return try make(.unary(.not, try not()), c)
        }
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
            return try make(.binary(op, lhs, rhs), c)
        }
        return lhs
    }

    mutating func range() throws(ClaimError) -> Expr {
        let c = column
        let lhs = try additive()
        if accept("...") { return try make(.range(lhs, try additive()), c) }
        return lhs
    }

    mutating func additive() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try multiplicative()
        while true {
            if accept("+") { lhs = try make(.binary(.add, lhs, try multiplicative()), c) }
            else if accept("-") { lhs = try make(.binary(.subtract, lhs, try multiplicative()), c) }
            else { return lhs }
        }
    }

    mutating func multiplicative() throws(ClaimError) -> Expr {
        let c = column
        var lhs = try unary()
        while true {
            if accept("*") { lhs = try make(.binary(.multiply, lhs, try unary()), c) }
            else if accept("/") { lhs = try make(.binary(.divide, lhs, try unary()), c) }
            else { return lhs }
        }
    }

    mutating func unary() throws(ClaimError) -> Expr {
        let c = column
        if accept("-") {
            try enter(c)
            defer { level -= 1 }
            return try make(.unary(.negate, try unary()), c)
        }
        if accept("+") {
            try enter(c)
            defer { level -= 1 }
            return try unary()
        }
        return try power()
    }

    mutating func power() throws(ClaimError) -> Expr {
        let c = column
        let base = try postfix()
        if accept("^") {
            try enter(c)
            defer { level -= 1 }
            return try make(.binary(.power, base, try unary()), c)
        }
        return base
    }

    mutating func postfix() throws(ClaimError) -> Expr {
        let c = column
        var e = try primary()
        while true {
            if accept("'") { e = try make(.transpose(e), c); continue }
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
                e = try make(.index(e, args), c)
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
            return try make(.number(q), c)
        case let .identifier(name):
            p += 1
            switch name {
            case "true": return try make(.boolean(true), c)
            case "false": return try make(.boolean(false), c)
            case "if":
                let cond = try expression()
                try expect("then")
                let a = try expression()
                try expect("else")
                return try make(.conditional(cond, a, try expression()), c)
            case "and", "or", "not", "then", "else", "in":
                throw error("unexpected keyword '\(name)'", column: c)
            default: break
            }
            guard isSymbol("(") else { return try make(.identifier(name), c) }
            p += 1
            // A comprehension: kind(i in D: body).
            if let kind = BinderKind(rawValue: name), case let .identifier(v) = peek, tokens[p + 1].kind == .identifier("in") {
                p += 2
                let domain = try expression()
                try expect(":")
                let body = try expression()
                try expect(")")
                return try make(.binder(kind, variable: v, domain: domain, body: body), c)
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
            return try make(.call(name, args, named: named), c)
        case .symbol("("):
            p += 1
            var items = [try expression()]
            while accept(",") { items.append(try expression()) }
            try expect(")")
            return items.count == 1 ? items[0] : try make(.tuple(items), c)
        case .symbol("["):
            p += 1
            var rows: [[Expr]] = [[]]
            if accept("]") { return try make(.block([]), c) }
            while true {
                rows[rows.count - 1].append(try expression())
                if accept(",") { continue }
                if accept(";") { rows.append([]); continue }
                try expect("]")
                return try make(.block(rows), c)
            }
        default:
            throw error("expected an expression but found \(describe(peek))")
        }
    }
}
