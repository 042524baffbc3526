/// One distinct real root of a polynomial, isolated by rational bounds, with its multiplicity.
///
/// Two shapes, told apart by `isExact`:
/// - a point, `lower == upper`: the root is exactly this rational number;
/// - an interval, `lower < upper`: the root lies in the open interval (lower, upper), is the only
///   root of the polynomial in the closed interval [lower, upper] (neither endpoint is a root),
///   and is irrational: root isolation tests the single rational candidate that could remain, so
///   every rational root is reported as a point.
///
/// The square-free part of the polynomial takes opposite nonzero signs at the two endpoints of an
/// interval, which is what `Polynomial.refine(_:toWidth:)` bisects on.
public struct RealRoot: Sendable, Hashable, CustomStringConvertible {
    /// Lower end of the isolating interval (the root itself when `isExact`).
    public let lower: Rational
    /// Upper end of the isolating interval (the root itself when `isExact`).
    public let upper: Rational
    /// How many times the root is repeated in the polynomial (≥ 1).
    public let multiplicity: Int

    /// A root record. Prefer `Polynomial.realRoots()`, which establishes the invariants above.
    ///
    /// - Exactness: stores the given values.
    /// - Precondition: `lower ≤ upper`, `multiplicity ≥ 1`.
    /// - Complexity: O(1).
    /// - Edge cases: `lower == upper` makes an exact root.
    public init(lower: Rational, upper: Rational, multiplicity: Int) {
        precondition(lower <= upper, "isolating interval with lower > upper")
        precondition(multiplicity >= 1, "root multiplicity below 1")
        self.lower = lower
        self.upper = upper
        self.multiplicity = multiplicity
    }

    /// True when the root is the rational number `lower == upper`.
    public var isExact: Bool { lower == upper }
    /// The root when it is rational (always reported as a point), else nil.
    public var exactValue: Rational? { isExact ? lower : nil }
    /// `upper − lower`; 0 for an exact root.
    public var width: Rational { upper - lower }
    /// `lower...upper`.
    public var interval: ClosedRange<Rational> { lower...upper }

    /// `"3/2 (multiplicity 2)"` or `"(1, 3/2) (multiplicity 1)"`.
    public var description: String {
        let where_ = isExact ? lower.description : "(\(lower), \(upper))"
        return "\(where_) (multiplicity \(multiplicity))"
    }
}

/// Real root counting and isolation by Sturm sequences, with exact detection of rational roots.
///
/// All work is done on the primitive integer form of the square-free part, so repeated roots are
/// counted once (multiplicities come from the square-free factorization) and every sign is an
/// exact integer computation.
extension Polynomial {
    /// The sign (−1, 0 or 1) of p(x).
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: one Horner evaluation, O(n) rational operations.
    /// - Edge cases: 0 at a root and everywhere for the zero polynomial.
    public func sign(at x: Rational) -> Int { evaluate(at: x).signum }

    /// The number of distinct real roots.
    ///
    /// - Exactness: exact (Sturm's theorem between −∞ and +∞).
    /// - Precondition: p ≠ 0 (the zero polynomial vanishes everywhere).
    /// - Complexity: one Sturm sequence, O(n²) coefficient operations, plus its signs at ±∞.
    /// - Edge cases: 0 for nonzero constants; a repeated root counts once.
    public func realRootCount() -> Int {
        precondition(!isZero, "root count of the zero polynomial")
        let chain = SturmChain(Polynomial.primitiveIntegerCoefficients(of: squareFreePart))
        return chain.variationsAtNegativeInfinity - chain.variationsAtPositiveInfinity
    }

    /// The number of real roots in the CLOSED interval [a, b]: distinct roots by default, or with
    /// multiplicity (a double root counts twice) when `countingMultiplicity` is true.
    ///
    /// Roots at either endpoint are included. Other conventions follow by subtraction, e.g. the
    /// half-open count on (a, b] is `realRootCount(in: a...b) − (sign(at: a) == 0 ? 1 : 0)`.
    ///
    /// - Exactness: exact (Sturm's theorem: V(a) − V(b) counts the roots in (a, b] of a
    ///   square-free polynomial, whatever a and b are; a root at a is added explicitly).
    /// - Precondition: p ≠ 0.
    /// - Complexity: one Sturm sequence per square-free factor (one when counting distinct
    ///   roots) and its signs at a and b, O(n²) coefficient operations.
    /// - Edge cases: 0 for nonzero constants; a degenerate interval a...a gives 1 (or the
    ///   multiplicity) when a is a root, else 0.
    public func realRootCount(in interval: ClosedRange<Rational>, countingMultiplicity: Bool = false) -> Int {
        precondition(!isZero, "root count of the zero polynomial")
        guard degree > 0 else { return 0 }
        let a = interval.lowerBound, b = interval.upperBound
        func closedCount(_ q: [BigInt]) -> Int {
            let chain = SturmChain(q)
            let atA = Polynomial.sign(ofIntegerCoefficients: q, at: a) == 0 ? 1 : 0
            return chain.variations(at: a) - chain.variations(at: b) + atA
        }
        if !countingMultiplicity {
            return closedCount(Polynomial.primitiveIntegerCoefficients(of: squareFreePart))
        }
        return squareFreeFactorization().reduce(0) { total, f in
            total + f.multiplicity * closedCount(Polynomial.primitiveIntegerCoefficients(of: f.factor))
        }
    }

    /// All distinct real roots in increasing order, each with its multiplicity. Rational roots
    /// are exact points; irrational ones come with disjoint isolating intervals whose endpoints
    /// are rational non-roots (see `RealRoot`). Intervals of different roots never overlap, not
    /// even at endpoints.
    ///
    /// - Exactness: exact. Isolation bisects (dyadic midpoints) the Cauchy bound interval with
    ///   Sturm counts; each remaining interval is then bisected on signs until at most one
    ///   candidate k/L (L the leading coefficient of the primitive square-free part — by the
    ///   rational root theorem every rational root has this form) lies inside, and that
    ///   candidate is evaluated.
    /// - Precondition: p ≠ 0.
    /// - Complexity: O(n²) coefficient operations per Sturm evaluation, and a number of them
    ///   proportional to log(bound / root separation) per root, plus O(log(L · width)) sign
    ///   evaluations per irrational root for the rational-candidate test.
    /// - Edge cases: `[]` for nonzero constants and for polynomials without real roots; repeated
    ///   roots appear once with their multiplicity; 0 is found like any other root.
    public func realRoots() -> [RealRoot] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableRealRoots() }
    }

    /// `realRoots()`, abandoned with `Cancellation.Cancelled` (polled between the square-free
    /// part and the isolation, and inside the isolation) after the deadline.
    public func cancellableRealRoots() throws(Cancellation.Cancelled) -> [RealRoot] {
        precondition(!isZero, "real roots of the zero polynomial")
        guard degree > 0 else { return [] }
        let q = Polynomial.primitiveIntegerCoefficients(of: try cancellableSquareFreePart())
        let isolated = try Polynomial.cancellableIsolateRealRoots(ofSquareFree: q)
        try Cancellation.check()
        let factors = try cancellableSquareFreeFactorization().map {
            (ints: Polynomial.primitiveIntegerCoefficients(of: $0.factor), multiplicity: $0.multiplicity)
        }
        return isolated.map { interval in
            let (a, b) = interval
            let m: Int
            if factors.count == 1 {
                m = factors[0].multiplicity
            } else if a == b {
                m = factors.first { Polynomial.sign(ofIntegerCoefficients: $0.ints, at: a) == 0 }!.multiplicity
            } else {
                // Each factor is square-free and vanishes only at roots of q, none in [a, b] but
                // the isolated one: it changes sign on [a, b] exactly when the root is its own.
                m = factors.first {
                    Polynomial.sign(ofIntegerCoefficients: $0.ints, at: a)
                        * Polynomial.sign(ofIntegerCoefficients: $0.ints, at: b) < 0
                }!.multiplicity
            }
            return RealRoot(lower: a, upper: b, multiplicity: m)
        }
    }

    /// `realRoots()` with every interval refined to width at most `width`.
    ///
    /// - Exactness: exact.
    /// - Precondition: p ≠ 0, width > 0.
    /// - Complexity: `realRoots()` plus O(log(initial width / width)) sign evaluations per root.
    /// - Edge cases: exact roots stay points; `[]` for constants.
    public func realRoots(refinedToWidth width: Rational) -> [RealRoot] {
        precondition(width.signum > 0, "refinement width must be positive")
        let roots = realRoots()
        guard roots.contains(where: { !$0.isExact && $0.width > width }) else { return roots }
        let q = Polynomial.primitiveIntegerCoefficients(of: squareFreePart)
        return roots.map { Polynomial.refine($0, ofSquareFree: q, toWidth: width) }
    }

    /// Shrinks the isolating interval of `root` by bisection until its width is at most `width`.
    ///
    /// - Exactness: exact (signs of the square-free part at dyadic or rational midpoints).
    /// - Precondition: p ≠ 0; `root` came from this polynomial's `realRoots()` (checked: the
    ///   square-free part must change sign across a non-point interval); width > 0.
    /// - Complexity: one square-free part, then O(log(root.width / width)) sign evaluations.
    /// - Edge cases: an exact root, or an interval already narrow enough, is returned unchanged.
    public func refine(_ root: RealRoot, toWidth width: Rational) -> RealRoot {
        precondition(!isZero, "refining a root of the zero polynomial")
        precondition(width.signum > 0, "refinement width must be positive")
        guard !root.isExact, root.width > width else { return root }
        let q = Polynomial.primitiveIntegerCoefficients(of: squareFreePart)
        return Polynomial.refine(root, ofSquareFree: q, toWidth: width)
    }

    /// The distinct rational roots in increasing order.
    ///
    /// - Exactness: exact (rational root theorem on the primitive integer square-free part, with
    ///   candidates located by root isolation rather than by factoring coefficients).
    /// - Precondition: p ≠ 0.
    /// - Complexity: as `realRoots()`.
    /// - Edge cases: `[]` for constants; a repeated rational root is listed once.
    public func rationalRoots() -> [Rational] {
        realRoots().compactMap(\.exactValue)
    }
}

// MARK: - Isolation machinery (internal)

extension Polynomial {
    /// The sign of the integer polynomial c (constant term first) at x = n/d, computed as the
    /// sign of dᵈᵉᵍ·c(x), an integer Horner evaluation with no rational normalization.
    static func sign(ofIntegerCoefficients c: [BigInt], at x: Rational) -> Int {
        guard let top = c.last else { return 0 }
        let n = x.numerator, d = x.denominator
        var acc = top
        if d.isOne {
            for i in stride(from: c.count - 2, through: 0, by: -1) { acc = acc * n + c[i] }
        } else {
            var dPower = BigInt.one
            for i in stride(from: c.count - 2, through: 0, by: -1) {
                dPower = dPower * d
                acc = c[i].isZero ? acc * n : acc * n + c[i] * dPower
            }
        }
        return acc.signum
    }

    /// A Sturm sequence q, q′, −rem, … of a square-free integer polynomial, each member scaled by
    /// a positive constant to primitive integer form (positive scaling keeps every sign).
    struct SturmChain {
        let members: [[BigInt]]

        /// - Precondition: q nonzero and square-free.
        init(_ q: [BigInt]) {
            self = Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try SturmChain(cancellable: q) }
        }

        /// The chain, abandoned with `Cancellation.Cancelled` (polled once per member) after the
        /// deadline. - Precondition: q nonzero and square-free.
        init(cancellable q: [BigInt]) throws(Cancellation.Cancelled) {
            precondition(!q.isEmpty, "Sturm sequence of the zero polynomial")
            var chain = [q]
            if q.count > 1 {
                var prev = q
                var cur = Polynomial.dividedByContent((1..<q.count).map { BigInt($0) * q[$0] })
                while !cur.isEmpty {
                    try Cancellation.check()
                    chain.append(cur)
                    let r = Polynomial.positivePseudoRemainder(prev, cur)
                    prev = cur
                    cur = Polynomial.dividedByContent(r.map { -$0 })
                }
            }
            members = chain
        }

        private static func variations(_ signs: [Int]) -> Int {
            var count = 0, last = 0
            for s in signs where s != 0 {
                if last != 0 && s != last { count += 1 }
                last = s
            }
            return count
        }

        /// Sign variations of the sequence at x, zeros skipped.
        func variations(at x: Rational) -> Int {
            SturmChain.variations(members.map { Polynomial.sign(ofIntegerCoefficients: $0, at: x) })
        }
        var variationsAtPositiveInfinity: Int { SturmChain.variations(members.map { $0.last!.signum }) }
        var variationsAtNegativeInfinity: Int {
            SturmChain.variations(members.map { $0.count % 2 == 1 ? $0.last!.signum : -$0.last!.signum })
        }
        /// Distinct roots in the half-open interval (a, b], for a ≤ b.
        func count(from a: Rational, through b: Rational) -> Int { variations(at: a) - variations(at: b) }
    }

    /// A power of two strictly greater than the modulus of every complex root (Cauchy's bound
    /// 1 + max|cᵢ|/|cₙ|, rounded up).
    static func rootBound(ofIntegerCoefficients q: [BigInt]) -> Rational {
        let lead = q[q.count - 1].magnitude
        var largest = BigInt.zero
        for c in q.dropLast() where largest < c.magnitude { largest = c.magnitude }
        let cauchy = Rational(1) + Rational(largest, lead)
        return Rational(BigInt(2).power(cauchy.ceiling.bitWidth))
    }

    /// Isolating intervals of all real roots of a square-free integer polynomial of degree ≥ 1,
    /// in increasing order, with the invariants of `RealRoot` (points for rational roots; open
    /// intervals with non-root endpoints, a sign change, and no rational root otherwise).
    static func isolateRealRoots(ofSquareFree q: [BigInt]) -> [(Rational, Rational)] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableIsolateRealRoots(ofSquareFree: q) }
    }

    /// `isolateRealRoots(ofSquareFree:)`, abandoned with `Cancellation.Cancelled` (polled once
    /// per Sturm member and per bisection) after the deadline.
    static func cancellableIsolateRealRoots(ofSquareFree q: [BigInt]) throws(Cancellation.Cancelled) -> [(Rational, Rational)] {
        guard q.count > 1 else { return [] }
        let chain = try SturmChain(cancellable: q)
        let bound = rootBound(ofIntegerCoefficients: q)
        var pending = [(a: -bound, b: bound, va: chain.variations(at: -bound), vb: chain.variations(at: bound))]
        var halfOpen: [(Rational, Rational)] = []
        while let (a, b, va, vb) = pending.popLast() {
            try Cancellation.check()
            let n = va - vb
            if n == 0 { continue }
            if n == 1 { halfOpen.append((a, b)); continue }
            let m = (a + b) / 2
            let vm = chain.variations(at: m)
            pending.append((m, b, vm, vb))
            pending.append((a, m, va, vm))
        }
        halfOpen.sort { $0.0 < $1.0 }
        var roots = halfOpen.map { settle(q, chain: chain, halfOpen: $0) }
        // Neighbouring intervals may share a (non-root) endpoint; shrink the left one away from it
        // so that the closed intervals are pairwise disjoint.
        for i in roots.indices.dropLast() where roots[i].0 < roots[i].1 && roots[i].1 == roots[i + 1].0 {
            var (a, b) = roots[i]
            let sa = sign(ofIntegerCoefficients: q, at: a)
            let shared = b
            while b == shared {
                let m = (a + b) / 2
                // m cannot be a root: the root in (a, b) is irrational.
                if sign(ofIntegerCoefficients: q, at: m) == sa { a = m } else { b = m }
            }
            roots[i] = (a, b)
        }
        return roots
    }

    /// From a half-open interval (a, b] holding exactly one root of square-free q: the exact
    /// root, or an open interval with non-root endpoints and no rational root inside.
    static func settle(_ q: [BigInt], chain: SturmChain, halfOpen: (Rational, Rational)) -> (Rational, Rational) {
        var (a, b) = halfOpen
        if sign(ofIntegerCoefficients: q, at: b) == 0 { return (b, b) }
        // The root is in the open interval; move a off a root (a neighbour's exact root).
        while sign(ofIntegerCoefficients: q, at: a) == 0 {
            let m = (a + b) / 2
            if sign(ofIntegerCoefficients: q, at: m) == 0 { return (m, m) }
            if chain.count(from: m, through: b) == 1 { a = m } else { b = m }
        }
        return excludeRationalRoot(q, lower: a, upper: b)
    }

    /// Given a, b non-roots of square-free q with one (simple) root between them, returns the
    /// root as a point if it is rational, else an open isolating interval no wider than (a, b)
    /// that contains no candidate k/L, L = |leading coefficient| (every rational root of the
    /// primitive q has this form, so the root is then certainly irrational).
    static func excludeRationalRoot(_ q: [BigInt], lower: Rational, upper: Rational) -> (Rational, Rational) {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableExcludeRationalRoot(q, lower: lower, upper: upper) }
    }

    /// `excludeRationalRoot`, abandoned with `Cancellation.Cancelled` (polled once per
    /// bisection) after the deadline.
    static func cancellableExcludeRationalRoot(_ q: [BigInt], lower: Rational, upper: Rational) throws(Cancellation.Cancelled) -> (Rational, Rational) {
        var a = lower, b = upper
        let sa = sign(ofIntegerCoefficients: q, at: a)
        let lead = Rational(q[q.count - 1].magnitude)
        while true {
            try Cancellation.check()
            let first = (lead * a).floor + 1       // smallest k with k/L > a
            let last = (lead * b).ceiling - 1      // largest k with k/L < b
            if last < first { return (a, b) }
            if first == last {
                let r = Rational(first) / lead
                let s = sign(ofIntegerCoefficients: q, at: r)
                if s == 0 { return (r, r) }
                return s == sa ? (r, b) : (a, r)
            }
            let m = (a + b) / 2
            let s = sign(ofIntegerCoefficients: q, at: m)
            if s == 0 { return (m, m) }
            if s == sa { a = m } else { b = m }
        }
    }

    /// Bisection on signs of the square-free integer polynomial q.
    static func refine(_ root: RealRoot, ofSquareFree q: [BigInt], toWidth width: Rational) -> RealRoot {
        guard !root.isExact, root.width > width else { return root }
        var a = root.lower, b = root.upper
        let sa = sign(ofIntegerCoefficients: q, at: a)
        precondition(sa * sign(ofIntegerCoefficients: q, at: b) < 0, "interval does not isolate a root of this polynomial")
        while b - a > width {
            let m = (a + b) / 2
            let s = sign(ofIntegerCoefficients: q, at: m)
            if s == 0 { return RealRoot(lower: m, upper: m, multiplicity: root.multiplicity) }
            if s == sa { a = m } else { b = m }
        }
        return RealRoot(lower: a, upper: b, multiplicity: root.multiplicity)
    }
}
