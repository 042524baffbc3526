extension RealAlgebraicNumber {
    /// The sign of q(α), exactly.
    ///
    /// q(α) = 0 exactly when g = gcd(p, q) has a root in α's isolating interval (p's only root
    /// there is α, and every root of g is a root of p). Otherwise the interval is bisected until
    /// q has no root in (lower, upper] (a Sturm count), and the sign of q at upper is the answer.
    ///
    /// - Exactness: exact.
    /// - Complexity: one polynomial gcd and Sturm sequence, then O(log(1/separation))
    ///   bisections, separation the distance from α to the nearest root of q.
    /// - Edge cases: a rational α gives the sign of q(α); the zero polynomial gives 0.
    public func sign(of q: Polynomial) -> Int {
        if q.isZero { return 0 }
        switch form {
        case .rational(let r): return q.evaluate(at: r).signum
        case .irrational(var x):
            if q.degree == 0 { return q.coefficients[0].signum }
            let qi = Polynomial.primitiveIntegerCoefficients(of: q)
            let g = Polynomial.integerGCD(x.polynomial, qi)
            // The ends of α's interval are not roots of p, hence not of g: the count on (lower,
            // upper] is the count on the open interval.
            if g.count > 1, Polynomial.SturmChain(g).count(from: x.lower, through: x.upper) > 0 { return 0 }
            let chain = Polynomial.SturmChain(Polynomial.primitiveIntegerCoefficients(of: q.squareFreePart))
            // q without roots in (lower, upper] ∋ α has one sign there, the sign at upper.
            while chain.count(from: x.lower, through: x.upper) > 0 { x.bisect() }
            return Polynomial.sign(ofIntegerCoefficients: qi, at: x.upper)
        }
    }

    /// An interval with rational ends containing q(α): q evaluated by Horner's rule in interval
    /// arithmetic over α's isolating interval refined to width at most `width`.
    ///
    /// - Exactness: containment is exact; the width shrinks linearly with `width`.
    public func enclosure(of q: Polynomial, width: Rational) -> ClosedRange<Rational> {
        let x = enclosure(width: width)
        var lo = Rational(0), hi = Rational(0)
        for c in q.coefficients.reversed() {
            let p = [lo * x.lowerBound, lo * x.upperBound, hi * x.lowerBound, hi * x.upperBound]
            lo = p.min()! + c
            hi = p.max()! + c
        }
        return lo...hi
    }
}
