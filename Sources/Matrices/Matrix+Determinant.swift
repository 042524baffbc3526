import CGMP
import Numbers

/// How `det` computes an exact rational determinant.
public enum DeterminantMethod: Sendable, Hashable, CaseIterable {
    /// Fraction-free (Bareiss) elimination over ℤ after clearing each row's denominators: every
    /// intermediate value is a minor of the cleared matrix, so sizes grow linearly, never
    /// exponentially. Cost O(n³) multiplications of numbers up to n·b bits.
    case bareiss
    /// The determinant of the cleared integer matrix modulo enough word-size primes to exceed
    /// twice Hadamard's bound, combined by Chinese remaindering. Deterministic and exact (no
    /// early termination, no probabilistic step). Cost O(n³) word operations per prime, with
    /// about n·b/62 primes for b-bit cleared entries.
    case multimodular
}

extension Matrix where T == Rational {
    /// The exact determinant.
    ///
    /// Row i is first multiplied by d_i, the lcm of its denominators, so that
    /// det A = det(D·A) / ∏ d_i with D·A an integer matrix; orders 1 and 2 use the direct formula.
    ///
    /// - Exactness: exact.
    /// - Throws: `LinearAlgebraError.notSquare` for a non-square matrix.
    /// - Complexity: O(n³) operations on integers of O(n·b) bits (`.bareiss`), or O(n³) word
    ///   operations per prime with O(n·b/62) primes (`.multimodular`); b is the bit size of the
    ///   cleared entries.
    /// Edge cases: the 0×0 determinant is 1; a singular matrix (including the zero matrix) gives
    /// 0 (nothing is thrown for singular input).
    public func det(method: DeterminantMethod = .bareiss) throws(LinearAlgebraError) -> Rational {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        return Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try determinantKernel(method: method) }
    }

    /// The exact determinant (as `det(method:)`), abandoned with `Cancellation.Cancelled` once
    /// the thread's deadline has passed (polled once per elimination step or prime).
    /// - Precondition: square.
    public func cancellableDeterminant(method: DeterminantMethod = .bareiss) throws(Cancellation.Cancelled) -> Rational {
        precondition(isSquare, "determinant of a non-square matrix")
        return try determinantKernel(method: method)
    }

    func determinantKernel(method: DeterminantMethod) throws(Cancellation.Cancelled) -> Rational {
        let n = rows
        switch n {
        case 0: return .one
        case 1: return elements[0]
        case 2: return elements[0] * elements[3] - elements[1] * elements[2]
        default: break
        }
        let (a, dens) = IntegerMatrix.clearingRowDenominators(self)
        var numerator: BigInt
        switch method {
        case .bareiss:
            let echelon = try a.fractionFreeEchelon(stopAtMissingPivot: true)
            if echelon.rank < n { return .zero }
            numerator = BigInt(copying: a.entry(n - 1, n - 1))
            if echelon.oddPermutation { numerator = -numerator }
        case .multimodular:
            numerator = try a.determinantMultimodular()
        }
        if numerator.isZero { return .zero }
        return numerator.withMPZ { num in
            withTemporaryMPZ { den in
                __gmpz_set_ui(den, 1)
                for i in 0..<n { __gmpz_mul(den, den, dens.entry(i, 0)) }
                return RationalBuilder().make(numerator: num, denominator: den)
            }
        }
    }

    /// The exact determinant; the same as `det(method:)`.
    ///
    /// - Exactness: exact.
    /// - Throws: `LinearAlgebraError.notSquare` for a non-square matrix.
    /// - Complexity: as `det(method:)`.
    /// Edge cases: the 0×0 determinant is 1; singular matrices give 0.
    public func determinant(method: DeterminantMethod = .bareiss) throws(LinearAlgebraError) -> Rational {
        try det(method: method)
    }
}

extension IntegerMatrix {
    /// Sets `out` to the determinant of this square integer matrix, computed modulo word primes
    /// whose product exceeds 2·H (H Hadamard's bound) and lifted to the symmetric range.
    /// Row exchanges are allowed modulo p, so every prime is usable.
    func determinantMultimodular() throws(Cancellation.Cancelled) -> BigInt {
        let s = MPZStorageBox()
        try determinantMultimodular(into: s.ptr)
        return BigInt(copying: s.ptr)
    }

    func determinantMultimodular(into out: UnsafeMutablePointer<__mpz_struct>) throws(Cancellation.Cancelled) {
        precondition(rows == columns, "determinant of a non-square matrix")
        let n = rows
        guard let t = WordPrimes.count(forBits: hadamardBits() + 1) else {
            // Beyond the prime table: fall back to fraction-free elimination.
            let echelon = try fractionFreeEchelon(stopAtMissingPivot: true)
            if echelon.rank < n { __gmpz_set_ui(out, 0); return }
            __gmpz_set(out, entry(n - 1, n - 1))
            if echelon.oddPermutation { __gmpz_neg(out, out) }
            return
        }
        let primes = Array(WordPrimes.table[0..<t])
        let machine = machineEntries()
        var residues: [UInt64] = []
        for p in primes {
            try Cancellation.check()
            let m = MontgomeryModulus(p)
            var img = image(modulo: m, machine: machine)
            residues.append(img.withUnsafeMutableBufferPointer { determinantModulo($0.baseAddress!, n, m) })
        }
        CRTLifter(primes: primes).lift(into: out) { residues[$0] }
    }
}

/// det mod p of the n×n row-major Montgomery image `a` (destroyed), as an ordinary residue.
func determinantModulo(_ a: UnsafeMutablePointer<UInt64>, _ n: Int, _ m: MontgomeryModulus) -> UInt64 {
    var det = m.enter(1)
    var negate = false
    for k in 0..<n {
        var p = -1
        for i in k..<n where a[i * n + k] != 0 { p = i; break }
        if p < 0 { return 0 }
        if p != k {
            for j in k..<n { swap(&a[p * n + j], &a[k * n + j]) }
            negate.toggle()
        }
        let pivot = a[k * n + k]
        det = m.mul(det, pivot)
        let inv = m.inverse(pivot)!
        let pivotRow = a + k * n
        for i in (k + 1)..<Swift.max(n, k + 1) {
            let row = a + i * n
            let l = m.mul(row[k], inv)
            if l == 0 { continue }
            for j in (k + 1)..<n { row[j] = m.sub(row[j], m.mul(l, pivotRow[j])) }
        }
    }
    let d = m.leave(det)
    return negate && d != 0 ? m.p - d : d
}

/// A scratch GMP integer owned by a class (released on deinit), for kernels that throw.
final class MPZStorageBox {
    let ptr: UnsafeMutablePointer<__mpz_struct>
    init() {
        ptr = .allocate(capacity: 1)
        __gmpz_init(ptr)
    }
    deinit {
        __gmpz_clear(ptr)
        ptr.deallocate()
    }
}
