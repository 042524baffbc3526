import CGMP

/// Storage for one GMP integer. Immutable once an operation has produced it, which is what gives
/// `BigInt` value semantics: no `BigInt` ever writes into storage another value can see.
@usableFromInline
final class MPZStorage: @unchecked Sendable {
    @usableFromInline let ptr: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        ptr = .allocate(capacity: 1)
        __gmpz_init(ptr)
    }
    deinit {
        __gmpz_clear(ptr)
        ptr.deallocate()
    }
}

/// An arbitrary-precision integer (GMP `mpz_t`).
///
/// - Exactness: every operation is exact.
/// - Representation: an immutable, reference-counted GMP integer; each operation allocates its
///   result, so operations never alias their inputs.
/// - Complexity: `+`/`-` are O(n) in the number of limbs, `*` is GMP's (Karatsuba/Toom/FFT).
public struct BigInt: Sendable {
    @usableFromInline let storage: MPZStorage

    @usableFromInline init(storage: MPZStorage) { self.storage = storage }

    /// Runs `body` on a fresh GMP integer, which becomes the result.
    @inlinable static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let s = MPZStorage()
        body(s.ptr)
        return BigInt(storage: s)
    }

    /// Read-only access to the GMP integer, for code in this package that calls GMP directly.
    @inlinable public func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try body(UnsafePointer(storage.ptr))
    }

    public init(_ value: Int) {
        self = BigInt.make { __gmpz_set_si($0, value) }
    }

    /// Copies a GMP integer.
    public init(copying p: UnsafePointer<__mpz_struct>) {
        self = BigInt.make { __gmpz_set($0, p) }
    }

    /// Parses an optional sign followed by decimal digits (or digits of `radix`, 2...62).
    /// Returns nil for anything else, including the empty string and embedded spaces.
    public init?(_ text: some StringProtocol, radix: Int = 10) {
        var t = Substring(text)
        var negative = false
        if t.first == "-" || t.first == "+" { negative = t.first == "-"; t = t.dropFirst() }
        guard !t.isEmpty, (2...62).contains(radix),
              t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let s = MPZStorage()
        let rc = String(t).withCString { __gmpz_set_str(s.ptr, $0, Int32(radix)) }
        guard rc == 0 else { return nil }
        if negative { __gmpz_neg(s.ptr, s.ptr) }
        self.init(storage: s)
    }

    /// -1, 0 or 1.
    public var signum: Int {
        let size = storage.ptr.pointee._mp_size
        return size < 0 ? -1 : (size > 0 ? 1 : 0)
    }
    public var isZero: Bool { storage.ptr.pointee._mp_size == 0 }
    public var isOne: Bool { __gmpz_cmp_si(storage.ptr, 1) == 0 }
    public var isNegative: Bool { signum < 0 }

    /// Number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(storage.ptr, 2)) }

    /// The value as an `Int` when it fits, else nil.
    public var asInt: Int? {
        __gmpz_fits_slong_p(storage.ptr) != 0 ? __gmpz_get_si(storage.ptr) : nil
    }

    /// The value rounded toward zero to a `Double` (GMP's `mpz_get_d`; may overflow to ±inf? no:
    /// GMP truncates, and values beyond the double range are undefined, so callers check bitWidth).
    public var approximateDouble: Double { __gmpz_get_d(storage.ptr) }

    public func toString(radix: Int = 10) -> String {
        guard let c = __gmpz_get_str(nil, Int32(radix), storage.ptr) else { return "?" }
        defer { free(c) }
        return String(cString: c)
    }

    public var magnitude: BigInt { signum >= 0 ? self : -self }

    /// a^e for e ≥ 0.
    public func power(_ e: Int) -> BigInt {
        precondition(e >= 0, "negative exponent")
        return BigInt.make { __gmpz_pow_ui($0, storage.ptr, UInt(e)) }
    }

    /// Greatest common divisor, always ≥ 0; gcd(0, 0) = 0.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt.make { __gmpz_gcd($0, a.storage.ptr, b.storage.ptr) }
    }
    /// Least common multiple, always ≥ 0.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt.make { __gmpz_lcm($0, a.storage.ptr, b.storage.ptr) }
    }

    /// Floor division: q = ⌊a/b⌋, r = a − qb with sign of b.
    /// - Precondition: b ≠ 0.
    public func floorDivided(by b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!b.isZero, "division by zero")
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_fdiv_qr(q.ptr, r.ptr, storage.ptr, b.storage.ptr)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Truncating division (C semantics), as Swift's `/` and `%` on Int.
    public func truncatingDivided(by b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!b.isZero, "division by zero")
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_tdiv_qr(q.ptr, r.ptr, storage.ptr, b.storage.ptr)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Exact division when b divides self.
    /// - Precondition: b ≠ 0 and b | self (unchecked beyond a debug assertion).
    public func dividedExactly(by b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.make { __gmpz_divexact($0, storage.ptr, b.storage.ptr) }
    }

    /// ⌊√self⌋ and whether self is a perfect square. - Precondition: self ≥ 0.
    public func squareRoot() -> (root: BigInt, isExact: Bool) {
        precondition(signum >= 0, "square root of a negative integer")
        let r = BigInt.make { __gmpz_sqrt($0, storage.ptr) }
        return (r, __gmpz_perfect_square_p(storage.ptr) != 0)
    }
}

extension BigInt: Ring {
    public static var zero: BigInt { BigInt(0) }
    public static var one: BigInt { BigInt(1) }
    public static func + (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_add($0, a.storage.ptr, b.storage.ptr) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_sub($0, a.storage.ptr, b.storage.ptr) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { make { __gmpz_mul($0, a.storage.ptr, b.storage.ptr) } }
    public static prefix func - (a: BigInt) -> BigInt { make { __gmpz_neg($0, a.storage.ptr) } }
    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }
}

extension BigInt: Comparable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible, LosslessStringConvertible {
    public init(integerLiteral value: Int) { self.init(value) }
    public init?(_ description: String) { self.init(Substring(description), radix: 10) }
    public static func == (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.storage.ptr, b.storage.ptr) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.storage.ptr, b.storage.ptr) < 0 }
    public func hash(into hasher: inout Hasher) {
        let z = storage.ptr.pointee
        hasher.combine(z._mp_size)
        let n = Int(abs(z._mp_size))
        for i in 0..<n { hasher.combine(z._mp_d[i]) }
    }
    public var description: String { toString() }
}
