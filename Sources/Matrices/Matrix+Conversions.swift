import Numbers

extension Matrix where T == BigFloat {
    /// Each entry of a rational matrix rounded to `precision` bits in direction `rounding`.
    ///
    /// - Exactness: correctly rounded per entry (exact for dyadic entries that fit).
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: one rational-to-float conversion per entry.
    /// Edge cases: empty shapes are kept.
    public init(_ m: Matrix<Rational>, precision: Int = BigFloat.defaultPrecision, rounding: RoundingMode = .toNearest) {
        self.init(rows: m.rows, columns: m.columns,
                  elements: m.elements.map { BigFloat($0, precision: precision, rounding: rounding) })
    }

    /// Every entry rounded to `precision` bits in direction `rounding`.
    ///
    /// - Exactness: correctly rounded per entry; exact when no entry has more bits.
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: O(entries · precision).
    public func rounded(toPrecision precision: Int, rounding: RoundingMode = .toNearest) -> Matrix<BigFloat> {
        map { $0.rounded(toPrecision: precision, rounding: rounding) }
    }

    /// The entries as doubles, each rounded to nearest.
    ///
    /// - Exactness: approximate.
    /// - Complexity: O(entries).
    public var approximateDoubles: Matrix<Double> { map { $0.approximateDouble } }
}

extension Matrix where T == Rational {
    /// The exact values of a matrix of finite floats (each is a dyadic rational); nil when some
    /// entry is NaN or ±∞.
    ///
    /// - Exactness: exact.
    /// - Complexity: one exact conversion per entry.
    public init?(exactly m: Matrix<BigFloat>) {
        var e: [Rational] = []
        e.reserveCapacity(m.elements.count)
        for x in m.elements {
            guard let q = x.exactRational else { return nil }
            e.append(q)
        }
        self.init(rows: m.rows, columns: m.columns, elements: e)
    }
}

extension Matrix where T == Interval {
    /// The entrywise tightest enclosure of a rational matrix with `precision`-bit endpoints:
    /// dyadic entries that fit become point intervals, the others two adjacent floats.
    ///
    /// - Exactness: enclosure (the rational matrix lies in the box).
    /// - Precondition: `precision` in `BigFloat.precisionRange`.
    /// - Complexity: one rational-to-interval conversion per entry.
    public init(enclosing m: Matrix<Rational>, precision: Int = Interval.defaultPrecision) {
        self.init(rows: m.rows, columns: m.columns,
                  elements: m.elements.map { Interval(enclosing: $0, precision: precision) })
    }

    /// Point intervals at the entries of a float matrix.
    ///
    /// - Exactness: exact.
    /// - Precondition: every entry is finite.
    /// - Complexity: O(entries).
    public init(_ m: Matrix<BigFloat>) {
        self.init(rows: m.rows, columns: m.columns, elements: m.elements.map { Interval($0) })
    }

    /// Whether the rational matrix lies in the box (same shape and every entry in its interval).
    ///
    /// - Exactness: exact.
    /// - Complexity: two float–rational comparisons per entry.
    public func contains(_ m: Matrix<Rational>) -> Bool {
        rows == m.rows && columns == m.columns && zip(elements, m.elements).allSatisfy { $0.contains($1) }
    }

    /// The entrywise midpoints (see `Interval.midpoint`).
    ///
    /// - Exactness: approximate.
    /// - Complexity: O(entries).
    public var midpoints: Matrix<BigFloat> { map { $0.midpoint } }

    /// The largest entry width, rounded up (+∞ when some entry is unbounded); 0 for an empty
    /// matrix.
    ///
    /// - Exactness: enclosure from above.
    /// - Complexity: O(entries).
    public var maximumWidth: BigFloat {
        elements.map(\.width).max() ?? BigFloat(0)
    }
}
