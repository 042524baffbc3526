import Numbers
import Matrices

/// Records the body of a user function as a `Tape`, with the function's parameters as inputs.
/// Sub-expressions that do not depend on a parameter are evaluated once, exactly, by the
/// ordinary evaluator and enter the tape as constants.
struct TapeBuilder {
    enum Term {
        case node(Int)
        case constant(Value)
        /// A sequence whose elements may be tape nodes (the factors W_1 … W_L of a deep model).
        case sequence([Term])

        var isDependent: Bool {
            switch self {
            case .node: true
            case .constant: false
            case let .sequence(items): items.contains { $0.isDependent }
            }
        }
    }

    let evaluator: Evaluator
    let tape = Tape()

    /// Builds the tape of `f` at the given argument shapes. `structure[i]` is nil when parameter
    /// i is a matrix and the length of the sequence when it is a sequence of matrices; `shapes`
    /// lists the matrices of all parameters in order. With `scalar`, the output must be 1×1.
    static func record(_ f: UserFunction, structure: [Int?], shapes: [(Int, Int)], scalar: Bool = true,
                       evaluator: Evaluator, at e: Expr) throws(ClaimError) -> Tape {
        var b = TapeBuilder(evaluator: evaluator)
        b.tape.inputShapes = shapes
        var env: [String: Term] = [:]
        var next = 0
        for (p, s) in zip(f.parameters, structure) {
            if let count = s {
                env[p] = .sequence((0..<count).map { _ in
                    defer { next += 1 }
                    return .node(b.tape.append(.input(next), shape: shapes[next]))
                })
            } else {
                env[p] = .node(b.tape.append(.input(next), shape: shapes[next]))
                next += 1
            }
        }
        let out = try b.term(f.body, env, f.scope)
        guard case let .node(n) = out else {
            throw ClaimError(.evaluation, "\(f.name) does not depend on its arguments (or is not matrix-valued); nothing to differentiate", at: e.location)
        }
        b.tape.output = n
        if !scalar { return b.tape }
        guard b.tape.shapes[n] == (1, 1) else {
            let s = b.tape.shapes[n]
            throw ClaimError(.dimension, "\(f.name) must be scalar-valued to be differentiated; it is \(s.0)×\(s.1)", at: f.body.location)
        }
        b.tape.output = n
        return b.tape
    }

    func fail(_ e: Expr, _ m: String) -> ClaimError { ClaimError(.evaluation, m, at: e.location) }

    /// True when `e` mentions a name bound to a tape node (so it must be recorded).
    func depends(_ e: Expr, _ env: [String: Term]) -> Bool {
        switch e.kind {
        case .number, .boolean: return false
        case let .identifier(n): return env[n]?.isDependent ?? false
        case let .call(_, args, named): return args.contains { depends($0, env) } || named.contains { depends($0.1, env) }
        case let .unary(_, x), let .transpose(x): return depends(x, env)
        case let .binary(_, a, b), let .range(a, b): return depends(a, env) || depends(b, env)
        case let .index(x, args):
            return depends(x, env) || args.contains { if case let .expr(y) = $0 { return depends(y, env) } else { return false } }
        case let .block(rows): return rows.contains { $0.contains { depends($0, env) } }
        case let .tuple(items): return items.contains { depends($0, env) }
        case let .binder(_, v, d, body):
            var inner = env
            inner[v] = nil
            return depends(d, env) || depends(body, inner)
        case let .conditional(c, a, b): return depends(c, env) || depends(a, env) || depends(b, env)
        }
    }

    func constantScope(_ env: [String: Term], _ scope: Scope) -> Scope {
        let s = Scope(parent: scope)
        for (k, t) in env { if case let .constant(v) = t { s.bind(k, v) } }
        for (k, t) in env where t.isDependent { s.bind(k, .truth(.unknown("'\(k)' is being differentiated"))) }
        return s
    }

    mutating func node(_ t: Term, _ e: Expr) throws(ClaimError) -> Int {
        switch t {
        case let .node(n): return n
        case .sequence:
            throw fail(e, "a sequence of matrices is used where one matrix is expected; index it, e.g. W[l]")
        case let .constant(v):
            let m = try evaluator.matrix(v, e)
            return tape.append(.constant(m), shape: (m.rows, m.columns))
        }
    }

    func shape(_ n: Int) -> (Int, Int) { tape.shapes[n] }

    /// op(A, Z) = (⟨A₁, Z⟩, …, ⟨A_m, Z⟩)ᵀ and adj(A, y) = Σ yᵢAᵢ on the tape, for a sequence A of
    /// matrices (constant or depending on the parameters).
    mutating func linearOperator(_ name: String, _ args: [Expr], _ e: Expr, _ env: [String: Term], _ scope: Scope) throws(ClaimError) -> Int {
        guard args.count == 2 else { throw fail(e, "\(name) takes 2 arguments: a sequence of matrices and a \(name == "op" ? "matrix" : "vector")") }
        let items: [Term]
        switch try term(args[0], env, scope) {
        case let .sequence(t): items = t
        case let .constant(.sequence(values)): items = values.map { .constant($0) }
        default: throw fail(args[0], "\(name): the first argument must be a sequence of matrices A₁, …, A_m")
        }
        let x = try node(try term(args[1], env, scope), args[1])
        var a: [Int] = []
        for t in items { a.append(try node(t, args[0])) }
        if name == "op" {
            var entries: [Int] = []
            for ai in a {
                guard shape(ai) == shape(x) else { throw ClaimError(.dimension, "op(A, Z): A has a \(shape(ai).0)×\(shape(ai).1) matrix, Z is \(shape(x).0)×\(shape(x).1)", at: e.location) }
                entries.append(tape.append(.inner(ai, x), shape: (1, 1)))
            }
            guard !entries.isEmpty else { return tape.append(.constant(Matrix(rows: 0, columns: 1, repeating: 0)), shape: (0, 1)) }
            return tape.append(.vertical(entries), shape: (entries.count, 1))
        }
        guard shape(x) == (a.count, 1) else { throw ClaimError(.dimension, "adj(A, y): A has \(a.count) matrices, y is \(shape(x).0)×\(shape(x).1)", at: e.location) }
        guard let first = a.first else { throw fail(e, "adj(A, y) of an empty sequence: the shape of the result is unknown") }
        guard a.allSatisfy({ shape($0) == shape(first) }) else { throw ClaimError(.dimension, "adj(A, y): the matrices of A have different shapes", at: e.location) }
        return weightedSum(x, a)
    }

    /// Σᵢ wᵢ·Tᵢ on the tape, for a column node w of length terms.count and nodes Tᵢ of one shape.
    /// - Precondition: terms is not empty.
    mutating func weightedSum(_ w: Int, _ terms: [Int]) -> Int {
        var acc: Int? = nil
        for (i, t) in terms.enumerated() {
            let wi = tape.append(.select(w, rows: [i], columns: [0]), shape: (1, 1))
            let term = tape.append(.scale(wi, t), shape: shape(t))
            acc = acc.map { tape.append(.add($0, term), shape: shape(t)) } ?? term
        }
        return acc!
    }

    mutating func term(_ e: Expr, _ env: [String: Term], _ scope: Scope) throws(ClaimError) -> Term {
        if !depends(e, env) { return .constant(try evaluator.eval(e, constantScope(env, scope))) }
        // Recording recurses through the expression and through the user functions it calls: the
        // evaluator's depth and call limits apply, so a recursive function is a depth limit.
        try evaluator.enterLevel(e)
        defer { evaluator.depth -= 1 }
        try evaluator.poll(e)
        switch e.kind {
        case let .identifier(n): return env[n]!
        case let .unary(.negate, x):
            let a = try node(try term(x, env, scope), x)
            return .node(tape.append(.negate(a), shape: shape(a)))
        case let .transpose(x):
            let a = try node(try term(x, env, scope), x)
            let (r, c) = shape(a)
            return .node(tape.append(.transpose(a), shape: (c, r)))
        case let .binary(op, x, y):
            return try binary(op, x, y, e, env, scope)
        case let .call(name, args, named):
            guard named.isEmpty else { throw fail(e, "\(name): named arguments cannot be differentiated") }
            if let owner = scope.lookupScope(name), case let .function(f)? = try? evaluator.lookup(name, in: owner, at: e) {
                guard args.count == f.parameters.count else { throw fail(e, "\(name) takes \(f.parameters.count) argument(s)") }
                var inner: [String: Term] = [:]
                for (p, a) in zip(f.parameters, args) { inner[p] = try term(a, env, scope) }
                try evaluator.enterCall(f.name, e)
                defer { evaluator.callDepth -= 1 }
                return try term(f.body, inner, f.scope)
            }
            if name == "len", args.count == 1, case let .sequence(items) = try term(args[0], env, scope) {
                return .constant(.scalar(Rational(items.count)))
            }
            if name == "op" || name == "adj" {
                return .node(try linearOperator(name, args, e, env, scope))
            }
            var ns: [Int] = []
            for a in args { ns.append(try node(try term(a, env, scope), a)) }
            func one() throws(ClaimError) -> Int {
                guard ns.count == 1 else { throw fail(e, "\(name) takes 1 argument") }
                return ns[0]
            }
            switch name {
            case "fro2": return .node(tape.append(.fro2(try one()), shape: (1, 1)))
            case "trace":
                let a = try one()
                guard shape(a).0 == shape(a).1 else { throw ClaimError(.dimension, "trace of a non-square matrix", at: e.location) }
                return .node(tape.append(.trace(a), shape: (1, 1)))
            case "inv":
                let a = try one()
                guard shape(a).0 == shape(a).1 else { throw ClaimError(.dimension, "inverse of a non-square matrix", at: e.location) }
                return .node(tape.append(.inverse(a), shape: shape(a)))
            case "solve":
                // solve(A, B) = A⁻¹B, differentiated through the inverse: d(A⁻¹B) = −A⁻¹ dA A⁻¹B + A⁻¹ dB.
                guard ns.count == 2 else { throw fail(e, "solve takes 2 arguments, got \(ns.count)") }
                let (a, b) = (ns[0], ns[1])
                guard shape(a).0 == shape(a).1 else { throw ClaimError(.dimension, "solve(A, B) needs a square A", at: e.location) }
                guard shape(a).1 == shape(b).0 else { throw ClaimError(.dimension, "solve(A, B): A is \(shape(a).0)×\(shape(a).1), B has \(shape(b).0) rows", at: e.location) }
                let inverse = tape.append(.inverse(a), shape: shape(a))
                return .node(tape.append(.multiply(inverse, b), shape: (shape(a).0, shape(b).1)))
            case "diag":
                // diag(v) = Σᵢ vᵢ·eᵢeᵢᵀ for a column v; diag(A) = (A₁₁, …, Aₙₙ)ᵀ for a square A.
                let a = try one()
                let (r, c) = shape(a)
                if c == 1 {
                    guard r > 0 else { return .node(tape.append(.constant(Matrix(rows: 0, columns: 0, repeating: 0)), shape: (0, 0))) }
                    // r constant r×r matrices: r³ entries in all.
                    try evaluator.checkSize(r, r, e)
                    try evaluator.checkSequenceEntries(try evaluator.checkedProduct(r * r, r, e), e)
                    let units = (0..<r).map { i in
                        tape.append(.constant(Matrix<Rational>(rows: r, columns: r) { j, k in j == i && k == i ? 1 : 0 }), shape: (r, r))
                    }
                    return .node(weightedSum(a, units))
                }
                guard r == c else { throw ClaimError(.dimension, "diag of a \(r)×\(c) matrix: a column or a square matrix is needed", at: e.location) }
                let entries = (0..<r).map { i in tape.append(.select(a, rows: [i], columns: [i]), shape: (1, 1)) }
                return .node(tape.append(.vertical(entries), shape: (r, 1)))
            case "inner":
                guard ns.count == 2, shape(ns[0]) == shape(ns[1]) else { throw ClaimError(.dimension, "inner needs two matrices of one shape", at: e.location) }
                return .node(tape.append(.inner(ns[0], ns[1]), shape: (1, 1)))
            case "vec":
                let a = try one()
                let (r, c) = shape(a)
                // vec(A) = vertical stack of the columns.
                let cols = (0..<c).map { j in tape.append(.select(a, rows: Array(0..<r), columns: [j]), shape: (r, 1)) }
                return .node(tape.append(.vertical(cols), shape: (r * c, 1)))
            default:
                throw fail(e, "\(name) cannot be differentiated (supported: + - * / ^, transpose, fro2, trace, inner, inv, solve, diag, op, adj, vec, blocks, indexing, sum, prod, user functions)")
            }
        case let .block(rows):
            var rowNodes: [Int] = []
            for row in rows {
                var parts: [Int] = []
                for x in row { parts.append(try node(try term(x, env, scope), x)) }
                guard Set(parts.map { shape($0).0 }).count <= 1 else { throw ClaimError(.dimension, "blocks in one block row have different row counts", at: e.location) }
                let w = parts.reduce(0) { $0 + shape($1).1 }
                rowNodes.append(parts.count == 1 ? parts[0] : tape.append(.horizontal(parts), shape: (parts.first.map { shape($0).0 } ?? 0, w)))
            }
            guard Set(rowNodes.map { shape($0).1 }).count <= 1 else { throw ClaimError(.dimension, "block rows have different column counts", at: e.location) }
            if rowNodes.count == 1 { return .node(rowNodes[0]) }
            let h = rowNodes.reduce(0) { $0 + shape($1).0 }
            return .node(tape.append(.vertical(rowNodes), shape: (h, shape(rowNodes[0]).1)))
        case let .index(x, args):
            let base = try term(x, env, scope)
            if case let .sequence(items) = base {
                guard args.count == 1, case let .expr(y) = args[0], !depends(y, env) else {
                    throw fail(e, "a sequence takes one constant index")
                }
                let l = try evaluator.integer(try evaluator.eval(y, constantScope(env, scope)), y)
                guard l >= 1 && l <= items.count else { throw fail(y, "index \(l) out of range 1...\(items.count)") }
                return items[l - 1]
            }
            let a = try node(base, x)
            let (r, c) = shape(a)
            let cs = constantScope(env, scope)
            func sel(_ arg: IndexArgument, _ n: Int) throws(ClaimError) -> [Int] {
                switch arg {
                case .all: return Array(0..<n)
                case let .expr(y):
                    guard !depends(y, env) else { throw fail(y, "an index cannot depend on the variables being differentiated") }
                    let list = try evaluator.indices(try evaluator.eval(y, cs), y)
                    for i in list where i < 1 || i > n { throw fail(y, "index \(i) out of range 1...\(n)") }
                    return list.map { $0 - 1 }
                }
            }
            let rows: [Int], cols: [Int]
            if args.count == 2 { rows = try sel(args[0], r); cols = try sel(args[1], c) }
            else if c == 1 { rows = try sel(args[0], r); cols = [0] }
            else if r == 1 { rows = [0]; cols = try sel(args[0], c) }
            else { throw fail(e, "a \(r)×\(c) matrix needs two indices") }
            return .node(tape.append(.select(a, rows: rows, columns: cols), shape: (rows.count, cols.count)))
        case let .binder(kind, v, domain, body) where kind == .column || kind == .hcat || kind == .vcat || kind == .seq:
            guard !depends(domain, env) else { throw fail(domain, "the domain cannot depend on the variables") }
            let dom = try evaluator.indices(try evaluator.eval(domain, constantScope(env, scope)), domain)
            var parts: [Term] = []
            for i in dom {
                var inner = env
                inner[v] = .constant(.scalar(Rational(i)))
                parts.append(try term(body, inner, scope))
            }
            if kind == .seq { return .sequence(parts) }
            guard !parts.isEmpty else { throw fail(e, "\(kind.rawValue) over an empty domain") }
            var nodes: [Int] = []
            for (p, t) in zip(dom, parts) { _ = p; nodes.append(try node(t, body)) }
            if kind == .hcat {
                guard Set(nodes.map { shape($0).0 }).count == 1 else { throw ClaimError(.dimension, "hcat: different row counts", at: e.location) }
                return .node(tape.append(.horizontal(nodes), shape: (shape(nodes[0]).0, nodes.reduce(0) { $0 + shape($1).1 })))
            }
            guard Set(nodes.map { shape($0).1 }).count == 1 else { throw ClaimError(.dimension, "\(kind.rawValue): different column counts", at: e.location) }
            if kind == .column, shape(nodes[0]) != (1, 1) { throw fail(body, "column(...) needs scalar entries") }
            return .node(tape.append(.vertical(nodes), shape: (nodes.reduce(0) { $0 + shape($1).0 }, shape(nodes[0]).1)))
        case let .binder(kind, v, domain, body) where kind == .sum || kind == .prod:
            guard !depends(domain, env) else { throw fail(domain, "the domain cannot depend on the variables") }
            let dom = try evaluator.indices(try evaluator.eval(domain, constantScope(env, scope)), domain)
            var acc: Int? = nil
            for i in dom {
                var inner = env
                inner[v] = .constant(.scalar(Rational(i)))
                let t = try node(try term(body, inner, scope), body)
                acc = try acc.map { a throws(ClaimError) in try combine(kind == .sum ? .add : .multiply, a, t, body) } ?? t
            }
            guard let result = acc else { return .constant(.scalar(kind == .sum ? 0 : 1)) }
            return .node(result)
        default:
            throw fail(e, "this expression cannot be differentiated")
        }
    }

    mutating func combine(_ op: BinaryOperator, _ a: Int, _ b: Int, _ e: Expr) throws(ClaimError) -> Int {
        let sa = shape(a), sb = shape(b)
        switch op {
        case .add, .subtract:
            guard sa == sb else { throw ClaimError(.dimension, "cannot \(op == .add ? "add" : "subtract") \(sa.0)×\(sa.1) and \(sb.0)×\(sb.1)", at: e.location) }
            return tape.append(op == .add ? .add(a, b) : .subtract(a, b), shape: sa)
        case .multiply:
            if sa.1 == sb.0 { return tape.append(.multiply(a, b), shape: (sa.0, sb.1)) }
            if sa == (1, 1) { return tape.append(.scale(a, b), shape: sb) }
            if sb == (1, 1) { return tape.append(.scale(b, a), shape: sa) }
            throw ClaimError(.dimension, "cannot multiply \(sa.0)×\(sa.1) by \(sb.0)×\(sb.1)", at: e.location)
        default:
            throw fail(e, "'\(op.rawValue)' cannot be differentiated here")
        }
    }

    mutating func binary(_ op: BinaryOperator, _ x: Expr, _ y: Expr, _ e: Expr, _ env: [String: Term], _ scope: Scope) throws(ClaimError) -> Term {
        switch op {
        case .add, .subtract, .multiply:
            let a = try node(try term(x, env, scope), x), b = try node(try term(y, env, scope), y)
            return .node(try combine(op, a, b, e))
        case .divide:
            let a = try node(try term(x, env, scope), x), b = try node(try term(y, env, scope), y)
            guard shape(b) == (1, 1) else { throw fail(y, "division by a matrix; use inv") }
            let r = tape.append(.reciprocal(b), shape: (1, 1))
            return .node(tape.append(.scale(r, a), shape: shape(a)))
        case .power:
            guard !depends(y, env) else { throw fail(y, "an exponent cannot depend on the variables") }
            let k = try evaluator.integer(try evaluator.eval(y, constantScope(env, scope)), y)
            guard k.magnitude <= UInt(EvaluationLimits.maximumMatrixExponent) else {
                throw ClaimError.limit(.size, "the exponent \(k) of a differentiated power exceeds \(EvaluationLimits.maximumMatrixExponent)", at: y.location)
            }
            var a = try node(try term(x, env, scope), x)
            guard shape(a).0 == shape(a).1 else { throw ClaimError(.dimension, "power of a non-square matrix", at: e.location) }
            if k < 0 {
                a = shape(a) == (1, 1) ? tape.append(.reciprocal(a), shape: (1, 1)) : tape.append(.inverse(a), shape: shape(a))
            }
            if k == 0 { return .constant(.matrix(.identity(shape(a).0))) }
            var acc = a
            for _ in 1..<abs(k) { acc = tape.append(.multiply(acc, a), shape: shape(a)) }
            return .node(acc)
        default:
            throw fail(e, "'\(op.rawValue)' cannot be differentiated")
        }
    }
}
