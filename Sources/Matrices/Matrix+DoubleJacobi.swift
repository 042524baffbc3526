import Numbers

extension Matrix where T == Rational {
    /// The eigenvalues (ascending, with multiplicity) of this symmetric matrix in double
    /// precision, by the cyclic Jacobi method; nil when an entry does not fit in a double.
    ///
    /// Each rotation JᵀAJ, J a plane rotation by the angle φ with cot 2φ = (a_qq − a_pp)/(2a_pq)
    /// (the smaller root t = tan φ), annihilates a_pq; sweeps stop when the off-diagonal part is
    /// below 2⁻⁵⁰ of the Frobenius norm, when a sweep no longer reduces it, or after 60 sweeps.
    ///
    /// - Exactness: approximate, backward stable: each value is within about n·2⁻⁵³·‖A‖_F of an
    ///   eigenvalue. Only ever used to propose candidates that exact eigenvalue counts certify.
    /// - Complexity: O(n³) double operations per sweep; Jacobi converges quadratically, in
    ///   typically 6–10 sweeps.
    func doublePrecisionSymmetricEigenvalues() -> [Double]? {
        let n = rows
        var a = elements.map { $0.approximateDouble }
        guard a.allSatisfy({ $0.isFinite }) else { return nil }
        let total = a.reduce(0) { $0 + $1 * $1 }
        guard total.isFinite else { return nil }
        var previous = Double.infinity
        for _ in 0..<60 {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where q != p { off += a[p * n + q] * a[p * n + q] } }
            // converged, or stalled at the rounding level
            if off <= total * 0x1p-100 || off >= previous { break }
            previous = off
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = a[p * n + q]
                    if apq == 0 { continue }
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = abs(theta) > 0x1p500 ? 1 / (2 * theta) : (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                }
            }
        }
        let values = (0..<n).map { a[$0 * n + $0] }
        return values.allSatisfy({ $0.isFinite }) ? values.sorted() : nil
    }
}
