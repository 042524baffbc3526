import CGMP
import Numbers

/// How `charpoly` computes the characteristic polynomial.
public enum CharpolyMethod: Sendable, Hashable, CaseIterable {
    /// Reduce the integer matrix L·A (L the lcm of all denominators) to Hessenberg form modulo
    /// word-size primes, read off its characteristic polynomial by the Hessenberg recurrence,
    /// and combine the primes by Chinese remaindering, with enough primes to exceed twice a
    /// proven bound on every coefficient (|c_k| ≤ e_k(‖row₁‖, …, ‖rowₙ‖) ≤ ∏(1 + ‖rowᵢ‖)).
    /// Deterministic and exact. O(n³) word operations per prime, O(n·b/62) primes.
    case multimodular
    /// Berkowitz's division-free algorithm over ℚ: O(n⁴) rational operations, no division at
    /// all. Simple and independent of the modular machinery; meant for small matrices and for
    /// cross-checking.
    case berkowitz
}

extension Matrix where T == Rational {
    /// The characteristic polynomial det(x·I − A), monic of degree n.
    ///
    /// - Exactness: exact.
    /// - Throws: `LinearAlgebraError.notSquare` for a non-square matrix.
    /// - Complexity: see `CharpolyMethod`.
    /// Edge cases: the 0×0 matrix has characteristic polynomial 1; the n×n zero matrix has xⁿ.
    public func charpoly(method: CharpolyMethod = .multimodular) throws(LinearAlgebraError) -> Polynomial {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        return Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableCharpoly(method: method) }
    }

    /// The characteristic polynomial (as `charpoly(method:)`), abandoned with
    /// `Cancellation.Cancelled` after the deadline (polled once per prime or Berkowitz step).
    /// - Precondition: square.
    public func cancellableCharpoly(method: CharpolyMethod = .multimodular) throws(Cancellation.Cancelled) -> Polynomial {
        precondition(isSquare, "charpoly of a non-square matrix")
        let n = rows
        if n == 0 { return .one }
        switch method {
        case .berkowitz: return try berkowitzCharpoly()
        case .multimodular: return try multimodularCharpoly()
        }
    }

    private func berkowitzCharpoly() throws(Cancellation.Cancelled) -> Polynomial {
        let n = rows
        var p: [Rational] = [.one]  // highest degree first
        for r in 0..<n {
            try Cancellation.check()
            // Column of the Toeplitz matrix: 1, −a_rr, −R·S, −R·A_r·S, …, −R·A_r^(r−1)·S.
            var column: [Rational] = [.one, -self[r, r]]
            var v = (0..<r).map { self[$0, r] }  // S
            for step in 0..<r {
                var c = Rational.zero
                for j in 0..<r { c += self[r, j] * v[j] }  // R·A_r^step·S
                column.append(-c)
                if step + 1 < r {
                    v = (0..<r).map { i in
                        var s = Rational.zero
                        for j in 0..<r { s += self[i, j] * v[j] }
                        return s
                    }
                }
            }
            var next = [Rational](repeating: .zero, count: r + 2)
            for i in 0..<(r + 2) {
                for j in 0...Swift.min(i, r) { next[i] += column[i - j] * p[j] }  // i − j ≤ r + 1
            }
            p = next
        }
        return Polynomial(coefficients: p.reversed())
    }

    private func multimodularCharpoly() throws(Cancellation.Cancelled) -> Polynomial {
        let n = rows
        let (a, lcm) = IntegerMatrix.clearingDenominators(self)
        // |coefficient| ≤ ∏(1 + ‖row i‖) < ∏ 2·max(1, ‖row i‖) ≤ 2ⁿ·2^hadamardBits.
        let bits = a.hadamardBits() + n + 1
        guard let t = WordPrimes.count(forBits: bits) else { return try berkowitzCharpoly() }
        let primes = Array(WordPrimes.table[0..<t])
        var residues = [UInt64](repeating: 0, count: t * n)  // [prime][coefficient of x^j, j < n]
        let machine = a.machineEntries()
        for (pi, p) in primes.enumerated() {
            try Cancellation.check()
            let m = MontgomeryModulus(p)
            var img = a.image(modulo: m, machine: machine)
            let coefficients = img.withUnsafeMutableBufferPointer { charpolyModulo($0.baseAddress!, n, m) }
            for j in 0..<n { residues[pi * n + j] = m.leave(coefficients[j]) }
        }
        let lifter = CRTLifter(primes: primes)
        var out = [Rational]()
        out.reserveCapacity(n + 1)
        withTemporaryMPZ { c in
            withTemporaryMPZ { scale in
                let builder = RationalBuilder()
                for j in 0..<n {
                    lifter.lift(into: c) { residues[$0 * n + j] }
                    // Coefficient of x^j in det(xI − Ã/L) is c̃_j / L^(n−j).
                    lcm.withMPZ { __gmpz_pow_ui(scale, $0, UInt(n - j)) }
                    out.append(builder.make(numerator: c, denominator: scale))
                }
            }
        }
        out.append(.one)
        return Polynomial(coefficients: out)
    }
}

/// The characteristic polynomial modulo p of the n×n row-major Montgomery image `h` (destroyed):
/// Hessenberg reduction by similarity (row operation and inverse column operation), then the
/// Hessenberg recurrence. Returns the n + 1 coefficients, lowest degree first, Montgomery form.
func charpolyModulo(_ h: UnsafeMutablePointer<UInt64>, _ n: Int, _ m: MontgomeryModulus) -> [UInt64] {
    if n >= 3 {
        for col in 0..<(n - 2) {
            let piv = col + 1
            var found = -1
            for i in piv..<n where h[i * n + col] != 0 { found = i; break }
            if found < 0 { continue }
            if found != piv {
                for j in 0..<n { swap(&h[found * n + j], &h[piv * n + j]) }
                for i in 0..<n { swap(&h[i * n + found], &h[i * n + piv]) }
            }
            let inv = m.inverse(h[piv * n + col])!
            for i in (piv + 1)..<n {
                let u = m.mul(h[i * n + col], inv)
                if u == 0 { continue }
                let rowI = h + i * n, rowP = h + piv * n
                for j in col..<n { rowI[j] = m.sub(rowI[j], m.mul(u, rowP[j])) }
                for r in 0..<n { h[r * n + piv] = m.add(h[r * n + piv], m.mul(u, h[r * n + i])) }
            }
        }
    }
    let one = m.enter(1)
    var polys: [[UInt64]] = [[one]]  // polys[k] = charpoly of the leading k×k block
    for k in 0..<n {
        // (x − h_kk)·p_k
        let pk = polys[k]
        var next = [UInt64](repeating: 0, count: k + 2)
        for d in 0...k {
            next[d + 1] = m.add(next[d + 1], pk[d])
            next[d] = m.sub(next[d], m.mul(h[k * n + k], pk[d]))
        }
        // − Σ_{i<k} h_ik · (h_{i+1,i}⋯h_{k,k−1}) · p_i
        var t = one
        for i in stride(from: k - 1, through: 0, by: -1) {
            t = m.mul(t, h[(i + 1) * n + i])
            if t == 0 { break }
            let f = m.mul(h[i * n + k], t)
            if f == 0 { continue }
            for (d, c) in polys[i].enumerated() { next[d] = m.sub(next[d], m.mul(f, c)) }
        }
        polys.append(next)
    }
    return polys[n]
}
