import Numbers
import Matrices

/// A real number that may be irrational, known through certified enclosures: `enclosure(bits)`
/// returns rational lo ≤ x ≤ hi with hi − lo ≤ 2^(−bits)·max(1, |x|) (approximately; only
/// containment is guaranteed). Some reals also compare exactly with rationals (`exactSign`),
/// e.g. an eigenvalue of a rational symmetric matrix, decided by exact inertia.
///
/// - Exactness: containment is certain; a comparison that enclosures cannot separate stays
///   undecided (`Truth.unknown`), never guessed.
public final class Real: @unchecked Sendable, CustomStringConvertible {
    /// Certified enclosure at `bits` of relative precision.
    public let enclosure: (Int) -> (lo: Rational, hi: Rational)
    /// sign(x − c) decided exactly, when this real supports it.
    public let exactSign: ((Rational) -> Int)?
    /// How the value arose (`sqrt(2)`, `lambda_min(4×4)`), for reports.
    public let text: String
    /// The value as a real algebraic number, when known: two such reals compare exactly.
    public let algebraic: RealAlgebraicNumber?
    /// How many enclosure closures are nested in this one (0 for a leaf): an enclosure recurses
    /// this deep, so the evaluator bounds it (`EvaluationLimits.maximumRealNesting`).
    public let nesting: Int
    /// How many times the precision requested from the innermost reals doubles through this
    /// one (a square root of a real asks its argument for 2·bits + 4): the evaluator bounds it
    /// (`EvaluationLimits.maximumPrecisionDoublings`) so that no enclosure needs more than about
    /// `EvaluationLimits.maximumBits` bits.
    public let doublings: Int

    public init(text: String, exactSign: ((Rational) -> Int)? = nil, algebraic: RealAlgebraicNumber? = nil,
                nesting: Int = 0, doublings: Int = 0,
                enclosure: @escaping (Int) -> (lo: Rational, hi: Rational)) {
        self.text = text
        self.exactSign = exactSign
        self.algebraic = algebraic
        self.nesting = nesting
        self.doublings = doublings
        self.enclosure = enclosure
    }

    public var description: String {
        let (lo, hi) = enclosure(64)
        return "\(text) ∈ [\(Real.decimal(lo, digits: 12, up: false)), \(Real.decimal(hi, digits: 12, up: true))]"
    }

    /// q as a decimal with at most `digits` fractional digits, rounded down (toward −∞) or up
    /// (toward +∞), so that printed enclosure endpoints stay outward. For display only.
    public static func decimal(_ q: Rational, digits: Int, up: Bool) -> String {
        let scale = BigInt(10).power(digits)
        let scaled = q * Rational(scale)
        let n: BigInt = up ? scaled.ceiling : scaled.floor
        let negative = n.signum < 0
        let (ip, fp) = (negative ? -n : n).floorDivided(by: scale)
        var frac = fp.description
        frac = String(repeating: "0", count: max(0, digits - frac.count)) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return (negative ? "-" : "") + ip.description + (frac.isEmpty ? "" : "." + frac)
    }

    /// Precision schedule tried when deciding a comparison, up to the cap.
    public static let precisions = [32, 64, 128, 256, 512, 1024]

    /// sign(x − c) if enclosures (or the exact comparison) can decide it, else nil.
    public func sign(comparedTo c: Rational) -> Int? { signAndPrecision(comparedTo: c).sign }

    /// sign(x − c) and the precision in bits that decided it (0 when decided exactly).
    public func signAndPrecision(comparedTo c: Rational) -> (sign: Int?, bits: Int) {
        if let s = exactSign { return (s(c), 0) }
        for b in Real.precisions {
            let (lo, hi) = enclosure(b)
            if lo > c { return (1, b) }
            if hi < c { return (-1, b) }
            if lo == c && hi == c { return (0, b) }
        }
        return (nil, Real.precisions.last!)
    }

    // MARK: Constructors

    /// The exact value of a rational, as a degenerate enclosure.
    public static func exact(_ q: Rational) -> Real {
        Real(text: q.description, exactSign: { (q - $0).signum }, algebraic: RealAlgebraicNumber(q)) { _ in (q, q) }
    }

    /// √q for q ≥ 0, with dyadic enclosures from integer square roots.
    /// - Precondition: q ≥ 0.
    public static func squareRoot(_ q: Rational) -> Real {
        precondition(q.signum >= 0, "square root of a negative number")
        return Real(text: "sqrt(\(q))", exactSign: { c in
            // sign(√q − c): for c < 0 positive (or zero only if q = 0 and c = 0, impossible for c < 0).
            if c.signum < 0 { return 1 }
            return (q - c * c).signum
        }, algebraic: RealAlgebraicNumber.root(of: q, degree: 2)) { bits in
            // ⌊√(q·4^b)⌋ / 2^b ≤ √q ≤ (⌊√(q·4^b)⌋ + 1) / 2^b
            let scale = BigInt(2).power(bits)
            let scaled = q * Rational(scale * scale)
            let (r, exact) = scaled.floor.squareRoot()
            let lo = Rational(r, scale)
            let hi = exact && scaled.isInteger ? lo : Rational(r + 1, scale)
            return (lo, hi)
        }
    }

    /// The k-th smallest eigenvalue (k = 1 is λ_min) of a rational symmetric matrix: exact
    /// comparisons by inertia of A − cI, enclosures by bisection on exact eigenvalue counts.
    /// - Precondition: A symmetric, 1 ≤ k ≤ n.
    public static func eigenvalue(_ a: Matrix<Rational>, index k: Int, name: String) -> Real {
        let n = a.rows
        // sign(λ_k − c): λ_k < c ⇔ #{λ < c} ≥ k; λ_k ≤ c ⇔ #{λ ≤ c} ≥ k.
        // After the thread's deadline the inertia is abandoned and the answer is arbitrary: the
        // evaluator polls the deadline after every comparison and discards it (see
        // `Evaluator.combine`); enclosures stay valid (the bisection stops where it is).
        let signOf: (Rational) -> Int = { c in
            let shifted = a - Matrix<Rational>.identity(n) * c
            guard let inertia = try? cancellableInertia(shifted) else { return 1 }
            if inertia.negative >= k { return -1 }
            if inertia.negative + inertia.zero >= k { return 0 }
            return 1
        }
        // Gershgorin-free bound: |λ| ≤ ‖A‖_F ≤ 1 + ‖A‖_F².
        let bound = a.frobeniusNormSquared + 1
        var cache: (lo: Rational, hi: Rational) = (-bound, bound)
        var exactValue: Rational? = nil
        return Real(text: name, exactSign: signOf) { bits in
            if let e = exactValue { return (e, e) }
            let target = Rational(BigInt(1), BigInt(2).power(bits))
            while cache.hi - cache.lo > target {
                if Cancellation.isCancelled { return cache }
                let mid = (cache.lo + cache.hi) / 2
                let s = signOf(mid)
                if Cancellation.isCancelled { return cache }
                switch s {
                case 0: exactValue = mid; return (mid, mid)
                case 1: cache.lo = mid
                default: cache.hi = mid
                }
            }
            return cache
        }
    }

    // MARK: Arithmetic (interval arithmetic on the enclosures; exact comparisons kept for affine maps)

    public static func + (a: Real, b: Rational) -> Real {
        Real(text: "(\(a.text) + \(b))", exactSign: a.exactSign.map { s in { c in s(c - b) } },
             algebraic: a.algebraic.map { $0 + b }, nesting: a.nesting + 1, doublings: a.doublings) { bits in
            let e = a.enclosure(bits); return (e.lo + b, e.hi + b)
        }
    }

    public static prefix func - (a: Real) -> Real {
        Real(text: "-\(a.text)", exactSign: a.exactSign.map { s in { c in -s(-c) } },
             algebraic: a.algebraic.map { -$0 }, nesting: a.nesting + 1, doublings: a.doublings) { bits in
            let e = a.enclosure(bits); return (-e.hi, -e.lo)
        }
    }

    /// c·x for rational c.
    public static func * (c: Rational, a: Real) -> Real {
        if c.isZero { return .exact(0) }
        let sign: ((Rational) -> Int)? = a.exactSign.map { s in
            { t in c.signum > 0 ? s(t / c) : -s(t / c) }
        }
        return Real(text: "\(c)·\(a.text)", exactSign: sign, algebraic: a.algebraic.map { $0 * c },
                    nesting: a.nesting + 1, doublings: a.doublings) { bits in
            let e = a.enclosure(bits)
            return c.signum > 0 ? (c * e.lo, c * e.hi) : (c * e.hi, c * e.lo)
        }
    }

    /// a + b: exact (a real algebraic number) when both are algebraic and the degree stays
    /// within `RealAlgebraicNumber.arithmeticDegreeLimit`, else interval arithmetic.
    public static func + (a: Real, b: Real) -> Real {
        if let x = a.algebraic, let y = b.algebraic, let s = RealAlgebraicNumber.sum(x, y) {
            return .algebraic(s, name: "(\(a.text) + \(b.text))")
        }
        return Real(text: "(\(a.text) + \(b.text))", nesting: Swift.max(a.nesting, b.nesting) + 1,
                    doublings: Swift.max(a.doublings, b.doublings)) { bits in
            let x = a.enclosure(bits + 2), y = b.enclosure(bits + 2)
            return (x.lo + y.lo, x.hi + y.hi)
        }
    }

    /// a·b: exact when both are algebraic (as for `+`), else interval arithmetic.
    public static func * (a: Real, b: Real) -> Real {
        if let x = a.algebraic, let y = b.algebraic, let p = RealAlgebraicNumber.product(x, y) {
            return .algebraic(p, name: "(\(a.text) · \(b.text))")
        }
        return Real(text: "(\(a.text) · \(b.text))", nesting: Swift.max(a.nesting, b.nesting) + 1,
                    doublings: Swift.max(a.doublings, b.doublings)) { bits in
            let x = a.enclosure(bits + 4), y = b.enclosure(bits + 4)
            let p = [x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi]
            return (p.min()!, p.max()!)
        }
    }

    /// 1/x; nil when the enclosure at the precision cap still contains 0.
    public func reciprocal() -> Real? {
        let (sign, decided) = signAndPrecision(comparedTo: 0)
        guard let s = sign, s != 0 else { return nil }
        return Real(text: "1/\(text)", nesting: nesting + 1, doublings: doublings) { bits in
            var b = bits + 4
            while true {
                // Past the precision cap (or after the deadline, when enclosures may stop
                // shrinking), the enclosure that decided the sign excludes 0.
                let e = Cancellation.isCancelled || b > EvaluationLimits.maximumBits ? self.enclosure(decided) : self.enclosure(b)
                if e.lo.signum == s && e.hi.signum == s { return (e.hi.reciprocal, e.lo.reciprocal) }
                if Cancellation.isCancelled || b > EvaluationLimits.maximumBits { return (e.lo.signum == s ? e.lo : e.hi, e.lo.signum == s ? e.lo : e.hi) }
                b *= 2
            }
        }
    }
}

extension Real {
    /// A real algebraic number: exact comparisons with rationals (a sign evaluation of its
    /// defining polynomial), enclosures by refining its isolating interval.
    public static func algebraic(_ x: RealAlgebraicNumber, name: String) -> Real {
        Real(text: name, exactSign: { c in x.compare(to: c) }, algebraic: x) { bits in
            let e = x.enclosure(width: Rational(BigInt(1), BigInt(2).power(bits)))
            return (e.lowerBound, e.upperBound)
        }
    }
}
