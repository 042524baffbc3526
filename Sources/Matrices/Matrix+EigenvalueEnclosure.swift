import Numbers

/// Certified enclosures of the eigenvalues of a symmetric rational matrix.
///
/// Eigenvalues are numbered from 0 in ascending order with multiplicity: λ₀ ≤ λ₁ ≤ … ≤ λₙ₋₁.
/// For a rational c, the inertia of A − c·I gives exactly b(c) = #{λ < c} and
/// e(c) = #{λ ≤ c}, and
///
/// - b(c) ≥ k + 1 ⟺ λ_k < c,
/// - e(c) ≤ k ⟺ λ_k > c,
/// - otherwise (b(c) ≤ k < e(c)) λ_k = c exactly.
///
/// An enclosure is therefore certified by two exact counts, whatever produced its endpoints. The
/// endpoints are proposed by a floating-point estimate: a double-precision Jacobi first, and, if
/// the exact counts refute its bracket, an MPFR Jacobi at a precision chosen from the requested
/// width. A dyadic bracket of width ≤ 3/4 of the requested one around the estimate is tried and
/// widened if a count refutes it; bisection from the best certified bounds finishes whatever the
/// estimates could not. A small-height rational near the estimate is also tested, so
/// exact rational eigenvalues (1/3, say) are usually returned as points.
extension Matrix where T == Rational {
    /// A closed interval [lower, upper] that contains the k-th smallest eigenvalue λ_k
    /// (k = 0 is the smallest), with upper − lower ≤ `width`. The endpoints are dyadic rationals,
    /// except that lower == upper is returned, possibly non-dyadic, when λ_k is detected to be
    /// exactly that rational.
    ///
    /// - Exactness: exact (certified by exact eigenvalue counts; the floating-point estimate only
    ///   proposes candidates).
    /// - Precondition: square, symmetric, n ≥ 1; 0 ≤ k < n; width > 0.
    /// - Complexity: one double-precision Jacobi estimate, then typically two or three exact
    ///   inertia computations; if that estimate is refuted, an MPFR Jacobi estimate at about
    ///   log₂(‖A‖/width) + 24 bits (at least 64, at most 2048) and two or three more; in the worst
    ///   case (both refuted) about log₂(Gershgorin width / width) more.
    /// Edge cases: a 1×1 matrix and every scalar matrix c·I give the exact point c. When the
    ///   integer Gershgorin bounds are already narrower than `width` they are returned as they are.
    public func eigenvalueEnclosure(index k: Int, width: Rational) -> (lower: Rational, upper: Rational) {
        precondition(k >= 0 && k < rows, "eigenvalue index \(k) outside 0..<\(rows)")
        return EigenvalueEnclosureSearch(self, width: width).enclose(k)
    }

    /// A closed interval of width ≤ `width` containing λ_min, the smallest eigenvalue
    /// (`eigenvalueEnclosure(index: 0, width:)`).
    ///
    /// - Exactness: exact (certified by exact eigenvalue counts).
    /// - Precondition: square, symmetric, n ≥ 1; width > 0.
    /// - Complexity: see `eigenvalueEnclosure(index:width:)`.
    /// Edge cases: an exactly detected rational λ_min gives lower == upper.
    public func minimumEigenvalueEnclosure(width: Rational) -> (lower: Rational, upper: Rational) {
        eigenvalueEnclosure(index: 0, width: width)
    }

    /// A closed interval of width ≤ `width` containing λ_max, the largest eigenvalue
    /// (`eigenvalueEnclosure(index: n − 1, width:)`).
    ///
    /// - Exactness: exact (certified by exact eigenvalue counts).
    /// - Precondition: square, symmetric, n ≥ 1; width > 0.
    /// - Complexity: see `eigenvalueEnclosure(index:width:)`.
    /// Edge cases: an exactly detected rational λ_max gives lower == upper.
    public func maximumEigenvalueEnclosure(width: Rational) -> (lower: Rational, upper: Rational) {
        precondition(rows >= 1, "eigenvalues of an empty matrix")
        return eigenvalueEnclosure(index: rows - 1, width: width)
    }

    /// Enclosures of all eigenvalues λ₀ ≤ … ≤ λₙ₋₁, each of width ≤ `width`, sharing one
    /// floating-point estimate. Enclosures of distinct indices may overlap (for close or multiple
    /// eigenvalues); each one contains its own λ_k.
    ///
    /// - Exactness: exact (each enclosure certified by exact eigenvalue counts).
    /// - Precondition: square and symmetric; width > 0.
    /// - Complexity: one Jacobi estimate and typically 2n to 3n exact inertia computations.
    /// Edge cases: 0×0 gives [].
    public func eigenvalueEnclosures(width: Rational) -> [(lower: Rational, upper: Rational)] {
        if rows == 0 {
            precondition(isSquare, "eigenvalues of a non-square matrix")
            return []
        }
        let enclosure = EigenvalueEnclosureSearch(self, width: width)
        return (0..<rows).map { enclosure.enclose($0) }
    }
}

/// The shared state of one enclosure request: the matrix, the requested width, the Gershgorin
/// bracket and the floating-point estimates.
struct EigenvalueEnclosureSearch {
    let a: Matrix<Rational>
    let width: Rational
    /// Bounds on every eigenvalue from the Gershgorin discs: integers, or the exact eigenvalue
    /// when all discs are the same point (A = c·I).
    let gershgorin: (lower: Rational, upper: Rational)
    let estimatePrecision: Int
    /// Half-width of the window searched for a simple rational near an estimate.
    let candidateRadius: Rational

    init(_ a: Matrix<Rational>, width: Rational) {
        precondition(a.isSquare, "eigenvalues of a non-square \(a.rows)×\(a.columns) matrix")
        precondition(a.rows >= 1, "eigenvalues of an empty matrix")
        precondition(a.isSymmetric, "eigenvalue enclosure of a non-symmetric matrix")
        precondition(width.signum > 0, "enclosure width must be positive")
        self.a = a
        self.width = width
        let n = a.rows
        var lo: Rational? = nil, hi: Rational? = nil, radiusBound = Rational.zero
        for i in 0..<n {
            var r = Rational.zero
            for j in 0..<n where j != i { r += a[i, j].magnitude }
            let d = a[i, i]
            lo = lo.map { Swift.min($0, d - r) } ?? d - r
            hi = hi.map { Swift.max($0, d + r) } ?? d + r
            radiusBound = Swift.max(radiusBound, d.magnitude + r)
        }
        // a single point (1×1, or c·I) is kept exactly; otherwise round outward to integers
        gershgorin = lo! == hi! ? (lo!, hi!) : (Rational(lo!.floor), Rational(hi!.ceiling))
        // estimate error ≈ 2^−p·‖A‖_F ≤ 2^−p·√n·ρ(A): ask for log₂(‖A‖/width) + log₂ n + 24 bits
        let scaleBits = EigenvalueEnclosureSearch.log2Upper(Swift.max(radiusBound, 1))
        let widthBits = -EigenvalueEnclosureSearch.log2Upper(width)
        let p = Swift.min(Swift.max(scaleBits + widthBits + (n.bitWidth - n.leadingZeroBitCount) + 24, 64), 2048)
        estimatePrecision = p
        candidateRadius = Swift.max(radiusBound, 1) * EigenvalueEnclosureSearch.powerOfTwo(-(p - 8 - (n.bitWidth - n.leadingZeroBitCount)))
        if gershgorin.upper - gershgorin.lower <= width {
            doubleEstimates = nil
        } else {
            doubleEstimates = a.doublePrecisionSymmetricEigenvalues()?.map { Rational(exactly: $0)! }  // finite doubles
        }
    }

    /// Double-precision Jacobi estimates, ascending: tried first, because they cost a tiny
    /// fraction of the MPFR ones and usually propose a bracket the exact counts accept.
    let doubleEstimates: [Rational]?

    /// The MPFR estimates, computed at most once per search (shared by every index k).
    final class PreciseEstimates {
        var values: [Rational]??
    }
    let precise = PreciseEstimates()

    /// MPFR Jacobi estimates at `estimatePrecision` bits, ascending (computed when a double
    /// estimate was refuted, then kept for the other indices).
    func preciseEstimates() -> [Rational]? {
        if let cached = precise.values { return cached }
        let values = a.approximateSymmetricEigenvalues(precision: estimatePrecision).map(\.exactRational)
        let result = values.allSatisfy { $0 != nil } ? values.map { $0! } : nil
        precise.values = .some(result)
        return result
    }

    /// An integer e with q < 2^e (for q > 0), at most 2 above the least such.
    static func log2Upper(_ q: Rational) -> Int {
        q.numerator.bitWidth - q.denominator.bitWidth + 1
    }

    /// 2^e as a rational, any integer e.
    static func powerOfTwo(_ e: Int) -> Rational {
        e >= 0 ? Rational(BigInt(2).power(e)) : Rational(BigInt(1), BigInt(2).power(-e))
    }

    /// The largest power of two ≤ q. - Precondition: q > 0.
    static func powerOfTwoBelow(_ q: Rational) -> Rational {
        var e = log2Upper(q)
        while powerOfTwo(e) > q { e -= 1 }
        return powerOfTwo(e)
    }

    /// The rational with the smallest denominator (then the smallest magnitude) in [lo, hi], by
    /// continued fractions; nil when that takes more than `depth` partial quotients.
    static func simplestRational(in lo: Rational, _ hi: Rational, depth: Int = 128) -> Rational? {
        if depth < 0 { return nil }
        if lo.signum <= 0 && hi.signum >= 0 { return .zero }
        if hi.signum < 0 { return simplestRational(in: -hi, -lo, depth: depth).map { -$0 } }
        let f = Rational(lo.floor)
        if f == lo { return lo }
        if f + 1 <= hi { return f + 1 }
        guard let inner = simplestRational(in: (hi - f).reciprocal, (lo - f).reciprocal, depth: depth - 1) else { return nil }
        return f + inner.reciprocal
    }

    /// Where λ_k lies relative to c, decided by one exact inertia of A − c·I.
    enum Side { case below, exactly, above }

    func side(of k: Int, relativeTo c: Rational) -> Side {
        let s = a.inertia(shiftedBy: c)
        if s.negative > k { return .below }           // #{λ < c} ≥ k + 1
        if s.negative + s.zero <= k { return .above }  // #{λ ≤ c} ≤ k
        return .exactly
    }

    func enclose(_ k: Int) -> (lower: Rational, upper: Rational) {
        // invariant: low ≤ λ_k ≤ high, both certified (or the Gershgorin bounds)
        var low = gershgorin.lower, high = gershgorin.upper
        if high - low <= width { return (low, high) }
        // The double estimate first (candidate radius and rational heights for 53 bits); if the
        // exact counts refute it, the MPFR estimate at the full precision; then bisection.
        if let e = doubleEstimates?[k],
           case let .enclosed(l, h) = bracket(k, around: e, radius: candidateRadius * EigenvalueEnclosureSearch.powerOfTwo(Swift.max(estimatePrecision - 53, 0)),
                                              bits: 53, &low, &high) {
            return (l, h)
        }
        if estimatePrecision > 53 || doubleEstimates == nil, let e = preciseEstimates()?[k],
           case let .enclosed(l, h) = bracket(k, around: e, radius: candidateRadius, bits: estimatePrecision, &low, &high) {
            return (l, h)
        }
        return bisect(k, low, high)
    }

    enum BracketOutcome { case enclosed(Rational, Rational), refuted }

    /// Tries a dyadic bracket around the estimate e of λ_k (widened a few times if the exact
    /// counts refute it), narrowing the certified [low, high] as it learns.
    func bracket(_ k: Int, around e: Rational, radius: Rational, bits: Int,
                 _ low: inout Rational, _ high: inout Rational) -> BracketOutcome {
        // an exact rational eigenvalue of small height near the estimate
        if let c = EigenvalueEnclosureSearch.simplestRational(in: e - radius, e + radius),
           c.bitSize <= bits / 2, low <= c, c <= high,
           side(of: k, relativeTo: c) == .exactly {
            return .enclosed(c, c)
        }
        // a dyadic bracket [c0 − r, c0 + g + r] around e, with e in [c0, c0 + g)
        let g = EigenvalueEnclosureSearch.powerOfTwoBelow(width / 4)
        let c0 = Rational((e / g).floor) * g
        var r = g
        for _ in 0..<6 {
            let candidateLow = c0 - r, candidateHigh = c0 + g + r
            if candidateLow > low {
                switch side(of: k, relativeTo: candidateLow) {
                case .exactly: return .enclosed(candidateLow, candidateLow)
                case .above: low = candidateLow
                case .below: high = Swift.min(high, candidateLow)
                }
            }
            if candidateHigh < high && high - low > width {
                switch side(of: k, relativeTo: candidateHigh) {
                case .exactly: return .enclosed(candidateHigh, candidateHigh)
                case .below: high = candidateHigh
                case .above: low = Swift.max(low, candidateHigh)
                }
            }
            if high - low <= width { return .enclosed(low, high) }
            if !(low < e && e < high) { break }  // the estimate was refuted
            r = r * 256
        }
        return .refuted
    }

    /// Bisection on exact counts from a certified [low, high] down to `width`.
    func bisect(_ k: Int, _ lowStart: Rational, _ highStart: Rational) -> (lower: Rational, upper: Rational) {
        var low = lowStart, high = highStart
        while high - low > width {
            let m = (low + high) / 2
            switch side(of: k, relativeTo: m) {
            case .exactly: return (m, m)
            case .below: high = m
            case .above: low = m
            }
        }
        return (low, high)
    }
}
