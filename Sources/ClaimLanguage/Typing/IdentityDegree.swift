import Numbers

/// Schwartz–Zippel for identity claims. A conclusion `lhs == rhs` whose sides are polynomials in
/// the entries of the randomly drawn matrices and numbers is a randomized identity test: if
/// lhs − rhs is a nonzero polynomial of total degree ≤ d in independent entries, each drawn with
/// point probability ≤ π, then Pr[it vanishes at the draw] ≤ d·π (induction on the variables,
/// as in Schwartz–Zippel, with "at most d_i roots, each of probability ≤ π"). The bound holds
/// conditionally on every other variable (dimensions, orthogonal factors, subsets…), which the
/// analysis treats as constants.
public struct IdentityDegree {
    /// Given variables drawn entrywise i.i.d., with the largest point probability of an entry.
    public private(set) var randomVariables: [String: Rational] = [:]
    var definitions: [String: Expr] = [:]
    var functions: [String: (params: [String], body: Expr)] = [:]
    var memo: [String: Int?] = [:]

    /// The point probability of one entry for each entrywise generator (see GeneratorContext):
    /// `matrix`, `symmetric`, `skew` and `rational` draw 0 with probability 1/8 and no value
    /// more often; `int_matrix` draws uniformly from −9…9; `rational(…, positive: true)` or
    /// `nonzero: true` can draw 1 with probability up to 14/54.
    public init(claim: Claim) {
        for g in claim.given where g.names.count == 1 {
            guard case let .call(name, _, named) = g.generator.kind else { continue }
            let restricted = named.contains { ($0.0 == "positive" || $0.0 == "nonzero") }
            switch name {
            case "matrix", "symmetric", "skew": randomVariables[g.names[0]] = restricted ? Rational(14, 54) : Rational(1, 8)
            case "rational": randomVariables[g.names[0]] = restricted ? Rational(14, 54) : Rational(1, 8)
            case "int_matrix": randomVariables[g.names[0]] = Rational(1, 19)
            default: break
            }
        }
        for d in claim.define {
            if let p = d.parameters { functions[d.name] = (p, d.body) } else { definitions[d.name] = d.body }
        }
    }

    /// The largest point probability among the random variables an expression depends on.
    public var pointProbability: Rational { randomVariables.values.max() ?? 1 }

    /// An upper bound on the total degree of e in the random entries, or nil when e is not
    /// (known to be) polynomial in them.
    public mutating func degree(_ e: Expr) -> Int? { degree(e, [:]) }

    mutating func degree(_ e: Expr, _ local: [String: Int?]) -> Int? {
        switch e.kind {
        case .number, .boolean: return 0
        case let .identifier(n):
            if let d = local[n] { return d }
            if randomVariables[n] != nil { return 1 }
            if let body = definitions[n] {
                if let cached = memo[n] { return cached }
                memo[n] = .some(nil)  // guard against cycles
                let d = degree(body, [:])
                memo[n] = .some(d)
                return d
            }
            return 0
        case let .unary(.negate, x), let .transpose(x): return degree(x, local)
        case .unary(.not, _): return nil
        case let .binary(op, a, b):
            let x = degree(a, local), y = degree(b, local)
            switch op {
            case .add, .subtract: return x.flatMap { x in y.map { max(x, $0) } }
            case .multiply: return x.flatMap { x in y.map { x + $0 } }
            case .divide: return y == 0 ? x : nil
            case .power:
                guard let x, y == 0, case let .number(q) = b.kind, q.isInteger, let k = q.numerator.asInt, k >= 0 else {
                    return x == 0 && y == 0 ? 0 : nil
                }
                return x * k
            default: return nil
            }
        case let .index(x, args):
            for a in args { if case let .expr(i) = a, degree(i, local) != 0 { return nil } }
            return degree(x, local)
        case let .block(rows):
            var d = 0
            for row in rows { for x in row { guard let y = degree(x, local) else { return nil }; d = max(d, y) } }
            return d
        case let .tuple(items):
            var d = 0
            for x in items { guard let y = degree(x, local) else { return nil }; d = max(d, y) }
            return d
        case let .binder(kind, v, domain, body):
            guard degree(domain, local) == 0 else { return nil }
            var inner = local
            inner[v] = 0
            guard let d = degree(body, inner) else { return nil }
            switch kind {
            case .sum, .column, .hcat, .vcat, .seq: return d
            case .prod: return d == 0 ? 0 : nil   // the number of factors is not known statically
            default: return d == 0 ? 0 : nil
            }
        case .range, .conditional: return allConstant(e, local) ? 0 : nil
        case let .call(name, args, _):
            if let f = functions[name] {
                var inner: [String: Int?] = [:]
                for (p, a) in zip(f.params, args) { inner[p] = .some(degree(a, local)) }
                guard inner.values.allSatisfy({ $0 != nil }) else { return nil }
                return degree(f.body, inner)
            }
            let ds = args.dropFirst(calculusNames.contains(name) ? 1 : 0).map { degree($0, local) }
            switch name {
            case "trace", "diag", "vec", "zeros", "ones", "eye", "e", "unvec":
                return ds.allSatisfy { $0 != nil } ? ds.compactMap { $0 }.max() ?? 0 : nil
            case "fro2":
                return ds.first.flatMap { $0 }.map { 2 * $0 }
            case "inner", "kron":
                return ds.count == 2 ? ds[0].flatMap { a in ds[1].map { a + $0 } } : nil
            case "grad", "hessian", "is_critical", "D", "d2", "hessmap", "taylor":
                // Derivatives never raise the degree in the random entries beyond that of f at
                // the point, plus one factor of the direction per derivative order.
                guard case let .identifier(fname) = args.first?.kind, let f = functions[fname],
                      ds.allSatisfy({ $0 != nil }) else { return nil }
                let pointDegree = ds.first.flatMap { $0 } ?? 0
                let dirDegree = ds.dropFirst().compactMap { $0 }.max() ?? 0
                var inner: [String: Int?] = [:]
                for p in f.params { inner[p] = .some(max(pointDegree, dirDegree)) }
                guard let fd = degree(f.body, inner) else { return nil }
                switch name {
                case "D", "hessmap": return fd + dirDegree
                case "d2": return fd + 2 * dirDegree
                default: return fd
                }
            default:
                // Anything else (inv, det, sqrt, spectra, …) is polynomial only on constants.
                return ds.allSatisfy { $0 == 0 } ? 0 : nil
            }
        }
    }

    let calculusNames: Set<String> = ["grad", "hessian", "is_critical", "D", "d2", "hessmap", "taylor"]

    mutating func allConstant(_ e: Expr, _ local: [String: Int?]) -> Bool {
        switch e.kind {
        case let .range(a, b): return degree(a, local) == 0 && degree(b, local) == 0
        case let .conditional(c, a, b):
            return degree(c, local) == 0 && degree(a, local) == 0 && degree(b, local) == 0
        default: return degree(e, local) == 0
        }
    }

    /// For a conclusion that is an identity `lhs == rhs` (possibly under `P =>`), the degree
    /// bound d of lhs − rhs in the random entries, when both sides are polynomial and d ≥ 1.
    public mutating func identityDegree(of conclusion: Expr) -> Int? {
        var e = conclusion
        if case let .binary(.implies, _, q) = e.kind { e = q }
        guard case let .binary(.equal, a, b) = e.kind, let x = degree(a), let y = degree(b) else { return nil }
        let d = max(x, y)
        return d >= 1 ? d : nil
    }
}
