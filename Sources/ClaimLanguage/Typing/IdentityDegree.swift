import Numbers

/// Schwartz–Zippel for identity claims. A conclusion `lhs == rhs` whose sides are polynomials in
/// the entries of the randomly drawn matrices and numbers is a randomized identity test: if
/// lhs − rhs is a nonzero polynomial of total degree ≤ d in independent entries, each drawn with
/// point probability ≤ π, then Pr[it vanishes at the draw] ≤ d·π (induction on the variables,
/// as in Schwartz–Zippel, with "at most d_i roots, each of probability ≤ π"). The bound holds
/// conditionally on every other variable (dimensions, orthogonal factors, subsets…), which the
/// analysis treats as constants.
///
/// The generators mix a generic branch (entries i.i.d.) with edge cases (the zero matrix, the
/// identity, rank one, …) in which the entries are not independent and the difference may
/// vanish identically (W = 0 kills many terms). So the bound conditions on the branches: with
/// G = ∏ᵥ gᵥ the probability that every entrywise variable takes its generic branch (gᵥ from
/// `GeneratorTable`: 3/4 for the matrix generators, 1 for `rational`) and π the largest point
/// probability of a generic entry (exact, from the entry's law),
///
///     Pr[a nonzero difference vanishes] ≤ (1 − G) + G·d·π ≤ d·(π + 1 − G)   (d ≥ 1).
///
/// `pointProbability` is π + (1 − G), so degree × pointProbability is a true (conservative)
/// per-instance bound; `survivalBound(degree:)` is the sharper (1 − G) + G·d·π.
public struct IdentityDegree {
    /// Given variables drawn entrywise, with the largest point probability of a generic entry.
    public private(set) var randomVariables: [String: Rational] = [:]
    /// The probability of the generic (entrywise i.i.d.) branch of each such variable.
    public private(set) var genericProbabilities: [String: Rational] = [:]
    var definitions: [String: Expr] = [:]
    var functions: [String: (params: [String], body: Expr)] = [:]
    var memo: [String: Int?] = [:]

    /// The entry laws come from `GeneratorTable` (the generators' own description).
    public init(claim: Claim) {
        for g in claim.given where g.names.count == 1 {
            guard case let .call(name, args, named) = g.generator.kind,
                  let law = GeneratorTable.byName[name]?.entryLaw(arguments: args, options: Set(named.map(\.0))) else { continue }
            randomVariables[g.names[0]] = law.point
            genericProbabilities[g.names[0]] = law.generic
        }
        for d in claim.define {
            if let p = d.parameters { functions[d.name] = (p, d.body) } else { definitions[d.name] = d.body }
        }
    }

    /// The probability that every entrywise variable takes its generic branch.
    public var genericProbability: Rational { genericProbabilities.values.reduce(Rational(1)) { $0 * $1 } }

    /// The largest point probability of a generic entry.
    public var entryPointProbability: Rational { randomVariables.values.max() ?? 1 }

    /// An effective point probability p with d·p ≥ Pr[a nonzero difference of degree d ≥ 1
    /// vanishes at one instance]: π + (1 − G) (see the type's documentation), at most 1.
    public var pointProbability: Rational {
        let p = entryPointProbability + (1 - genericProbability)
        return p > 1 ? 1 : p
    }

    /// The point probability p with d·p = `survivalBound(degree: d)`: what a report of the form
    /// "degree × point probability" should print to use the sharper bound (d ≥ 1).
    public func effectivePointProbability(degree d: Int) -> Rational {
        survivalBound(degree: d) / Rational(Swift.max(1, d))
    }

    /// The per-instance bound (1 − G) + G·d·π on the probability that a nonzero difference of
    /// degree d survives an instance (at most 1).
    public func survivalBound(degree d: Int) -> Rational {
        let g = genericProbability
        let b = (1 - g) + g * Rational(d) * entryPointProbability
        return b > 1 ? 1 : b
    }

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
