import Numbers

/// Exact decisions about the eigenvalues of a symmetric rational matrix, each by the inertia of a
/// shifted matrix: the eigenvalues of A − c·I are those of A minus c, so
/// inertia(A − c·I) = (#{λ < c}, #{λ = c}, #{λ > c}).
///
/// - Exactness: exact (see `inertia(method:)`).
/// - Precondition: square and symmetric, as for `inertia`.
/// - Complexity: one inertia computation of an n×n matrix whose entries have the denominators of
///   A and of c.
/// Edge cases: the 0×0 matrix has no eigenvalues: every count is 0, it is positive definite and
/// semidefinite (vacuously), and no eigenvalue bound question holds.
extension Matrix where T == Rational {
    /// A − c·I. - Precondition: square.
    private func shifted(by c: Rational) -> Matrix<Rational> {
        precondition(isSquare, "eigenvalues of a non-square matrix")
        if c.isZero { return self }
        var e = elements
        for i in 0..<rows { e[i * columns + i] = e[i * columns + i] - c }
        return Matrix(rows: rows, columns: columns, elements: e)
    }

    /// The inertia of A − c·I: (#{λ < c}, #{λ = c}, #{λ > c}), eigenvalues with multiplicity.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation (n diagonal subtractions to form A − c·I).
    /// Edge cases: (0, 0, 0) for the 0×0 matrix; (0, n, 0) for c·I itself.
    public func inertia(shiftedBy c: Rational, method: InertiaMethod = .exactLDL) -> Inertia {
        shifted(by: c).inertia(method: method)
    }

    /// The number of eigenvalues strictly below c, with multiplicity: the negative index of A − c·I.
    /// Monotone in c; the building block for bisection enclosures of eigenvalues.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: 0 for the 0×0 matrix.
    public func countEigenvalues(below c: Rational) -> Int {
        inertia(shiftedBy: c).negative
    }

    /// The number of eigenvalues ≤ c, with multiplicity.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: 0 for the 0×0 matrix.
    public func countEigenvalues(atMost c: Rational) -> Int {
        let s = inertia(shiftedBy: c)
        return s.negative + s.zero
    }

    /// The number of eigenvalues strictly above c, with multiplicity.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: 0 for the 0×0 matrix.
    public func countEigenvalues(above c: Rational) -> Int {
        inertia(shiftedBy: c).positive
    }

    /// The number of eigenvalues ≥ c, with multiplicity.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: 0 for the 0×0 matrix.
    public func countEigenvalues(atLeast c: Rational) -> Int {
        let s = inertia(shiftedBy: c)
        return s.positive + s.zero
    }

    /// Whether every eigenvalue is ≥ 0 (A ⪰ 0).
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: true for the 0×0 matrix and for the zero matrix.
    public var isPositiveSemidefinite: Bool { inertia().negative == 0 }

    /// Whether every eigenvalue is > 0 (A ≻ 0).
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: true for the 0×0 matrix; false for the n×n zero matrix, n ≥ 1.
    public var isPositiveDefinite: Bool { inertia().positive == rows }

    /// Whether λ_min ≤ c.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: false for the 0×0 matrix (no eigenvalue).
    public func minimumEigenvalueIsAtMost(_ c: Rational) -> Bool { countEigenvalues(atMost: c) >= 1 }

    /// Whether λ_min < c.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: false for the 0×0 matrix.
    public func minimumEigenvalueIsLess(than c: Rational) -> Bool { countEigenvalues(below: c) >= 1 }

    /// Whether λ_max ≥ c.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: false for the 0×0 matrix.
    public func maximumEigenvalueIsAtLeast(_ c: Rational) -> Bool { countEigenvalues(atLeast: c) >= 1 }

    /// Whether λ_max > c.
    ///
    /// - Exactness: exact.
    /// - Precondition: square and symmetric.
    /// - Complexity: one `inertia` computation.
    /// Edge cases: false for the 0×0 matrix.
    public func maximumEigenvalueIsGreater(than c: Rational) -> Bool { countEigenvalues(above: c) >= 1 }
}
