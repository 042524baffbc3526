import CGMP

/// Storage for one MPFR number. Immutable once an operation has produced it, which is what gives
/// `BigFloat` value semantics: no `BigFloat` ever writes into storage another value can see.
@usableFromInline
final class MPFRStorage: @unchecked Sendable {
    @usableFromInline let ptr: UnsafeMutablePointer<__mpfr_struct>

    @usableFromInline init(precision: Int) {
        ptr = .allocate(capacity: 1)
        mpfr_init2(ptr, mpfr_prec_t(precision))
    }
    deinit {
        mpfr_clear(ptr)
        ptr.deallocate()
    }
}

/// A binary floating-point number with a precision (significand length in bits) chosen per value
/// (MPFR `mpfr_t`).
///
/// - Exactness: every arithmetic operation is correctly rounded: its result is the number at the
///   target precision that the rounding mode selects from the exact result. The operators
///   `+ − × ÷` round to nearest at the larger of the operand precisions; the named methods
///   (`adding(_:rounding:precision:)`, …) take the rounding direction and the precision
///   explicitly. Negation, `magnitude` and comparisons are exact.
/// - Special values: ±0, ±∞ and NaN exist as in IEEE 754. NaN only comes from an invalid
///   operation (0/0, ∞ − ∞, 0·∞, √(negative), conversion of a Double NaN); ±∞ from division of a
///   nonzero number by zero, from Double infinities, or from overflow (the exponent range is
///   about ±2³⁰ bits, so overflow needs astronomically large values). Unlike IEEE, `==` is an
///   equivalence relation: NaN == NaN, and +0 == −0; `<` orders NaN above +∞. Values are compared
///   by value, never by precision: `1` at 53 bits equals `1` at 256 bits.
/// - Representation: an immutable, reference-counted MPFR number; each operation allocates its
///   result, so operations never alias their inputs.
/// - Complexity: `+`/`−` are O(p), `×`/`÷`/`sqrt` are GMP's multiplication cost at p bits.
public struct BigFloat: Sendable {
    @usableFromInline let storage: MPFRStorage

    @usableFromInline init(storage: MPFRStorage) { self.storage = storage }

    /// The precision, in bits, of values made by `init(_: Int)`, integer literals, `zero` and
    /// `one`, and the default of the converting initializers: 256 bits (about 77 decimal digits).
    /// Every `Int` is exact at this precision.
    public static let defaultPrecision = 256

    /// The precisions a `BigFloat` may have, in bits.
    public static let precisionRange: ClosedRange<Int> = 2...(1 << 24)

    /// Runs `body` on a fresh MPFR number of the given precision, which becomes the result.
    @inlinable static func make(precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        precondition(precisionRange.contains(precision), "BigFloat precision \(precision) outside \(precisionRange)")
        let s = MPFRStorage(precision: precision)
        body(s.ptr)
        return BigFloat(storage: s)
    }

    /// Read-only access to the MPFR number, for code in this package that calls MPFR directly.
    @inlinable public func withMPFR<R>(_ body: (UnsafePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try body(UnsafePointer(storage.ptr))
    }

    // MARK: - Conversions in

    /// The integer `value` at `defaultPrecision` bits.
    ///
    /// - Exactness: exact (every `Int` fits in 256 bits).
    /// - Complexity: O(1).
    public init(_ value: Int) {
        self.init(value, precision: BigFloat.defaultPrecision)
    }

    /// The integer `value` rounded to `precision` bits.
    ///
    /// - Exactness: exact when `precision ≥ 64` (or `value` has few enough significant bits),
    ///   else correctly rounded in direction `rounding`.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(1).
    public init(_ value: Int, precision: Int, rounding: RoundingMode = .toNearest) {
        self = BigFloat.make(precision: precision) { mpfr_set_si($0, value, rounding.mpfr) }
    }

    /// The integer `value` rounded to `precision` bits.
    ///
    /// - Exactness: exact when `value.bitWidth ≤ precision` (after dropping trailing zero bits),
    ///   else correctly rounded in direction `rounding`.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(size of `value` + precision).
    public init(_ value: BigInt, precision: Int = BigFloat.defaultPrecision, rounding: RoundingMode = .toNearest) {
        self = BigFloat.make(precision: precision) { f in value.withMPZ { _ = mpfr_set_z(f, $0, rounding.mpfr) } }
    }

    /// The rational `q` rounded to `precision` bits.
    ///
    /// - Exactness: exact when `q` is a dyadic rational (denominator a power of two) whose
    ///   numerator fits in `precision` bits; otherwise correctly rounded in direction `rounding`
    ///   (so `.down` gives a value ≤ q and `.up` a value ≥ q).
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: one division of the numerator and denominator sizes plus O(precision).
    public init(_ q: Rational, precision: Int = BigFloat.defaultPrecision, rounding: RoundingMode = .toNearest) {
        self = BigFloat.make(precision: precision) { f in q.withMPQ { _ = mpfr_set_q(f, $0, rounding.mpfr) } }
    }

    /// The double `value` rounded to `precision` bits; NaN and ±∞ carry over.
    ///
    /// - Exactness: exact when `precision ≥ 53` (the default), else correctly rounded.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(precision).
    public init(_ value: Double, precision: Int = BigFloat.defaultPrecision, rounding: RoundingMode = .toNearest) {
        self = BigFloat.make(precision: precision) { mpfr_set_d($0, value, rounding.mpfr) }
    }

    /// Parses a decimal number (`"-1.25e-3"`, `"17"`, `"inf"`, `"nan"`) and rounds it to
    /// `precision` bits. Leading white space is allowed; anything else that is not part of the
    /// number, and the empty string, gives nil.
    ///
    /// - Exactness: correctly rounded in direction `rounding` (exact when representable).
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: quasi-linear in the length of `text` and in `precision`.
    public init?(_ text: String, precision: Int = BigFloat.defaultPrecision, rounding: RoundingMode = .toNearest) {
        guard !text.isEmpty else { return nil }
        var ok = false
        let x = BigFloat.make(precision: precision) { f in
            ok = text.withCString { mpfr_set_str(f, $0, 10, rounding.mpfr) } == 0
        }
        guard ok else { return nil }
        self = x
    }

    /// NaN at `precision` bits. - Precondition: `precision` in `precisionRange`.
    public static func nan(precision: Int = BigFloat.defaultPrecision) -> BigFloat {
        make(precision: precision) { mpfr_set_nan($0) }
    }

    /// +∞ at `precision` bits (−∞ is its negation). - Precondition: `precision` in `precisionRange`.
    public static func infinity(precision: Int = BigFloat.defaultPrecision) -> BigFloat {
        make(precision: precision) { mpfr_set_inf($0, 1) }
    }

    // MARK: - Properties

    /// The significand length in bits. - Complexity: O(1).
    public var precision: Int { Int(mpfr_get_prec(storage.ptr)) }

    /// True for NaN. - Exactness: exact. - Complexity: O(1).
    public var isNaN: Bool { mpfr_nan_p(storage.ptr) != 0 }
    /// True for +∞ and −∞. - Exactness: exact. - Complexity: O(1).
    public var isInfinite: Bool { mpfr_inf_p(storage.ptr) != 0 }
    /// True for every value except NaN and ±∞. - Exactness: exact. - Complexity: O(1).
    public var isFinite: Bool { mpfr_number_p(storage.ptr) != 0 }
    /// True for +0 and −0. - Exactness: exact. - Complexity: O(1).
    public var isZero: Bool { mpfr_zero_p(storage.ptr) != 0 }

    /// −1, 0 or 1 (0 for ±0 and for NaN; ±∞ give ±1). - Exactness: exact. - Complexity: O(1).
    public var signum: Int {
        if isNaN { return 0 }
        let s = mpfr_sgn(storage.ptr)
        return s < 0 ? -1 : (s > 0 ? 1 : 0)
    }

    /// |self|, at the same precision (NaN stays NaN). - Exactness: exact. - Complexity: O(p).
    public var magnitude: BigFloat {
        BigFloat.make(precision: precision) { mpfr_abs($0, storage.ptr, MPFR_RNDN) }
    }

    /// The exact value as a rational (every finite binary float is a dyadic rational); nil for
    /// NaN and ±∞. −0 gives 0.
    ///
    /// - Exactness: exact.
    /// - Complexity: O(precision + |exponent|) bits of output.
    public var exactRational: Rational? {
        guard isFinite else { return nil }
        return Rational.make { mpfr_get_q($0, storage.ptr) }
    }

    /// The double nearest to the value (NaN and ±∞ carry over; overflow gives ±∞, underflow ±0).
    /// - Exactness: approximate (correctly rounded to nearest). - Complexity: O(1).
    public var approximateDouble: Double { mpfr_get_d(storage.ptr, MPFR_RNDN) }

    /// Compares with a rational: −1, 0 or 1 as self <, =, > q; nil when self is NaN.
    /// ±∞ compare below and above every rational.
    ///
    /// - Exactness: exact.
    /// - Complexity: one multiplication of the sizes of q and self.
    public func compare(to q: Rational) -> Int? {
        if isNaN { return nil }
        let c = q.withMPQ { mpfr_cmp_q(storage.ptr, $0) }
        return c < 0 ? -1 : (c > 0 ? 1 : 0)
    }

    // MARK: - Rounded arithmetic

    /// The working precision of a binary operation: the explicit one, else the larger operand's.
    @usableFromInline func resultPrecision(_ other: BigFloat, _ precision: Int?) -> Int {
        precision ?? Swift.max(self.precision, other.precision)
    }

    /// self + other, rounded in direction `rounding` to `precision` bits (default: the larger of
    /// the operand precisions).
    ///
    /// - Exactness: correctly rounded. ∞ + (−∞) is NaN.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(p).
    public func adding(_ other: BigFloat, rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: resultPrecision(other, precision)) { mpfr_add($0, storage.ptr, other.storage.ptr, rounding.mpfr) }
    }

    /// self − other, rounded in direction `rounding` to `precision` bits (default: the larger of
    /// the operand precisions).
    ///
    /// - Exactness: correctly rounded. ∞ − ∞ is NaN.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(p).
    public func subtracting(_ other: BigFloat, rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: resultPrecision(other, precision)) { mpfr_sub($0, storage.ptr, other.storage.ptr, rounding.mpfr) }
    }

    /// self × other, rounded in direction `rounding` to `precision` bits (default: the larger of
    /// the operand precisions).
    ///
    /// - Exactness: correctly rounded. 0 × ∞ is NaN.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: one p-bit multiplication.
    public func multiplied(by other: BigFloat, rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: resultPrecision(other, precision)) { mpfr_mul($0, storage.ptr, other.storage.ptr, rounding.mpfr) }
    }

    /// self ÷ other, rounded in direction `rounding` to `precision` bits (default: the larger of
    /// the operand precisions).
    ///
    /// - Exactness: correctly rounded. x/0 is ±∞ for x ≠ 0 (sign from both operands' signs,
    ///   including the sign of zero); 0/0 and ∞/∞ are NaN.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: one p-bit division.
    public func divided(by other: BigFloat, rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: resultPrecision(other, precision)) { mpfr_div($0, storage.ptr, other.storage.ptr, rounding.mpfr) }
    }

    /// √self, rounded in direction `rounding` to `precision` bits (default: self's precision).
    ///
    /// - Exactness: correctly rounded. √(−0) = −0; the square root of a negative number is NaN.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: one p-bit square root.
    public func squareRoot(rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: precision ?? self.precision) { mpfr_sqrt($0, storage.ptr, rounding.mpfr) }
    }

    /// self², rounded in direction `rounding` to `precision` bits (default: self's precision).
    ///
    /// - Exactness: correctly rounded.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: one p-bit squaring.
    public func squared(rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: precision ?? self.precision) { mpfr_sqr($0, storage.ptr, rounding.mpfr) }
    }

    /// selfⁿ for any integer n, rounded in direction `rounding` to `precision` bits (default:
    /// self's precision). x⁰ = 1 for every x, NaN included; 0⁻ⁿ is ±∞.
    ///
    /// - Exactness: correctly rounded (one rounding, not one per multiplication).
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(log |n|) multiplications at a working precision slightly above p.
    public func power(_ n: Int, rounding: RoundingMode = .toNearest, precision: Int? = nil) -> BigFloat {
        BigFloat.make(precision: precision ?? self.precision) { mpfr_pow_si($0, storage.ptr, n, rounding.mpfr) }
    }

    /// self rounded in direction `rounding` to `precision` bits (more bits: exact copy).
    ///
    /// - Exactness: correctly rounded; exact when `precision ≥ self.precision`.
    /// - Precondition: `precision` in `precisionRange`.
    /// - Complexity: O(max(p, precision)).
    public func rounded(toPrecision precision: Int, rounding: RoundingMode = .toNearest) -> BigFloat {
        if precision == self.precision { return self }
        return BigFloat.make(precision: precision) { mpfr_set($0, storage.ptr, rounding.mpfr) }
    }

    /// self · 2ᵉ, at self's precision. - Exactness: exact (barring exponent overflow to ±∞ or
    /// underflow, which round as `rounding` says).
    /// - Complexity: O(p).
    public func scaled(byPowerOfTwo e: Int, rounding: RoundingMode = .toNearest) -> BigFloat {
        BigFloat.make(precision: precision) { mpfr_mul_2si($0, storage.ptr, e, rounding.mpfr) }
    }

    // MARK: - Printing

    /// The value in decimal with at most `digits` significant digits, the last one rounded in
    /// direction `rounding` (so `.down`/`.up` give a decimal that is a lower/upper bound).
    /// Trailing zeros are dropped; plain notation is used when the decimal exponent x satisfies
    /// −5 ≤ x < digits, otherwise scientific (`"1.25e+30"`, `"-3e-7"`). Special values print as
    /// `"nan"`, `"inf"`, `"-inf"`, `"0"`, `"-0"`.
    ///
    /// - Exactness: the printed decimal is the correctly rounded `digits`-digit decimal.
    /// - Precondition: `digits ≥ 1`.
    /// - Complexity: quasi-linear in `digits` and in the precision.
    public func toString(digits: Int, rounding: RoundingMode = .toNearest) -> String {
        precondition(digits >= 1, "at least one significant digit")
        if isNaN { return "nan" }
        if isInfinite { return signum < 0 ? "-inf" : "inf" }
        if isZero { return mpfr_signbit(storage.ptr) != 0 ? "-0" : "0" }
        var exp: mpfr_exp_t = 0
        guard let c = mpfr_get_str(nil, &exp, 10, digits, storage.ptr, rounding.mpfr) else { return "?" }
        defer { mpfr_free_str(c) }
        var mantissa = String(cString: c)
        var negative = false
        if mantissa.hasPrefix("-") { negative = true; mantissa.removeFirst() }
        while mantissa.count > 1, mantissa.last == "0" { mantissa.removeLast() }
        // value = 0.mantissa × 10^exp = d.ddd × 10^(exp − 1)
        let x = Int(exp) - 1
        let sign = negative ? "-" : ""
        if x >= -5 && x < digits {
            if x < 0 {
                return sign + "0." + String(repeating: "0", count: -x - 1) + mantissa
            }
            if mantissa.count <= x + 1 {
                return sign + mantissa + String(repeating: "0", count: x + 1 - mantissa.count)
            }
            let cut = mantissa.index(mantissa.startIndex, offsetBy: x + 1)
            return sign + mantissa[..<cut] + "." + mantissa[cut...]
        }
        let head = mantissa.prefix(1), tail = mantissa.dropFirst()
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (x < 0 ? "-" : "+") + String(abs(x))
    }
}

extension BigFloat: Field {
    /// 0 at `defaultPrecision` bits.
    public static var zero: BigFloat { BigFloat(0) }
    /// 1 at `defaultPrecision` bits.
    public static var one: BigFloat { BigFloat(1) }

    /// Sum rounded to nearest at the larger operand precision. - Exactness: correctly rounded.
    public static func + (a: BigFloat, b: BigFloat) -> BigFloat { a.adding(b) }
    /// Difference rounded to nearest at the larger operand precision. - Exactness: correctly rounded.
    public static func - (a: BigFloat, b: BigFloat) -> BigFloat { a.subtracting(b) }
    /// Product rounded to nearest at the larger operand precision. - Exactness: correctly rounded.
    public static func * (a: BigFloat, b: BigFloat) -> BigFloat { a.multiplied(by: b) }
    /// Quotient rounded to nearest at the larger operand precision; x/0 is ±∞ or NaN (never traps).
    /// - Exactness: correctly rounded.
    public static func / (a: BigFloat, b: BigFloat) -> BigFloat { a.divided(by: b) }
    /// −a at a's precision. - Exactness: exact.
    public static prefix func - (a: BigFloat) -> BigFloat {
        make(precision: a.precision) { mpfr_neg($0, a.storage.ptr, MPFR_RNDN) }
    }
    /// a = a + b (rounded to nearest). - Exactness: correctly rounded.
    public static func += (a: inout BigFloat, b: BigFloat) { a = a + b }
    /// a = a − b (rounded to nearest). - Exactness: correctly rounded.
    public static func -= (a: inout BigFloat, b: BigFloat) { a = a - b }
    /// a = a × b (rounded to nearest). - Exactness: correctly rounded.
    public static func *= (a: inout BigFloat, b: BigFloat) { a = a * b }
    /// a = a ÷ b (rounded to nearest). - Exactness: correctly rounded.
    public static func /= (a: inout BigFloat, b: BigFloat) { a = a / b }
}

extension BigFloat: Comparable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The integer at `defaultPrecision` bits (exact).
    public init(integerLiteral value: Int) { self.init(value) }

    /// Equality of values: +0 == −0, precision is ignored, and (unlike IEEE) NaN == NaN, so that
    /// `==` is an equivalence relation. - Exactness: exact.
    public static func == (a: BigFloat, b: BigFloat) -> Bool {
        let an = a.isNaN, bn = b.isNaN
        if an || bn { return an && bn }
        return mpfr_equal_p(a.storage.ptr, b.storage.ptr) != 0
    }

    /// The numeric order, extended to a total order by placing NaN above +∞.
    /// - Exactness: exact.
    public static func < (a: BigFloat, b: BigFloat) -> Bool {
        let an = a.isNaN, bn = b.isNaN
        if an || bn { return !an && bn }
        return mpfr_less_p(a.storage.ptr, b.storage.ptr) != 0
    }

    /// Hashes the value (consistent with `==`: independent of precision and of the sign of zero).
    /// - Complexity: O(p).
    public func hash(into hasher: inout Hasher) {
        if isNaN { hasher.combine(2 as UInt8); return }
        if isInfinite { hasher.combine(3 as UInt8); hasher.combine(signum); return }
        hasher.combine(1 as UInt8)
        if isZero { return }
        // value = m·2^e with m odd: a representation independent of the precision, computed in
        // O(precision) even for huge exponents
        let m = MPZStorage()
        var e = Int(mpfr_get_z_2exp(m.ptr, storage.ptr))
        let zeros = __gmpz_scan1(m.ptr, 0)
        __gmpz_tdiv_q_2exp(m.ptr, m.ptr, zeros)
        e += Int(zeros)
        hasher.combine(BigInt(storage: m))
        hasher.combine(e)
    }

    /// The value with enough significant decimal digits to read back the same value at this
    /// precision (`toString(digits:)` with MPFR's round-trip digit count, 79 for 256 bits).
    /// - Exactness: approximate (correctly rounded decimal; exact on reading back).
    public var description: String {
        toString(digits: Int(mpfr_get_str_ndigits(10, mpfr_prec_t(precision))))
    }
}

extension Rational {
    /// The exact value of a finite `BigFloat` (a dyadic rational); nil for NaN and ±∞.
    ///
    /// - Exactness: exact.
    /// - Complexity: O(precision + |exponent|).
    public init?(exactly x: BigFloat) {
        guard let q = x.exactRational else { return nil }
        self = q
    }
}
