/// Exact polynomial algebra over ℚ beyond the ring operations: content and primitive part, monic
/// normalization, greatest common divisors, exact division, square-free decomposition, powers and
/// composition.
///
/// Greatest common divisors run a primitive remainder sequence over ℤ (pseudo-remainders divided
/// by their content), which keeps coefficients far smaller than Euclid's algorithm over ℚ.
extension Polynomial {
    // MARK: - Normal forms

    /// The primitive integer polynomial with the same roots: integer coefficients with gcd 1 and a
    /// positive leading coefficient, so that `self == content * primitivePart`.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(n) gcds and lcms of the coefficients' numerators and denominators.
    /// - Edge cases: the zero polynomial gives the zero polynomial; a nonzero constant gives 1.
    public var primitivePart: Polynomial {
        Polynomial(integerCoefficients: Polynomial.primitiveIntegerCoefficients(of: self))
    }

    /// The rational c with `self == c * primitivePart`; it carries the sign of the leading
    /// coefficient.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: as `primitivePart`.
    /// - Edge cases: 0 for the zero polynomial; the constant itself for a nonzero constant.
    public var content: Rational {
        guard !isZero else { return 0 }
        let ints = Polynomial.primitiveIntegerCoefficients(of: self)
        return leadingCoefficient / Rational(ints[ints.count - 1])
    }

    /// The polynomial divided by its leading coefficient (leading coefficient 1).
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(n) rational divisions.
    /// - Edge cases: the zero polynomial stays zero; a nonzero constant becomes 1.
    public var monic: Polynomial {
        guard !isZero else { return self }
        let l = leadingCoefficient
        return l == 1 ? self : l.reciprocal * self
    }

    // MARK: - Divisibility

    /// Whether `divisor` divides `self` exactly in ℚ[x] (the Euclidean remainder is zero).
    ///
    /// - Exactness: exact.
    /// - Precondition: `divisor` ≠ 0.
    /// - Complexity: one Euclidean division, O(deg(self)·deg(divisor)) rational operations.
    /// - Edge cases: every nonzero constant divides every polynomial; the zero polynomial is
    ///   divisible by everything.
    public func isDivisible(by divisor: Polynomial) -> Bool {
        precondition(!divisor.isZero, "divisibility by the zero polynomial")
        return divided(by: divisor).remainder.isZero
    }

    /// The exact quotient `self / divisor`.
    ///
    /// - Exactness: exact; the division is checked, never silently truncated.
    /// - Precondition: `divisor` ≠ 0 and `divisor` divides `self` (trapping otherwise).
    /// - Complexity: one Euclidean division.
    /// - Edge cases: `0 / d == 0`; division by a constant scales the coefficients.
    public func exactlyDivided(by divisor: Polynomial) -> Polynomial {
        let (q, r) = divided(by: divisor)
        precondition(r.isZero, "\(divisor) does not divide \(self)")
        return q
    }

    /// The monic greatest common divisor of `a` and `b` in ℚ[x].
    ///
    /// - Exactness: exact (primitive remainder sequence over ℤ, then made monic).
    /// - Precondition: none.
    /// - Complexity: O(deg a · deg b) coefficient operations on integers whose size stays close to
    ///   that of the inputs' primitive parts, plus one content gcd per remainder.
    /// - Edge cases: `gcd(0, 0) == 0`; `gcd(p, 0) == p.monic`; coprime inputs and any nonzero
    ///   constant input give 1; repeated common roots appear with their common multiplicity.
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableGCD(a, b) }
    }

    /// `gcd`, abandoned with `Cancellation.Cancelled` (polled once per remainder) after the
    /// deadline.
    public static func cancellableGCD(_ a: Polynomial, _ b: Polynomial) throws(Cancellation.Cancelled) -> Polynomial {
        if a.isZero { return b.monic }
        if b.isZero { return a.monic }
        let g = try cancellableIntegerGCD(primitiveIntegerCoefficients(of: a), primitiveIntegerCoefficients(of: b))
        return Polynomial(integerCoefficients: g).monic
    }

    // MARK: - Square-free decomposition

    /// The monic product of the distinct irreducible factors: `self / gcd(self, self′)`, made
    /// monic. It has the same distinct complex (in particular real) roots, each simple.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: one gcd and one exact division.
    /// - Edge cases: the zero polynomial gives zero; a nonzero constant gives 1; a polynomial
    ///   that is already square-free gives its monic form.
    public var squareFreePart: Polynomial {
        guard degree > 0 else { return isZero ? self : .one }
        return exactlyDivided(by: Polynomial.gcd(self, derivative)).monic
    }

    /// `squareFreePart`, abandoned with `Cancellation.Cancelled` (polled once per remainder of
    /// the gcd) after the deadline.
    public func cancellableSquareFreePart() throws(Cancellation.Cancelled) -> Polynomial {
        guard degree > 0 else { return isZero ? self : .one }
        let d = derivative
        let g = try Polynomial.cancellableIntegerGCD(Polynomial.primitiveIntegerCoefficients(of: self),
                                                     Polynomial.primitiveIntegerCoefficients(of: d))
        try Cancellation.check()
        return exactlyDivided(by: Polynomial(integerCoefficients: g).monic).monic
    }

    /// Whether no root (real or complex) is repeated: `gcd(self, self′)` is constant.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: one gcd.
    /// - Edge cases: nonzero constants are square-free; the zero polynomial is not.
    public var isSquareFree: Bool {
        if isZero { return false }
        return Polynomial.gcd(self, derivative).degree == 0
    }

    /// Yun's square-free factorization: pairwise coprime, square-free, monic, non-constant
    /// factors fᵢ with `self == leadingCoefficient · ∏ fᵢ^mᵢ`, listed by increasing multiplicity mᵢ.
    /// Every root of fᵢ is a root of `self` of multiplicity exactly mᵢ.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: O(k) gcds and exact divisions, k the largest multiplicity.
    /// - Edge cases: the zero polynomial and constants give `[]`; a square-free polynomial gives
    ///   `[(monic, 1)]`.
    public func squareFreeFactorization() -> [(factor: Polynomial, multiplicity: Int)] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableSquareFreeFactorization() }
    }

    /// `squareFreeFactorization()`, abandoned with `Cancellation.Cancelled` (polled in every
    /// gcd) after the deadline.
    public func cancellableSquareFreeFactorization() throws(Cancellation.Cancelled) -> [(factor: Polynomial, multiplicity: Int)] {
        guard degree > 0 else { return [] }
        let a0 = try Polynomial.cancellableGCD(self, derivative)
        var b = exactlyDivided(by: a0)
        var d = derivative.exactlyDivided(by: a0) - b.derivative
        var result: [(factor: Polynomial, multiplicity: Int)] = []
        var multiplicity = 1
        while b.degree > 0 {
            let a = try Polynomial.cancellableGCD(b, d)
            b = b.exactlyDivided(by: a)
            d = d.exactlyDivided(by: a) - b.derivative
            if a.degree > 0 { result.append((a, multiplicity)) }
            multiplicity += 1
        }
        return result
    }

    // MARK: - Powers and composition

    /// selfᵉ by repeated squaring.
    ///
    /// - Exactness: exact.
    /// - Precondition: e ≥ 0.
    /// - Complexity: O(log e) polynomial multiplications.
    /// - Edge cases: p⁰ == 1 for every p, including the zero polynomial.
    public func power(_ e: Int) -> Polynomial {
        precondition(e >= 0, "negative exponent of a polynomial")
        var result = Polynomial.one, base = self, k = e
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// The composition self(q(x)) (substitution of q for x), by Horner's rule.
    ///
    /// - Exactness: exact.
    /// - Precondition: none.
    /// - Complexity: deg(self) polynomial multiplications by q.
    /// - Edge cases: a constant self gives itself; q constant c gives the constant self(c);
    ///   the zero polynomial composed with anything is zero.
    public func composed(with q: Polynomial) -> Polynomial {
        var result = Polynomial.zero
        for c in coefficients.reversed() {
            result = result * q + Polynomial(constant: c)
        }
        return result
    }
}

// MARK: - Integer coefficient machinery (internal)

extension Polynomial {
    /// The polynomial with the given integer coefficients (constant term first).
    init(integerCoefficients c: [BigInt]) {
        self.init(coefficients: c.map { Rational($0) })
    }

    /// Integer coefficients of the primitive part: gcd 1, positive leading coefficient, constant
    /// term first, no trailing zeros. Empty for the zero polynomial.
    static func primitiveIntegerCoefficients(of p: Polynomial) -> [BigInt] {
        guard !p.isZero else { return [] }
        var denominatorLCM = BigInt.one
        for c in p.coefficients where !c.isZero { denominatorLCM = BigInt.lcm(denominatorLCM, c.denominator) }
        var ints = p.coefficients.map { c -> BigInt in
            c.isZero ? .zero : c.numerator * denominatorLCM.dividedExactly(by: c.denominator)
        }
        ints = dividedByContent(ints)
        if ints[ints.count - 1].isNegative { ints = ints.map { -$0 } }
        return ints
    }

    /// The coefficients divided by the (positive) gcd of their entries; signs are kept.
    static func dividedByContent(_ c: [BigInt]) -> [BigInt] {
        var g = BigInt.zero
        for x in c where !x.isZero {
            g = BigInt.gcd(g, x)
            if g.isOne { return c }
        }
        return g.isZero ? c : c.map { $0.dividedExactly(by: g) }
    }

    /// The pseudo-remainder of a by b with a positive multiplier: |lc(b)|ᵏ·a mod b for the
    /// k = deg a − deg b + 1 steps taken. Being a positive multiple of the true remainder, it
    /// keeps the sign pattern Sturm sequences need. Empty when b divides a.
    /// - Precondition: b ≠ 0 (non-empty, no trailing zeros).
    static func positivePseudoRemainder(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        precondition(!b.isEmpty, "pseudo-remainder by the zero polynomial")
        var r = a
        let lb = b[b.count - 1]
        let multiplier = lb.magnitude
        let flip = lb.isNegative
        while r.count >= b.count {
            let lr = r[r.count - 1]
            let shift = r.count - b.count
            let f = flip ? -lr : lr
            if !multiplier.isOne { for i in 0..<r.count { r[i] = r[i] * multiplier } }
            for (i, c) in b.enumerated() where !c.isZero { r[shift + i] = r[shift + i] - f * c }
            r.removeLast()
            while let last = r.last, last.isZero { r.removeLast() }
        }
        return r
    }

    /// gcd over ℤ[x] of two nonzero primitive integer polynomials, as a primitive polynomial with
    /// positive leading coefficient.
    static func integerGCD(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableIntegerGCD(a, b) }
    }

    /// `integerGCD`, abandoned with `Cancellation.Cancelled` (polled once per remainder) after
    /// the deadline.
    static func cancellableIntegerGCD(_ a: [BigInt], _ b: [BigInt]) throws(Cancellation.Cancelled) -> [BigInt] {
        var (u, v) = a.count >= b.count ? (a, b) : (b, a)
        while !v.isEmpty {
            try Cancellation.check()
            let r = dividedByContent(positivePseudoRemainder(u, v))
            u = v
            v = r
        }
        u = dividedByContent(u)
        if let l = u.last, l.isNegative { u = u.map { -$0 } }
        return u
    }
}
