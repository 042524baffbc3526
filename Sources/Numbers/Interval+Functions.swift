extension Interval {
    /// {|x| : x in self}: self when lower ≥ 0, −self when upper ≤ 0, else [0, max(−lower, upper)].
    ///
    /// - Exactness: exact (no rounding happens).
    /// - Complexity: O(1).
    public var magnitude: Interval {
        if lower.signum >= 0 { return self }
        if upper.signum <= 0 { return -self }
        let m = Swift.max(-lower, upper)
        return Interval(uncheckedLower: BigFloat(0, precision: precision), upper: m)
    }

    /// {x² : x in self}, rounded outward. Tighter than `self * self` when the interval contains
    /// 0: the result then starts at 0 rather than at −lower·upper.
    ///
    /// - Exactness: enclosure.
    /// - Complexity: two p-bit squarings.
    public func square() -> Interval {
        let m = magnitude, p = precision
        return Interval(uncheckedLower: m.lower.squared(rounding: .down, precision: p),
                        upper: m.upper.squared(rounding: .up, precision: p))
    }

    /// {xⁿ : x in self} for any integer n, rounded outward. n = 0 gives [1, 1]; odd n > 0 uses
    /// monotonicity, even n > 0 works on `magnitude`; n < 0 is `1 / power(−n)`, which is the
    /// whole line [−∞, +∞] when the interval contains 0.
    ///
    /// - Exactness: enclosure (each endpoint is one correctly rounded power).
    /// - Complexity: O(log |n|) p-bit multiplications per endpoint.
    public func power(_ n: Int) -> Interval {
        let p = precision
        if n == 0 { return Interval(BigFloat(1, precision: p)) }
        if n < 0 { return Interval(BigFloat(1, precision: p)) / power(-n) }
        let base = n % 2 == 0 ? magnitude : self
        return Interval(uncheckedLower: base.lower.power(n, rounding: .down, precision: p),
                        upper: base.upper.power(n, rounding: .up, precision: p))
    }

    /// {1/x : x in self}, rounded outward; the whole line [−∞, +∞] when the interval contains 0.
    ///
    /// - Exactness: enclosure.
    /// - Complexity: two p-bit divisions.
    public var reciprocal: Interval { Interval(BigFloat(1, precision: precision)) / self }

    /// {√x : x in self, x ≥ 0}, rounded outward, or nil when every point is negative
    /// (upper < 0). An interval that straddles 0 is clamped at 0 first: the result encloses the
    /// square roots of its nonnegative part, the only points where the real square root exists.
    /// Callers that need the operand to be certainly nonnegative check `isNonNegative` first.
    ///
    /// - Exactness: enclosure.
    /// - Complexity: two p-bit square roots.
    public func squareRoot() -> Interval? {
        if upper.signum < 0 { return nil }
        let p = precision
        let lo = lower.signum < 0 ? BigFloat(0, precision: p) : lower
        return Interval(uncheckedLower: lo.squareRoot(rounding: .down, precision: p),
                        upper: upper.squareRoot(rounding: .up, precision: p))
    }
}
