import Numbers
import Matrices

/// The sign constraint of a scalar entry.
public enum EntrySign: Sendable, Equatable {
    /// Any sign, 0 included.
    case any
    /// Never 0.
    case nonzero
    /// ≥ 0.
    case nonnegative
    /// > 0.
    case positive

    var allowsZero: Bool { self == .any || self == .nonnegative }
    var allowsNegative: Bool { self == .any || self == .nonzero }
}

/// The generators behind the claim language's `given` entries: every one makes a number of
/// draws bounded by its parameters (no rejection, no retry), and reaches its edge cases through
/// a *mode* choice with a stated probability. Choice 0 is always the simplest instance.
///
/// The matrix generators share one mode draw in 0...31 (`Draw.matrixModeBound`): 0...23 is the
/// generic (entrywise) draw, probability 3/4, whose all-zero choices give the simplest matrix
/// (the zero matrix, or the identity for `gl`, `orthogonal`, `spd`); 24 and 25 give the first
/// edge case (1/16) and 26...31 the others (1/32 each). Together the edge cases are exactly 1/4
/// of the draws. (Keeping the generic branch at choice 0 lets a shrinker delete entries and
/// lower a dimension without leaving the generic branch.)
extension Draw {
    /// The bound of the shared mode draw of the matrix generators: a choice in 0...31.
    public static let matrixModeBound = 31
    /// The probability of the generic (entrywise i.i.d.) branch of every matrix generator: the
    /// mode choices 0...23.
    public static let genericMatrixProbability = Rational(3, 4)

    /// The edge case of a matrix mode choice c ∈ 0...31: nil for the generic branch (0...23),
    /// else 0 for c ∈ {24, 25} (1/16) and 1...6 for c = 26...31 (1/32 each).
    public static func matrixEdge(_ c: Int) -> Int? {
        if c < 24 { return nil }
        return c < 26 ? 0 : c - 25
    }

    /// One scalar entry ±p/q, with the edge cases 0, 1 and −1 drawn on purpose.
    ///
    /// A mode choice in 0...7: 0 the simplest value (0, or 1 when 0 is excluded), 1 gives 1,
    /// 2 gives −1 (0 when `nonnegative`, 1 when `positive`), 3 an integer ±p, 4...7 a fraction
    /// ±p/q; then p uniform in 1...height, q (fractions only) uniform in 1...height, and a sign
    /// (`boolean`, only when negatives are allowed).
    ///
    /// - Invariant: |numerator| ≤ height, denominator ≤ height; obeys `sign`.
    /// - Precondition: height ≥ 1.
    /// - Shrink order: 0 (or 1) < 1 < −1 < integers < fractions; within a kind smaller q and p,
    ///   positive first. The empty list gives the simplest value.
    /// - Edge cases: 0, 1, −1 with probability 1/8 each (see `entryDistribution` for the exact
    ///   law, including the paths that reach them again).
    public static func entry(height: Int, sign: EntrySign = .any, from source: inout ChoiceSource) -> Rational {
        precondition(height >= 1, "height must be at least 1")
        let mode = source.draw(upTo: 7)
        switch mode {
        case 0: return sign.allowsZero ? 0 : 1
        case 1: return 1
        case 2: return sign.allowsNegative ? -1 : (sign == .nonnegative ? 0 : 1)
        default:
            let p = source.draw(upTo: height - 1) + 1
            let q = mode == 3 ? 1 : source.draw(upTo: height - 1) + 1
            let negative = sign.allowsNegative && boolean(from: &source)
            return Rational(negative ? -p : p, q)
        }
    }

    /// A positive rational p/q with p uniform in 1...maxNumerator and q uniform in
    /// 1...maxDenominator (two draws; choice 0 gives 1). Used where small positive values
    /// should spread out (eigenvalues, spectra) rather than pile up on 1.
    public static func positiveValue(maxNumerator: Int, maxDenominator: Int, from source: inout ChoiceSource) -> Rational {
        let p = source.draw(upTo: maxNumerator - 1) + 1
        return Rational(p, source.draw(upTo: maxDenominator - 1) + 1)
    }

    /// The exact law of `entry(height:sign:)`: every value with its probability while
    /// generating (by enumeration of every path of choices).
    public static func entryDistribution(height: Int, sign: EntrySign = .any) -> [Rational: Rational] {
        var law: [Rational: Rational] = [:]
        let eighth = Rational(1, 8)
        law[sign.allowsZero ? 0 : 1, default: 0] += eighth
        law[1, default: 0] += eighth
        law[sign.allowsNegative ? -1 : (sign == .nonnegative ? 0 : 1), default: 0] += eighth
        let h = Rational(height)
        let signs: [Int] = sign.allowsNegative ? [1, -1] : [1]
        let signWeight = Rational(1, signs.count)
        for p in 1...height {
            for s in signs {
                law[Rational(s * p), default: 0] += eighth / h * signWeight
                for q in 1...height {
                    law[Rational(s * p, q), default: 0] += Rational(4, 8) / (h * h) * signWeight
                }
            }
        }
        return law
    }

    /// The largest probability of a single value of `entry(height:sign:)` (its point
    /// probability), exact.
    ///
    /// - Complexity: O(height²) for height ≤ 32 (the whole law), O(1) beyond: then only 0, 1
    ///   and −1 can carry the maximum (each has 1/8 from its mode, while any other value p/q has
    ///   at most 1/(8h) + 1/(2h) < 1/8), and their probabilities are counted in closed form.
    public static func entryPointProbability(height: Int, sign: EntrySign = .any) -> Rational {
        if height <= 32 { return entryDistribution(height: height, sign: sign).values.max() ?? 1 }
        return [Rational(0), 1, -1].map { entryProbability(of: $0, height: height, sign: sign) }.max() ?? 1
    }

    /// The probability that `entry(height:sign:)` draws exactly `v`, in closed form (the same
    /// law `entryDistribution` enumerates).
    public static func entryProbability(of v: Rational, height: Int, sign: EntrySign = .any) -> Rational {
        let eighth = Rational(1, 8)
        var p: Rational = 0
        if v == (sign.allowsZero ? 0 : 1) { p += eighth }
        if v == 1 { p += eighth }
        if v == (sign.allowsNegative ? -1 : (sign == .nonnegative ? 0 : 1)) { p += eighth }
        guard !v.isZero, sign.allowsNegative || v.signum > 0 else { return p }
        let h = Rational(height)
        let signWeight = Rational(1, sign.allowsNegative ? 2 : 1)
        let magnitude = v.signum < 0 ? -v : v
        let a = magnitude.numerator, b = magnitude.denominator
        // Mode 3: the integer ±p, p uniform in 1...h.
        if b == 1, a <= BigInt(height) { p += eighth / h * signWeight }
        // Modes 4…7: ±p/q with p, q uniform in 1...h; p/q = a/b for ⌊h / max(a, b)⌋ pairs.
        let largest = a > b ? a : b
        if largest <= BigInt(height), let l = largest.asInt {
            p += Rational(4, 8) * Rational(height / l) / (h * h) * signWeight
        }
        return p
    }

    /// An entry of an integer matrix: `integer(in: range)`, or with `nonzero` a nonzero integer
    /// (the magnitude by `integer(in: 1...max(|lo|, |hi|))` clamped into the range's side, then
    /// a sign).
    public static func integerEntry(_ range: ClosedRange<Int>, nonzero: Bool, from source: inout ChoiceSource) -> Rational {
        if !nonzero { return Rational(integer(in: range, from: &source)) }
        let top = Swift.max(1, Swift.max(range.upperBound, -range.lowerBound))
        let p = integer(in: 1...top, from: &source)
        let negative = range.lowerBound < 0 && (range.upperBound < 1 || boolean(from: &source))
        return Rational(negative ? -Swift.min(p, -range.lowerBound) : Swift.min(p, Swift.max(1, range.upperBound)))
    }

    /// The point probability of `integer(in:)` over `range` (the simplest value and the
    /// endpoints carry 1/8 each on top of the uniform 5/8 share).
    public static func integerPointProbability(_ range: ClosedRange<Int>) -> Rational {
        let count = Rational(range.upperBound - range.lowerBound + 1)
        let target = simplestInteger(in: range)
        let uniform = Rational(5, 8) / count
        // The simplest value may coincide with the near endpoint (then it carries 2/8).
        let coincide = target == range.lowerBound || target == range.upperBound
        return (coincide ? Rational(2, 8) : Rational(1, 8)) + uniform
    }

    /// The matrix generator behind `matrix(m, n)` and `int_matrix(m, n)`.
    ///
    /// Mode choice c in 0...31 (see `matrixEdge`): generic (3/4): every entry by
    /// `element(sign, false)`, row-major. Edge cases: 0 → the zero matrix (1/16); 1 → the
    /// identity, or [I 0] / [I; 0] when not square (1/32); 2 → a single nonzero entry (position,
    /// then value; 1/32); 3 → rank one u·vᵀ with u, v drawn by `element(sign, true)` (small
    /// entries, so that the products stay within the generic entries' bounds; 1/32); 4 → rank
    /// deficient: a generic draw, then one row (when m ≤ n, else one column) is replaced by ±
    /// another one, so the rank is ≤ min(m, n) − 1 (the zero matrix when min(m, n) = 1; 1/32);
    /// 5 → zero rows and columns: a generic draw, then one row and one column are set to 0
    /// (1/32); 6 → strictly upper triangular (nilpotent when square; 1/32).
    ///
    /// With `nonzero`, every entry is nonzero: the generic branch draws nonzero entries, and
    /// the edge cases are replaced: c ∈ {24, 25} → every entry 1 (1/16), 26...28 → rank one
    /// u·vᵀ with nonzero small u, v (3/32), 29...31 → every entry ±1 (3/32).
    ///
    /// - Invariant: m×n; with `nonzero` no entry is 0; every entry within the bounds of the
    ///   generic entries when `element(_, true)` squared stays within them.
    /// - Precondition: m, n ≥ 0.
    /// - Shrink order: the zero matrix (all ones with `nonzero`) < generic (entrywise toward 0)
    ///   < identity < single entry < rank one < rank deficient < zero lines < nilpotent.
    /// - Edge cases: empty shapes draw only the mode.
    public static func claimMatrix(
        rows m: Int, columns n: Int, nonzero: Bool = false,
        element: (EntrySign, Bool, inout ChoiceSource) -> Rational,
        from source: inout ChoiceSource
    ) -> Matrix<Rational> {
        precondition(m >= 0 && n >= 0, "negative matrix shape \(m)×\(n)")
        let c = source.draw(upTo: matrixModeBound)
        let sign: EntrySign = nonzero ? .nonzero : .any
        func generic(_ r: Int, _ k: Int, small: Bool = false) -> Matrix<Rational> {
            var entries: [Rational] = []
            entries.reserveCapacity(r * k)
            for _ in 0..<(r * k) { entries.append(element(sign, small, &source)) }
            return Matrix(rows: r, columns: k, elements: entries)
        }
        guard let edge = matrixEdge(c) else { return generic(m, n) }
        if nonzero {
            switch c {
            case 24, 25: return Matrix(rows: m, columns: n, repeating: 1)
            case 26...28: return generic(m, 1, small: true) * generic(1, n, small: true)
            default:
                return Matrix(rows: m, columns: n) { _, _ in boolean(from: &source) ? -1 : 1 }
            }
        }
        switch edge {
        case 0: return .zeros(m, n)
        case 1: return Matrix(rows: m, columns: n) { i, j in i == j ? 1 : 0 }
        case 2:
            var a = Matrix<Rational>.zeros(m, n)
            guard m > 0 && n > 0 else { return a }
            let i = source.draw(upTo: m - 1), j = source.draw(upTo: n - 1)
            a[i, j] = element(.nonzero, false, &source)
            return a
        case 3: return generic(m, 1, small: true) * generic(1, n, small: true)
        case 4:
            if Swift.min(m, n) <= 1 { return .zeros(m, n) }
            var a = generic(m, n)
            let byRows = m <= n
            let count = byRows ? m : n, length = byRows ? n : m
            let from = source.draw(upTo: count - 1)
            let to = (from + 1 + source.draw(upTo: count - 2)) % count
            let s: Rational = boolean(from: &source) ? -1 : 1
            for t in 0..<length {
                if byRows { a[to, t] = s * a[from, t] } else { a[t, to] = s * a[t, from] }
            }
            return a
        case 5:
            var a = generic(m, n)
            if m > 0 { let i = source.draw(upTo: m - 1); for j in 0..<n { a[i, j] = 0 } }
            if n > 0 { let j = source.draw(upTo: n - 1); for i in 0..<m { a[i, j] = 0 } }
            return a
        default:
            var a = Matrix<Rational>.zeros(m, n)
            for i in 0..<m { for j in 0..<n where j > i { a[i, j] = element(.any, false, &source) } }
            return a
        }
    }

    /// A random symmetric n×n matrix (the generator behind `symmetric(n)`).
    ///
    /// Mode choice in 0...31: generic (3/4): the upper triangle with the diagonal, row-major, by
    /// `entry(height:)`, mirrored. Edge cases: 0 → the zero matrix (1/16); 1 → the identity;
    /// 2 → ±v·vᵀ (rank one); 3 → singular: a generic draw with row and column i set to 0;
    /// 4 → a repeated eigenvalue: c·I + v·vᵀ (c has multiplicity ≥ n − 1); 5 → QᵀDQ with D
    /// a diagonal whose entries repeat the previous one with probability 1/2 (ties, not on the
    /// axes); 6 → diagonal (1/32 each).
    ///
    /// - Invariant: exactly symmetric, n×n.
    /// - Shrink order: zero < generic < identity < rank one < singular < c·I + vvᵀ < QᵀDQ < diagonal.
    public static func claimSymmetric(_ n: Int, height: Int = 9, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        let c = source.draw(upTo: matrixModeBound)
        func generic() -> Matrix<Rational> {
            var a = Matrix<Rational>.zeros(n, n)
            for i in 0..<n { for j in i..<n { let v = entry(height: height, from: &source); a[i, j] = v; a[j, i] = v } }
            return a
        }
        func vector() -> Matrix<Rational> { Matrix(rows: n, columns: 1) { _, _ in entry(height: 3, from: &source) } }
        guard let edge = matrixEdge(c) else { return generic() }
        switch edge {
        case 0: return .zeros(n, n)
        case 1: return .identity(n)
        case 2:
            let v = vector()
            let s: Rational = boolean(from: &source) ? -1 : 1
            return (v * v.transposed).map { s * $0 }
        case 3:
            var a = generic()
            if n > 0 { let i = source.draw(upTo: n - 1); for j in 0..<n { a[i, j] = 0; a[j, i] = 0 } }
            return a
        case 4:
            let s = entry(height: height, from: &source)
            let v = vector()
            return Matrix<Rational>.identity(n).map { s * $0 } + v * v.transposed
        case 5:
            let d = tiedDiagonal(n, height: height, sign: .any, from: &source)
            let q = claimOrthogonal(n, from: &source)
            return q.transposed * Matrix.diagonal(d) * q
        default:
            return Matrix.diagonal((0..<n).map { _ in entry(height: height, from: &source) })
        }
    }

    /// n values by `entry(height:sign:)`, each after the first equal to the previous one when
    /// a `boolean` choice says so (probability 1/2): repeated values.
    static func tiedDiagonal(_ n: Int, height: Int, sign: EntrySign, from source: inout ChoiceSource) -> [Rational] {
        tiedValues(n, from: &source) { entry(height: height, sign: sign, from: &$0) }
    }

    static func tiedValues(_ n: Int, from source: inout ChoiceSource, _ value: (inout ChoiceSource) -> Rational) -> [Rational] {
        var d: [Rational] = []
        for i in 0..<n {
            if i > 0, !boolean(from: &source) { d.append(d[i - 1]); continue }
            d.append(value(&source))
        }
        return d
    }

    /// A random skew-symmetric n×n matrix (behind `skew(n)`). Mode in 0...31: generic (3/4):
    /// the strict upper triangle by `entry(height:)`, negated below. Edge cases: 0 → zero
    /// (1/16); 1, 2 → a single pair ±a at (i, j), (j, i) (1/16); 3...6 → rank two u·vᵀ − v·uᵀ
    /// (1/8).
    /// - Invariant: Kᵀ = −K exactly.
    public static func claimSkew(_ n: Int, height: Int = 9, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        let c = source.draw(upTo: matrixModeBound)
        guard let edge = matrixEdge(c) else {
            return skewSymmetricEntries(n, height: height, from: &source)
        }
        switch edge {
        case 0: return .zeros(n, n)
        case 1, 2:
            var k = Matrix<Rational>.zeros(n, n)
            guard n >= 2 else { return k }
            let i = source.draw(upTo: n - 2)
            let j = i + 1 + source.draw(upTo: n - 2 - i)
            let a = entry(height: height, sign: .nonzero, from: &source)
            k[i, j] = a
            k[j, i] = -a
            return k
        default:
            let u = Matrix<Rational>(rows: n, columns: 1) { _, _ in entry(height: 2, from: &source) }
            let v = Matrix<Rational>(rows: n, columns: 1) { _, _ in entry(height: 2, from: &source) }
            return u * v.transposed - v * u.transposed
        }
    }

    static func skewSymmetricEntries(_ n: Int, height: Int, from source: inout ChoiceSource) -> Matrix<Rational> {
        var k = Matrix<Rational>.zeros(n, n)
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(i + 1, n) {
                let v = entry(height: height, from: &source)
                k[i, j] = v
                k[j, i] = -v
            }
        }
        return k
    }

    /// An exactly orthogonal n×n matrix (behind `orthogonal(n)`, and the orthogonal factors of
    /// `stiefel`, `spd`, `with_spectrum`, `with_svd`).
    ///
    /// Mode in 0...31: generic (3/4): the Cayley transform (I − K)(I + K)⁻¹ of a skew K with
    /// entries a/b, a ∈ −2...2, b ∈ 1...2 (`integer(in:)`), then one `boolean` that negates the
    /// first column (det −1). Edge cases: 0 → the identity (1/16); 1...4 → a signed permutation
    /// matrix (1/8); 5, 6 → a diagonal of signs ±1 (1/16).
    /// - Invariant: QᵀQ = I exactly.
    /// - Shrink order: identity < Cayley (K toward 0) < signed permutation < sign diagonal.
    public static func claimOrthogonal(_ n: Int, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        if n == 0 { return .identity(0) }
        let c = source.draw(upTo: matrixModeBound)
        guard let edge = matrixEdge(c) else {
            var k = Matrix<Rational>.zeros(n, n)
            for i in 0..<n {
                for j in (i + 1)..<Swift.max(i + 1, n) {
                    let v = Rational(integer(in: -2...2, from: &source), integer(in: 1...2, from: &source))
                    k[i, j] = v
                    k[j, i] = -v
                }
            }
            var q = cayley(k)
            if boolean(from: &source) { for i in 0..<n { q[i, 0] = -q[i, 0] } }
            return q
        }
        switch edge {
        case 0: return .identity(n)
        case 1...4:
            let pi = shuffled(Array(0..<n), from: &source)
            return Matrix(rows: n, columns: n) { i, j in pi[i] == j ? (boolean(from: &source) ? -1 : 1) : 0 }
        default:
            return Matrix.diagonal((0..<n).map { _ in boolean(from: &source) ? -1 : 1 })
        }
    }

    /// An invertible n×n matrix (behind `gl(n)`). Mode in 0...31: generic (3/4): P·L·U with L
    /// unit lower triangular, U upper triangular with nonzero diagonal (entries by
    /// `entry(height: 4)`, diagonal nonzero with height 3), P a row permutation. Edge cases:
    /// 0 → the identity (1/16); 1, 2 → a permutation matrix (1/16); 3, 4 → c·I + N with c ≠ 0
    /// and N strictly upper triangular (a single eigenvalue of multiplicity n, not
    /// diagonalizable in general; 1/16); 5, 6 → a nonzero diagonal with repeated entries (1/16).
    /// - Invariant: invertible over ℚ.
    public static func claimInvertible(_ n: Int, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        let c = source.draw(upTo: matrixModeBound)
        guard let edge = matrixEdge(c) else {
            var l = Matrix<Rational>.identity(n)
            for i in 0..<n { for j in 0..<i { l[i, j] = entry(height: 4, from: &source) } }
            var u = Matrix<Rational>.zeros(n, n)
            for i in 0..<n {
                for j in i..<n { u[i, j] = i == j ? entry(height: 3, sign: .nonzero, from: &source) : entry(height: 4, from: &source) }
            }
            let pi = shuffled(Array(0..<n), from: &source)
            return (l * u).selecting(rows: pi)
        }
        switch edge {
        case 0: return .identity(n)
        case 1, 2:
            let pi = shuffled(Array(0..<n), from: &source)
            return Matrix(rows: n, columns: n) { i, j in pi[i] == j ? 1 : 0 }
        case 3, 4:
            let s = entry(height: 3, sign: .nonzero, from: &source)
            var a = Matrix<Rational>.identity(n).map { s * $0 }
            for i in 0..<n { for j in 0..<n where j > i { a[i, j] = entry(height: 4, from: &source) } }
            return a
        default:
            return Matrix.diagonal(tiedDiagonal(n, height: 3, sign: .nonzero, from: &source))
        }
    }

    /// A symmetric positive definite n×n matrix (behind `spd(n)`). Mode in 0...31: generic
    /// (3/4): QᵀDQ with D positive (`positiveValue(maxNumerator: 9, maxDenominator: 3)`) and Q
    /// by `claimOrthogonal`. The same positive values serve the edge cases. Edge cases: 0 → the identity (1/16); 1, 2 → c·I, c > 0 (1/16);
    /// 3, 4 → QᵀDQ with repeated eigenvalues (D tied, see `tiedDiagonal`; 1/16); 5, 6 → a
    /// positive diagonal (1/16).
    /// - Invariant: symmetric positive definite.
    public static func claimPositiveDefinite(_ n: Int, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(n >= 0, "negative dimension \(n)")
        let c = source.draw(upTo: matrixModeBound)
        guard let edge = matrixEdge(c) else {
            let d = (0..<n).map { _ in positiveValue(maxNumerator: 9, maxDenominator: 3, from: &source) }
            let q = claimOrthogonal(n, from: &source)
            return q.transposed * Matrix.diagonal(d) * q
        }
        switch edge {
        case 0: return .identity(n)
        case 1, 2:
            let s = positiveValue(maxNumerator: 9, maxDenominator: 3, from: &source)
            return Matrix<Rational>.identity(n).map { s * $0 }
        case 3, 4:
            let d = tiedValues(n, from: &source) { positiveValue(maxNumerator: 9, maxDenominator: 3, from: &$0) }
            let q = claimOrthogonal(n, from: &source)
            return q.transposed * Matrix.diagonal(d) * q
        default:
            return Matrix.diagonal((0..<n).map { _ in positiveValue(maxNumerator: 9, maxDenominator: 3, from: &source) })
        }
    }

    /// An m×n matrix of rank exactly r (behind `rank_matrix(m, n, r)`), built as a product
    /// without any check or retry.
    ///
    /// Mode in 0...31: generic (3/4): `lowRank` (W = first r columns of an invertible m×m
    /// matrix, S = first r rows of an invertible n×n one). Edge cases: 0 → [I_r 0; 0 0]
    /// (1/16); 1...3 → rows and columns permuted [D 0; 0 0], D a nonzero diagonal with repeated
    /// entries (3/32); 4...6 → W·[I_r 0]·P: n − r zero columns (3/32).
    /// - Invariant: rank exactly r.
    /// - Precondition: 0 ≤ r ≤ min(m, n).
    public static func claimRankMatrix(rows m: Int, columns n: Int, rank r: Int, from source: inout ChoiceSource) -> Matrix<Rational> {
        precondition(r >= 0 && r <= Swift.min(m, n), "rank \(r) for an \(m)×\(n) matrix")
        let c = source.draw(upTo: matrixModeBound)
        guard let edge = matrixEdge(c) else {
            return lowRank(rows: m, columns: n, rank: r, from: &source).matrix
        }
        switch edge {
        case 0: return Matrix(rows: m, columns: n) { i, j in i == j && i < r ? 1 : 0 }
        case 1...3:
            let d = tiedDiagonal(r, height: 4, sign: .nonzero, from: &source)
            let a = Matrix<Rational>(rows: m, columns: n) { i, j in i == j && i < r ? d[i] : 0 }
            return a.selecting(rows: shuffled(Array(0..<m), from: &source), columns: shuffled(Array(0..<n), from: &source))
        default:
            let w = invertible(m, height: 4, from: &source).selecting(columns: Array(0..<r))
            let s = Matrix<Rational>(rows: r, columns: n) { i, j in i == j ? 1 : 0 }
            return (w * s).selecting(columns: shuffled(Array(0..<n), from: &source))
        }
    }

    /// r positive rationals, descending, then `zeros` zeros (behind `spectrum(r, …)`).
    ///
    /// Built upward without rejection: s₁ = p/q with p uniform in 1...12 and q in 1...3, then
    /// s_{i+1} = s_i + δ_i with δ_i = p/q, p uniform in 1...4, q in 1...3; values s_i (or s_i²
    /// with `squares`), reversed. A mode choice in 0...31 first:
    /// - with `ties`: 0...3 → all r values equal (1/8); 4...7 → only two distinct values, the
    ///   split drawn (1/8); otherwise each step is a tie (δ = 0) when a choice in 0...2 is 0
    ///   (probability 1/3 per step).
    /// - without `ties` (strictly decreasing): 0...7 → equally spaced values s, 2s, …, r·s
    ///   (1/4); otherwise generic.
    ///
    /// - Invariant: r positive values, non-increasing (strictly decreasing without `ties`),
    ///   then `zeros` exact zeros; with `squares` each value has a rational square root.
    /// - Shrink order: all equal (ties) / 1, 2, …, r (no ties) first.
    public static func claimSpectrum(
        _ r: Int, ties: Bool, squares: Bool, zeros: Int, from source: inout ChoiceSource
    ) -> [Rational] {
        precondition(r >= 0 && zeros >= 0, "negative spectrum size")
        var roots: [Rational] = []
        if r > 0 {
            let mode = source.draw(upTo: 31)
            func value(_ top: Int) -> Rational { positiveValue(maxNumerator: top, maxDenominator: 3, from: &source) }
            let first = value(12)
            roots.append(first)
            if ties && mode <= 3 {
                roots += Array(repeating: first, count: r - 1)
            } else if ties && mode <= 7 {
                let split = r > 1 ? source.draw(upTo: r - 2) + 1 : 1
                let step = value(4)
                for i in 1..<Swift.max(1, r) { roots.append(i < split ? first : first + step) }
            } else if !ties && mode <= 7 {
                for i in 1..<Swift.max(1, r) { roots.append(first * Rational(i + 1)) }
            } else {
                for i in 1..<Swift.max(1, r) {
                    if ties, source.draw(upTo: 2) == 0 { roots.append(roots[i - 1]); continue }
                    roots.append(roots[i - 1] + value(4))
                }
            }
        }
        let values = squares ? roots.map { $0 * $0 } : roots
        return values.reversed() + Array(repeating: Rational.zero, count: zeros)
    }

    /// An integer in `range` for a claim's `int(a...b)`.
    ///
    /// First, when there is a `previous` value (the claim language passes the most recent
    /// earlier `int` over the same range) and it lies in the range, a choice in 0...3: 3 repeats
    /// it (probability 1/4: equal dimensions). Then a mode choice in 0...7:
    /// 0 → the simplest value (least magnitude), 1 → the endpoint farther from it, 2 → the
    /// other endpoint (uniform instead when that endpoint is the simplest value), 3...7 →
    /// uniform over the range (an offset in 0...(b − a) in order of distance from the simplest
    /// value). For a range a...b with 0 ≤ a < b: P(a) = P(b) = 1/8 + 6/8 · 1/(b − a + 1) (times
    /// 3/4 when a repeat was possible).
    /// - Invariant: the result lies in `range`; a bounded number of draws (at most three).
    /// - Shrink order: the simplest value, then the endpoints, then by distance from it.
    public static func claimInteger(in range: ClosedRange<Int>, previous: Int?, from source: inout ChoiceSource) -> Int {
        let lo = range.lowerBound, hi = range.upperBound
        if lo == hi { return lo }
        if let p = previous, range.contains(p), source.draw(upTo: 3) == 3 { return p }
        let target = simplestInteger(in: range)
        let below = UInt64(UInt(bitPattern: target &- lo)), above = UInt64(UInt(bitPattern: hi &- target))
        let (near, far) = below <= above ? (lo, hi) : (hi, lo)
        let mode = source.draw(upTo: 7)
        if mode == 0 { return target }
        if mode == 1 { return far }
        if mode == 2 && near != target { return near }
        let k = source.draw(upTo: UInt64(UInt(bitPattern: hi &- lo)))
        return zigzag(k, target: target, below: below, above: above)
    }

    /// q elements of `elements` (kept in order) for `subset(D, q)`: a mode choice in 0...7,
    /// 0 → the first q (1/8), 1 → the last q (1/8), otherwise `subset(of:size:)`.
    public static func claimSubset<T>(of elements: [T], size q: Int, from source: inout ChoiceSource) -> [T] {
        precondition(q >= 0 && q <= elements.count, "subset of size \(q) from \(elements.count) elements")
        switch source.draw(upTo: 7) {
        case 0: return Array(elements.prefix(q))
        case 1: return Array(elements.suffix(q))
        default: return subset(of: elements, size: q, from: &source)
        }
    }

    /// A permutation of 1...n for `permutation(n)`: a mode choice in 0...7, 0 → the identity
    /// (1/8), 1 → the reversal (1/8), otherwise `permutation(_:)`.
    public static func claimPermutation(_ n: Int, from source: inout ChoiceSource) -> [Int] {
        precondition(n >= 0, "negative permutation size \(n)")
        let identity = Array(stride(from: 1, through: n, by: 1))
        switch source.draw(upTo: 7) {
        case 0: return identity
        case 1: return identity.reversed()
        default: return permutation(n, from: &source)
        }
    }
}
