import Numbers

/// A matrix expression built while differentiating symbolically, with just enough algebra to
/// print readable gradients: numeric factors are collected, double negations and transposes
/// cancel, zero terms vanish, and −(a − b) is written b − a.
indirect enum Symbolic: Equatable, Sendable, CustomStringConvertible {
    case leaf(String)
    case number(Rational)
    case identity
    case sum([Symbolic])
    case scaled(Rational, Symbolic)
    case product(Symbolic, Symbolic)
    case transpose(Symbolic)
    case call(String, [Symbolic])

    static let zero = Symbolic.number(0)

    static func + (a: Symbolic, b: Symbolic) -> Symbolic {
        if a == .zero { return b }
        if b == .zero { return a }
        var terms: [Symbolic] = []
        for x in [a, b] { if case let .sum(t) = x { terms += t } else { terms.append(x) } }
        return .sum(terms)
    }

    static prefix func - (a: Symbolic) -> Symbolic { scale(-1, a) }

    static func scale(_ c: Rational, _ a: Symbolic) -> Symbolic {
        if c.isZero || a == .zero { return .zero }
        if c == 1 { return a }
        switch a {
        case let .number(q): return .number(c * q)
        case let .scaled(d, x): return scale(c * d, x)
        case let .sum(terms) where c == -1 && terms.count == 2:
            // −(x − y) = y − x
            if case let .scaled(d, y) = terms[1], d == -1 { return .sum([y, -terms[0]]) }
            return .scaled(c, a)
        default: return .scaled(c, a)
        }
    }

    static func * (a: Symbolic, b: Symbolic) -> Symbolic {
        if a == .zero || b == .zero { return .zero }
        if a == .identity || a == .number(1) { return b }
        if b == .identity || b == .number(1) { return a }
        if case let .number(q) = a { return scale(q, b) }
        if case let .number(q) = b { return scale(q, a) }
        if case let .scaled(c, x) = a { return scale(c, x * b) }
        if case let .scaled(c, y) = b { return scale(c, a * y) }
        return .product(a, b)
    }

    var transposed: Symbolic {
        switch self {
        case .number, .identity: return self
        case let .transpose(x): return x
        case let .scaled(c, x): return .scale(c, x.transposed)
        case let .sum(t): return .sum(t.map(\.transposed))
        case let .product(a, b): return b.transposed * a.transposed
        default: return .transpose(self)
        }
    }

    var description: String { render(0) }

    /// Precedence: 0 sum, 1 product, 2 postfix/atom.
    func render(_ context: Int) -> String {
        func wrap(_ s: String, _ own: Int) -> String { own < context ? "(\(s))" : s }
        switch self {
        case let .leaf(n): return n
        case let .number(q): return q.isNegative ? "(\(q))" : q.description
        case .identity: return "I"
        case let .sum(terms):
            var s = ""
            for (i, t) in terms.enumerated() {
                if case let .scaled(c, x) = t, c.isNegative {
                    let mag = Symbolic.scale(-c, x)
                    s += (i == 0 ? "-" : " - ") + mag.render(1)
                } else {
                    s += (i == 0 ? "" : " + ") + t.render(1)
                }
            }
            return wrap(s, 0)
        case let .scaled(c, x):
            if c == -1 { return wrap("-" + x.render(1), 0) }
            return wrap("\(c.isInteger ? c.description : "(\(c))")*\(x.render(1))", 1)
        case let .product(a, b): return wrap("\(a.render(1))*\(b.render(2))", 1)
        case let .transpose(x): return x.render(2) + "'"
        case let .call(f, args): return "\(f)(" + args.map { $0.render(0) }.joined(separator: ", ") + ")"
        }
    }
}

/// Symbolic reverse-mode differentiation of a user function's body, for `verify explain`: the
/// gradient with respect to each parameter as a readable expression (e.g.
/// `grad(J, W) = (W*S - X)*S'`). Covers + − * (matrix and scalar factors), transpose, fro2,
/// trace, inner, inv, solve, op/adj with a constant operator, and calls of other user
/// functions, for functions whose value is visibly a number; anything else makes the
/// explanation say the gradient is computed exactly by reverse mode only.
struct SymbolicGradient {
    let functions: [String: (params: [String], body: Expr)]
    /// Names known to be scalars (numbers, scalar definitions), so `c*A` scales rather than multiplies.
    let scalars: Set<String>

    struct Unsupported: Error { let what: String }

    /// The arguments a user function was applied to: each parameter bound to the argument
    /// expression together with the environment that expression must be read in (a closure),
    /// so nested calls keep their callers' bindings.
    final class Environment {
        let bindings: [String: (expr: Expr, in: Environment)]
        init(_ bindings: [String: (expr: Expr, in: Environment)] = [:]) { self.bindings = bindings }
        static var empty: Environment { Environment() }

        /// The environment of a call of a function with these parameters on these arguments.
        func call(_ params: [String], _ args: [Expr]) -> Environment {
            var b: [String: (expr: Expr, in: Environment)] = [:]
            for (p, a) in zip(params, args) { b[p] = (a, self) }
            return Environment(b)
        }
    }

    /// ∂f/∂p for each parameter p of f, in order. Only for a function whose value is visibly a
    /// number (the reverse sweep is seeded with 1); a matrix- or vector-valued function is
    /// `Unsupported` (its derivative is `D(f, point, dir)`).
    func gradients(of name: String) throws -> [(String, Symbolic)] {
        guard let f = functions[name] else { throw Unsupported(what: name) }
        guard isScalarValued(f.body) else { throw Unsupported(what: "\(name) is not visibly scalar-valued") }
        var adjoints: [String: Symbolic] = [:]
        try backprop(f.body, .number(1), .empty, &adjoints, f.params)
        return f.params.map { ($0, adjoints[$0] ?? .zero) }
    }

    /// The expression of e, with every bound name replaced by what it is bound to.
    func value(_ e: Expr, _ env: Environment) throws -> Symbolic {
        switch e.kind {
        case let .identifier(n):
            if let b = env.bindings[n] { return try value(b.expr, b.in) }
            return .leaf(n)
        case let .number(q): return .number(q)
        case let .unary(.negate, x): return -(try value(x, env))
        case let .transpose(x): return try value(x, env).transposed
        case let .binary(.add, a, b): return try value(a, env) + value(b, env)
        case let .binary(.subtract, a, b): return try value(a, env) + -(value(b, env))
        case let .binary(.multiply, a, b): return try value(a, env) * value(b, env)
        case let .binary(.divide, a, b):
            guard case let .number(q) = b.kind, !q.isZero else { throw Unsupported(what: e.description) }
            return .scale(q.reciprocal, try value(a, env))
        case let .call(fn, args, _):
            if let g = functions[fn] { return try value(g.body, env.call(g.params, args)) }
            return .call(fn, try args.map { try value($0, env) })
        default: throw Unsupported(what: e.description)
        }
    }

    func isScalar(_ e: Expr, _ env: Environment) -> Bool {
        switch e.kind {
        case .number: return true
        case let .identifier(n):
            if let b = env.bindings[n] { return isScalar(b.expr, b.in) }
            return scalars.contains(n)
        case let .call(f, _, _): return ["fro2", "trace", "inner", "det"].contains(f)
        case let .binary(_, a, b): return isScalar(a, env) && isScalar(b, env)
        case let .unary(_, x): return isScalar(x, env)
        default: return false
        }
    }

    /// Adds the adjoint contributions of e (with adjoint `bar`) to the parameters.
    func backprop(_ e: Expr, _ bar: Symbolic, _ env: Environment, _ adj: inout [String: Symbolic], _ params: [String]) throws {
        if bar == .zero { return }
        switch e.kind {
        case let .identifier(n):
            if let b = env.bindings[n] { try backprop(b.expr, bar, b.in, &adj, params); return }
            if params.contains(n) { adj[n] = (adj[n] ?? .zero) + bar }
        case .number: break
        case let .unary(.negate, x): try backprop(x, -bar, env, &adj, params)
        case let .transpose(x): try backprop(x, bar.transposed, env, &adj, params)
        case let .binary(.add, a, b):
            try backprop(a, bar, env, &adj, params)
            try backprop(b, bar, env, &adj, params)
        case let .binary(.subtract, a, b):
            try backprop(a, bar, env, &adj, params)
            try backprop(b, -bar, env, &adj, params)
        case let .binary(.divide, a, b):
            guard case let .number(q) = b.kind, !q.isZero else { throw Unsupported(what: e.description) }
            try backprop(a, .scale(q.reciprocal, bar), env, &adj, params)
        case let .binary(.multiply, a, b):
            let va = try value(a, env), vb = try value(b, env)
            if isScalar(a, env) && !dependsOnParams(a, params, env) {
                try backprop(b, va * bar, env, &adj, params)
            } else if isScalar(b, env) && !dependsOnParams(b, params, env) {
                try backprop(a, vb * bar, env, &adj, params)
            } else if isScalar(a, env) || isScalar(b, env) {
                throw Unsupported(what: e.description)
            } else {
                try backprop(a, bar * vb.transposed, env, &adj, params)
                try backprop(b, va.transposed * bar, env, &adj, params)
            }
        case let .call(fn, args, _):
            if let g = functions[fn] {
                guard g.params.count == args.count else { throw Unsupported(what: fn) }
                try backprop(g.body, bar, env.call(g.params, args), &adj, params)
                return
            }
            let vals = try args.map { try value($0, env) }
            switch fn {
            case "fro2" where args.count == 1: try backprop(args[0], .scale(2, bar * vals[0]), env, &adj, params)
            case "trace" where args.count == 1: try backprop(args[0], bar * .identity, env, &adj, params)
            case "inner" where args.count == 2:
                try backprop(args[0], bar * vals[1], env, &adj, params)
                try backprop(args[1], bar * vals[0], env, &adj, params)
            case "inv" where args.count == 1:
                let c = Symbolic.call("inv", [vals[0]]).transposed
                try backprop(args[0], -(c * bar * c), env, &adj, params)
            case "solve" where args.count == 2:
                // X = A⁻¹B: B̄ = A⁻ᵀX̄, Ā = −A⁻ᵀX̄Xᵀ.
                let c = Symbolic.call("inv", [vals[0]]).transposed
                try backprop(args[1], c * bar, env, &adj, params)
                try backprop(args[0], -(c * bar * Symbolic.call("solve", [vals[0], vals[1]]).transposed), env, &adj, params)
            case "op" where args.count == 2 && !dependsOnParams(args[0], params, env):
                // 𝒜(Z) = (⟨Aᵢ, Z⟩)ᵢ has the adjoint as its transpose: Z̄ = 𝒜*(ȳ).
                try backprop(args[1], .call("adj", [vals[0], bar]), env, &adj, params)
            case "adj" where args.count == 2 && !dependsOnParams(args[0], params, env):
                try backprop(args[1], .call("op", [vals[0], bar]), env, &adj, params)
            default:
                throw Unsupported(what: fn)
            }
        default:
            if dependsOnParams(e, params, env) { throw Unsupported(what: e.description) }
        }
    }

    /// Whether e is visibly a number: a scalar-valued builtin (fro2, trace, inner, det), a
    /// literal or known scalar, or + − of such, a product with a scalar factor of such, a
    /// quotient of such by anything, or a call of a user function whose body is.
    func isScalarValued(_ e: Expr) -> Bool {
        switch e.kind {
        case .number: return true
        case let .identifier(n): return scalars.contains(n)
        case let .unary(_, x): return isScalarValued(x)
        case let .binary(op, a, b):
            switch op {
            case .add, .subtract: return isScalarValued(a) && isScalarValued(b)
            case .multiply: return isScalarValued(a) && isScalarValued(b)
            case .divide, .power: return isScalarValued(a)
            default: return false
            }
        case let .call(fn, args, _):
            if ["fro2", "trace", "inner", "det"].contains(fn) { return true }
            if let g = functions[fn], g.params.count == args.count { return isScalarValued(g.body) }
            return false
        default: return false
        }
    }

    func dependsOnParams(_ e: Expr, _ params: [String], _ env: Environment) -> Bool {
        switch e.kind {
        case let .identifier(n):
            if let b = env.bindings[n] { return dependsOnParams(b.expr, params, b.in) }
            return params.contains(n)
        case .number, .boolean: return false
        case let .unary(_, x), let .transpose(x): return dependsOnParams(x, params, env)
        case let .binary(_, a, b), let .range(a, b): return dependsOnParams(a, params, env) || dependsOnParams(b, params, env)
        case let .call(_, args, _): return args.contains { dependsOnParams($0, params, env) }
        default: return true
        }
    }
}
