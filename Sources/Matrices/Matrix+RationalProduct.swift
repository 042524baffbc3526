import CGMP
import Numbers

extension Matrix where T == Rational {
    /// The exact product A·B of rational matrices; the `Matrix<Rational>` overload of `*`, picked
    /// whenever the operands are statically known to be rational (generic code over `T: Ring`
    /// keeps using `classicalProduct`).
    ///
    /// - Exactness: exact; every entry is returned in lowest terms.
    /// - Precondition: `a.columns == b.rows`.
    /// - Complexity: see `rationalProduct(_:_:)`.
    public static func * (a: Matrix<Rational>, b: Matrix<Rational>) -> Matrix<Rational> {
        rationalProduct(a, b)
    }

    /// The exact product A·B of rational matrices, by clearing denominators.
    ///
    /// Row i of A is scaled by d_i (the lcm of its denominators) and column j of B by e_j, giving
    /// integer matrices A' and B'; then (A·B)_ij = (A'·B')_ij / (d_i·e_j), reduced to lowest
    /// terms. The integer product runs in the cheapest arithmetic that provably cannot overflow,
    /// decided up front from the bound max_i Σ_k |a'_ik| · max |b'_kj| on every partial sum:
    /// below 2⁵³ in `Double` (exact: every partial sum is an integer of at most 53 bits), below
    /// 2⁶³ in `Int`, below 2¹²⁷ in `Int128`, otherwise with GMP multiply-adds on one contiguous
    /// buffer of integers.
    ///
    /// - Exactness: exact; every entry is returned in lowest terms.
    /// - Precondition: `a.columns == b.rows`.
    /// - Complexity: m·k·n machine multiply-adds (or GMP multiply-adds on the cleared numerators)
    ///   plus one gcd per entry of the result, for A m×k and B k×n.
    /// Edge cases: (m×0)·(0×n) is the m×n zero matrix; empty results are empty.
    public static func rationalProduct(_ a: Matrix<Rational>, _ b: Matrix<Rational>) -> Matrix<Rational> {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellableProduct(a, b) }
    }

    /// The exact product (as `rationalProduct`), abandoned with `Cancellation.Cancelled` after
    /// the deadline (polled once per row of the GMP route; the machine-word routes are fast).
    public static func cancellableProduct(_ a: Matrix<Rational>, _ b: Matrix<Rational>) throws(Cancellation.Cancelled) -> Matrix<Rational> {
        precondition(a.columns == b.rows,
                     "shape mismatch in product: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        let m = a.rows, k = a.columns, n = b.columns
        if m == 0 || n == 0 || k == 0 { return .zeros(m, n) }
        if let ca = MachineCleared(a, byRows: true), let cb = MachineCleared(b, byRows: false) {
            let bound = ca.maxRowAbsSum.multipliedFullWidth(by: cb.maxAbs)
            if bound.high == 0 && bound.low < (1 << 53) {
                return machineProductDouble(ca, cb, m, k, n)
            }
            if bound.high == 0 && bound.low < (1 << 63) {
                return machineProductInt(ca, cb, m, k, n)
            }
            if bound.high < (1 << 62), #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) {
                return machineProductInt128(ca, cb, m, k, n)
            }
        }
        let (ai, ad) = IntegerMatrix.clearingRowDenominators(a)
        let (bi, bd) = IntegerMatrix.clearingColumnDenominators(b)
        let c = IntegerMatrix(rows: m, columns: n)
        for i in 0..<m {
            try Cancellation.check()
            for l in 0..<k {
                let ail = ai.entry(i, l)
                if ail.pointee._mp_size == 0 { continue }
                for j in 0..<n { __gmpz_addmul(c.entry(i, j), ail, bi.entry(l, j)) }
            }
        }
        return dividing(c, rowDenominators: ad, columnDenominators: bd)
    }

    /// C_ij / (d_i·e_j) in lowest terms, for the GMP paths.
    private static func dividing(_ c: IntegerMatrix, rowDenominators d: IntegerMatrix,
                                 columnDenominators e: IntegerMatrix) -> Matrix<Rational> {
        let builder = RationalBuilder()
        var out = [Rational]()
        out.reserveCapacity(c.rows * c.columns)
        withTemporaryMPZ { den in
            for i in 0..<c.rows {
                for j in 0..<c.columns {
                    __gmpz_mul(den, d.entry(i, 0), e.entry(0, j))
                    out.append(builder.make(numerator: c.entry(i, j), denominator: den))
                }
            }
        }
        return Matrix(rows: c.rows, columns: c.columns, elements: out)
    }

    private static func machineProductDouble(_ a: MachineCleared, _ b: MachineCleared,
                                             _ m: Int, _ k: Int, _ n: Int) -> Matrix<Rational> {
        let av = a.values.map(Double.init), bv = b.values.map(Double.init)
        var c = [Double](repeating: 0, count: m * n)
        av.withUnsafeBufferPointer { ap in
            bv.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    for i in 0..<m {
                        let crow = cp.baseAddress! + i * n
                        for l in 0..<k {
                            let x = ap[i * k + l]
                            if x == 0 { continue }
                            let brow = bp.baseAddress! + l * n
                            for j in 0..<n { crow[j] += x * brow[j] }
                        }
                    }
                }
            }
        }
        return machineQuotients(c.map { Int($0) }, a.scales, b.scales, m, n)
    }

    private static func machineProductInt(_ a: MachineCleared, _ b: MachineCleared,
                                          _ m: Int, _ k: Int, _ n: Int) -> Matrix<Rational> {
        var c = [Int](repeating: 0, count: m * n)
        a.values.withUnsafeBufferPointer { ap in
            b.values.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    for i in 0..<m {
                        let crow = cp.baseAddress! + i * n
                        for l in 0..<k {
                            let x = ap[i * k + l]
                            if x == 0 { continue }
                            let brow = bp.baseAddress! + l * n
                            // No overflow: every partial sum is bounded by the checked bound.
                            for j in 0..<n { crow[j] &+= x &* brow[j] }
                        }
                    }
                }
            }
        }
        return machineQuotients(c, a.scales, b.scales, m, n)
    }

    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    private static func machineProductInt128(_ a: MachineCleared, _ b: MachineCleared,
                                             _ m: Int, _ k: Int, _ n: Int) -> Matrix<Rational> {
        let c = IntegerMatrix(rows: m, columns: n)
        var acc = [Int128](repeating: 0, count: n)
        for i in 0..<m {
            for j in 0..<n { acc[j] = 0 }
            for l in 0..<k {
                let x = Int128(a.values[i * k + l])
                if x == 0 { continue }
                for j in 0..<n { acc[j] &+= x &* Int128(b.values[l * n + j]) }
            }
            for j in 0..<n {
                let v = acc[j], z = c.entry(i, j)
                let mag = v.magnitude
                __gmpz_set_ui(z, UInt(truncatingIfNeeded: mag >> 64))
                __gmpz_mul_2exp(z, z, 64)
                __gmpz_add_ui(z, z, UInt(truncatingIfNeeded: mag))
                if v < 0 { __gmpz_neg(z, z) }
            }
        }
        let d = IntegerMatrix(rows: m, columns: 1), e = IntegerMatrix(rows: 1, columns: n)
        for i in 0..<m { __gmpz_set_si(d.entry(i, 0), a.scales[i]) }
        for j in 0..<n { __gmpz_set_si(e.entry(0, j), b.scales[j]) }
        return dividing(c, rowDenominators: d, columnDenominators: e)
    }

    /// c_ij / (d_i·e_j) in lowest terms for machine-integer numerators.
    private static func machineQuotients(_ c: [Int], _ d: [Int], _ e: [Int], _ m: Int, _ n: Int) -> Matrix<Rational> {
        let builder = RationalBuilder()
        var out = [Rational]()
        out.reserveCapacity(m * n)
        for i in 0..<m {
            for j in 0..<n {
                let num = c[i * n + j]
                let (den, overflow) = d[i].multipliedReportingOverflow(by: e[j])
                if !overflow {
                    out.append(builder.make(numerator: num, denominator: den))
                } else {
                    out.append(Rational(BigInt(num), BigInt(d[i]) * BigInt(e[j])))
                }
            }
        }
        return Matrix(rows: m, columns: n, elements: out)
    }
}

/// A rational matrix with denominators cleared by rows (or by columns) in machine integers:
/// `values` row-major, `scales` the positive row (column) multipliers.
struct MachineCleared {
    var values: [Int]
    var scales: [Int]
    /// max |value|.
    var maxAbs: UInt
    /// max over rows of Σ_j |value_ij|.
    var maxRowAbsSum: UInt

    /// Nil when a numerator, denominator, multiplier or scaled entry does not fit in `Int`.
    init?(_ a: Matrix<Rational>, byRows: Bool) {
        let m = a.rows, n = a.columns
        var nums = [Int](repeating: 0, count: m * n), dens = [Int](repeating: 1, count: m * n)
        for (idx, x) in a.elements.enumerated() {
            let parts: (Int, Int)? = x.withMPQ { q in
                guard let p = smallValue(mpqNumerator(q)), let d = smallValue(mpqDenominator(q)) else { return nil }
                return (p, d)
            }
            guard let (p, d) = parts else { return nil }
            nums[idx] = p
            dens[idx] = d
        }
        var scales = [Int](repeating: 1, count: byRows ? m : n)
        for idx in 0..<(m * n) where dens[idx] != 1 {
            let s = byRows ? idx / n : idx % n
            let l = scales[s], d = dens[idx]
            let g = Int(binaryGCD(UInt(l), UInt(d)))
            let (v, o) = (l / g).multipliedReportingOverflow(by: d)
            if o { return nil }
            scales[s] = v
        }
        var maxAbs: UInt = 0, maxRowAbsSum: UInt = 0
        for i in 0..<m {
            var rowSum: UInt = 0
            for j in 0..<n {
                let idx = i * n + j
                let f = scales[byRows ? i : j] / dens[idx]
                let (v, o) = nums[idx].multipliedReportingOverflow(by: f)
                if o || v == Int.min { return nil }
                nums[idx] = v
                maxAbs = Swift.max(maxAbs, v.magnitude)
                let (s, o2) = rowSum.addingReportingOverflow(v.magnitude)
                if o2 { return nil }
                rowSum = s
            }
            maxRowAbsSum = Swift.max(maxRowAbsSum, rowSum)
        }
        values = nums
        self.scales = scales
        self.maxAbs = maxAbs
        self.maxRowAbsSum = maxRowAbsSum
    }
}
