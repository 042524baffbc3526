/// Checks a claim's shapes symbolically before any instance is drawn: every matrix gets a shape
/// in terms of the claim's integer variables, and an operation whose operands' shapes are known
/// to differ as polynomials (`W*W' - S*S'` with W m×k, S k×n: m×m against k×k) is a dimension
/// error naming both shapes, even on instances where the numbers happen to agree (m = k).
/// What the checker cannot follow becomes `unknown` and is left to the runtime checks.
public final class ShapeChecker {
    enum Entry {
        case type(StaticType)
        case definition(Expr)
        case function([String], Expr)
        case checking
    }
    var env: [String: Entry] = [:]
    /// Integer variables declared in "given": only these make dimensions comparable.
    var integerVariables: Set<String> = []

    /// Prepares the checker from a claim's "given" and "define" sections.
    /// - Throws: a dimension error found in a generator's arguments.
    public init(claim: Claim) throws(ClaimError) {
        for g in claim.given {
            let t = try generatorType(g)
            if g.names.count == 1 { env[g.names[0]] = .type(t) } else {
                if case let .tuple(items) = t, items.count == g.names.count {
                    for (n, x) in zip(g.names, items) { env[n] = .type(x) }
                } else {
                    for n in g.names { env[n] = .type(.unknown) }
                }
            }
        }
        for d in claim.define {
            if let p = d.parameters { env[d.name] = .function(p, d.body) } else { env[d.name] = .definition(d.body) }
        }
    }

    /// The static type of a conclusion (or any expression in the claim's scope).
    public func check(_ e: Expr) throws(ClaimError) -> StaticType { try infer(e, [:]) }

    func generatorType(_ g: Claim.Given) throws(ClaimError) -> StaticType {
        guard case let .call(name, args, named) = g.generator.kind else { return try infer(g.generator, [:]) }
        func dim(_ i: Int) throws(ClaimError) -> Dimension? {
            guard i < args.count else { return nil }
            if case let .integer(d) = try infer(args[i], [:]) { return d }
            return nil
        }
        func square(_ d: Dimension?) -> StaticType { d.map { .matrix($0, $0) } ?? .unknown }
        switch name {
        case "int", "each":
            guard g.names.count == 1 else { return .unknown }
            integerVariables.insert(g.names[0])
            return .integer(.atom(g.names[0]))
        case "rational": return .scalar
        case "bool": return .boolean
        case "matrix", "int_matrix", "rank_matrix":
            if let r = try dim(0), let c = try dim(1) { return .matrix(r, c) }
            return .unknown
        case "orthogonal", "gl", "spd", "symmetric", "skew": return square(try dim(0))
        case "stiefel":
            if let r = try dim(0), let c = try dim(1) { return .matrix(r, c) }
            return .unknown
        case "spectrum":
            guard let r = try dim(0) else { return .unknown }
            var z = Dimension.constant(0)
            if let zn = named.first(where: { $0.0 == "zeros" }) {
                guard case let .integer(d?) = try infer(zn.1, [:]) else { return .unknown }
                z = d
            }
            return .matrix(r + z, .constant(1))
        case "with_spectrum":
            if case let .matrix(r, _) = try infer(args[0], [:]) { return .matrix(r, r) }
            return .unknown
        case "with_svd":
            guard let m = try dim(0), let n = try dim(1) else { return .unknown }
            return .tuple([.matrix(m, n), .matrix(m, m), .matrix(n, n)])
        case "subset", "all_subsets":
            return args.count == 2 ? .indices(try dim(1)) : .indices(nil)
        case "permutation", "all_permutations": return .indices(try dim(0))
        default: return .unknown
        }
    }

    func mismatch(_ e: Expr, _ what: String, _ a: StaticType, _ b: StaticType) -> ClaimError {
        ClaimError(.dimension, "\(what): \(a) and \(b)", at: e.location)
    }

    /// Known to differ: the difference is a nonzero polynomial in declared integer variables
    /// only. A difference that involves an opaque atom (`len(I)`, `min(k, r)`) may vanish on
    /// every instance and is left to the runtime check.
    func differ(_ a: Dimension, _ b: Dimension) -> Bool {
        let d = a - b
        if d.terms.isEmpty { return false }
        return d.terms.keys.allSatisfy { $0.allSatisfy { integerVariables.contains($0) } }
    }

    /// The type of `if c then a else b`: what both branches agree on. A dimension on which they
    /// may differ becomes an opaque atom (never a claim's integer variable), so it is checked at
    /// run time and never reported as a static mismatch.
    func join(_ x: StaticType, _ y: StaticType, _ e: Expr) -> StaticType {
        func same(_ a: Dimension, _ b: Dimension) -> Bool { (a - b).terms.isEmpty }
        func joined(_ a: Dimension, _ b: Dimension, _ what: String) -> Dimension {
            same(a, b) ? a : .atom("\(what)(\(e.description))")
        }
        switch (x, y) {
        case let (.integer(a?), .integer(b?)): return .integer(same(a, b) ? a : nil)
        case (.integer, .integer): return .integer(nil)
        case let (.matrix(r1, c1), .matrix(r2, c2)):
            return .matrix(joined(r1, r2, "rows"), joined(c1, c2, "cols"))
        case let (.indices(a), .indices(b)):
            if let a, let b, same(a, b) { return .indices(a) }
            return .indices(nil)
        case let (.sequence(a), .sequence(b)): return .sequence(join(a, b, e))
        case let (.tuple(a), .tuple(b)) where a.count == b.count:
            return .tuple(zip(a, b).map { join($0, $1, e) })
        case (.scalar, .scalar), (.boolean, .boolean), (.function, .function): return x
        default: return .unknown
        }
    }

    func isOneByOne(_ t: StaticType) -> Bool {
        if case let .matrix(r, c) = t { return r.constantValue == 1 && c.constantValue == 1 }
        return false
    }

    func atom(_ e: Expr) -> StaticType { .integer(.atom(e.description)) }

    func infer(_ e: Expr, _ local: [String: StaticType]) throws(ClaimError) -> StaticType {
        switch e.kind {
        case let .number(q):
            if q.isInteger, let i = q.numerator.asInt { return .integer(.constant(i)) }
            return .scalar
        case .boolean: return .boolean
        case let .identifier(n):
            if let t = local[n] { return t }
            switch env[n] {
            case let .type(t)?: return t
            case let .definition(body)?:
                env[n] = .checking
                do {
                    let t = try infer(body, [:])
                    env[n] = .type(t)
                    return t
                } catch {
                    env[n] = .definition(body)
                    throw error
                }
            case .function?: return .function
            case .checking?, nil: return .unknown
            }
        case let .unary(op, x):
            let t = try infer(x, local)
            if op == .not { return .boolean }
            if case let .integer(d) = t { return .integer(d.map { -$0 }) }
            return t
        case let .transpose(x):
            switch try infer(x, local) {
            case let .matrix(r, c): return .matrix(c, r)
            case let t: return t
            }
        case let .binary(op, a, b):
            let x = try infer(a, local), y = try infer(b, local)
            return try binary(op, x, y, e)
        case let .range(a, b):
            if case let .integer(lo?) = try infer(a, local), case let .integer(hi?) = try infer(b, local) {
                return .indices(hi - lo + .constant(1))
            }
            return .indices(nil)
        case let .index(x, args):
            let t = try infer(x, local)
            func count(_ a: IndexArgument, _ whole: Dimension) throws(ClaimError) -> Dimension? {
                switch a {
                case .all: return whole
                case let .expr(y):
                    switch try infer(y, local) {
                    case .integer: return nil  // a single index: the dimension disappears
                    case let .indices(n): return n ?? .atom("len(\(y))")
                    default: return .atom("len(\(y))")
                    }
                }
            }
            switch t {
            case let .matrix(r, c):
                if args.count == 2 {
                    let rr = try count(args[0], r), cc = try count(args[1], c)
                    if rr == nil && cc == nil { return .scalar }
                    return .matrix(rr ?? .constant(1), cc ?? .constant(1))
                }
                if c.constantValue == 1 { return try count(args[0], r).map { .matrix($0, .constant(1)) } ?? .scalar }
                if r.constantValue == 1 { return try count(args[0], c).map { .matrix(.constant(1), $0) } ?? .scalar }
                return .unknown
            case .indices:
                if case .expr(let y) = args[0] {
                    switch try infer(y, local) {
                    case .integer: return .integer(.atom(e.description))
                    case let .indices(n): return .indices(n)
                    default: break
                    }
                }
                return .indices(nil)
            case let .sequence(el):
                if case .expr(let y) = args[0], case .integer = try infer(y, local) { return el }
                return t
            case let .tuple(items):
                if case .expr(let y) = args[0], case let .integer(d?) = try infer(y, local), let i = d.constantValue, i >= 1, i <= items.count {
                    return items[i - 1]
                }
                return .unknown
            default: return .unknown
            }
        case let .block(rows):
            var rowTypes: [(Dimension, Dimension)?] = []
            for row in rows {
                var h: Dimension? = nil
                var w: Dimension? = .constant(0)
                for x in row {
                    var t = try infer(x, local)
                    if case .integer = t { t = .matrix(.constant(1), .constant(1)) }
                    if case .scalar = t { t = .matrix(.constant(1), .constant(1)) }
                    guard case let .matrix(r, c) = t else { h = nil; w = nil; break }
                    if let hh = h, differ(hh, r) {
                        throw ClaimError(.dimension, "blocks in one block row have different row counts: \(hh) and \(r)", at: x.location)
                    }
                    h = r
                    w = w.map { $0 + c }
                }
                rowTypes.append(h.flatMap { hh in w.map { (hh, $0) } })
            }
            guard rowTypes.allSatisfy({ $0 != nil }), !rowTypes.isEmpty else { return .unknown }
            let first = rowTypes[0]!
            for rt in rowTypes.dropFirst() where differ(rt!.1, first.1) {
                throw ClaimError(.dimension, "block rows have different column counts: \(first.1) and \(rt!.1)", at: e.location)
            }
            return .matrix(rowTypes.reduce(Dimension.constant(0)) { $0 + $1!.0 }, first.1)
        case let .tuple(items):
            var ts: [StaticType] = []
            for i in items { ts.append(try infer(i, local)) }
            return .tuple(ts)
        case let .binder(kind, v, domain, body):
            _ = try infer(domain, local)
            var inner = local
            inner[v] = .integer(.atom(v))
            let t = try infer(body, inner)
            switch kind {
            case .all, .any: return .boolean
            case .first, .count: return .integer(.atom(e.description))
            case .filter: return .indices(nil)
            case .seq: return .sequence(t)
            case .column:
                if case let .indices(n?) = try infer(domain, local) { return .matrix(n, .constant(1)) }
                return .unknown
            case .hcat, .vcat:
                guard case let .matrix(r, c) = t, case let .indices(n?) = try infer(domain, local) else { return .unknown }
                return kind == .hcat ? .matrix(r, c * n) : .matrix(r * n, c)
            case .sum, .min, .max:
                if case .integer = t { return .integer(.atom(e.description)) }
                return t
            case .prod:
                if case .integer = t { return .integer(.atom(e.description)) }
                if case let .matrix(r, c) = t, !differ(r, c) { return t }
                return .unknown
            }
        case let .conditional(_, a, b):
            return join(try infer(a, local), try infer(b, local), e)
        case let .call(name, args, _):
            return try call(name, args, e, local)
        }
    }

    func binary(_ op: BinaryOperator, _ x: StaticType, _ y: StaticType, _ e: Expr) throws(ClaimError) -> StaticType {
        if op.isLogical { return .boolean }
        if op.isComparison {
            if case let .matrix(r1, c1) = x, case let .matrix(r2, c2) = y, !isOneByOne(x), !isOneByOne(y),
               differ(r1, r2) || differ(c1, c2) {
                throw mismatch(e, "cannot compare", x, y)
            }
            if case let .tuple(a) = x, case let .tuple(b) = y, a.count == b.count {
                for (s, t) in zip(a, b) { _ = try binary(op, s, t, e) }
            }
            return .boolean
        }
        switch (x, y) {
        case let (.integer(a), .integer(b)):
            guard let a, let b else { return .integer(nil) }
            switch op {
            case .add: return .integer(a + b)
            case .subtract: return .integer(a - b)
            case .multiply: return .integer(a * b)
            case .power: return .integer(.atom(e.description))
            default: return .scalar
            }
        case let (.matrix(r1, c1), .matrix(r2, c2)):
            if isOneByOne(x) && op == .multiply { return y }
            if isOneByOne(y) && op == .multiply { return x }
            switch op {
            case .add, .subtract:
                if isOneByOne(x) && isOneByOne(y) { return x }
                if differ(r1, r2) || differ(c1, c2) {
                    throw mismatch(e, op == .add ? "cannot add" : "cannot subtract", x, y)
                }
                return x
            case .multiply:
                if differ(c1, r2) { throw mismatch(e, "cannot multiply", x, y) }
                return .matrix(r1, c2)
            default: return .unknown
            }
        case (.matrix, .integer), (.matrix, .scalar): return op == .power ? x : (op == .add || op == .subtract ? (isOneByOne(x) ? .scalar : .unknown) : x)
        case (.integer, .matrix), (.scalar, .matrix): return op == .multiply ? y : .unknown
        case (.tuple, .tuple), (_, .tuple): return y
        case (.scalar, .scalar), (.scalar, .integer), (.integer, .scalar): return .scalar
        // Anything with an operand of unknown type may be a matrix: unknown, checked at run time.
        default: return .unknown
        }
    }

    func call(_ name: String, _ args: [Expr], _ e: Expr, _ local: [String: StaticType]) throws(ClaimError) -> StaticType {
        var ts: [StaticType] = []
        let calculus: Set<String> = ["grad", "hessian", "D", "d2", "hessmap", "is_critical", "taylor"]
        for a in args where !calculus.contains(name) || a !== args.first {
            ts.append(try infer(a, local))
        }
        if case let .function(params, body)? = env[name] {
            guard params.count == ts.count else { return .unknown }
            var inner: [String: StaticType] = [:]
            for (p, t) in zip(params, ts) { inner[p] = t }
            return try infer(body, inner)
        }
        func dim(_ i: Int) -> Dimension? {
            guard i < ts.count else { return nil }
            if case let .integer(d) = ts[i] { return d }
            return nil
        }
        func matrixShape(_ i: Int) -> (Dimension, Dimension)? {
            guard i < ts.count, case let .matrix(r, c) = ts[i] else { return nil }
            return (r, c)
        }
        func requireSquare(_ i: Int) throws(ClaimError) {
            if let (r, c) = matrixShape(i), differ(r, c), !(r.constantValue == 1 && c.constantValue == 1) {
                throw ClaimError(.dimension, "\(name) needs a square matrix, got \(ts[i])", at: args[i].location)
            }
        }
        switch name {
        case "zeros", "ones":
            if let r = dim(0) { return .matrix(r, ts.count > 1 ? (dim(1) ?? .atom("?")) : .constant(1)) }
            return .unknown
        case "eye": return dim(0).map { .matrix($0, $0) } ?? .unknown
        case "e": return dim(1).map { .matrix($0, .constant(1)) } ?? .unknown
        case "diag":
            if let (r, c) = matrixShape(0) {
                if c.constantValue == 1 { return .matrix(r, r) }
                if r.constantValue == 1 { return .matrix(c, c) }
                return .matrix(.atom("min(\(r), \(c))"), .constant(1))
            }
            return .unknown
        case "trace", "det":
            try requireSquare(0)
            return .scalar
        case "inv":
            try requireSquare(0)
            return ts.first ?? .unknown
        case "pinv":
            return matrixShape(0).map { .matrix($0.1, $0.0) } ?? .unknown
        case "lambda_min", "lambda_max", "eig":
            try requireSquare(0)
            return .scalar
        case "roots", "svals": return .sequence(.scalar)
        case "sigma_max", "nuclear": return .scalar
        case "root_count": return .integer(.atom(e.description))
        case "poly", "kth_root": return .scalar
        case "mod": return .integer(.atom(e.description))
        case "permutations": return .sequence(.indices(dim(0)))
        case "adj":
            if case let .sequence(el)? = ts.first { return el }
            return .unknown
        case "op": return .unknown
        case "argsort": return matrixShape(0).map { .indices($0.0 * $0.1) } ?? .indices(nil)
        case "sort": return ts.first ?? .unknown
        case "charpoly":
            try requireSquare(0)
            return matrixShape(0).map { .matrix($0.0 + .constant(1), .constant(1)) } ?? .unknown
        case "inertia": try requireSquare(0); return .tuple([.integer(nil), .integer(nil), .integer(nil)])
        case "psd", "pd", "is_symmetric", "has_inverse", "is_critical": return .boolean
        case "num_neg", "num_zero", "num_pos", "rank", "nullity", "rows", "cols", "len", "floor", "ceil", "sign":
            return .integer(.atom(e.description))
        case "fro2", "fro", "abs": return .scalar
        case "inner":
            if let (r1, c1) = matrixShape(0), let (r2, c2) = matrixShape(1), differ(r1, r2) || differ(c1, c2) {
                throw mismatch(e, "inner product of different shapes", ts[0], ts[1])
            }
            return .scalar
        case "sqrt": return ts.first.map { if case .integer = $0 { return .scalar } else { return $0 } } ?? .unknown
        case "min", "max":
            if ts.allSatisfy({ if case .integer = $0 { return true } else { return false } }) { return .integer(.atom(e.description)) }
            return .scalar
        case "vec": return matrixShape(0).map { .matrix($0.0 * $0.1, .constant(1)) } ?? .unknown
        case "unvec": if let r = dim(1), let c = dim(2) { return .matrix(r, c) } else { return .unknown }
        case "kron":
            if let (a, b) = matrixShape(0), let (c, d) = matrixShape(1) { return .matrix(a * c, b * d) }
            return .unknown
        case "solve": return matrixShape(1).map { .matrix($0.0, $0.1) } ?? .unknown
        case "at": return .unknown
        case "reverse", "minus": return .indices(nil)
        case "grad":
            let shapes = ts.flatMap { t -> [StaticType] in if case let .tuple(x) = t { return x } else { return [t] } }
            return shapes.count == 1 ? shapes[0] : .tuple(shapes)
        case "hessian":
            let shapes = ts.flatMap { t -> [StaticType] in if case let .tuple(x) = t { return x } else { return [t] } }
            var n = Dimension.constant(0)
            for s in shapes {
                guard case let .matrix(r, c) = s else { return .unknown }
                n = n + r * c
            }
            return .matrix(n, n)
        case "hessmap": return ts.first ?? .unknown
        case "D", "d2", "taylor": return .unknown
        default: return .unknown
        }
    }
}
