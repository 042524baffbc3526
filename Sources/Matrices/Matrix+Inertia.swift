import CGMP
import Numbers

/// How `inertia` counts the negative, zero and positive eigenvalues of a symmetric matrix.
/// Every method gives the exact inertia; they differ only in speed.
public enum InertiaMethod: Sendable, Hashable, CaseIterable {
    /// LDLᵀ, first in floating point with a proof, then exactly when the proof does not go
    /// through. The floating-point stage factors the matrix in `Double` with diagonal pivoting
    /// and takes the computed X ≈ L⁻¹ (unit lower triangular, hence invertible whatever the
    /// rounding), so B = X·PAPᵀ·Xᵀ is exactly congruent to A. A rigorous bound on the rounding
    /// errors of the computed B (entry conversion, the two products, and their own evaluation)
    /// encloses each Gershgorin disc of B; when no disc contains 0, the discs on each side of 0
    /// are separated, so the signs of the diagonal of B give the inertia (Sylvester + Gershgorin).
    /// This decides nonsingular, reasonably conditioned matrices in O(n³) flops. Anything else
    /// (a zero eigenvalue, an eigenvalue too close to 0, entries outside 2^±900, n < 12, a zero
    /// diagonal that 1×1 pivots cannot handle) goes to `.exactLDL`. The bound assumes the default
    /// IEEE environment (round to nearest, subnormals kept); nothing in this package changes it.
    case ldl
    /// Exact symmetric elimination (LDLᵀ) by Sylvester's law of inertia, with no floating point.
    ///
    /// The matrix is first scaled by L > 0, the lcm of all denominators (a congruence), giving an
    /// integer matrix. When its leading principal minors D₁, …, Dₙ are all nonzero the inertia is
    /// read off their signs (the k-th pivot of LDLᵀ is D_k / D_{k−1}); they are computed modulo
    /// word-size primes whose product exceeds twice Hadamard's bound and lifted exactly. As soon
    /// as a leading minor vanishes modulo a prime, fraction-free symmetric elimination over ℤ
    /// takes over: 1×1 pivots on nonzero diagonal entries, the congruence "add row and column q
    /// to row and column p" when the remaining diagonal is zero but m_pq ≠ 0 (which plays the role
    /// of a 2×2 pivot: it contributes one positive and one negative eigenvalue), and a zero
    /// remaining block counts as zero eigenvalues.
    case exactLDL
    /// The characteristic polynomial χ(x) = det(xI − A) and Descartes' rule of signs, which is
    /// exact for a real-rooted polynomial: positives = sign variations of χ(x), negatives = sign
    /// variations of χ(−x), zeros = multiplicity of the root 0.
    case charpoly
}

extension Matrix where T == Rational {
    /// The inertia (n₋, n₀, n₊) of a symmetric rational matrix: how many eigenvalues, counted with
    /// multiplicity, are negative, zero and positive.
    ///
    /// - Exactness: exact for every symmetric rational matrix, including highly degenerate ones
    ///   (zero eigenvalues of any multiplicity, zero blocks, zero diagonals).
    /// - Precondition: the matrix is square and symmetric (`isSymmetric`); checked with
    ///   `precondition`, since callers validate user input first.
    /// - Complexity: `.ldl`: about 2n³ flops when the floating-point proof succeeds, else as
    ///   `.exactLDL`. `.exactLDL`: O(n³/6) word operations per prime with about n·b/62 primes (b the
    ///   bit size of the cleared entries) when no leading principal minor vanishes; otherwise
    ///   O(n³/6) GMP operations on numbers of O(n·b) bits. `.charpoly`: see `charpoly(method:)`.
    /// Edge cases: 0×0 gives (0, 0, 0); the n×n zero matrix gives (0, n, 0).
    ///
    /// The default is `.exactLDL`, so that no answer depends on floating point; `.ldl` (a
    /// floating-point factorization with a rounding-error certificate, falling back to
    /// `.exactLDL`) is an opt-in shortcut for callers that accept that certificate.
    public func inertia(method: InertiaMethod = .exactLDL) -> Inertia {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableInertia(method: method) }
    }

    /// The inertia (as `inertia(method:)`), abandoned with `Cancellation.Cancelled` after the
    /// deadline (polled once per pivot of the exact elimination).
    public func cancellableInertia(method: InertiaMethod = .exactLDL) throws(Cancellation.Cancelled) -> Inertia {
        try Cancellation.check()
        precondition(isSquare, "inertia of a non-square \(rows)×\(columns) matrix")
        precondition(isSymmetric, "inertia of a non-symmetric matrix")
        let n = rows
        if n == 0 { return Inertia(negative: 0, zero: 0, positive: 0) }
        switch method {
        case .charpoly:
            let chi = try! charpoly()  // square: cannot throw
            let zero = chi.multiplicityOfZero
            return Inertia(negative: chi.reflected.signVariations, zero: zero, positive: chi.signVariations)
        case .ldl, .exactLDL:
            if method == .ldl, n >= IntegerMatrix.modularInertiaThreshold,
               let certified = floatingPointCertifiedInertia(self) {
                return certified
            }
            let (a, _) = IntegerMatrix.clearingDenominators(self)
            if n >= IntegerMatrix.modularInertiaThreshold, let result = try a.cancellableInertiaByModularCongruence() {
                return result
            }
            return try a.cancellableSymmetricInertia()
        }
    }
}

extension IntegerMatrix {
    /// Below this order the fraction-free elimination is as fast as the modular route.
    static let modularInertiaThreshold = 12

    /// One congruence step of symmetric elimination.
    enum SymmetricStep: Equatable {
        /// Eliminate index `pivot` (a 1×1 pivot on its nonzero diagonal entry).
        case pivot(Int)
        /// Add row and column `source` to row and column `target` (the unimodular congruence
        /// I + e_target·e_sourceᵀ), used when the remaining diagonal is zero.
        case addRowAndColumn(target: Int, source: Int)
    }

    /// The inertia of this symmetric integer matrix by multimodular symmetric elimination, exact
    /// for every rank; nil when a prime turns out unlucky or the bound needs more primes than the
    /// table holds (the caller then eliminates over ℤ).
    ///
    /// 1. Modulo one prime, symmetric elimination chooses the steps: a pivot on the first nonzero
    ///    remaining diagonal entry, or, when the remaining diagonal is zero, the congruence that
    ///    adds row/column q to row/column p for some m_pq ≠ 0; it stops when the remaining block
    ///    is zero, after r pivots.
    /// 2. The same congruences applied over ℤ give A' (congruent to A) whose r leading principal
    ///    minors D_1…D_r, in pivot order, are nonzero modulo that prime, hence nonzero.
    /// 3. Modulo every prime of a list with product M > 2H, where H bounds every minor of order
    ///    ≤ r + 1 of A' (the product of its r + 1 largest row norms), the r pivots are recomputed
    ///    (each must be nonzero) and the trailing Schur complement S must vanish. det(P)·S_ij is a
    ///    bordered minor of order r + 1, so it is 0 exactly: rank A = r, and the inertia is the
    ///    sign pattern of D_1…D_r (negatives = sign changes in 1, D_1, …, D_r) plus n − r zeros.
    func inertiaByModularCongruence() -> Inertia? {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableInertiaByModularCongruence() }
    }

    /// `inertiaByModularCongruence()`, abandoned with `Cancellation.Cancelled` (polled once per
    /// prime) after the deadline.
    func cancellableInertiaByModularCongruence() throws(Cancellation.Cancelled) -> Inertia? {
        let n = rows
        let machine = machineEntries()
        // 1. Choose the steps modulo the first prime.
        let plan = symmetricPlan(modulo: MontgomeryModulus(WordPrimes.table[0]), machine: machine)
        let r = plan.pivots.count
        // 2. A' over ℤ, symmetrically permuted into pivot order.
        let congruent = IntegerMatrix(rows: n, columns: n)
        for k in 0..<(n * n) { __gmpz_set(congruent.base + k, base + k) }
        for step in plan.steps {
            guard case let .addRowAndColumn(target, source) = step else { continue }
            for j in 0..<n { __gmpz_add(congruent.entry(target, j), congruent.entry(target, j), congruent.entry(source, j)) }
            for i in 0..<n { __gmpz_add(congruent.entry(i, target), congruent.entry(i, target), congruent.entry(i, source)) }
        }
        let pivotSet = Set(plan.pivots)
        let order = plan.pivots + (0..<n).filter { !pivotSet.contains($0) }
        let permuted = IntegerMatrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { __gmpz_swap(permuted.entry(i, j), congruent.entry(order[i], order[j])) } }
        // 3. Enough primes for every minor of order ≤ r + 1.
        let rowBits = permuted.rowNormSquaredBits().sorted(by: >)
        let bits = (rowBits.prefix(Swift.min(r + 1, n)).reduce(0, +) + 1) / 2 + 1
        guard let t = WordPrimes.count(forBits: bits) else { return nil }
        let primes = Array(WordPrimes.table[0..<t])
        let permutedMachine = permuted.machineEntries()
        var residues = [UInt64](repeating: 0, count: r * t)  // [k][prime]
        for (pi, p) in primes.enumerated() {
            try Cancellation.check()
            let m = MontgomeryModulus(p)
            let img = permuted.image(modulo: m, machine: permutedMachine, lowerTriangle: true)
            let ok = img.withUnsafeBufferPointer { buffer in
                residues.withUnsafeMutableBufferPointer { out in
                    congruentPivotsModulo(buffer.baseAddress!, n, r, m) { k, minor in out[k * t + pi] = minor }
                }
            }
            if !ok { return nil }
        }
        let lifter = CRTLifter(primes: primes)
        var negative = 0, previousSign: Int32 = 1
        withTemporaryMPZ { d in
            for k in 0..<r {
                lifter.lift(into: d) { residues[k * t + $0] }
                let sign = d.pointee._mp_size > 0 ? Int32(1) : -1
                if sign != previousSign { negative += 1 }
                previousSign = sign
            }
        }
        return Inertia(negative: negative, zero: n - r, positive: r - negative)
    }

    /// For each row, the bit length b_i of ‖row i‖² (so ‖row i‖ < 2^(b_i/2); 0 for a zero row).
    func rowNormSquaredBits() -> [Int] {
        withTemporaryMPZ { s in
            (0..<rows).map { i in
                __gmpz_set_ui(s, 0)
                for j in 0..<columns { __gmpz_addmul(s, entry(i, j), entry(i, j)) }
                return s.pointee._mp_size == 0 ? 0 : Int(__gmpz_sizeinbase(s, 2))
            }
        }
    }

    /// Symmetric elimination modulo one prime on the lower triangle, choosing the steps (see
    /// `inertiaByModularCongruence`). Returns the steps in order and the pivots in order.
    func symmetricPlan(modulo m: MontgomeryModulus, machine: [Int]?) -> (steps: [SymmetricStep], pivots: [Int]) {
        let n = rows
        var a = image(modulo: m, machine: machine)
        var steps: [SymmetricStep] = [], pivots: [Int] = []
        var active = Array(0..<n)
        return a.withUnsafeMutableBufferPointer { buffer in
            let a = buffer.baseAddress!
            @inline(__always) func low(_ i: Int, _ j: Int) -> Int { i >= j ? i * n + j : j * n + i }
            while !active.isEmpty {
                var p = active.first { a[$0 * n + $0] != 0 }
                if p == nil {
                    var found: (Int, Int)? = nil
                    search: for (x, i) in active.enumerated() {
                        for j in active[..<x] where a[low(i, j)] != 0 { found = (i, j); break search }
                    }
                    guard let (source, target) = found else { break }  // remaining block is zero
                    // E·S·Eᵀ with E = I + e_target·e_sourceᵀ.
                    a[low(target, target)] = m.add(m.add(a[low(target, target)], a[low(source, source)]),
                                                   m.add(a[low(source, target)], a[low(source, target)]))
                    for l in active where l != target {
                        a[low(l, target)] = m.add(a[low(l, target)], a[low(l, source)])
                    }
                    steps.append(.addRowAndColumn(target: target, source: source))
                    p = target
                }
                let pivot = p!
                steps.append(.pivot(pivot))
                pivots.append(pivot)
                active.removeAll { $0 == pivot }
                let inv = m.inverse(a[pivot * n + pivot])!
                for (x, i) in active.enumerated() {
                    let lip = m.mul(a[low(i, pivot)], inv)
                    if lip == 0 { continue }
                    for j in active[...x] {
                        a[low(i, j)] = m.sub(a[low(i, j)], m.mul(lip, a[low(j, pivot)]))
                    }
                }
            }
            return (steps, pivots)
        }
    }
}

/// Left-looking (Crout) LDLᵀ without pivoting modulo p of the first r columns of the symmetric
/// n×n row-major Montgomery image `a` (lower triangle read), then a check that the trailing
/// (n−r)×(n−r) Schur complement is zero. Column j of the unscaled factor is
/// w_ij = a_ij − Σ_{k<j} l_ik·w_jk, d_j = w_jj, l_ij = w_ij / d_j; each w_ij is one dot product
/// with a single modular reduction. Reports the leading minors D_k = d_1⋯d_k (ordinary residues)
/// through `report(k − 1, D_k)`. Returns false when a pivot is zero or the Schur complement is
/// not zero modulo p.
func congruentPivotsModulo(_ a: UnsafePointer<UInt64>, _ n: Int, _ r: Int, _ m: MontgomeryModulus,
                           report: (Int, UInt64) -> Void) -> Bool {
    let l = UnsafeMutablePointer<UInt64>.allocate(capacity: n * n)  // l_ik, k < i
    let w = UnsafeMutablePointer<UInt64>.allocate(capacity: n * n)  // w_ik, k < i
    defer { l.deallocate(); w.deallocate() }
    var minor = m.enter(1)
    for j in 0..<r {
        let wj = UnsafePointer(w + j * n)
        let d = m.sub(a[j * n + j], m.dot(UnsafePointer(l + j * n), wj, j))
        if d == 0 { return false }
        minor = m.mul(minor, d)
        report(j, m.leave(minor))
        guard let inv = m.inverse(d) else { return false }
        for i in (j + 1)..<Swift.max(n, j + 1) {
            let x = m.sub(a[i * n + j], m.dot(UnsafePointer(l + i * n), wj, j))
            w[i * n + j] = x
            l[i * n + j] = m.mul(x, inv)
        }
    }
    for i in r..<n {
        for j in r...i where m.sub(a[i * n + j], m.dot(UnsafePointer(l + i * n), UnsafePointer(w + j * n), r)) != 0 {
            return false
        }
    }
    return true
}

/// The inertia of the symmetric rational matrix `a`, proved with floating-point arithmetic, or nil
/// when the proof does not go through (never a guess). See `InertiaMethod.ldl` for the argument.
///
/// Error analysis (u = 2⁻⁵³, γ = (n+1)u / (1 − (n+1)u), all bounds entrywise):
/// - Ã = fl(Aπ) by truncation (`mpq_get_d`): |Aπ − Ã| ≤ 2⁻⁵²|Ã| ≤ e|Ã| with e = 2⁻⁵⁰, as long as
///   every nonzero entry lies in 2^±900 (checked).
/// - C = fl(X·Ã): |C − X·Aπ| ≤ (γ + e)·|X|·|Ã| (dot products of length ≤ n).
/// - B̂ = fl(C·Xᵀ): |B̂ − C·Xᵀ| ≤ γ·|C|·|X|ᵀ; so |B − B̂| ≤ ((γ + e)|X||Ã| + γ|C|)·|X|ᵀ, whose
///   i-th row sum is ((γ + e)·|X|(|Ã|s) + γ·|C|s)_i with s_k = Σ_j |X_jk|: O(n²) extra work.
/// - Bounds are themselves evaluated in floating point: multiplying by F = 1 + 10⁻⁸ covers
///   their relative rounding errors for n ≤ 10⁵, and η = 2⁻⁷⁰⁰ covers every underflow
///   (|X| ≤ 2¹⁰⁰ is checked, so underflow contributes far less than 2⁻⁹⁰⁰).
/// Then each Gershgorin disc of B lies in [B̂_ii − ρ_i, B̂_ii + ρ_i] with
/// ρ_i = F·(Σ_{j≠i}|B̂_ij| + err_i) + η, and the proof needs |B̂_ii| > ρ_i for every i.
func floatingPointCertifiedInertia(_ a: Matrix<Rational>) -> Inertia? {
    let n = a.rows
    guard n >= 1, n <= 100_000, a.isSquare else { return nil }
    // Entries as doubles, within 2^±900 so that none is subnormal or infinite.
    var at = [Double](repeating: 0, count: n * n)
    for (k, x) in a.elements.enumerated() where !x.isZero {
        let inRange: Bool = x.withMPQ { q in
            let nb = Int(__gmpz_sizeinbase(mpqNumerator(q), 2)), db = Int(__gmpz_sizeinbase(mpqDenominator(q), 2))
            return abs(nb - db) < 900
        }
        guard inRange else { return nil }
        let d = x.withMPQ { __gmpq_get_d($0) }  // truncation toward zero, as documented by GMP
        guard d.isFinite, d != 0 else { return nil }
        at[k] = d
    }
    let w = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
    let l = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
    let x = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
    let ap = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
    let c = UnsafeMutablePointer<Double>.allocate(capacity: n * n)
    defer { w.deallocate(); l.deallocate(); x.deallocate(); ap.deallocate(); c.deallocate() }
    at.withUnsafeBufferPointer { w.initialize(from: $0.baseAddress!, count: n * n) }
    l.initialize(repeating: 0, count: n * n)
    x.initialize(repeating: 0, count: n * n)
    c.initialize(repeating: 0, count: n * n)

    // LDLᵀ of Ã in floating point, symmetric pivoting on the largest remaining |diagonal|.
    var perm = Array(0..<n)
    for k in 0..<n {
        var p = k, best = abs(w[k * n + k])
        for i in (k + 1)..<Swift.max(n, k + 1) where abs(w[i * n + i]) > best { best = abs(w[i * n + i]); p = i }
        guard best > 0, best.isFinite else { return nil }
        if p != k {
            for j in 0..<n { swap(&w[k * n + j], &w[p * n + j]) }
            for i in 0..<n { swap(&w[i * n + k], &w[i * n + p]) }
            for j in 0..<k { swap(&l[k * n + j], &l[p * n + j]) }
            perm.swapAt(k, p)
        }
        let pivot = w[k * n + k]
        let pivotRow = w + k * n
        for i in (k + 1)..<Swift.max(n, k + 1) {
            let li = w[i * n + k] / pivot
            l[i * n + k] = li
            if li == 0 { continue }
            let row = w + i * n
            for j in (k + 1)..<n { row[j] -= li * pivotRow[j] }
        }
    }
    // X ≈ L⁻¹, exactly unit lower triangular: row i = e_i − Σ_{k<i} l_ik·(row k).
    var maxX = 1.0
    for i in 0..<n {
        let row = x + i * n
        row[i] = 1
        for k in 0..<i {
            let lik = l[i * n + k]
            if lik == 0 { continue }
            let rk = x + k * n
            for j in 0...k { row[j] -= lik * rk[j] }
        }
        // `!(v <= maxX)` also takes a NaN into maxX (Swift.max would skip it), so the guard
        // below refuses it explicitly.
        for j in 0...i { let v = abs(row[j]); if !(v <= maxX) { maxX = v } }
    }
    guard maxX.isFinite, maxX <= 0x1p100 else { return nil }
    // Ãπ and C = fl(X·Ãπ).
    for i in 0..<n { for j in 0..<n { ap[i * n + j] = at[perm[i] * n + perm[j]] } }
    for i in 0..<n {
        let row = c + i * n
        for k in 0...i {
            let xik = x[i * n + k]
            if xik == 0 { continue }
            let ak = ap + k * n
            for j in 0..<n { row[j] += xik * ak[j] }
        }
    }
    // Column sums of |X|, then |Ã|s, |X|(|Ã|s), |C|s.
    var s = [Double](repeating: 0, count: n)
    for i in 0..<n { for k in 0...i { s[k] += abs(x[i * n + k]) } }
    var t = [Double](repeating: 0, count: n)
    var u2 = [Double](repeating: 0, count: n)
    for i in 0..<n {
        var ti = 0.0, ui = 0.0
        for k in 0..<n { ti += abs(ap[i * n + k]) * s[k]; ui += abs(c[i * n + k]) * s[k] }
        t[i] = ti
        u2[i] = ui
    }
    let unit = 0x1p-53, e = 0x1p-50, factor = 1 + 1e-8, eta = 0x1p-700
    let gamma = Double(n + 1) * unit / (1 - Double(n + 1) * unit)
    var negative = 0, positive = 0
    for i in 0..<n {
        var u1 = 0.0
        for k in 0...i { u1 += abs(x[i * n + k]) * t[k] }
        let err = factor * ((gamma + e) * u1 + gamma * u2[i]) + eta
        // Row i of B̂ = fl(C·Xᵀ): B̂_ij = Σ_{k≤j} C_ik X_jk.
        let ci = c + i * n
        var diagonal = 0.0, off = 0.0
        for j in 0..<n {
            let xj = x + j * n
            var b = 0.0
            for k in 0...j { b += ci[k] * xj[k] }
            if j == i { diagonal = b } else { off += abs(b) }
        }
        let radius = factor * (off + err) + eta
        guard radius.isFinite, diagonal.isFinite, abs(diagonal) > radius else { return nil }
        if diagonal > 0 { positive += 1 } else { negative += 1 }
    }
    return Inertia(negative: negative, zero: 0, positive: positive)
}
