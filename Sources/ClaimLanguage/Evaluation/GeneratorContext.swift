import Numbers
import Matrices

/// Draws the random objects a claim quantifies over, deterministically from a seed. Every
/// generator builds its object exactly over ℚ from the answer (orthogonal matrices by the Cayley
/// transform, matrices with a prescribed SVD from exact orthogonal factors), and is biased toward
/// edge cases (range endpoints, ties, the identity).
public final class GeneratorContext: @unchecked Sendable {
    /// Random generators (one value per draw).
    static let randomNames: Set<String> = [
        "int", "rational", "bool", "choose", "matrix", "int_matrix", "orthogonal", "stiefel", "gl", "spd",
        "symmetric", "with_spectrum", "spectrum", "with_svd", "subset", "permutation", "skew", "rank_matrix",
    ]
    /// Exhaustive generators: the instance branches over every value.
    public static let exhaustiveNames: Set<String> = ["each", "all_subsets", "all_permutations"]
    static let names = randomNames.union(exhaustiveNames)

    var state: UInt64

    /// Every random decision made so far, in order: for each call `uniform(lo, hi)`, the offset
    /// `value − lo` (in 0...hi − lo). An instance is a pure function of this list: replaying it
    /// with `init(replaying:)` reproduces the instance exactly.
    public private(set) var choices: [Int] = []

    /// The stored decisions when replaying; nil when drawing from the seed.
    let replayed: [Int]?

    /// True once a replay has needed more decisions than the stored list holds (the missing ones
    /// were taken to be 0). Always false when drawing from a seed.
    public private(set) var overran = false

    /// Draws from SplitMix64 seeded with `seed`. Recording the choices does not change any
    /// generator's output for a given seed.
    public init(seed: UInt64) {
        state = seed &+ 0x9E37_79B9_7F4A_7C15
        replayed = nil
    }

    /// Replays a choice sequence: the i-th call `uniform(lo, hi)` returns `lo + min(max(c_i, 0),
    /// hi − lo)`, and `lo` once the list has run out. Choice 0 is the first option of every
    /// decision (the lower end of the range drawn: the smallest dimension, 0 for a `rational`, no
    /// sign flip, the special case of a coin), so the empty list gives a simple instance (smallest
    /// dimensions, zero matrices) and lowering or deleting choices moves toward it. Simplicity is
    /// that of the choice sequence (shorter, then lexicographically smaller); it mostly agrees with
    /// the values' but not always (an `int_matrix` entry's choice 0 is −9, and `int(a...b)`
    /// reaches b through a short "endpoint" choice).
    ///
    /// - Guarantee: every list replays to some instance in finitely many draws (the one rejection
    ///   loop, in `spectrum`, falls back to a deterministic choice once the list has run out).
    public init(replaying choices: [Int]) {
        state = 0
        replayed = choices
    }

    /// Whether decisions come from a stored list rather than from the seed.
    public var isReplaying: Bool { replayed != nil }

    /// SplitMix64: the same sequence on every platform.
    func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in lo...hi (inclusive), or the next replayed choice. Every random decision of every
    /// generator goes through here, and is recorded in `choices`. - Precondition: lo ≤ hi.
    func uniform(_ lo: Int, _ hi: Int) -> Int {
        let c: Int
        if let list = replayed {
            let i = choices.count
            if i < list.count {
                c = Swift.min(Swift.max(list[i], 0), hi - lo)
            } else {
                c = 0
                overran = true
            }
        } else {
            let span = UInt64(hi - lo) + 1
            c = Int(next() % span)
        }
        choices.append(c)
        return lo + c
    }

    /// Uniform in lo...hi, but an endpoint with probability 1/4.
    func biased(_ lo: Int, _ hi: Int) -> Int {
        if lo < hi, uniform(0, 3) == 0 { return uniform(0, 1) == 0 ? lo : hi }
        return uniform(lo, hi)
    }

    func coin(_ oneIn: Int) -> Bool { uniform(1, oneIn) == 1 }

    /// Fisher–Yates with this generator (the standard library's shuffle may change between
    /// versions; instances must not).
    func shuffled<T>(_ a: [T]) -> [T] {
        var out = a
        var i = out.count - 1
        while i > 0 {
            out.swapAt(i, uniform(0, i))
            i -= 1
        }
        return out
    }

    /// A small-height rational: 0 and ±1 often, else p/q with |p| ≤ height, 1 ≤ q ≤ height.
    func smallRational(height: Int = 9, positive: Bool = false, nonzero: Bool = false) -> Rational {
        if !positive && !nonzero && coin(8) { return 0 }
        if coin(6) { return positive || uniform(0, 1) == 0 ? 1 : -1 }
        let p = uniform(1, height), q = uniform(1, height)
        let r = Rational(p, q)
        return positive || uniform(0, 1) == 0 ? r : -r
    }

    func randomMatrix(_ m: Int, _ n: Int, height: Int = 9, integer: Bool = false) -> Matrix<Rational> {
        Matrix(rows: m, columns: n) { _, _ in integer ? Rational(self.uniform(-height, height)) : self.smallRational(height: height) }
    }

    /// An exactly orthogonal n×n matrix: a signed permutation (1 in 8), else the Cayley transform
    /// (I − K)(I + K)⁻¹ of a random integer skew-symmetric K, times a random sign on one column.
    func orthogonal(_ n: Int) -> Matrix<Rational> {
        if n == 0 { return .identity(0) }
        if coin(8) {
            let perm = shuffled(Array(0..<n))
            return Matrix(rows: n, columns: n) { i, j in perm[i] == j ? (self.coin(2) ? 1 : -1) : 0 }
        }
        var k = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let v = Rational(uniform(-2, 2), uniform(1, 2))
                k[i, j] = v
                k[j, i] = -v
            }
        }
        let id = Matrix<Rational>.identity(n)
        // I + K is invertible for skew K (its eigenvalues are 1 + iθ).
        var q = (id - k) * (try! (id + k).inverse())
        if coin(2) { for i in 0..<n { q[i, 0] = -q[i, 0] } }
        return q
    }

    /// A descending list of r positive rationals; with `squares`, each is the square of a
    /// rational (so square roots stay exact); with `ties`, equal neighbours occur often.
    func spectrum(_ r: Int, ties: Bool, squares: Bool, zeros: Int) -> [Rational] {
        var values: [Rational] = []
        for _ in 0..<r {
            if ties, let last = values.last, coin(3) { values.append(last); continue }
            var v: Rational
            repeat {
                let base = Rational(uniform(1, 12), uniform(1, 3))
                v = squares ? base * base : base
                if isReplaying && overran && values.contains(v) && !ties {
                    // A replayed list that has run out would repeat the same value for ever:
                    // take the smallest positive integer (or its square) not used yet.
                    var a = 1
                    while values.contains(squares ? Rational(a * a) : Rational(a)) { a += 1 }
                    v = squares ? Rational(a * a) : Rational(a)
                }
            } while values.contains(v) && !ties
            values.append(v)
        }
        values.sort(by: >)
        return values + Array(repeating: 0, count: zeros)
    }
}


extension GeneratorContext {
    func generate(_ name: String, _ args: [Value], _ options: [String: Value], _ e: Expr, _ ev: Evaluator) throws(ClaimError) -> Value {
        func int(_ i: Int) throws(ClaimError) -> Int {
            guard i < args.count else { throw ev.fail(e, "\(name): missing argument \(i + 1)") }
            return try ev.integer(args[i], e)
        }
        func flag(_ key: String, _ d: Bool = false) throws(ClaimError) -> Bool {
            guard let v = options[key] else { return d }
            return try ev.truth(v, e) == .true
        }
        func dim(_ n: Int) throws(ClaimError) -> Int {
            guard n >= 0 else { throw ev.fail(e, "\(name): negative dimension \(n)") }
            try ev.checkSize(n, n, e)
            return n
        }
        switch name {
        case "int":
            let dom = try ev.indices(args.first ?? .indices([]), e)
            guard let lo = dom.first, let hi = dom.last, lo <= hi else { throw ev.fail(e, "int: empty range") }
            return .scalar(Rational(biased(lo, hi)))
        case "bool": return .truth(Truth(coin(2)))
        case "rational":
            let h = args.isEmpty ? 9 : try int(0)
            return .scalar(smallRational(height: max(1, h), positive: try flag("positive"), nonzero: try flag("nonzero")))
        case "choose":
            guard !args.isEmpty else { throw ev.fail(e, "choose needs at least one value") }
            if args.count == 1, case let .indices(list) = args[0], !list.isEmpty { return .scalar(Rational(list[uniform(0, list.count - 1)])) }
            return args[uniform(0, args.count - 1)]
        case "matrix", "int_matrix":
            let m = try dim(try int(0)), n = try dim(try int(1))
            var a = randomMatrix(m, n, integer: name == "int_matrix")
            if try flag("nonzero"), a.isZero, m > 0, n > 0 { a[0, 0] = 1 }
            return .matrix(a)
        case "skew":
            let n = try dim(try int(0))
            var k = Matrix<Rational>.zeros(n, n)
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { let v = smallRational(); k[i, j] = v; k[j, i] = -v } }
            return .matrix(k)
        case "orthogonal": return .matrix(orthogonal(try dim(try int(0))))
        case "stiefel":
            let m = try dim(try int(0)), k = try int(1)
            guard k >= 0 && k <= m else { throw ev.fail(e, "stiefel(m, k) needs 0 ≤ k ≤ m") }
            return .matrix(orthogonal(m).selecting(columns: Array(0..<k)))
        case "gl":
            // L·U with unit-free nonzero diagonals: invertible by construction.
            let n = try dim(try int(0))
            let l = Matrix<Rational>(rows: n, columns: n) { i, j in i == j ? self.smallRational(height: 3, nonzero: true) : (i > j ? self.smallRational(height: 4) : 0) }
            let u = Matrix<Rational>(rows: n, columns: n) { i, j in i == j ? self.smallRational(height: 3, nonzero: true) : (i < j ? self.smallRational(height: 4) : 0) }
            let perm = shuffled(Array(0..<n))
            return .matrix((l * u).selecting(rows: perm))
        case "spd":
            let n = try dim(try int(0))
            let d = (0..<n).map { _ in smallRational(height: 9, positive: true) }
            let q = orthogonal(n)
            return .matrix(q.transposed * .diagonal(d) * q)
        case "symmetric":
            let n = try dim(try int(0))
            let a = randomMatrix(n, n)
            return .matrix(a + a.transposed)
        case "with_spectrum":
            // Qᵀ diag(d) Q for a given vector d: a symmetric matrix with exactly that spectrum.
            guard args.count == 1 else { throw ev.fail(e, "with_spectrum(d) takes the spectrum vector") }
            let d = try ev.matrix(args[0], e).elements
            let q = orthogonal(d.count)
            return .matrix(q.transposed * .diagonal(d) * q)
        case "spectrum":
            let r = try dim(try int(0))
            var zeros = 0
            if let z = options["zeros"] { zeros = try ev.integer(z, e) }
            return .matrix(.column(spectrum(r, ties: try flag("ties"), squares: try flag("squares"), zeros: zeros)))
        case "with_svd":
            let m = try dim(try int(0)), n = try dim(try int(1))
            guard args.count == 3 else { throw ev.fail(e, "with_svd(m, n, sigma) takes three arguments") }
            let sigma = try ev.matrix(args[2], e).elements
            guard sigma.count <= min(m, n) else { throw ev.fail(e, "with_svd: \(sigma.count) singular values do not fit a \(m)×\(n) matrix") }
            for (i, s) in sigma.enumerated() where s.signum < 0 || (i > 0 && s > sigma[i - 1]) {
                throw ev.fail(e, "with_svd: singular values must be nonnegative and descending")
            }
            let u = orthogonal(m), v = orthogonal(n)
            let r = sigma.count
            let x = u.selecting(columns: Array(0..<r)) * Matrix.diagonal(sigma) * v.selecting(columns: Array(0..<r)).transposed
            return .tuple([.matrix(x), .matrix(u), .matrix(v)])
        case "rank_matrix":
            let m = try dim(try int(0)), n = try dim(try int(1)), r = try int(2)
            guard r >= 0 && r <= min(m, n) else { throw ev.fail(e, "rank_matrix(m, n, r) needs 0 ≤ r ≤ min(m, n)") }
            var x = randomMatrix(m, r, integer: true) * randomMatrix(r, n, integer: true)
            // Retry a few times until the rank is exactly r (integer factors rarely lose rank).
            var tries = 0
            while exactRank(x) != r && tries < 20 { x = randomMatrix(m, r, integer: true) * randomMatrix(r, n, integer: true); tries += 1 }
            guard exactRank(x) == r else { throw ev.fail(e, "rank_matrix: could not reach rank \(r)") }
            return .matrix(x)
        case "subset":
            let dom = try ev.indices(args.first ?? .indices([]), e)
            let q = try int(1)
            guard q >= 0 && q <= dom.count else { throw ev.fail(e, "subset: size \(q) of a \(dom.count)-element set") }
            let pool = shuffled(dom)
            let chosen = Set(pool.prefix(q))
            return .indices(dom.filter { chosen.contains($0) })
        case "permutation":
            let n = try dim(try int(0))
            return .indices(shuffled(Array(Array(1...max(1, n)).prefix(n))))
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
