import Numbers
import Matrices
import Instances

/// Draws the random objects a claim quantifies over. Every random decision is one bounded
/// choice of the `Instances` library's `ChoiceSource` (unbiased, recorded in order), and every
/// generator is a `Draw` function with a bounded number of draws (no rejection, no retry) that
/// reaches its edge cases through dedicated mode choices with stated probabilities
/// (`GeneratorTable` lists them; docs/claims.md reproduces the table). Objects are exact over ℚ.
public final class GeneratorContext: @unchecked Sendable {
    /// Random generators (one value per draw).
    static let randomNames: Set<String> = Set(GeneratorTable.all.filter { !$0.exhaustive }.map(\.name))
    /// Exhaustive generators: the instance branches over every value.
    public static let exhaustiveNames: Set<String> = Set(GeneratorTable.all.filter(\.exhaustive).map(\.name))
    static let names = randomNames.union(exhaustiveNames)

    var source: ChoiceSource

    /// Every `int(a...b)` drawn so far in this instance, with its range (the most recent last),
    /// so that a later `int` over the same range can repeat its value (equal dimensions).
    var integers: [(range: ClosedRange<Int>, value: Int)] = []

    /// Every random decision made so far, in order: the choice in 0...bound of each draw (see
    /// `ChoiceSource`). An instance is a pure function of this list: replaying it with
    /// `init(replaying:)` reproduces the instance exactly.
    public var choices: [Int] { source.choices.map { Int(clamping: $0) } }

    /// True once a replay has needed more decisions than the stored list holds (the missing ones
    /// were taken to be 0). Always false when drawing from a seed.
    public var overran: Bool { source.overran }

    /// Draws from a `ChoiceSource` seeded with `seed`.
    public init(seed: UInt64) {
        source = ChoiceSource(seed: seed)
    }

    /// Replays a choice sequence: the i-th draw with bound b takes min(max(c_i, 0), b), and 0 once
    /// the list has run out. Choice 0 is the simplest option of every decision (the smallest
    /// dimension, 0 for a `rational`, the zero matrix, the identity for `gl`/`orthogonal`/`spd`,
    /// all-equal values for a `spectrum` with ties), so the empty list gives the simplest
    /// instance and lowering or deleting choices moves toward it.
    ///
    /// - Guarantee: every list replays to an instance with finitely many draws (no generator
    ///   has a rejection loop).
    public init(replaying choices: [Int]) {
        source = ChoiceSource(replaying: choices.map { UInt64(Swift.max($0, 0)) })
    }

    /// The k-th instance of the small scope (k ≥ 0): the replay of the k-th choice sequence
    /// over {0, 1, 2} whose last choice is not 0, in shortlex order (k = 0 is the empty list,
    /// then [1], [2], [0, 1], [0, 2], [1, 1], …). By the choice convention these are the
    /// simplest instances first: smallest dimensions, then entries in {0, 1, −1} (a rational's
    /// modes 0, 1, 2), the zero matrix or a generic matrix (a matrix's modes 0 and 1).
    /// Sequences that differ only past the draws an instance makes give the same instance.
    public convenience init(smallScope k: Int) {
        self.init(replaying: GeneratorContext.smallScopeChoices(k))
    }

    /// The k-th choice sequence of the small scope (see `init(smallScope:)`).
    public static func smallScopeChoices(_ k: Int) -> [Int] {
        precondition(k >= 0, "negative small-scope index")
        if k == 0 { return [] }
        // Sequences of length L ending in 1 or 2: 2·3^(L−1) of them.
        var rest = k - 1, length = 1, count = 2
        while rest >= count { rest -= count; length += 1; count *= 3 }
        // rest indexes the sequences of this length in shortlex order: the prefix of L − 1
        // digits in base 3 (most significant first), then the last digit 1 or 2.
        let last = rest % 2 + 1
        var prefix = rest / 2
        var digits = [Int](repeating: 0, count: length - 1)
        for i in stride(from: length - 2, through: 0, by: -1) { digits[i] = prefix % 3; prefix /= 3 }
        return digits + [last]
    }

    /// Whether decisions come from a stored list rather than from the seed.
    public var isReplaying: Bool { source.isReplaying }

    /// The value of the most recent `int` drawn over the same range, if any.
    func previousInteger(in range: ClosedRange<Int>) -> Int? { integers.last { $0.range == range }?.value }
}


extension GeneratorContext {
    /// One generator's value; the claim's deadline is polled afterwards, so a draw that a
    /// deadline cut short (whose kernels gave up) is never used.
    func generate(_ name: String, _ args: [Value], _ options: [String: Value], _ e: Expr, _ ev: Evaluator) throws(ClaimError) -> Value {
        let value = try generateValue(name, args, options, e, ev)
        try ev.poll(e)
        return value
    }

    func generateValue(_ name: String, _ args: [Value], _ options: [String: Value], _ e: Expr, _ ev: Evaluator) throws(ClaimError) -> Value {
        // The loader checks the table (arity, option names); this guards claims built in code.
        guard let spec = GeneratorTable.byName[name] else { throw ev.fail(e, "unknown generator \(name)") }
        guard spec.arity.contains(args.count) else {
            throw ev.fail(e, "\(spec.signature): wrong number of arguments (\(args.count))")
        }
        for key in options.keys where !spec.options.contains(where: { $0.name == key }) {
            throw ev.fail(e, "\(name): unknown option '\(key)'")
        }
        func int(_ i: Int) throws(ClaimError) -> Int {
            guard i < args.count else { throw ev.fail(e, "\(name): missing argument \(i + 1)") }
            return try ev.integer(args[i], e)
        }
        func flag(_ key: String) throws(ClaimError) -> Bool {
            guard let v = options[key] else { return false }
            switch try ev.truth(v, e) {
            case .true: return true
            case .false: return false
            default: throw ev.fail(e, "\(name): option '\(key)' must be true or false")
            }
        }
        func dim(_ n: Int) throws(ClaimError) -> Int {
            guard n >= 0 else { throw ev.fail(e, "\(name): negative dimension \(n)") }
            try ev.checkSize(n, n, e)
            return n
        }
        switch name {
        case "int":
            let dom = try ev.indices(args[0], e)
            guard let lo = dom.first, let hi = dom.last, lo <= hi else { throw ClaimError.outsideDomain("int: empty range on this draw (the instance is vacuous)", at: e.location) }
            let v = Draw.claimInteger(in: lo...hi, previous: previousInteger(in: lo...hi), from: &source)
            integers.append((lo...hi, v))
            return .scalar(Rational(v))
        case "bool": return .truth(Truth(Draw.boolean(from: &source)))
        case "rational":
            let h = args.isEmpty ? 9 : try int(0)
            let positive = try flag("positive"), nonzero = try flag("nonzero"), nonnegative = try flag("nonnegative")
            let sign: EntrySign = positive || (nonzero && nonnegative) ? .positive : nonzero ? .nonzero : nonnegative ? .nonnegative : .any
            return .scalar(Draw.entry(height: max(1, h), sign: sign, from: &source))
        case "choose":
            // Uniform, so that repeating a value weights it.
            if args.count == 1, case let .indices(list) = args[0], !list.isEmpty {
                return .scalar(Rational(list[source.draw(upTo: list.count - 1)]))
            }
            return args[source.draw(upTo: args.count - 1)]
        case "matrix", "int_matrix":
            let m = try dim(try int(0)), n = try dim(try int(1))
            try ev.checkSize(m, n, e)
            let integer = name == "int_matrix"
            return .matrix(Draw.claimMatrix(rows: m, columns: n, nonzero: try flag("nonzero"), element: { sign, small, s in
                integer ? Draw.integerEntry(small ? -3...3 : -9...9, nonzero: sign == .nonzero, from: &s)
                    : Draw.entry(height: small ? 3 : 9, sign: sign, from: &s)
            }, from: &source))
        case "skew": return .matrix(Draw.claimSkew(try dim(try int(0)), from: &source))
        case "orthogonal": return .matrix(Draw.claimOrthogonal(try dim(try int(0)), from: &source))
        case "stiefel":
            let m = try dim(try int(0)), k = try int(1)
            guard k >= 0 && k <= m else { throw ev.fail(e, "stiefel(m, k) needs 0 ≤ k ≤ m") }
            return .matrix(Draw.claimOrthogonal(m, from: &source).selecting(columns: Array(0..<k)))
        case "gl": return .matrix(Draw.claimInvertible(try dim(try int(0)), from: &source))
        case "spd": return .matrix(Draw.claimPositiveDefinite(try dim(try int(0)), from: &source))
        case "symmetric": return .matrix(Draw.claimSymmetric(try dim(try int(0)), from: &source))
        case "with_spectrum":
            // Qᵀ diag(d) Q for a given vector d: a symmetric matrix with exactly that spectrum.
            let d = try ev.matrix(args[0], e).elements
            try ev.checkSize(d.count, d.count, e)
            let q = Draw.claimOrthogonal(d.count, from: &source)
            return .matrix(q.transposed * .diagonal(d) * q)
        case "spectrum":
            let r = try dim(try int(0))
            var zeros = 0
            if let z = options["zeros"] { zeros = try ev.integer(z, e) }
            guard zeros >= 0 else { throw ev.fail(e, "spectrum: negative count of zeros \(zeros)") }
            try ev.checkSize(try ev.checkedSum(r, zeros, e), 1, e)
            return .matrix(.column(Draw.claimSpectrum(r, ties: try flag("ties"), squares: try flag("squares"), zeros: zeros, from: &source)))
        case "with_svd":
            let m = try dim(try int(0)), n = try dim(try int(1))
            let sigma = try ev.matrix(args[2], e).elements
            guard sigma.count <= min(m, n) else { throw ev.fail(e, "with_svd: \(sigma.count) singular values do not fit a \(m)×\(n) matrix") }
            for (i, s) in sigma.enumerated() where s.signum < 0 || (i > 0 && s > sigma[i - 1]) {
                throw ev.fail(e, "with_svd: singular values must be nonnegative and descending")
            }
            let u = Draw.claimOrthogonal(m, from: &source), v = Draw.claimOrthogonal(n, from: &source)
            let r = sigma.count
            let x = u.selecting(columns: Array(0..<r)) * Matrix.diagonal(sigma) * v.selecting(columns: Array(0..<r)).transposed
            return .tuple([.matrix(x), .matrix(u), .matrix(v)])
        case "rank_matrix":
            let m = try dim(try int(0)), n = try dim(try int(1)), r = try int(2)
            guard r >= 0 && r <= min(m, n) else { throw ev.fail(e, "rank_matrix(m, n, r) needs 0 ≤ r ≤ min(m, n)") }
            try ev.checkSize(m, n, e)
            return .matrix(Draw.claimRankMatrix(rows: m, columns: n, rank: r, from: &source))
        case "subset":
            let dom = try ev.indices(args[0], e)
            let q = try int(1)
            guard q >= 0 && q <= dom.count else { throw ev.fail(e, "subset: size \(q) of a \(dom.count)-element set") }
            return .indices(Draw.claimSubset(of: dom, size: q, from: &source))
        case "permutation":
            return .indices(Draw.claimPermutation(try dim(try int(0)), from: &source))
        default:
            throw ev.fail(e, "\(name) is exhaustive: it must be a whole \"given\" entry")
        }
    }

    /// Every value of an exhaustive generator, in a fixed order.
    public static func enumerate(_ name: String, _ args: [Value], _ e: Expr, _ ev: Evaluator, limit: Int) throws(ClaimError) -> [Value] {
        switch name {
        case "each":
            guard args.count == 1 else { throw ev.fail(e, "each(D) takes one domain") }
            if case let .tuple(items) = args[0] { return items }
            return try ev.indices(args[0], e).map { .scalar(Rational($0)) }
        case "all_subsets":
            let dom = try ev.indices(args.first ?? .indices([]), e)
            let sizes: [Int]
            if args.count == 2 { sizes = [try ev.integer(args[1], e)] } else { sizes = Array(0...dom.count) }
            var out: [Value] = []
            for q in sizes where q >= 0 && q <= dom.count {
                var combo = Array(0..<q)
                while true {
                    out.append(.indices(combo.map { dom[$0] }))
                    if out.count > limit { throw ClaimError.limit(.branches, "all_subsets: more than \(limit) subsets", at: e.location) }
                    var i = q - 1
                    while i >= 0 && combo[i] == dom.count - q + i { i -= 1 }
                    if i < 0 { break }
                    combo[i] += 1
                    for j in (i + 1)..<max(i + 1, q) { combo[j] = combo[j - 1] + 1 }
                }
            }
            return out
        case "all_permutations":
            let n = try ev.integer(args.first ?? .scalar(0), e)
            guard n >= 0 && n <= 8 else { throw ev.fail(e, "all_permutations(n) needs 0 ≤ n ≤ 8") }
            var out: [Value] = []
            func rec(_ prefix: [Int], _ rest: [Int]) {
                if rest.isEmpty { out.append(.indices(prefix)); return }
                for (i, x) in rest.enumerated() { var r = rest; r.remove(at: i); rec(prefix + [x], r) }
            }
            rec([], Array(1...max(1, n)).prefix(n).map { $0 })
            return out
        default:
            throw ev.fail(e, "unknown exhaustive generator \(name)")
        }
    }
}
