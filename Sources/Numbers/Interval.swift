import CGMP

/// A closed interval [lower, upper] of real numbers with `BigFloat` endpoints, used as a
/// certified enclosure of a real number that is not known exactly.
///
/// - Invariant: lower ≤ upper, neither endpoint is NaN, lower < +∞ and upper > −∞ (the interval
///   always contains at least one real number). An endpoint ±∞ means "unbounded on that side".
/// - Exactness: enclosure. Every operation rounds its lower endpoint down and its upper endpoint
///   up, so the result contains the exact result of the operation applied to any real numbers
///   taken from the operands (inclusion property). Results are computed at the larger of the
///   operand precisions.
/// - Equality: `==` compares the intervals as sets (equal endpoints), not the enclosed numbers;
///   questions about the enclosed numbers are asked with the `Certainty`-valued predicates
///   (`isPositive`, `lessThan(_:)`, …), which answer `.unknown` when the enclosure is too wide.
/// - Division: dividing by an interval that contains 0 returns the whole line [−∞, +∞]; this is
///   honest (the quotient set is unbounded or undefined) and never traps.
public struct Interval: Sendable {
    /// The lower endpoint, a number ≤ every real in the interval (−∞ when unbounded below).
    public let lower: BigFloat
    /// The upper endpoint, a number ≥ every real in the interval (+∞ when unbounded above).
    public let upper: BigFloat

    /// The endpoint precision used by `init(_: Int)`, `zero`, `one` and the default of the
    /// converting initializers: `BigFloat.defaultPrecision` (256 bits).
    public static let defaultPrecision = BigFloat.defaultPrecision

    /// Builds an interval from endpoints already known to satisfy the invariant; a −0 endpoint
    /// becomes +0 so that printing and hashing see one zero.
    @usableFromInline init(uncheckedLower lower: BigFloat, upper: BigFloat) {
        self.lower = Interval.positiveZero(lower)
        self.upper = Interval.positiveZero(upper)
    }

    @usableFromInline static func positiveZero(_ x: BigFloat) -> BigFloat {
        guard x.isZero, x.withMPFR({ mpfr_signbit($0) }) != 0 else { return x }
        return BigFloat(0, precision: x.precision)
    }

    /// The interval [lower, upper].
    ///
    /// - Exactness: exact (the endpoints are taken as given).
    /// - Precondition: neither endpoint is NaN, lower ≤ upper, lower ≠ +∞, upper ≠ −∞.
    /// - Complexity: O(1).
    public init(lower: BigFloat, upper: BigFloat) {
        precondition(!lower.isNaN && !upper.isNaN, "NaN interval endpoint")
        precondition(lower <= upper, "interval with lower > upper")
        precondition(!(lower.isInfinite && lower.signum > 0) && !(upper.isInfinite && upper.signum < 0),
                     "interval containing no real number")
        self.init(uncheckedLower: lower, upper: upper)
    }

    /// The point interval [x, x].
    ///
    /// - Exactness: exact.
    /// - Precondition: x is finite.
    /// - Complexity: O(1).
    public init(_ x: BigFloat) {
        precondition(x.isFinite, "point interval at a non-finite value")
        self.init(uncheckedLower: x, upper: x)
    }

    /// The smallest interval with `precision`-bit endpoints that contains the finite number x:
    /// [x rounded down, x rounded up]; the point [x, x] when x fits in `precision` bits.
    ///
    /// - Exactness: enclosure.
    /// - Precondition: x is finite; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(precision).
    public init(enclosing x: BigFloat, precision: Int) {
        precondition(x.isFinite, "enclosure of a non-finite value")
        self.init(uncheckedLower: x.rounded(toPrecision: precision, rounding: .down),
                  upper: x.rounded(toPrecision: precision, rounding: .up))
    }

    /// The smallest interval with `precision`-bit endpoints that contains q: the point [q, q]
    /// when q is representable (a dyadic rational with a short enough numerator), else
    /// [q rounded down, q rounded up], whose endpoints are adjacent floats.
    ///
    /// - Exactness: enclosure (exact point when representable).
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: one division of q's numerator by its denominator at `precision` bits.
    public init(enclosing q: Rational, precision: Int = Interval.defaultPrecision) {
        var exact = false
        let lo = BigFloat.make(precision: precision) { f in
            exact = q.withMPQ { mpfr_set_q(f, $0, MPFR_RNDD) } == 0
        }
        if exact {
            self.init(uncheckedLower: lo, upper: lo)
        } else {
            self.init(uncheckedLower: lo, upper: BigFloat(q, precision: precision, rounding: .up))
        }
    }

    /// Same as `init(enclosing:precision:)`: the tightest `precision`-bit enclosure of q.
    ///
    /// - Exactness: enclosure (exact point when representable).
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: as `init(enclosing:precision:)`.
    public init(_ q: Rational, precision: Int = Interval.defaultPrecision) {
        self.init(enclosing: q, precision: precision)
    }

    /// The tightest `precision`-bit enclosure of the rational interval [a, b].
    ///
    /// - Exactness: enclosure.
    /// - Precondition: a ≤ b; `precision` in `BigFloat.precisionRange`.
    /// - Complexity: two rational-to-float conversions.
    public init(enclosing a: Rational, _ b: Rational, precision: Int = Interval.defaultPrecision) {
        precondition(a <= b, "interval with lower > upper")
        self.init(uncheckedLower: BigFloat(a, precision: precision, rounding: .down),
                  upper: BigFloat(b, precision: precision, rounding: .up))
    }

    /// The point interval at the integer `value`, with `defaultPrecision`-bit endpoints.
    ///
    /// - Exactness: exact (every `Int` fits in 256 bits).
    /// - Complexity: O(1).
    public init(_ value: Int) {
        self.init(BigFloat(value))
    }

    /// The whole extended line [−∞, +∞]: the honest answer when nothing is known.
    ///
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    public static func entire(precision: Int = Interval.defaultPrecision) -> Interval {
        let inf = BigFloat.infinity(precision: precision)
        return Interval(uncheckedLower: -inf, upper: inf)
    }

    // MARK: - Properties

    /// The larger of the endpoint precisions, in bits; the working precision of operations.
    /// - Complexity: O(1).
    public var precision: Int { Swift.max(lower.precision, upper.precision) }

    /// The exact lower endpoint; nil when unbounded below. - Exactness: exact.
    public var lowerRational: Rational? { lower.exactRational }
    /// The exact upper endpoint; nil when unbounded above. - Exactness: exact.
    public var upperRational: Rational? { upper.exactRational }

    /// True when both endpoints are finite. - Exactness: exact. - Complexity: O(1).
    public var isBounded: Bool { lower.isFinite && upper.isFinite }
    /// True when lower == upper (the interval is one exactly known number).
    /// - Exactness: exact. - Complexity: O(p).
    public var isPoint: Bool { lower == upper }
    /// True when the interval is [0, 0], i.e. the enclosed number is certainly zero (the `Ring`
    /// meaning of `isZero` for enclosures). - Exactness: exact. - Complexity: O(1).
    public var isZero: Bool { lower.isZero && upper.isZero }
    /// True when 0 lies in the interval (so the enclosed number may be zero).
    /// - Exactness: exact. - Complexity: O(1).
    public var containsZero: Bool { lower.signum <= 0 && upper.signum >= 0 }

    /// An upper bound on upper − lower (rounded up; +∞ when unbounded).
    ///
    /// - Exactness: enclosure from above (the exact width is ≤ the result).
    /// - Complexity: O(p).
    public var width: BigFloat { upper.subtracting(lower, rounding: .up) }

    /// The exact width upper − lower; nil when unbounded. - Exactness: exact.
    public var exactWidth: Rational? {
        guard let l = lowerRational, let u = upperRational else { return nil }
        return u - l
    }

    /// A number near the center of the interval, at the interval's precision and never outside
    /// it. For an unbounded interval: its finite endpoint, or 0 for [−∞, +∞].
    ///
    /// - Exactness: approximate ((lower + upper)/2 rounded to nearest).
    /// - Complexity: O(p).
    public var midpoint: BigFloat {
        switch (lower.isFinite, upper.isFinite) {
        case (true, true): return lower.adding(upper, precision: precision).scaled(byPowerOfTwo: -1)
        case (true, false): return lower
        case (false, true): return upper
        case (false, false): return BigFloat(0, precision: precision)
        }
    }

    /// The exact center (lower + upper)/2; nil when unbounded. - Exactness: exact.
    public var exactMidpoint: Rational? {
        guard let l = lowerRational, let u = upperRational else { return nil }
        return (l + u) / 2
    }

    // MARK: - Membership

    /// Whether q lies in the interval. - Exactness: exact. - Complexity: two float–rational
    /// comparisons.
    public func contains(_ q: Rational) -> Bool {
        lower.compare(to: q)! <= 0 && upper.compare(to: q)! >= 0
    }

    /// Whether the finite or infinite number x lies in the interval (NaN never does).
    /// - Exactness: exact.
    public func contains(_ x: BigFloat) -> Bool {
        !x.isNaN && lower <= x && x <= upper
    }

    /// Whether `other` is a subset of this interval. - Exactness: exact.
    public func contains(_ other: Interval) -> Bool {
        lower <= other.lower && other.upper <= upper
    }

    /// The common part of the two intervals, nil when they are disjoint.
    ///
    /// - Exactness: exact (endpoints are taken over unchanged).
    /// - Complexity: O(1).
    public func intersection(_ other: Interval) -> Interval? {
        let lo = Swift.max(lower, other.lower), hi = Swift.min(upper, other.upper)
        return lo <= hi ? Interval(uncheckedLower: lo, upper: hi) : nil
    }

    /// The smallest interval containing both.
    ///
    /// - Exactness: exact (endpoints are taken over unchanged).
    /// - Complexity: O(1).
    public func hull(_ other: Interval) -> Interval {
        Interval(uncheckedLower: Swift.min(lower, other.lower), upper: Swift.max(upper, other.upper))
    }

    // MARK: - Certified comparisons

    /// How an interval relates to a rational number, when that can be decided for every point
    /// of the interval.
    public enum Ordering: Sendable, Hashable {
        /// Every point is < q.
        case less
        /// The interval is the single point q.
        case equal
        /// Every point is > q.
        case greater
        /// The interval contains points on both sides of q, or q and other points.
        case unknown
    }

    /// Compares the enclosed number with q: `.less`/`.greater` when the whole interval lies
    /// strictly below/above q, `.equal` only for the point interval [q, q], else `.unknown`.
    ///
    /// - Exactness: exact decision about the enclosure.
    /// - Complexity: two float–rational comparisons.
    public func compare(to q: Rational) -> Ordering {
        let lc = lower.compare(to: q)!, uc = upper.compare(to: q)!
        if uc < 0 { return .less }
        if lc > 0 { return .greater }
        if lc == 0 && uc == 0 { return .equal }
        return .unknown
    }

    /// Is the enclosed number > 0? `.yes` when lower > 0, `.no` when upper ≤ 0, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public var isPositive: Certainty {
        if lower.signum > 0 { return .yes }
        if upper.signum <= 0 { return .no }
        return .unknown
    }

    /// Is the enclosed number < 0? `.yes` when upper < 0, `.no` when lower ≥ 0, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public var isNegative: Certainty {
        if upper.signum < 0 { return .yes }
        if lower.signum >= 0 { return .no }
        return .unknown
    }

    /// Is the enclosed number ≥ 0? `.yes` when lower ≥ 0, `.no` when upper < 0, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public var isNonNegative: Certainty { !isNegative }

    /// Is the enclosed number ≤ 0? `.yes` when upper ≤ 0, `.no` when lower > 0, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public var isNonPositive: Certainty { !isPositive }

    /// Is x < y for the numbers x in self and y in other? `.yes` when self.upper < other.lower,
    /// `.no` when self.lower ≥ other.upper, else `.unknown`.
    /// - Exactness: exact decision about the enclosures.
    public func lessThan(_ other: Interval) -> Certainty {
        if upper < other.lower { return .yes }
        if lower >= other.upper { return .no }
        return .unknown
    }

    /// Is x ≤ y for the numbers x in self and y in other? `.yes` when self.upper ≤ other.lower,
    /// `.no` when self.lower > other.upper, else `.unknown`.
    /// - Exactness: exact decision about the enclosures.
    public func lessThanOrEqual(_ other: Interval) -> Certainty {
        if upper <= other.lower { return .yes }
        if lower > other.upper { return .no }
        return .unknown
    }

    /// Is x > y? Same as `other.lessThan(self)`. - Exactness: exact decision about the enclosures.
    public func greaterThan(_ other: Interval) -> Certainty { other.lessThan(self) }

    /// Is x ≥ y? Same as `other.lessThanOrEqual(self)`.
    /// - Exactness: exact decision about the enclosures.
    public func greaterThanOrEqual(_ other: Interval) -> Certainty { other.lessThanOrEqual(self) }

    /// Is the enclosed number < q? `.yes` when upper < q, `.no` when lower ≥ q, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public func lessThan(_ q: Rational) -> Certainty {
        if upper.compare(to: q)! < 0 { return .yes }
        if lower.compare(to: q)! >= 0 { return .no }
        return .unknown
    }

    /// Is the enclosed number ≤ q? `.yes` when upper ≤ q, `.no` when lower > q, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public func lessThanOrEqual(_ q: Rational) -> Certainty {
        if upper.compare(to: q)! <= 0 { return .yes }
        if lower.compare(to: q)! > 0 { return .no }
        return .unknown
    }

    /// Is the enclosed number > q? `.yes` when lower > q, `.no` when upper ≤ q, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public func greaterThan(_ q: Rational) -> Certainty { !lessThanOrEqual(q) }

    /// Is the enclosed number ≥ q? `.yes` when lower ≥ q, `.no` when upper < q, else `.unknown`.
    /// - Exactness: exact decision about the enclosure.
    public func greaterThanOrEqual(_ q: Rational) -> Certainty { !lessThan(q) }

    // MARK: - Printing

    /// `"[lo, hi]"` with each endpoint printed to at most `digits` significant decimal digits,
    /// rounded outward (lower down, upper up), so the printed interval still contains this one.
    ///
    /// - Exactness: enclosure.
    /// - Precondition: `digits ≥ 1`.
    public func toString(digits: Int) -> String {
        "[\(lower.toString(digits: digits, rounding: .down)), \(upper.toString(digits: digits, rounding: .up))]"
    }
}

// MARK: - Endpoint arithmetic

extension Interval {
    /// a·b rounded in direction `rounding`, where 0·(±∞) counts as 0: an endpoint 0 is a real
    /// number that is attained, and 0 times any real is 0.
    @usableFromInline static func endpointProduct(_ a: BigFloat, _ b: BigFloat, _ rounding: RoundingMode, _ p: Int) -> BigFloat {
        if a.isZero || b.isZero { return BigFloat(0, precision: p) }
        return a.multiplied(by: b, rounding: rounding, precision: p)
    }

    /// a/b rounded in direction `rounding`, for a divisor interval that excludes 0, where
    /// (±∞)/(±∞) counts as 0. That corner is only a limit; the quotients near it range over a
    /// half-line from 0, and every value of that half-line already lies between the values at
    /// the neighbouring corners (a finite/∞ → 0 and ∞/finite → ±∞), so 0 keeps the hull honest.
    @usableFromInline static func endpointQuotient(_ a: BigFloat, _ b: BigFloat, _ rounding: RoundingMode, _ p: Int) -> BigFloat {
        if a.isInfinite && b.isInfinite { return BigFloat(0, precision: p) }
        return a.divided(by: b, rounding: rounding, precision: p)
    }
}

extension Interval: Field {
    /// [0, 0] at `defaultPrecision`.
    public static var zero: Interval { Interval(0) }
    /// [1, 1] at `defaultPrecision`.
    public static var one: Interval { Interval(1) }

    /// [a.lower + b.lower, a.upper + b.upper], rounded outward.
    /// - Exactness: enclosure. - Complexity: two p-bit additions.
    public static func + (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        return Interval(uncheckedLower: a.lower.adding(b.lower, rounding: .down, precision: p),
                        upper: a.upper.adding(b.upper, rounding: .up, precision: p))
    }

    /// [a.lower − b.upper, a.upper − b.lower], rounded outward.
    /// - Exactness: enclosure. - Complexity: two p-bit subtractions.
    public static func - (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        return Interval(uncheckedLower: a.lower.subtracting(b.upper, rounding: .down, precision: p),
                        upper: a.upper.subtracting(b.lower, rounding: .up, precision: p))
    }

    /// The hull of the four endpoint products, rounded outward (0·∞ counts as 0).
    /// - Exactness: enclosure. - Complexity: eight p-bit multiplications.
    public static func * (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        let pairs = [(a.lower, b.lower), (a.lower, b.upper), (a.upper, b.lower), (a.upper, b.upper)]
        let lo = pairs.map { endpointProduct($0.0, $0.1, .down, p) }.min()!
        let hi = pairs.map { endpointProduct($0.0, $0.1, .up, p) }.max()!
        return Interval(uncheckedLower: lo, upper: hi)
    }

    /// The hull of the four endpoint quotients, rounded outward, when b excludes 0; the whole
    /// line [−∞, +∞] when b contains 0 (including b = [0, 0]): the honest answer, since the set
    /// of quotients is then unbounded or undefined. Never traps.
    /// - Exactness: enclosure. - Complexity: eight p-bit divisions.
    public static func / (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        if b.containsZero { return entire(precision: p) }
        let pairs = [(a.lower, b.lower), (a.lower, b.upper), (a.upper, b.lower), (a.upper, b.upper)]
        let lo = pairs.map { endpointQuotient($0.0, $0.1, .down, p) }.min()!
        let hi = pairs.map { endpointQuotient($0.0, $0.1, .up, p) }.max()!
        return Interval(uncheckedLower: lo, upper: hi)
    }

    /// [−a.upper, −a.lower]. - Exactness: exact.
    public static prefix func - (a: Interval) -> Interval {
        Interval(uncheckedLower: -a.upper, upper: -a.lower)
    }

    /// a = a + b. - Exactness: enclosure.
    public static func += (a: inout Interval, b: Interval) { a = a + b }
    /// a = a − b. - Exactness: enclosure.
    public static func -= (a: inout Interval, b: Interval) { a = a - b }
    /// a = a × b. - Exactness: enclosure.
    public static func *= (a: inout Interval, b: Interval) { a = a * b }
    /// a = a ÷ b (the whole line when b contains 0). - Exactness: enclosure.
    public static func /= (a: inout Interval, b: Interval) { a = a / b }
}

extension Interval: Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The point interval at the integer, `defaultPrecision` bits (exact).
    public init(integerLiteral value: Int) { self.init(value) }

    /// Set equality: equal endpoints (by value, whatever their precisions).
    public static func == (a: Interval, b: Interval) -> Bool {
        a.lower == b.lower && a.upper == b.upper
    }

    /// Hashes both endpoints (consistent with set equality). - Complexity: O(p).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lower)
        hasher.combine(upper)
    }

    /// `toString(digits: 17)`: endpoints rounded outward to 17 significant digits, so the printed
    /// interval contains this one. - Exactness: enclosure.
    public var description: String { toString(digits: 17) }
}
