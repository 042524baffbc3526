import CGMP

@usableFromInline
final class MPQStorage: @unchecked Sendable {
    @usableFromInline let ptr: UnsafeMutablePointer<__mpq_struct>
    @usableFromInline init() {
        ptr = .allocate(capacity: 1)
        __gmpq_init(ptr)
    }
    deinit {
        __gmpq_clear(ptr)
        ptr.deallocate()
    }
}

/// An exact rational number (GMP `mpq_t`), always in canonical form: numerator and denominator
/// coprime, denominator positive, zero as 0/1. Every initializer and operation establishes and
/// preserves this invariant, so `==` and `hash` compare representations.
///
/// - Exactness: every operation is exact.
/// - Complexity: each operation costs a few GMP multiplications and one gcd of the operand sizes.
public struct Rational: Sendable {
    @usableFromInline let storage: MPQStorage
    @usableFromInline init(storage: MPQStorage) { self.storage = storage }

    @inlinable static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let s = MPQStorage()
        body(s.ptr)
        return Rational(storage: s)
    }

    /// Read-only access to the GMP rational, for code in this package that calls GMP directly.
    @inlinable public func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try body(UnsafePointer(storage.ptr))
    }

    public init(_ value: Int) { self = Rational.make { __gmpq_set_si($0, value, 1) } }

    public init(_ value: BigInt) {
        self = Rational.make { q in value.withMPZ { __gmpq_set_z(q, $0) } }
    }

    /// num/den in lowest terms. - Precondition: den ≠ 0.
    public init(_ num: BigInt, _ den: BigInt) {
        precondition(!den.isZero, "rational with zero denominator")
        self = Rational.make { q in
            num.withMPZ { __gmpz_set(&q.pointee._mp_num, $0) }
            den.withMPZ { __gmpz_set(&q.pointee._mp_den, $0) }
            __gmpq_canonicalize(q)
        }
    }

    public init(_ num: Int, _ den: Int) { self.init(BigInt(num), BigInt(den)) }

    /// Copies a GMP rational that is already canonical.
    public init(copying p: UnsafePointer<__mpq_struct>) { self = Rational.make { __gmpq_set($0, p) } }

    /// The exact value of a finite double (every double is a dyadic rational). Nil for ±inf, NaN.
    public init?(exactly d: Double) {
        guard d.isFinite else { return nil }
        self = Rational.make { __gmpq_set_d($0, d) }
    }

    /// Parses `"-3/7"`, `"12"`, exact decimals `"2.5"`, `"-.125"`, `"1e-3"`, `"1.5E+2"`.
    /// Surrounding white space is allowed; anything else, and a zero denominator, gives nil.
    public init?(_ text: some StringProtocol) {
        let t = text.trimmingWhitespace()
        if let slash = t.firstIndex(of: "/") {
            guard let n = BigInt(t[t.startIndex..<slash]), let d = BigInt(t[t.index(after: slash)...]),
                  !d.isZero, !t[t.index(after: slash)...].hasPrefix("-"), !t[t.index(after: slash)...].hasPrefix("+")
            else { return nil }
            self.init(n, d)
            return
        }
        var s = Substring(t)
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 1_000_000 else { return nil }
            exponent = x
            s = s[s.startIndex..<e]
        }
        var negative = false
        if s.first == "-" || s.first == "+" { negative = s.first == "-"; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let intPart = parts[0], fracPart = parts.count == 2 ? parts[1] : ""
        guard !(intPart.isEmpty && fracPart.isEmpty),
              (intPart + fracPart).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let digits = BigInt(String(intPart + fracPart).isEmpty ? "0" : String(intPart + fracPart)) else { return nil }
        let scale = exponent - fracPart.count
        var value = Rational(digits)
        if scale > 0 { value = value * Rational(BigInt(10).power(scale)) }
        if scale < 0 { value = value / Rational(BigInt(10).power(-scale)) }
        self = negative ? -value : value
    }

    public var numerator: BigInt { BigInt.make { __gmpz_set($0, &storage.ptr.pointee._mp_num) } }
    public var denominator: BigInt { BigInt.make { __gmpz_set($0, &storage.ptr.pointee._mp_den) } }

    public var signum: Int {
        let size = storage.ptr.pointee._mp_num._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }
    public var isZero: Bool { storage.ptr.pointee._mp_num._mp_size == 0 }
    public var isInteger: Bool { __gmpz_cmp_si(&storage.ptr.pointee._mp_den, 1) == 0 }
    public var isNegative: Bool { signum < 0 }
    public var magnitude: Rational { signum >= 0 ? self : -self }

    /// The double nearest to the value, rounding toward zero (GMP `mpq_get_d`).
    /// - Exactness: approximate.
    public var approximateDouble: Double { __gmpq_get_d(storage.ptr) }

    /// 1/self. - Precondition: self ≠ 0.
    public var reciprocal: Rational {
        precondition(!isZero, "reciprocal of zero")
        return Rational.make { __gmpq_inv($0, storage.ptr) }
    }

    /// self^e for any integer e; e < 0 requires self ≠ 0.
    public func power(_ e: Int) -> Rational {
        if e < 0 { return reciprocal.power(-e) }
        return Rational(numerator.power(e), denominator.power(e))
    }

    /// ⌊self⌋.
    public var floor: BigInt { numerator.floorDivided(by: denominator).quotient }
    /// ⌈self⌉.
    public var ceiling: BigInt { -((-self).floor) }

    /// The exact square root when self is the square of a rational, else nil.
    public var exactSquareRoot: Rational? {
        guard signum >= 0 else { return nil }
        let (n, nExact) = numerator.squareRoot()
        let (d, dExact) = denominator.squareRoot()
        return nExact && dExact ? Rational(n, d) : nil
    }

    /// Total size in bits of numerator and denominator: the "height" used to prefer simpler values.
    public var bitSize: Int { numerator.bitWidth + denominator.bitWidth }
}

extension Rational: ExactField {
    public static var zero: Rational { Rational(0) }
    public static var one: Rational { Rational(1) }
    public static func + (a: Rational, b: Rational) -> Rational { make { __gmpq_add($0, a.storage.ptr, b.storage.ptr) } }
    public static func - (a: Rational, b: Rational) -> Rational { make { __gmpq_sub($0, a.storage.ptr, b.storage.ptr) } }
    public static func * (a: Rational, b: Rational) -> Rational { make { __gmpq_mul($0, a.storage.ptr, b.storage.ptr) } }
    /// - Precondition: b ≠ 0.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        return make { __gmpq_div($0, a.storage.ptr, b.storage.ptr) }
    }
    public static prefix func - (a: Rational) -> Rational { make { __gmpq_neg($0, a.storage.ptr) } }
    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }
    public static func /= (a: inout Rational, b: Rational) { a = a / b }

    public static func == (a: Rational, b: Rational) -> Bool { __gmpq_equal(a.storage.ptr, b.storage.ptr) != 0 }
    public static func < (a: Rational, b: Rational) -> Bool { __gmpq_cmp(a.storage.ptr, b.storage.ptr) < 0 }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension Rational: ExpressibleByIntegerLiteral, CustomStringConvertible, LosslessStringConvertible {
    public init(integerLiteral value: Int) { self.init(value) }
    public init?(_ description: String) { self.init(Substring(description)) }
    /// `"p/q"`, or `"p"` when the denominator is 1.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
