import CGMP
import Numbers

/// A dense rows×columns matrix of GMP integers, stored row-major in ONE contiguous buffer of
/// `__mpz_struct`, for the in-place fraction-free kernels behind the exact rational algorithms
/// (product, determinant, rank, nullspace, solve, inertia).
///
/// It is a reference type with unique ownership: each kernel allocates its own `IntegerMatrix`,
/// works on it in place and drops it. The GMP memory of every entry is released in `deinit`.
///
/// - Exactness: every kernel is exact; divisions are exact divisions whose exactness follows from
///   Sylvester's determinant identity (each intermediate entry is a minor of the input).
/// - Complexity: entry access is O(1); the kernels document their own cost.
final class IntegerMatrix {
    let rows: Int
    let columns: Int
    /// Entry (i, j) is `base + (i * columns + j)`.
    let base: UnsafeMutablePointer<__mpz_struct>

    /// The rows×columns zero matrix. - Precondition: rows, columns ≥ 0.
    init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "negative matrix shape")
        self.rows = rows
        self.columns = columns
        let count = rows * columns
        base = .allocate(capacity: Swift.max(count, 1))
        for k in 0..<count { __gmpz_init(base + k) }
    }

    deinit {
        for k in 0..<(rows * columns) { __gmpz_clear(base + k) }
        base.deallocate()
    }

    /// Pointer to entry (i, j); valid while `self` is alive.
    @inline(__always) func entry(_ i: Int, _ j: Int) -> UnsafeMutablePointer<__mpz_struct> {
        base + (i * columns + j)
    }

    /// Exchanges rows a and b in O(columns) by swapping the GMP headers (no limb is copied).
    func swapRows(_ a: Int, _ b: Int) {
        if a == b { return }
        for j in 0..<columns { __gmpz_swap(entry(a, j), entry(b, j)) }
    }

    /// True when every entry is zero.
    var isZero: Bool {
        for k in 0..<(rows * columns) where (base + k).pointee._mp_size != 0 { return false }
        return true
    }
}

// MARK: - Small helpers on GMP values

/// The numerator of a GMP rational (the first field of `__mpq_struct`).
@inline(__always) func mpqNumerator(_ q: UnsafePointer<__mpq_struct>) -> UnsafeMutablePointer<__mpz_struct> {
    UnsafeMutableRawPointer(mutating: q).assumingMemoryBound(to: __mpz_struct.self)
}

/// The denominator of a GMP rational (the second field of `__mpq_struct`).
@inline(__always) func mpqDenominator(_ q: UnsafePointer<__mpq_struct>) -> UnsafeMutablePointer<__mpz_struct> {
    UnsafeMutableRawPointer(mutating: q).assumingMemoryBound(to: __mpz_struct.self) + 1
}

/// The value of a GMP integer when |value| < 2⁶³, else nil. Reads the header; calls no GMP.
@inline(__always) func smallValue(_ z: UnsafePointer<__mpz_struct>) -> Int? {
    let size = z.pointee._mp_size
    if size == 0 { return 0 }
    if size > 1 || size < -1 { return nil }
    let limb = z.pointee._mp_d[0]
    guard limb <= UInt(Int.max) else { return nil }
    return size > 0 ? Int(limb) : -Int(limb)
}

/// A scratch GMP integer with scoped lifetime.
@inline(__always) func withTemporaryMPZ<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
    let z = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
    __gmpz_init(z)
    defer { __gmpz_clear(z); z.deallocate() }
    return try body(z)
}

/// Builds canonical `Rational`s from GMP or machine integers through one reusable scratch `mpq_t`.
/// Zero and one share a single immutable storage each (values are immutable, so sharing is safe).
final class RationalBuilder {
    private let scratch: UnsafeMutablePointer<__mpq_struct>
    private let zero = Rational.zero
    private let one = Rational.one

    init() {
        scratch = .allocate(capacity: 1)
        __gmpq_init(scratch)
    }
    deinit {
        __gmpq_clear(scratch)
        scratch.deallocate()
    }

    /// num/den in lowest terms. - Precondition: den ≠ 0.
    func make(numerator num: UnsafePointer<__mpz_struct>, denominator den: UnsafePointer<__mpz_struct>) -> Rational {
        if num.pointee._mp_size == 0 { return zero }
        __gmpz_set(mpqNumerator(scratch), num)
        __gmpz_set(mpqDenominator(scratch), den)
        __gmpq_canonicalize(scratch)
        return Rational(copying: scratch)
    }

    /// An integer value.
    func make(integer num: UnsafePointer<__mpz_struct>) -> Rational {
        if num.pointee._mp_size == 0 { return zero }
        __gmpz_set(mpqNumerator(scratch), num)
        __gmpz_set_ui(mpqDenominator(scratch), 1)
        return Rational(copying: scratch)
    }

    /// num/den for machine integers, reduced here with a binary gcd. - Precondition: den > 0.
    func make(numerator num: Int, denominator den: Int) -> Rational {
        if num == 0 { return zero }
        let g = binaryGCD(num.magnitude, UInt(den))
        let n = num / Int(bitPattern: g), d = den / Int(bitPattern: g)
        if d == 1 {
            if n == 1 { return one }
            return Rational(n)
        }
        __gmpz_set_si(mpqNumerator(scratch), n)
        __gmpz_set_si(mpqDenominator(scratch), d)
        return Rational(copying: scratch)
    }
}

/// gcd(a, b) by Stein's binary algorithm; gcd(0, b) = b.
@inline(__always) func binaryGCD(_ a: UInt, _ b: UInt) -> UInt {
    var a = a, b = b
    if a == 0 { return b }
    if b == 0 { return a }
    let shift = (a | b).trailingZeroBitCount
    a >>= a.trailingZeroBitCount
    repeat {
        b >>= b.trailingZeroBitCount
        if a > b { swap(&a, &b) }
        b -= a
    } while b != 0
    return a << shift
}

// MARK: - Conversions from rational matrices

extension IntegerMatrix {
    /// l ← lcm(l, denominator of q) (skipped for denominator 1).
    @inline(__always) static func foldDenominator(_ q: UnsafePointer<__mpq_struct>, into l: UnsafeMutablePointer<__mpz_struct>) {
        let d = mpqDenominator(q)
        if __gmpz_cmp_ui(d, 1) != 0 { __gmpz_lcm(l, l, d) }
    }

    /// dst ← numerator(q)·(l / denominator(q)), exact, for l a multiple of the denominator.
    /// `scratch` is overwritten.
    @inline(__always) static func storeScaled(_ q: UnsafePointer<__mpq_struct>, by l: UnsafePointer<__mpz_struct>,
                            into dst: UnsafeMutablePointer<__mpz_struct>, scratch: UnsafeMutablePointer<__mpz_struct>) {
        let d = mpqDenominator(q)
        if __gmpz_cmp(d, l) == 0 {
            __gmpz_set(dst, mpqNumerator(q))
        } else {
            __gmpz_divexact(scratch, l, d)
            __gmpz_mul(dst, mpqNumerator(q), scratch)
        }
    }

    /// Clears denominators row by row: returns the integer matrix D·A and the positive row
    /// multipliers d_i = lcm of the denominators of row i (so row i of A equals row i of D·A / d_i).
    ///
    /// - Complexity: one lcm and one multiplication per entry.
    static func clearingRowDenominators(_ a: Matrix<Rational>) -> (IntegerMatrix, IntegerMatrix) {
        let m = a.rows, n = a.columns
        let out = IntegerMatrix(rows: m, columns: n)
        let dens = IntegerMatrix(rows: m, columns: 1)
        let e = a.elements
        withTemporaryMPZ { t in
            for i in 0..<m {
                let l = dens.entry(i, 0)
                __gmpz_set_ui(l, 1)
                for j in 0..<n {
                    e[i * n + j].withMPQ { foldDenominator($0, into: l) }
                }
                for j in 0..<n {
                    e[i * n + j].withMPQ { storeScaled($0, by: l, into: out.entry(i, j), scratch: t) }
                }
            }
        }
        return (out, dens)
    }

    /// Clears denominators column by column: returns A·E and the positive column multipliers e_j.
    static func clearingColumnDenominators(_ a: Matrix<Rational>) -> (IntegerMatrix, IntegerMatrix) {
        let m = a.rows, n = a.columns
        let out = IntegerMatrix(rows: m, columns: n)
        let dens = IntegerMatrix(rows: 1, columns: n)
        let e = a.elements
        for j in 0..<n { __gmpz_set_ui(dens.entry(0, j), 1) }
        for i in 0..<m {
            for j in 0..<n {
                e[i * n + j].withMPQ { foldDenominator($0, into: dens.entry(0, j)) }
            }
        }
        withTemporaryMPZ { t in
            for i in 0..<m {
                for j in 0..<n {
                    e[i * n + j].withMPQ { storeScaled($0, by: dens.entry(0, j), into: out.entry(i, j), scratch: t) }
                }
            }
        }
        return (out, dens)
    }

    /// Clears all denominators with one positive scalar L = lcm of every denominator: returns
    /// L·A. Scaling by L > 0 is a congruence (√L·I)ᵀA(√L·I), so it keeps symmetry, the inertia and
    /// the signs of all leading principal minors.
    static func clearingDenominators(_ a: Matrix<Rational>) -> (IntegerMatrix, BigInt) {
        let m = a.rows, n = a.columns
        let out = IntegerMatrix(rows: m, columns: n)
        let e = a.elements
        let lcm: BigInt = withTemporaryMPZ { l in
            __gmpz_set_ui(l, 1)
            for x in e {
                x.withMPQ { foldDenominator($0, into: l) }
            }
            withTemporaryMPZ { t in
                for k in 0..<(m * n) {
                    e[k].withMPQ { storeScaled($0, by: l, into: out.base + k, scratch: t) }
                }
            }
            return BigInt(copying: l)
        }
        return (out, lcm)
    }
}

// MARK: - Fraction-free elimination (Bareiss)

extension IntegerMatrix {
    /// The outcome of a fraction-free elimination.
    struct Echelon {
        /// Number of pivots found: the rank of the eliminated column range.
        var rank: Int
        /// Column of the pivot of row r, for r < rank.
        var pivotColumns: [Int]
        /// True when an odd number of row exchanges was made.
        var oddPermutation: Bool
    }

    /// Fraction-free (Bareiss) forward elimination in place, looking for pivots in columns
    /// `0..<pivotLimit` and updating all columns.
    ///
    /// Afterwards row r (r < rank) has its pivot in `pivotColumns[r]`, zeros to its left and below
    /// it, and the last pivot equals ± the rank×rank minor on the pivot rows and columns. Rows
    /// rank..<rows are zero in the pivot range. When `stopAtMissingPivot` is set the elimination
    /// stops at the first column without a pivot (used by det, solve: the matrix is singular).
    ///
    /// - Exactness: each division is exact (every entry is a minor of the input).
    /// - Complexity: O(rows·columns·rank) GMP multiply-adds on numbers of at most rank·(b + log n)
    ///   bits, b the entry size.
    /// - Throws: `Cancellation.Cancelled` (polled once per column) when the thread's deadline
    ///   has passed; the matrix is then left partially eliminated.
    @discardableResult
    func fractionFreeEchelon(pivotLimit: Int? = nil, stopAtMissingPivot: Bool = false) throws(Cancellation.Cancelled) -> Echelon {
        let limit = Swift.min(pivotLimit ?? columns, columns)
        var echelon = Echelon(rank: 0, pivotColumns: [], oddPermutation: false)
        var cancelled = false
        withTemporaryMPZ { t in
            withTemporaryMPZ { previous in
                __gmpz_set_ui(previous, 1)
                var r = 0
                for c in 0..<limit where r < rows {
                    if Cancellation.isCancelled { cancelled = true; break }
                    // First nonzero entry in column c at or below row r.
                    var p = -1
                    for i in r..<rows where entry(i, c).pointee._mp_size != 0 { p = i; break }
                    if p < 0 {
                        if stopAtMissingPivot { break }
                        continue
                    }
                    if p != r {
                        swapRows(p, r)
                        echelon.oddPermutation.toggle()
                    }
                    let pivot = entry(r, c)
                    let previousIsOne = __gmpz_cmp_ui(previous, 1) == 0
                    for i in (r + 1)..<Swift.max(rows, r + 1) {
                        let factor = entry(i, c)
                        let factorIsZero = factor.pointee._mp_size == 0
                        for j in (c + 1)..<Swift.max(columns, c + 1) {
                            let x = entry(i, j)
                            __gmpz_mul(t, pivot, x)
                            if !factorIsZero { __gmpz_submul(t, factor, entry(r, j)) }
                            if previousIsOne { __gmpz_swap(x, t) } else { __gmpz_divexact(x, t, previous) }
                        }
                        __gmpz_set_ui(factor, 0)
                    }
                    __gmpz_set(previous, pivot)
                    echelon.pivotColumns.append(c)
                    r += 1
                }
                echelon.rank = r
            }
        }
        if cancelled { throw Cancellation.Cancelled() }
        return echelon
    }

    /// Fraction-free Gauss–Jordan elimination in place: on return the pivot rows form d·R where R
    /// is the reduced row echelon form of the input and d (= every pivot entry) is the last pivot,
    /// ± the rank×rank minor on the pivot rows and columns. Rows rank..<rows are zero.
    ///
    /// - Exactness: each division is exact (every entry is a minor of the input, by Cramer's rule
    ///   for the rows above the pivot and by Sylvester's identity for the rows below).
    /// - Complexity: O(rows·columns·rank) GMP operations.
    /// - Throws: `Cancellation.Cancelled` (polled once per column) after the deadline.
    func fractionFreeReducedEchelon() throws(Cancellation.Cancelled) -> Echelon {
        var echelon = Echelon(rank: 0, pivotColumns: [], oddPermutation: false)
        var cancelled = false
        withTemporaryMPZ { t in
            withTemporaryMPZ { previous in
                __gmpz_set_ui(previous, 1)
                var r = 0
                for c in 0..<columns where r < rows {
                    if Cancellation.isCancelled { cancelled = true; break }
                    var p = -1
                    for i in r..<rows where entry(i, c).pointee._mp_size != 0 { p = i; break }
                    if p < 0 { continue }
                    if p != r {
                        swapRows(p, r)
                        echelon.oddPermutation.toggle()
                    }
                    let pivot = entry(r, c)
                    for i in 0..<rows where i != r {
                        let factor = entry(i, c)
                        let factorIsZero = factor.pointee._mp_size == 0
                        // Rows below r are zero left of c; rows above have entries everywhere.
                        let start = i < r ? 0 : c + 1
                        for j in start..<columns where j != c {
                            let x = entry(i, j)
                            __gmpz_mul(t, pivot, x)
                            if !factorIsZero { __gmpz_submul(t, factor, entry(r, j)) }
                            __gmpz_divexact(x, t, previous)
                        }
                        __gmpz_set_ui(factor, 0)
                    }
                    __gmpz_set(previous, pivot)
                    echelon.pivotColumns.append(c)
                    r += 1
                }
                echelon.rank = r
            }
        }
        if cancelled { throw Cancellation.Cancelled() }
        return echelon
    }
}

// MARK: - Symmetric fraction-free elimination for the inertia

extension IntegerMatrix {
    /// The inertia of this symmetric integer matrix by fraction-free symmetric elimination with
    /// 1×1 pivots, in place (only the lower triangle is read and updated).
    ///
    /// Invariant: after k steps the trailing block holds δ·S, where S is the Schur complement of
    /// the eliminated k×k principal block P of a matrix congruent to the input and δ = det P
    /// (δ = 1 before the first step). A pivot on a nonzero diagonal entry m of δ·S contributes the
    /// sign of m/δ, the next δ is m, and the update m_ij ← (m·m_ij − m_ip·m_jp)/δ is exact (each
    /// entry is a bordered minor, Sylvester's identity). When the whole trailing diagonal is zero
    /// but some m_pq ≠ 0, row and column q are added to row and column p (the unimodular
    /// congruence I + e_p e_qᵀ), which makes the diagonal entry 2·m_pq ≠ 0 without leaving ℤ. When
    /// the trailing block is zero, its order is the number of zero eigenvalues.
    ///
    /// - Precondition: square and symmetric (only the lower triangle is used).
    /// - Exactness: exact, for any rank and any pattern of zero pivots.
    /// - Complexity: O(n³/6) GMP multiply-adds when the leading principal minors do not vanish;
    ///   each step that needs the row-adding congruence adds O(n²) to find the nonzero entry.
    func symmetricInertia() -> Inertia {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableSymmetricInertia() }
    }

    /// `symmetricInertia()`, abandoned with `Cancellation.Cancelled` (polled once per pivot)
    /// after the deadline.
    func cancellableSymmetricInertia() throws(Cancellation.Cancelled) -> Inertia {
        precondition(rows == columns, "inertia of a non-square matrix")
        let n = rows
        var negative = 0, positive = 0
        var cancelled = false
        // Lower-triangle accessor for a symmetric index pair.
        @inline(__always) func low(_ i: Int, _ j: Int) -> UnsafeMutablePointer<__mpz_struct> {
            i >= j ? entry(i, j) : entry(j, i)
        }
        // Symmetric exchange of indices a < b, moving only lower-triangle entries.
        func symmetricSwap(_ a: Int, _ b: Int) {
            if a == b { return }
            __gmpz_swap(entry(a, a), entry(b, b))
            for j in 0..<a { __gmpz_swap(entry(a, j), entry(b, j)) }
            for i in (a + 1)..<b { __gmpz_swap(entry(i, a), entry(b, i)) }
            for i in (b + 1)..<Swift.max(n, b + 1) { __gmpz_swap(entry(i, a), entry(i, b)) }
        }
        withTemporaryMPZ { t in
            withTemporaryMPZ { delta in
                __gmpz_set_ui(delta, 1)
                var deltaSign = 1
                var k = 0
                while k < n {
                    if Cancellation.isCancelled { cancelled = true; break }
                    // A nonzero diagonal entry in the trailing block.
                    var p = -1
                    for i in k..<n where entry(i, i).pointee._mp_size != 0 { p = i; break }
                    if p < 0 {
                        // Diagonal all zero: find a nonzero off-diagonal entry (i > j ≥ k).
                        var found: (Int, Int)? = nil
                        search: for i in (k + 1)..<Swift.max(n, k + 1) {
                            for j in k..<i where entry(i, j).pointee._mp_size != 0 { found = (i, j); break search }
                        }
                        guard let (i, j) = found else { break }  // the trailing block is zero
                        symmetricSwap(k, j)                      // j ≥ k, i > j so i is untouched
                        // Row/column i added to row/column k: m_kk becomes 2·m_ik; m_kl += m_il.
                        __gmpz_mul_2exp(entry(k, k), entry(i, k), 1)
                        for l in (k + 1)..<n where l != i { __gmpz_add(low(l, k), low(l, k), low(l, i)) }
                        // m_ik += m_ii, and m_ii = 0: unchanged.
                        p = k
                    } else {
                        symmetricSwap(k, p)
                    }
                    let pivot = entry(k, k)
                    let pivotSign = pivot.pointee._mp_size > 0 ? 1 : -1
                    if pivotSign * deltaSign > 0 { positive += 1 } else { negative += 1 }
                    let deltaIsOne = __gmpz_cmp_ui(delta, 1) == 0
                    for i in (k + 1)..<Swift.max(n, k + 1) {
                        let lik = entry(i, k)
                        let likZero = lik.pointee._mp_size == 0
                        for j in (k + 1)...i {
                            let x = entry(i, j)
                            __gmpz_mul(t, pivot, x)
                            if !likZero { __gmpz_submul(t, lik, entry(j, k)) }
                            if deltaIsOne { __gmpz_swap(x, t) } else { __gmpz_divexact(x, t, delta) }
                        }
                    }
                    __gmpz_set(delta, pivot)
                    deltaSign = pivotSign
                    k += 1
                }
            }
        }
        if cancelled { throw Cancellation.Cancelled() }
        return Inertia(negative: negative, zero: n - negative - positive, positive: positive)
    }
}

// MARK: - Word-size modular images (multimodular kernels)

/// Arithmetic modulo a prime 2⁶² < p < 2⁶³ in Montgomery form (x is stored as x·2⁶⁴ mod p), so
/// that a modular product costs three machine multiplications and no division.
struct MontgomeryModulus {
    let p: UInt64
    /// −p⁻¹ mod 2⁶⁴.
    let negInverse: UInt64
    /// 2¹²⁸ mod p, to enter Montgomery form.
    let r2: UInt64

    init(_ p: UInt64) {
        precondition(p & 1 == 1 && p < (1 << 63), "Montgomery modulus must be odd and below 2⁶³")
        self.p = p
        var inv: UInt64 = p  // Newton iteration for p⁻¹ mod 2⁶⁴ (correct to 3 bits at the start)
        for _ in 0..<5 { inv = inv &* (2 &- p &* inv) }
        negInverse = 0 &- inv
        let r1 = (UInt64.max % p) &+ 1  // 2⁶⁴ mod p (p is not a power of two)
        r2 = p.dividingFullWidth((r1, 0)).remainder  // (2⁶⁴ mod p)·2⁶⁴ mod p
    }

    /// Montgomery reduction of the 128-bit value (hi, lo) < p·2⁶⁴: returns (hi·2⁶⁴ + lo)·2⁻⁶⁴ mod p.
    @inline(__always) func reduce(_ hi: UInt64, _ lo: UInt64) -> UInt64 {
        let m = lo &* negInverse
        let mp = m.multipliedFullWidth(by: p)
        // lo + mp.low ≡ 0 (mod 2⁶⁴): it carries exactly when lo ≠ 0.
        var t = hi &+ mp.high &+ (lo != 0 ? 1 : 0)
        if t >= p { t &-= p }
        return t
    }

    /// a·b·2⁻⁶⁴ mod p, for a, b < p: the product of two values in Montgomery form.
    @inline(__always) func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let ab = a.multipliedFullWidth(by: b)
        return reduce(ab.high, ab.low)
    }

    @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let s = a &+ b  // < 2p < 2⁶⁴
        return s >= p ? s &- p : s
    }

    @inline(__always) func sub(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a &- b : a &+ (p &- b)
    }

    /// Σ x_k·y_k·2⁻⁶⁴ mod p for values below p (so the Montgomery form of the dot product of two
    /// Montgomery-form vectors), with ONE reduction: the high and low halves of the products are
    /// summed exactly (and without branches) in two 128-bit accumulators, V = H·2⁶⁴ + L, and then
    /// V·2⁻⁶⁴ ≡ H + L·2⁻⁶⁴ (mod p).
    @inline(__always) func dot(_ x: UnsafePointer<UInt64>, _ y: UnsafePointer<UInt64>, _ count: Int) -> UInt64 {
        if #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) {
            var sumHigh: UInt128 = 0, sumLow: UInt128 = 0
            for k in 0..<count {
                let (ph, pl) = x[k].multipliedFullWidth(by: y[k])
                sumHigh &+= UInt128(ph)
                sumLow &+= UInt128(pl)
            }
            // H = sumHigh + ⌊sumLow / 2⁶⁴⌋ = h1·2⁶⁴ + h0 with h1 < 2⁶⁴ ≪ p.
            let h = sumHigh &+ (sumLow >> 64)
            let h1 = UInt64(truncatingIfNeeded: h >> 64)
            var h0 = UInt64(truncatingIfNeeded: h)
            while h0 >= p { h0 &-= p }  // at most 3 times, as p > 2⁶²
            // h1·2⁶⁴ ≡ mul(h1, 2¹²⁸ mod p).
            return add(add(mul(h1 % p, r2), h0), reduce(0, UInt64(truncatingIfNeeded: sumLow)))
        } else {
            var s: UInt64 = 0
            for k in 0..<count { s = add(s, mul(x[k], y[k])) }
            return s
        }
    }

    /// x mod p (x < 2⁶⁴) into Montgomery form.
    @inline(__always) func enter(_ x: UInt64) -> UInt64 { mul(x < p ? x : x % p, r2) }

    /// Out of Montgomery form: the ordinary residue.
    @inline(__always) func leave(_ x: UInt64) -> UInt64 { reduce(0, x) }

    /// The Montgomery form of a signed machine integer.
    @inline(__always) func enter(signed x: Int) -> UInt64 {
        let r = UInt64(x.magnitude) < p ? UInt64(x.magnitude) : UInt64(x.magnitude) % p
        return enter(x < 0 && r != 0 ? p - r : r)
    }

    /// The Montgomery form of a GMP integer.
    func enter(_ z: UnsafePointer<__mpz_struct>) -> UInt64 {
        if let s = smallValue(z) { return enter(signed: s) }
        return enter(UInt64(__gmpz_fdiv_ui(z, UInt(p))))
    }

    /// The inverse of a nonzero value in Montgomery form, in Montgomery form; nil for 0.
    func inverse(_ x: UInt64) -> UInt64? {
        let v = leave(x)
        guard v != 0, let inv = ordinaryInverse(v) else { return nil }
        return mul(inv, r2)
    }

    /// v⁻¹ mod p for 0 < v < p by the extended Euclidean algorithm (any odd modulus works).
    func ordinaryInverse(_ v: UInt64) -> UInt64? {
        var (r0, r1) = (Int64(p), Int64(v))
        var (s0, s1): (Int64, Int64) = (0, 1)
        while r1 != 0 {
            let q = r0 / r1
            (r0, r1) = (r1, r0 - q * r1)
            (s0, s1) = (s1, s0 - q * s1)
        }
        guard r0 == 1 else { return nil }
        return s0 < 0 ? UInt64(s0 + Int64(p)) : UInt64(s0)
    }

    /// Deterministic Miller–Rabin for 64-bit odd n with the seven bases known to decide every
    /// n < 2⁶⁴ (Sinclair's set).
    static func isPrime(_ n: UInt64) -> Bool {
        if n < 2 { return false }
        for q: UInt64 in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
            if n % q == 0 { return n == q }
        }
        let m = MontgomeryModulus(n)
        let one = m.enter(1), minusOne = m.enter(n - 1)
        var d = n - 1, s = 0
        while d & 1 == 0 { d >>= 1; s += 1 }
        for base: UInt64 in [2, 325, 9375, 28178, 450775, 9780504, 1795265022] {
            let a = base % n
            if a == 0 { continue }
            var x = m.power(m.enter(a), d)
            if x == one || x == minusOne { continue }
            var composite = true
            for _ in 0..<Swift.max(s - 1, 0) {
                x = m.mul(x, x)
                if x == minusOne { composite = false; break }
            }
            if composite { return false }
        }
        return true
    }

    /// x^e in Montgomery form.
    func power(_ x: UInt64, _ e: UInt64) -> UInt64 {
        var result = enter(1), base = x, e = e
        while e > 0 {
            if e & 1 == 1 { result = mul(result, base) }
            base = mul(base, base)
            e >>= 1
        }
        return result
    }
}

/// The primes just below 2⁶³, in decreasing order, for the multimodular kernels. Each exceeds
/// 2⁶², so t of them have a product above 2^(62·t). Computed once, on first use.
enum WordPrimes {
    /// How many primes the table holds: enough for integers of 62·1024 bits ≈ 63 000 bits.
    static let capacity = 1024
    static let table: [UInt64] = {
        var primes: [UInt64] = []
        primes.reserveCapacity(capacity)
        var candidate: UInt64 = (1 << 63) - 1
        while primes.count < capacity {
            if MontgomeryModulus.isPrime(candidate) { primes.append(candidate) }
            candidate -= 2
        }
        return primes
    }()

    /// The number of primes (each > 2⁶²) whose product exceeds 2^bits, or nil beyond the table.
    static func count(forBits bits: Int) -> Int? {
        let t = Swift.max(1, (bits + 61) / 62)
        return t <= capacity ? t : nil
    }
}

/// Chinese remaindering of many values modulo the same list of primes: builds, once, the data to
/// lift residue vectors to signed integers in (−M/2, M/2], M the product of the primes.
final class CRTLifter {
    let primes: [UInt64]
    private let moduli: [MontgomeryModulus]
    /// inverses[i] = (p_0⋯p_{i−1})⁻¹ mod p_i, in Montgomery form.
    private var inverses: [UInt64]
    private let modulus: UnsafeMutablePointer<__mpz_struct>
    private let halfModulus: UnsafeMutablePointer<__mpz_struct>

    init(primes: [UInt64]) {
        self.primes = primes
        moduli = primes.map(MontgomeryModulus.init)
        modulus = .allocate(capacity: 1)
        halfModulus = .allocate(capacity: 1)
        __gmpz_init_set_ui(modulus, 1)
        __gmpz_init(halfModulus)
        inverses = []
        for (p, m) in zip(primes, moduli) {
            let r = UInt64(__gmpz_fdiv_ui(modulus, UInt(p)))
            inverses.append(r == 0 ? 0 : m.enter(m.ordinaryInverse(r)!))
            __gmpz_mul_ui(modulus, modulus, UInt(p))
        }
        __gmpz_fdiv_q_2exp(halfModulus, modulus, 1)
    }
    deinit {
        __gmpz_clear(modulus); __gmpz_clear(halfModulus)
        modulus.deallocate(); halfModulus.deallocate()
    }

    /// Sets `out` to the unique integer x with −M/2 < x ≤ M/2 and x ≡ residues[i] (mod p_i).
    /// `residue(i)` gives the ordinary residue modulo primes[i].
    func lift(into out: UnsafeMutablePointer<__mpz_struct>, residue: (Int) -> UInt64) {
        withTemporaryMPZ { partial in
            __gmpz_set_ui(out, UInt(residue(0)))
            __gmpz_set_ui(partial, UInt(primes[0]))
            for i in 1..<Swift.max(primes.count, 1) {
                let p = primes[i], m = moduli[i]
                let current = UInt64(__gmpz_fdiv_ui(out, UInt(p)))
                let diff = m.sub(residue(i), current)
                // t = diff·inverse mod p (ordinary × Montgomery form gives ordinary).
                let t = m.mul(diff, inverses[i])
                __gmpz_addmul_ui(out, partial, UInt(t))
                __gmpz_mul_ui(partial, partial, UInt(p))
            }
            if __gmpz_cmp(out, halfModulus) > 0 { __gmpz_sub(out, out, modulus) }
        }
    }
}

extension IntegerMatrix {
    /// An upper bound, in bits, for the absolute value of every minor of this matrix (square or
    /// not): log₂ of Hadamard's bound ∏ᵢ max(1, ‖row i‖₂), rounded up.
    func hadamardBits() -> Int {
        var halfBits = 0
        withTemporaryMPZ { s in
            for i in 0..<rows {
                __gmpz_set_ui(s, 0)
                for j in 0..<columns { __gmpz_addmul(s, entry(i, j), entry(i, j)) }
                if s.pointee._mp_size != 0 { halfBits += Int(__gmpz_sizeinbase(s, 2)) }  // ‖row‖² < 2^bits
            }
        }
        return (halfBits + 1) / 2
    }

    /// Row-major Montgomery-form images of the entries modulo `m`.
    func image(modulo m: MontgomeryModulus) -> [UInt64] {
        (0..<(rows * columns)).map { m.enter(UnsafePointer(base + $0)) }
    }

    /// The entries as machine integers when every one fits, else nil (for repeated images).
    func machineEntries() -> [Int]? {
        var out = [Int]()
        out.reserveCapacity(rows * columns)
        for k in 0..<(rows * columns) {
            guard let v = smallValue(base + k) else { return nil }
            out.append(v)
        }
        return out
    }

    /// Row-major Montgomery-form images modulo `m`, reading `machine` when it is given. With
    /// `lowerTriangle` only entries (i, j) with j ≤ i are computed (the others are 0), which is
    /// all the symmetric kernels read.
    func image(modulo m: MontgomeryModulus, machine: [Int]?, lowerTriangle: Bool = false) -> [UInt64] {
        if !lowerTriangle {
            guard let machine else { return image(modulo: m) }
            return machine.map { m.enter(signed: $0) }
        }
        let n = columns
        var out = [UInt64](repeating: 0, count: rows * n)
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<rows {
                for j in 0...Swift.min(i, n - 1) {
                    let k = i * n + j
                    o[k] = machine.map { m.enter(signed: $0[k]) } ?? m.enter(UnsafePointer(base + k))
                }
            }
        }
        return out
    }
}
