import Numbers

/// Exact sums and products of real algebraic numbers.
///
/// If p(α) = 0 and q(β) = 0 with companion matrices C_p and C_q, then α + β is an eigenvalue of
/// C_p ⊗ I + I ⊗ C_q and αβ an eigenvalue of C_p ⊗ C_q (the eigenvalues of a Kronecker sum or
/// product are the sums or products of the factors' eigenvalues). The characteristic
/// polynomial of that matrix, computed exactly, therefore vanishes at the result; the result is
/// then isolated among its roots by interval arithmetic on the isolating intervals of α and β,
/// refined until exactly one root of the polynomial remains in the enclosure.
extension RealAlgebraicNumber {
    /// The companion matrix of a polynomial made monic: its eigenvalues are the polynomial's roots.
    static func companion(of p: Polynomial) -> Matrix<Rational> {
        let n = p.degree
        let lead = p.coefficients[n]
        var c = Matrix<Rational>(rows: n, columns: n, repeating: 0)
        for i in 1..<n { c[i, i - 1] = 1 }
        for i in 0..<n { c[i, n - 1] = -p.coefficients[i] / lead }
        return c
    }

    /// The largest degree of the polynomial `sum` and `product` build (deg p · deg q); beyond it
    /// they return nil and a caller falls back to interval arithmetic.
    public static let arithmeticDegreeLimit = 64

    /// α + β exactly, or nil when deg p · deg q exceeds `arithmeticDegreeLimit`.
    ///
    /// - Exactness: exact; the result is in rational form exactly when α + β is rational.
    /// - Complexity: an exact characteristic polynomial of size deg p · deg q, then bisection of
    ///   both inputs until one root remains in the sum of their intervals (terminates because
    ///   distinct roots are separated by a positive distance).
    public static func sum(_ a: RealAlgebraicNumber, _ b: RealAlgebraicNumber) -> RealAlgebraicNumber? {
        if let r = a.rationalValue { return b + r }
        if let r = b.rationalValue { return a + r }
        return combine(a, b, kronecker: { ca, cb in
            Matrix.kronecker(ca, .identity(cb.rows)) + Matrix.kronecker(.identity(ca.rows), cb)
        }, interval: { x, y in (x.lowerBound + y.lowerBound)...(x.upperBound + y.upperBound) })
    }

    /// αβ exactly, or nil when deg p · deg q exceeds `arithmeticDegreeLimit`.
    ///
    /// - Exactness and complexity: as `sum`.
    public static func product(_ a: RealAlgebraicNumber, _ b: RealAlgebraicNumber) -> RealAlgebraicNumber? {
        if let r = a.rationalValue { return b * r }
        if let r = b.rationalValue { return a * r }
        return combine(a, b, kronecker: { ca, cb in Matrix.kronecker(ca, cb) }, interval: { x, y in
            let p = [x.lowerBound * y.lowerBound, x.lowerBound * y.upperBound,
                     x.upperBound * y.lowerBound, x.upperBound * y.upperBound]
            return p.min()!...p.max()!
        })
    }

    /// αᵏ exactly: an eigenvalue of C_pᵏ, so the polynomial keeps the degree of p.
    ///
    /// - Exactness: exact; rational form exactly when αᵏ is rational.
    /// - Precondition: k ≥ 0.
    /// - Complexity: O(log k) products of deg p × deg p matrices, one characteristic polynomial,
    ///   then bisection of α until one root remains in the image of its interval.
    public static func power(_ a: RealAlgebraicNumber, _ k: Int) -> RealAlgebraicNumber {
        precondition(k >= 0, "negative exponent")
        if let r = a.rationalValue { return RealAlgebraicNumber(r.power(k)) }
        if k == 0 { return RealAlgebraicNumber(1) }
        let h = try! companion(of: a.definingPolynomial).power(k).charpoly()
        return isolate(h, among: [a]) { i in
            let (lo, hi) = (i[0].lowerBound.power(k), i[0].upperBound.power(k))
            // xᵏ is monotone on an interval not containing 0; otherwise [min(0, …), max(…)].
            return i[0].lowerBound.signum * i[0].upperBound.signum > 0
                ? min(lo, hi)...max(lo, hi) : min(0, lo, hi)...max(0, lo, hi)
        }
    }

    private static func combine(_ a: RealAlgebraicNumber, _ b: RealAlgebraicNumber,
                                kronecker: (Matrix<Rational>, Matrix<Rational>) -> Matrix<Rational>,
                                interval: (ClosedRange<Rational>, ClosedRange<Rational>) -> ClosedRange<Rational>)
        -> RealAlgebraicNumber? {
        let p = a.definingPolynomial, q = b.definingPolynomial
        guard p.degree * q.degree <= arithmeticDegreeLimit else { return nil }
        let h = try! kronecker(companion(of: p), companion(of: q)).charpoly()
        return isolate(h, among: [a, b]) { i in interval(i[0], i[1]) }
    }

    /// The one root of h in `image` of the inputs' isolating intervals, refining the inputs
    /// until exactly one root remains there. Terminates when h vanishes at the exact image of
    /// the inputs: the image intervals shrink onto that root, and distinct roots of h are a
    /// positive distance apart.
    private static func isolate(_ h: Polynomial, among inputs: [RealAlgebraicNumber],
                                image: ([ClosedRange<Rational>]) -> ClosedRange<Rational>) -> RealAlgebraicNumber {
        var x = inputs
        var width = x.map { $0.isolatingInterval.upperBound - $0.isolatingInterval.lowerBound }.max()!
        while true {
            if let root = RealAlgebraicNumber(rootOf: h, in: image(x.map(\.isolatingInterval))) { return root }
            width = width / 4
            for i in x.indices { x[i].refine(toWidth: width) }
        }
    }
}
