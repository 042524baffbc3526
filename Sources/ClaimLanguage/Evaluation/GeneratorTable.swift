import Numbers
import Instances

/// One generator of the claim language: its name, positional arguments, named options (with
/// their meaning), its edge cases with their probabilities, and, for generators whose entries
/// are drawn independently, the facts the Schwartz–Zippel bound needs.
public struct GeneratorSpec: Sendable {
    /// An edge case and its probability while generating (a lower bound when written "≥").
    public struct EdgeCase: Sendable {
        public let description: String
        public let probability: Rational
        public let atLeast: Bool
        init(_ description: String, _ probability: Rational, atLeast: Bool = false) {
            self.description = description
            self.probability = probability
            self.atLeast = atLeast
        }
    }

    /// The law of an entrywise generator: with probability `generic` every entry is drawn
    /// independently with point probability ≤ `point`; otherwise an edge case (about which
    /// nothing is assumed).
    public struct Entrywise: Sendable {
        public let generic: Rational
        public let point: Rational
    }

    public let name: String
    /// The positional arguments, by name (for messages and docs).
    public let arguments: [String]
    /// How many positional arguments a call may have.
    public let arity: ClosedRange<Int>
    /// The named options and what each means.
    public let options: [(name: String, meaning: String)]
    /// True for the generators that branch the instance over every value.
    public let exhaustive: Bool
    public let edgeCases: [EdgeCase]
    public let shrinkOrder: String
    /// The entry law given the call's positional arguments and option names (nil: not an
    /// entrywise generator).
    let entrywise: (@Sendable ([Expr], Set<String>) -> Entrywise)?

    public var signature: String {
        let opts = options.map { "\($0.name):" }
        return "\(name)(\((arguments + opts).joined(separator: ", ")))"
    }

    /// The entry law of a call of this generator, when it is an entrywise generator.
    public func entryLaw(arguments args: [Expr], options names: Set<String>) -> Entrywise? {
        entrywise?(args, names)
    }
}

/// The one table of generators: the evaluator dispatches on it, the loader checks every call
/// against it (arity and option names), `IdentityDegree` takes its point probabilities from it,
/// and docs/claims.md reproduces it.
public enum GeneratorTable {
    static let flag = "a boolean"
    static let matrixEdges: [GeneratorSpec.EdgeCase] = [
        .init("the zero matrix", Rational(1, 16)), .init("identity / [I 0] / [I; 0]", Rational(1, 32)),
        .init("a single nonzero entry", Rational(1, 32)), .init("rank one u·vᵀ", Rational(1, 32)),
        .init("rank deficient (rank ≤ min(m, n) − 1)", Rational(1, 32)),
        .init("a zero row and a zero column", Rational(1, 32)),
        .init("strictly upper triangular (nilpotent when square)", Rational(1, 32)),
        .init("an entry 0 / 1 / −1 (generic branch)", Rational(3, 32)),
    ]

    static func literalInteger(_ e: Expr?) -> Int? {
        guard let e, case let .number(q) = e.kind, q.isInteger else { return nil }
        return q.numerator.asInt
    }

    /// Every generator, in the order of docs/claims.md.
    public static let all: [GeneratorSpec] = [
        GeneratorSpec(
            name: "int", arguments: ["a...b"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the value of the previous int over the same range (equal dimensions), when there is one", Rational(1, 4)),
                        .init("the value of least magnitude (a for a ≥ 0)", Rational(3, 32), atLeast: true),
                        .init("each endpoint", Rational(3, 32), atLeast: true)],
            shrinkOrder: "the value of least magnitude, then the endpoints, then by distance from it",
            entrywise: nil),
        GeneratorSpec(
            name: "rational", arguments: ["h"], arity: 0...1,
            options: [("positive", "> 0"), ("nonzero", "≠ 0"), ("nonnegative", "≥ 0")], exhaustive: false,
            edgeCases: [.init("0 (1 when excluded)", Rational(1, 8), atLeast: true), .init("1", Rational(1, 8), atLeast: true),
                        .init("−1 (0 with nonnegative, 1 with positive)", Rational(1, 8), atLeast: true)],
            shrinkOrder: "0 (or 1), 1, −1, integers, fractions; smaller numerator and denominator first",
            entrywise: { args, names in
                GeneratorSpec.Entrywise(generic: 1, point: Draw.entryPointProbability(
                    height: max(1, literalInteger(args.first) ?? (args.isEmpty ? 9 : 1)), sign: entrySign(names)))
            }),
        GeneratorSpec(
            name: "bool", arguments: [], arity: 0...0, options: [], exhaustive: false,
            edgeCases: [.init("false", Rational(1, 2)), .init("true", Rational(1, 2))],
            shrinkOrder: "false, true", entrywise: nil),
        GeneratorSpec(
            name: "choose", arguments: ["x", "y", "…"], arity: 1...Int.max, options: [], exhaustive: false,
            edgeCases: [.init("each value (uniform: repeat a value to weight it)", 0)],
            shrinkOrder: "toward the first value", entrywise: nil),
        GeneratorSpec(
            name: "matrix", arguments: ["m", "n"], arity: 2...2,
            options: [("nonzero", "every entry nonzero")], exhaustive: false,
            edgeCases: matrixEdges,
            shrinkOrder: "zero matrix, generic (entries toward 0), identity, single entry, rank one, rank deficient, zero lines, nilpotent",
            entrywise: { _, names in
                GeneratorSpec.Entrywise(generic: Draw.genericMatrixProbability,
                                        point: Draw.entryPointProbability(height: 9, sign: names.contains("nonzero") ? .nonzero : .any))
            }),
        GeneratorSpec(
            name: "int_matrix", arguments: ["m", "n"], arity: 2...2,
            options: [("nonzero", "every entry nonzero")], exhaustive: false,
            edgeCases: matrixEdges.dropLast() + [.init("an entry 0 / −9 / 9 (generic branch)", Rational(3, 32), atLeast: true)],
            shrinkOrder: "as matrix; entries in −9…9 toward 0",
            entrywise: { _, names in
                GeneratorSpec.Entrywise(generic: Draw.genericMatrixProbability,
                                        point: names.contains("nonzero") ? Draw.integerPointProbability(1...9) / 2 : Draw.integerPointProbability(-9...9))
            }),
        GeneratorSpec(
            name: "symmetric", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the zero matrix", Rational(1, 16)), .init("the identity", Rational(1, 32)),
                        .init("±v·vᵀ (rank one)", Rational(1, 32)), .init("singular (a zero row and column)", Rational(1, 32)),
                        .init("c·I + v·vᵀ (an eigenvalue of multiplicity ≥ n − 1)", Rational(1, 32)),
                        .init("QᵀDQ with repeated eigenvalues", Rational(1, 32)), .init("diagonal", Rational(1, 32))],
            shrinkOrder: "zero, generic (upper triangle toward 0), identity, rank one, singular, c·I + vvᵀ, QᵀDQ, diagonal",
            entrywise: { _, _ in GeneratorSpec.Entrywise(generic: Draw.genericMatrixProbability, point: Draw.entryPointProbability(height: 9)) }),
        GeneratorSpec(
            name: "skew", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the zero matrix", Rational(1, 16)), .init("a single pair ±a", Rational(1, 16)),
                        .init("rank two u·vᵀ − v·uᵀ", Rational(1, 8))],
            shrinkOrder: "zero, generic (strict upper triangle toward 0), single pair, rank two",
            entrywise: { _, _ in GeneratorSpec.Entrywise(generic: Draw.genericMatrixProbability, point: Draw.entryPointProbability(height: 9)) }),
        GeneratorSpec(
            name: "spd", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the identity", Rational(1, 16)), .init("c·I", Rational(1, 16)),
                        .init("QᵀDQ with repeated eigenvalues", Rational(1, 16)), .init("a positive diagonal", Rational(1, 16))],
            shrinkOrder: "identity, generic QᵀDQ, c·I, repeated eigenvalues, diagonal", entrywise: nil),
        GeneratorSpec(
            name: "orthogonal", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the identity", Rational(1, 16)), .init("a signed permutation matrix", Rational(1, 8)),
                        .init("a diagonal of signs ±1", Rational(1, 16))],
            shrinkOrder: "identity, Cayley transform (K toward 0), signed permutation, sign diagonal", entrywise: nil),
        GeneratorSpec(
            name: "stiefel", arguments: ["m", "k"], arity: 2...2, options: [], exhaustive: false,
            edgeCases: [.init("[I_k; 0]", Rational(1, 16)), .init("columns of a signed permutation", Rational(1, 8)),
                        .init("[±I_k; 0]", Rational(1, 16))],
            shrinkOrder: "as orthogonal(m)", entrywise: nil),
        GeneratorSpec(
            name: "gl", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the identity", Rational(1, 16)), .init("a permutation matrix", Rational(1, 16)),
                        .init("c·I + N, N strictly upper triangular (one eigenvalue, multiplicity n)", Rational(1, 16)),
                        .init("a nonzero diagonal with repeated entries", Rational(1, 16))],
            shrinkOrder: "identity, generic P·L·U (toward I), permutation, c·I + N, diagonal", entrywise: nil),
        GeneratorSpec(
            name: "spectrum", arguments: ["r"], arity: 1...1,
            options: [("ties", "repeated values often (without it the r values are distinct)"),
                      ("squares", "every value a rational square"), ("zeros", "a count k of zeros appended (r + k values)")],
            exhaustive: false,
            edgeCases: [.init("ties: all r values equal", Rational(1, 8)), .init("ties: two distinct values", Rational(1, 8)),
                        .init("ties: each neighbour equal (generic branch, per step)", Rational(1, 4)),
                        .init("no ties: equally spaced s, 2s, …, r·s", Rational(1, 4))],
            shrinkOrder: "all equal (ties) or 1, 2, …, r times s; smallest values first", entrywise: nil),
        GeneratorSpec(
            name: "with_spectrum", arguments: ["d"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("diag(d) (Q = I)", Rational(1, 16)), .init("a permuted diag(d) (Q a signed permutation)", Rational(3, 16))],
            shrinkOrder: "as orthogonal", entrywise: nil),
        GeneratorSpec(
            name: "with_svd", arguments: ["m", "n", "sigma"], arity: 3...3, options: [], exhaustive: false,
            edgeCases: [.init("U = I (and likewise V = I)", Rational(1, 16)), .init("U a signed permutation or sign diagonal", Rational(3, 16)),
                        .init("repeated singular values when sigma has ties (the caller's)", 0)],
            shrinkOrder: "U's choices, then V's, as orthogonal", entrywise: nil),
        GeneratorSpec(
            name: "rank_matrix", arguments: ["m", "n", "r"], arity: 3...3, options: [], exhaustive: false,
            edgeCases: [.init("[I_r 0; 0 0]", Rational(1, 16)), .init("permuted [D 0; 0 0], D with repeated entries", Rational(3, 32)),
                        .init("n − r zero columns", Rational(3, 32))],
            shrinkOrder: "[I_r 0; 0 0], generic W·S (toward it), permuted diagonal, zero columns", entrywise: nil),
        GeneratorSpec(
            name: "subset", arguments: ["D", "q"], arity: 2...2, options: [], exhaustive: false,
            edgeCases: [.init("the first q elements", Rational(1, 8), atLeast: true), .init("the last q elements", Rational(1, 8), atLeast: true)],
            shrinkOrder: "the first q elements, the last q, then picks toward the front", entrywise: nil),
        GeneratorSpec(
            name: "permutation", arguments: ["n"], arity: 1...1, options: [], exhaustive: false,
            edgeCases: [.init("the identity", Rational(1, 8), atLeast: true), .init("the reversal", Rational(1, 8), atLeast: true)],
            shrinkOrder: "identity, reversal, then picks toward the front", entrywise: nil),
        GeneratorSpec(name: "each", arguments: ["D"], arity: 1...1, options: [], exhaustive: true,
                      edgeCases: [], shrinkOrder: "every value, in order", entrywise: nil),
        GeneratorSpec(name: "all_subsets", arguments: ["D", "q"], arity: 1...2, options: [], exhaustive: true,
                      edgeCases: [], shrinkOrder: "every value, in order", entrywise: nil),
        GeneratorSpec(name: "all_permutations", arguments: ["n"], arity: 1...1, options: [], exhaustive: true,
                      edgeCases: [], shrinkOrder: "every value, in order", entrywise: nil),
    ]

    /// The table by name.
    public static let byName: [String: GeneratorSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    static func entrySign(_ names: Set<String>) -> EntrySign {
        if names.contains("positive") { return .positive }
        if names.contains("nonzero") { return names.contains("nonnegative") ? .positive : .nonzero }
        if names.contains("nonnegative") { return .nonnegative }
        return .any
    }

    /// Checks every generator call of a claim against the table: the number of positional
    /// arguments and the names of the options (and that no other call, built-in or user
    /// function, has named arguments). A generator name can never be redefined, so every call
    /// of one is a generator call. Thrown as load errors naming the generator and the option.
    public static func validate(_ claim: Claim) throws(ClaimError) {
        try validate(given: claim.given, define: claim.define, assume: claim.assume, conclusions: claim.conclusions)
    }

    /// `validate(_:)` on the parts of a claim being loaded.
    public static func validate(given: [Claim.Given], define: [Claim.Definition], assume: [Expr],
                                conclusions: [Claim.Conclusion]) throws(ClaimError) {
        for g in given { try check(g.generator) }
        for d in define { try check(d.body) }
        for a in assume { try check(a) }
        for c in conclusions {
            try check(c.expr)
            if let m = c.measure { try check(m) }
        }
    }

    /// Checks the generator calls inside one expression.
    public static func check(_ e: Expr) throws(ClaimError) {
        switch e.kind {
        case .number, .boolean, .identifier: return
        case let .call(name, args, named):
            if let spec = byName[name] {
                guard spec.arity.contains(args.count) else {
                    let expected = spec.arity.lowerBound == spec.arity.upperBound ? "\(spec.arity.lowerBound)"
                        : spec.arity.upperBound == Int.max ? "at least \(spec.arity.lowerBound)"
                        : "\(spec.arity.lowerBound) to \(spec.arity.upperBound)"
                    throw ClaimError(.load, "\(spec.signature) takes \(expected) positional argument(s), got \(args.count)", at: e.location)
                }
                var seen: Set<String> = []
                for (key, _) in named {
                    guard spec.options.contains(where: { $0.name == key }) else {
                        let known = spec.options.isEmpty ? "it takes no options"
                            : "its options: " + spec.options.map(\.name).joined(separator: ", ")
                        throw ClaimError(.load, "\(name): unknown option '\(key)' (\(known))", at: e.location)
                    }
                    guard seen.insert(key).inserted else {
                        throw ClaimError(.load, "\(name): option '\(key)' given twice", at: e.location)
                    }
                }
            }
            if byName[name] == nil, let (key, _) = named.first {
                // Only generators take options: anything else would drop it silently.
                throw ClaimError(.load, "\(name) takes no named arguments (found '\(key)')", at: e.location)
            }
            for a in args { try check(a) }
            for (_, v) in named { try check(v) }
        case let .unary(_, x), let .transpose(x): try check(x)
        case let .binary(_, a, b), let .range(a, b): try check(a); try check(b)
        case let .index(x, items):
            try check(x)
            for i in items { if case let .expr(y) = i { try check(y) } }
        case let .block(rows): for r in rows { for x in r { try check(x) } }
        case let .tuple(items): for x in items { try check(x) }
        case let .binder(_, _, domain, body): try check(domain); try check(body)
        case let .conditional(c, a, b): try check(c); try check(a); try check(b)
        }
    }
}
