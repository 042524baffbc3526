import CGMP

/// A real algebraic number, held exactly: either a rational number, or an irrational root of a
/// square-free primitive integer polynomial p together with an isolating interval (a, b) with
/// rational endpoints, p(a)·p(b) < 0, and no other root of p in [a, b].
///
/// The two forms never overlap: every constructor tests the one rational candidate the rational
/// root theorem leaves in the interval, so a number in the interval form is certainly irrational.
/// That makes `isRational` exact and equality with a rational immediate.
///
/// Comparisons are decided exactly, never with a tolerance:
/// - with a rational r: by the sign of p(r) and of p at the interval's lower end;
/// - equality of two irrationals: gcd(p, q) must have a root in the intersection of the two
///   intervals (a Sturm count of the gcd there);
/// - order of two distinct numbers: both intervals are bisected until they are disjoint.
///
/// Values are immutable: comparisons refine private copies of the intervals. Call
/// `refine(toWidth:)` to keep a narrower interval and make later comparisons cheaper.
public struct RealAlgebraicNumber: Sendable {
    struct IrrationalRoot: Sendable {
        /// Square-free, primitive, positive leading coefficient, degree ≥ 2.
        let polynomial: [BigInt]
        var lower: Rational
        var upper: Rational
        /// Sign of the polynomial at `lower` (the opposite one holds at `upper`).
        let lowerSign: Int
    }

    enum Form: Sendable {
        case rational(Rational)
        case irrational(IrrationalRoot)
    }

    private(set) var form: Form

    init(form: Form) { self.form = form }

    // MARK: - Construction

    /// The rational number r.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(1).
    /// - Edge cases: 0 is the rational 0.
    public init(_ r: Rational) { form = .rational(r) }

    /// The unique real root of p in the CLOSED interval [interval.lowerBound, interval.upperBound],
    /// or nil when p has no real root there or more than one distinct real root there.
    ///
    /// - Exactness: exact (Sturm count of the square-free part, then the rational root test).
    /// - Precondition: none.
    /// - Complexity: a square-free part and a Sturm sequence, O(n²) coefficient operations, plus
    ///   O(log(L · width)) sign evaluations (L the leading coefficient of the primitive
    ///   square-free part) to rule out or find a rational root.
    /// - Edge cases: nil for the zero polynomial and for nonzero constants; a repeated root counts
    ///   once (p = (x − 1)² on [0, 2] gives 1); a root at an endpoint, or a degenerate interval
    ///   [r, r] with p(r) = 0, gives the rational r.
    public init?(rootOf p: Polynomial, in interval: ClosedRange<Rational>) {
        guard let x = Cancellation.uncancelled({ () throws(Cancellation.Cancelled) in
            try RealAlgebraicNumber.cancellableRoot(of: p, in: interval)
        }) else { return nil }
        self = x
    }

    /// `init?(rootOf:in:)`, abandoned with `Cancellation.Cancelled` after the deadline (polled
    /// in the gcd, the Sturm chain and every bisection).
    public static func cancellableRoot(of p: Polynomial, in interval: ClosedRange<Rational>) throws(Cancellation.Cancelled) -> RealAlgebraicNumber? {
        guard p.degree > 0 else { return nil }
        let q = Polynomial.primitiveIntegerCoefficients(of: try p.cancellableSquareFreePart())
        let a = interval.lowerBound, b = interval.upperBound
        let sa = Polynomial.sign(ofIntegerCoefficients: q, at: a)
        let sb = Polynomial.sign(ofIntegerCoefficients: q, at: b)
        let chain = try Polynomial.SturmChain(cancellable: q)
        let count = chain.count(from: a, through: b) + (sa == 0 ? 1 : 0)
        guard count == 1 else { return nil }
        if sa == 0 { return RealAlgebraicNumber(a) }
        if sb == 0 { return RealAlgebraicNumber(b) }
        let (lo, hi) = try Polynomial.cancellableExcludeRationalRoot(q, lower: a, upper: b)
        if lo == hi { return RealAlgebraicNumber(lo) }
        return RealAlgebraicNumber(form: .irrational(IrrationalRoot(
            polynomial: q, lower: lo, upper: hi, lowerSign: Polynomial.sign(ofIntegerCoefficients: q, at: lo))))
    }

    /// The root of p that `root` (an element of `p.realRoots()`) isolates.
    ///
    /// - Exactness: exact.
    /// - Precondition: p ≠ 0 and `root` isolates exactly one distinct root of p (checked by a
    ///   Sturm count; traps otherwise).
    /// - Complexity: as `init?(rootOf:in:)`; the rational test is immediate for intervals from
    ///   `realRoots()`, which already passed it.
    /// - Edge cases: an exact root gives the rational number.
    public init(_ root: RealRoot, of p: Polynomial) {
        guard let value = RealAlgebraicNumber(rootOf: p, in: root.interval) else {
            preconditionFailure("\(root) does not isolate a root of \(p)")
        }
        self = value
    }

    /// The distinct real roots of p as algebraic numbers, in increasing order.
    ///
    /// - Exactness: exact.
    /// - Precondition: p ≠ 0.
    /// - Complexity: `p.realRoots()` plus one square-free part.
    /// - Edge cases: `[]` for nonzero constants and for p without real roots; repeated roots
    ///   appear once; rational roots come out in the rational form.
    public static func roots(of p: Polynomial) -> [RealAlgebraicNumber] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableRoots(of: p) }
    }

    /// `roots(of:)`, abandoned with `Cancellation.Cancelled` after the deadline.
    public static func cancellableRoots(of p: Polynomial) throws(Cancellation.Cancelled) -> [RealAlgebraicNumber] {
        precondition(!p.isZero, "real roots of the zero polynomial")
        guard p.degree > 0 else { return [] }
        let q = Polynomial.primitiveIntegerCoefficients(of: try p.cancellableSquareFreePart())
        return try p.cancellableRealRoots().map { root in
            if let r = root.exactValue { return RealAlgebraicNumber(r) }
            return RealAlgebraicNumber(form: .irrational(IrrationalRoot(
                polynomial: q, lower: root.lower, upper: root.upper,
                lowerSign: Polynomial.sign(ofIntegerCoefficients: q, at: root.lower))))
        }
    }

    /// The real k-th root of c: the nonnegative one when k is even, the one with the sign of c
    /// when k is odd. Exact and in rational form when |numerator| and denominator of c are
    /// perfect k-th powers; otherwise the root of den·xᵏ − num isolated in [0, max(1, c)] (or
    /// its mirror image for c < 0).
    ///
    /// - Exactness: exact.
    /// - Precondition: k ≥ 1.
    /// - Complexity: two integer k-th roots; when irrational, an isolation of a binomial.
    /// - Edge cases: nil when c < 0 and k is even (no real root); 0 for c = 0; c itself for k = 1.
    public static func root(of c: Rational, degree k: Int) -> RealAlgebraicNumber? {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableRoot(of: c, degree: k) }
    }

    /// `root(of:degree:)`, abandoned with `Cancellation.Cancelled` after the deadline.
    public static func cancellableRoot(of c: Rational, degree k: Int) throws(Cancellation.Cancelled) -> RealAlgebraicNumber? {
        precondition(k >= 1, "root degree must be at least 1")
        if c.isZero || k == 1 { return RealAlgebraicNumber(c) }
        if c.isNegative && k % 2 == 0 { return nil }
        let (n, nExact) = integerRoot(c.numerator.magnitude, k)
        let (d, dExact) = integerRoot(c.denominator, k)
        if nExact && dExact {
            let r = Rational(n, d)
            return RealAlgebraicNumber(c.isNegative ? -r : r)
        }
        var coefficients = [Rational](repeating: 0, count: k + 1)
        coefficients[0] = -c
        coefficients[k] = 1
        let p = Polynomial(coefficients: coefficients)
        let m = c.magnitude < 1 ? Rational(1) : c.magnitude
        return try cancellableRoot(of: p, in: c.isNegative ? -m...0 : 0...m)
    }

    /// ⌊ᵏ√x⌋ and whether it is exact, for x ≥ 0 (GMP `mpz_root`).
    private static func integerRoot(_ x: BigInt, _ k: Int) -> (root: BigInt, isExact: Bool) {
        var exact = false
        let r = BigInt.make { rop in
            x.withMPZ { exact = __gmpz_root(rop, $0, UInt(k)) != 0 }
        }
        return (r, exact)
    }

    // MARK: - Inspection

    /// True when the number is rational (decided exactly at construction).
    public var isRational: Bool {
        if case .rational = form { return true }
        return false
    }

    /// The value when it is rational, else nil.
    public var rationalValue: Rational? {
        if case .rational(let r) = form { return r }
        return nil
    }

    /// A square-free primitive integer polynomial (positive leading coefficient) of which the
    /// number is a root: den·x − num for a rational, the isolating polynomial otherwise. It is
    /// not necessarily the minimal polynomial (which would need factorization over ℚ).
    public var definingPolynomial: Polynomial {
        switch form {
        case .rational(let r): return Polynomial(coefficients: [Rational(-r.numerator), Rational(r.denominator)])
        case .irrational(let x): return Polynomial(integerCoefficients: x.polynomial)
        }
    }

    /// The current isolating interval: [r, r] for a rational r; for an irrational number the
    /// value lies strictly inside and the endpoints are rational non-roots.
    public var isolatingInterval: ClosedRange<Rational> {
        switch form {
        case .rational(let r): return r...r
        case .irrational(let x): return x.lower...x.upper
        }
    }

    // MARK: - Refinement

    /// Bisects the isolating interval until its width is at most `width`.
    ///
    /// - Exactness: exact (signs of the defining polynomial at rational midpoints).
    /// - Precondition: width > 0.
    /// - Complexity: O(log(current width / width)) evaluations of the defining polynomial.
    /// - Edge cases: rational numbers are unaffected; an interval already narrow enough is kept.
    public mutating func refine(toWidth width: Rational) {
        precondition(width.signum > 0, "refinement width must be positive")
        guard case .irrational(var x) = form else { return }
        while x.upper - x.lower > width { x.bisect() }
        form = .irrational(x)
    }

    /// An interval with rational endpoints, of width at most `width`, containing the number.
    ///
    /// - Exactness: exact; the value is certainly inside (strictly inside when irrational).
    /// - Precondition: width > 0.
    /// - Complexity: as `refine(toWidth:)`, on a copy.
    /// - Edge cases: a rational r gives [r, r].
    public func enclosure(width: Rational) -> ClosedRange<Rational> {
        var copy = self
        copy.refine(toWidth: width)
        return copy.isolatingInterval
    }

    /// The double nearest to the value (ties, possible only for rationals, to even). The choice
    /// is made exactly: the value is compared with the midpoint of the two doubles around it.
    ///
    /// - Exactness: the result is a rounding; use it for display only, never for decisions.
    /// - Precondition: none.
    /// - Complexity: bisects until both interval ends truncate to the same double (at most about
    ///   53 + |binary exponent| steps), then one comparison with a rational.
    /// - Edge cases: magnitudes beyond the double range give what `Rational.approximateDouble`
    ///   gives there (±inf or the largest finite double); tiny values round to subnormals or ±0.
    public var approximateDouble: Double {
        let truncated: Double
        switch form {
        case .rational(let r):
            truncated = r.approximateDouble
        case .irrational(var x):
            while x.lower.approximateDouble != x.upper.approximateDouble { x.bisect() }
            truncated = x.lower.approximateDouble
        }
        // `truncated` is the value rounded toward zero; the other candidate is one step away
        // from zero. Pick by comparing with their exact midpoint.
        let s = sign
        guard s != 0, let t = Rational(exactly: truncated) else { return truncated }
        if t == rationalValue { return truncated }
        let away = s > 0 ? truncated.nextUp : truncated.nextDown
        guard let a = Rational(exactly: away) else { return truncated }
        let c = compare(to: (t + a) / 2) * s        // > 0: farther from zero than the midpoint
        if c > 0 { return away }
        if c < 0 { return truncated }
        return truncated.significandBitPattern & 1 == 0 ? truncated : away
    }

    // MARK: - Sign and comparison

    /// −1, 0 or 1.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: at most one evaluation of the defining polynomial.
    /// - Edge cases: 0 only for the rational 0 (irrational numbers are never 0).
    public var sign: Int {
        switch form {
        case .rational(let r): return r.signum
        case .irrational: return compare(to: Rational.zero)
        }
    }

    /// −1, 0 or 1 as self is less than, equal to or greater than r.
    ///
    /// - Exactness: exact: for an irrational number in (a, b) and a < r < b, the sign of p(r)
    ///   against the sign of p(a) tells on which side of r the root lies.
    /// - Precondition: none.
    /// - Complexity: at most one evaluation of the defining polynomial.
    /// - Edge cases: an irrational number is never equal to r, even when r is an interval end.
    public func compare(to r: Rational) -> Int {
        switch form {
        case .rational(let s): return s < r ? -1 : (s == r ? 0 : 1)
        case .irrational(let x): return x.compare(to: r)
        }
    }

    /// −1, 0 or 1 as self is less than, equal to or greater than other.
    ///
    /// - Exactness: exact (see the type's description).
    /// - Precondition: none.
    /// - Complexity: one polynomial gcd and a Sturm count when the intervals overlap, then
    ///   O(log(overlap / |self − other|)) bisections when the numbers differ.
    /// - Edge cases: equal numbers given by different polynomials (√2 from x² − 2 and from
    ///   x⁴ − 4) compare equal; a rational and an irrational are never equal.
    public func compare(to other: RealAlgebraicNumber) -> Int {
        switch (form, other.form) {
        case (.rational(let r), _): return -other.compare(to: r)
        case (_, .rational(let r)): return compare(to: r)
        case (.irrational(var x), .irrational(var y)):
            if x.upper <= y.lower { return -1 }
            if y.upper <= x.lower { return 1 }
            if IrrationalRoot.areEqual(x, y) { return 0 }
            while true {
                if x.upper <= y.lower { return -1 }
                if y.upper <= x.lower { return 1 }
                if x.upper - x.lower >= y.upper - y.lower { x.bisect() } else { y.bisect() }
            }
        }
    }

    // MARK: - Exact rational operations

    /// −self: the root of p(−x) in (−b, −a).
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(n) coefficient negations.
    /// - Edge cases: −0 is 0.
    public static prefix func - (a: RealAlgebraicNumber) -> RealAlgebraicNumber {
        switch a.form {
        case .rational(let r): return RealAlgebraicNumber(-r)
        case .irrational(let x):
            var q = x.polynomial.enumerated().map { $0.offset % 2 == 0 ? $0.element : -$0.element }
            if q[q.count - 1].isNegative { q = q.map { -$0 } }
            return RealAlgebraicNumber(irrationalRootOf: q, lower: -x.upper, upper: -x.lower)
        }
    }

    /// a + r: the root of p(x − r) in (lo + r, hi + r).
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: one polynomial composition, O(n²) coefficient operations.
    /// - Edge cases: adding 0 returns an equal number; rational a gives a rational sum.
    public static func + (a: RealAlgebraicNumber, r: Rational) -> RealAlgebraicNumber {
        switch a.form {
        case .rational(let s): return RealAlgebraicNumber(s + r)
        case .irrational(let x):
            let p = Polynomial(integerCoefficients: x.polynomial).composed(with: .x - Polynomial(constant: r))
            return RealAlgebraicNumber(irrationalRootOf: Polynomial.primitiveIntegerCoefficients(of: p),
                                       lower: x.lower + r, upper: x.upper + r)
        }
    }

    /// a · r: the root of p(x / r) in the image of the interval under x ↦ r·x.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(n) coefficient operations.
    /// - Edge cases: r = 0 gives the rational 0; rational a gives a rational product.
    public static func * (a: RealAlgebraicNumber, r: Rational) -> RealAlgebraicNumber {
        if r.isZero { return RealAlgebraicNumber(Rational.zero) }
        switch a.form {
        case .rational(let s): return RealAlgebraicNumber(s * r)
        case .irrational(let x):
            // p(x/r)·rⁿ has coefficients cᵢ·r^(n−i).
            let n = x.polynomial.count - 1
            let p = Polynomial(coefficients: x.polynomial.enumerated().map { Rational($0.element) * r.power(n - $0.offset) })
            let (lo, hi) = r.signum > 0 ? (x.lower * r, x.upper * r) : (x.upper * r, x.lower * r)
            return RealAlgebraicNumber(irrationalRootOf: Polynomial.primitiveIntegerCoefficients(of: p), lower: lo, upper: hi)
        }
    }

    /// r + a. See `+ (RealAlgebraicNumber, Rational)`.
    public static func + (r: Rational, a: RealAlgebraicNumber) -> RealAlgebraicNumber { a + r }
    /// a − r. See `+ (RealAlgebraicNumber, Rational)`.
    public static func - (a: RealAlgebraicNumber, r: Rational) -> RealAlgebraicNumber { a + (-r) }
    /// r − a. See `+ (RealAlgebraicNumber, Rational)` and prefix `-`.
    public static func - (r: Rational, a: RealAlgebraicNumber) -> RealAlgebraicNumber { (-a) + r }
    /// r · a. See `* (RealAlgebraicNumber, Rational)`.
    public static func * (r: Rational, a: RealAlgebraicNumber) -> RealAlgebraicNumber { a * r }
    /// a / r. See `* (RealAlgebraicNumber, Rational)`. - Precondition: r ≠ 0.
    public static func / (a: RealAlgebraicNumber, r: Rational) -> RealAlgebraicNumber { a * r.reciprocal }

    /// An irrational root given by a square-free primitive polynomial and an isolating open
    /// interval whose endpoints are non-roots (maps of valid intervals keep all of this).
    private init(irrationalRootOf q: [BigInt], lower: Rational, upper: Rational) {
        self.init(form: .irrational(IrrationalRoot(
            polynomial: q, lower: lower, upper: upper,
            lowerSign: Polynomial.sign(ofIntegerCoefficients: q, at: lower))))
    }
}

extension RealAlgebraicNumber.IrrationalRoot {
    /// Halves the interval, keeping the half whose ends have opposite signs.
    mutating func bisect() {
        let m = (lower + upper) / 2
        let s = Polynomial.sign(ofIntegerCoefficients: polynomial, at: m)
        precondition(s != 0, "irrational root hit a rational point: invariant broken")
        if s == lowerSign { lower = m } else { upper = m }
    }

    func compare(to r: Rational) -> Int {
        if r <= lower { return 1 }
        if upper <= r { return -1 }
        let s = Polynomial.sign(ofIntegerCoefficients: polynomial, at: r)
        precondition(s != 0, "irrational root equal to a rational: invariant broken")
        // Same sign as at the lower end: no sign change on [lower, r], the root is above r.
        return s == lowerSign ? 1 : -1
    }

    /// Whether two irrational roots are the same number: g = gcd(p, q) has a root in the
    /// intersection of the open intervals. Its endpoints are endpoints of one of the two
    /// intervals, where p or q (hence g, which divides both) is nonzero, so the Sturm count on
    /// (lo, hi] counts the open intersection; any root of g there is a root of p in p's interval
    /// and of q in q's, hence equal to both numbers.
    static func areEqual(_ x: Self, _ y: Self) -> Bool {
        let lo = max(x.lower, y.lower), hi = min(x.upper, y.upper)
        guard lo < hi else { return false }
        let g = x.polynomial == y.polynomial ? x.polynomial : Polynomial.integerGCD(x.polynomial, y.polynomial)
        guard g.count > 1 else { return false }
        return Polynomial.SturmChain(g).count(from: lo, through: hi) > 0
    }
}

extension RealAlgebraicNumber: Comparable, Hashable, CustomStringConvertible {
    /// Exact equality (see `compare(to:)`); rational versus irrational is decided without work.
    public static func == (a: RealAlgebraicNumber, b: RealAlgebraicNumber) -> Bool {
        switch (a.form, b.form) {
        case (.rational(let r), .rational(let s)): return r == s
        case (.irrational(let x), .irrational(let y)): return IrrationalRoot.areEqual(x, y)
        default: return false
        }
    }

    /// Exact order (see `compare(to:)`).
    public static func < (a: RealAlgebraicNumber, b: RealAlgebraicNumber) -> Bool { a.compare(to: b) < 0 }

    /// Hashes the rational value, or ⌊value⌋ for an irrational number, so that equal numbers
    /// hash equally whatever polynomial and interval define them.
    /// - Complexity: for an irrational number, O(log(width)) bisections until no integer is
    ///   inside the interval.
    public func hash(into hasher: inout Hasher) {
        switch form {
        case .rational(let r):
            hasher.combine(0)
            hasher.combine(r)
        case .irrational(var x):
            // Once upper ≤ ⌊lower⌋ + 1, the value in (lower, upper) has floor ⌊lower⌋; bisection
            // gets there because an irrational value is not an integer.
            while Rational(x.lower.floor + 1) < x.upper { x.bisect() }
            hasher.combine(1)
            hasher.combine(x.lower.floor)
        }
    }

    /// `"3/2"`, or `"root of x^2 - 2 in (1, 3/2) ≈ 1.4142135623730951"`; the approximation is
    /// for reading only.
    public var description: String {
        switch form {
        case .rational(let r): return r.description
        case .irrational(let x):
            return "root of \(Polynomial(integerCoefficients: x.polynomial)) in (\(x.lower), \(x.upper)) ≈ \(approximateDouble)"
        }
    }
}

// MARK: - Mixed comparisons with rationals

extension RealAlgebraicNumber {
    /// Exact: self equals the rational r. - Complexity: O(1) (an irrational is never rational).
    public static func == (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) == 0 }
    /// Exact: the rational r equals a. - Complexity: O(1).
    public static func == (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) == 0 }
    /// Exact: a ≠ r. - Complexity: O(1).
    public static func != (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) != 0 }
    /// Exact: r ≠ a. - Complexity: O(1).
    public static func != (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) != 0 }
    /// Exact: a < r. - Complexity: at most one polynomial evaluation.
    public static func < (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) < 0 }
    /// Exact: r < a. - Complexity: at most one polynomial evaluation.
    public static func < (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) > 0 }
    /// Exact: a ≤ r. - Complexity: at most one polynomial evaluation.
    public static func <= (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) <= 0 }
    /// Exact: r ≤ a. - Complexity: at most one polynomial evaluation.
    public static func <= (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) >= 0 }
    /// Exact: a > r. - Complexity: at most one polynomial evaluation.
    public static func > (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) > 0 }
    /// Exact: r > a. - Complexity: at most one polynomial evaluation.
    public static func > (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) < 0 }
    /// Exact: a ≥ r. - Complexity: at most one polynomial evaluation.
    public static func >= (a: RealAlgebraicNumber, r: Rational) -> Bool { a.compare(to: r) >= 0 }
    /// Exact: r ≥ a. - Complexity: at most one polynomial evaluation.
    public static func >= (r: Rational, a: RealAlgebraicNumber) -> Bool { a.compare(to: r) <= 0 }
}
