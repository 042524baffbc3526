import Testing
import Numbers
@testable import Matrices

/// Adversarial checks of the floating-point LDLᵀ inertia certificate (`InertiaMethod.ldl`,
/// `floatingPointCertifiedInertia`) against exact elimination (`.exactLDL`) and against inertias
/// known by construction. The certificate may refuse (nil) but must never be wrong; in particular
/// it can never certify a matrix with a zero eigenvalue, since it always reports zero = 0.
///
/// `.ldl` only tries the certificate from order `IntegerMatrix.modularInertiaThreshold` (12) on,
/// so the small cases call `floatingPointCertifiedInertia` directly.
@Suite("LDL certificate stress: .ldl never disagrees with .exactLDL")
struct LDLCertificateStressTests {
    typealias Q = Matrix<Rational>

    // MARK: - Helpers

    /// Compares the certificate (and `.ldl` when `viaMethod`) with the truth: `expected` when
    /// given (and then also `.exactLDL` unless `exact` is false), else `.exactLDL`. Returns
    /// whether the certificate decided.
    @discardableResult
    func check(_ a: Q, expected: Inertia? = nil, exact: Bool = true, viaMethod: Bool = false,
                      _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let certified = floatingPointCertifiedInertia(a)
        var truth = expected
        if exact || expected == nil {
            let e = a.inertia(method: .exactLDL)
            if let x = expected { #expect(e == x, "exactLDL vs construction: \(label)", sourceLocation: sourceLocation) }
            truth = e
        }
        if let c = certified {
            #expect(c == truth!, "certificate \(c) ≠ truth \(truth!): \(label)", sourceLocation: sourceLocation)
            #expect(truth!.zero == 0, "certified a singular matrix: \(label)", sourceLocation: sourceLocation)
        }
        if viaMethod {
            #expect(a.inertia(method: .ldl) == truth!, ".ldl ≠ truth: \(label)", sourceLocation: sourceLocation)
        }
        return certified != nil
    }

    /// H·M·H for the rational Householder reflector H = I − 2vvᵀ/(vᵀv), in O(n²): H is
    /// orthogonal, so the spectrum of M is kept exactly.
    func reflect(_ m: Q, _ v: [Rational]) -> Q {
        let n = m.rows, e = m.elements
        let s = v.reduce(Rational.zero) { $0 + $1 * $1 }
        var w = [Rational](repeating: .zero, count: n)
        for i in 0..<n {
            var t = Rational.zero
            for j in 0..<n where !v[j].isZero && !e[i * n + j].isZero { t = t + e[i * n + j] * v[j] }
            w[i] = t
        }
        var alpha = Rational.zero
        for i in 0..<n where !v[i].isZero { alpha = alpha + v[i] * w[i] }
        let c1 = Rational(2) / s, c2 = Rational(4) * alpha / (s * s)
        let c1w = w.map { c1 * $0 }, c2v = v.map { c2 * $0 }
        var out = e
        for i in 0..<n {
            for j in i..<n {
                var x = e[i * n + j]
                if !v[i].isZero { x = x - v[i] * c1w[j] + c2v[i] * v[j] }
                if !v[j].isZero { x = x - c1w[i] * v[j] }
                out[i * n + j] = x
                out[j * n + i] = x
            }
        }
        return Q(rows: n, columns: n, elements: out)
    }

    /// Q·diag(d)·Qᵀ for a product Q of `reflectors` random rational reflectors: the eigenvalues
    /// are exactly `d`.
    func spectral(_ d: [Rational], reflectors: Int, _ rng: inout SplitMix64, range: ClosedRange<Int> = -3...3) -> Q {
        var m = Q.diagonal(d)
        for _ in 0..<reflectors {
            var v = (0..<d.count).map { _ in Rational(rng.int(range)) }
            if v.allSatisfy(\.isZero) { v[0] = 1 }
            m = reflect(m, v)
        }
        return m
    }

    /// Eigenvalue list with `neg` values in −50…−1, `pos` in 1…50, plus `extra`, shuffled.
    func eigenvalues(_ neg: Int, _ pos: Int, extra: [Rational] = [], _ rng: inout SplitMix64) -> [Rational] {
        var d = (0..<neg).map { _ in Rational(-rng.int(1...50)) } + (0..<pos).map { _ in Rational(rng.int(1...50)) } + extra
        for i in stride(from: d.count - 1, to: 0, by: -1) { d.swapAt(i, rng.int(0...i)) }
        return d
    }

    func pow2(_ k: Int) -> Rational { Rational(2).power(k) }
    func pow10(_ k: Int) -> Rational { Rational(10).power(k) }

    // MARK: - Near-singular, exact zero eigenvalues

    @Test("orthogonally mixed spectra with one eigenvalue δ·‖A‖, δ = 1e-3 … 1e-300 and 0")
    func nearSingularSpectra() {
        var rng = SplitMix64(seed: 0x1D1)
        var decided: [String] = []
        for n in [8, 16] {
            for k in [3, 8, 12, 13, 14, 15, 16, 17, 20, 40, 300] {
                for sign in [1, -1] {
                    let delta = Rational(sign * 50) * pow10(-k)
                    let d = eigenvalues(n / 2, n - n / 2 - 1, extra: [delta], &rng)
                    let a = spectral(d, reflectors: 3, &rng)
                    if check(a, expected: inertia(ofDiagonal: d), exact: n <= 8 || k <= 40, viaMethod: n >= 12 && k <= 40,
                             "n=\(n) δ=\(sign)e-\(k)") { decided.append("\(n):\(sign * k)") }
                }
            }
            // Exact zero eigenvalues, simple and multiple.
            for zeros in [1, 2, n / 2] {
                let d = eigenvalues(n / 4, n - n / 4 - zeros, extra: Array(repeating: .zero, count: zeros), &rng)
                let a = spectral(d, reflectors: 3, &rng)
                #expect(floatingPointCertifiedInertia(a) == nil, "certified a singular matrix, n=\(n) zeros=\(zeros)")
                check(a, expected: inertia(ofDiagonal: d), viaMethod: n >= 12, "n=\(n) zeros=\(zeros)")
            }
        }
        // The well-separated cases must actually exercise the certificate.
        #expect(decided.contains("16:3") && decided.contains("16:-3"), "decided: \(decided)")
    }

    @Test("a sweep of eigenvalues ±2^-k through the refusal threshold never flips a sign")
    func thresholdSweep() {
        var rng = SplitMix64(seed: 0x1D2)
        let base = eigenvalues(6, 7, &rng)
        var lastDecided = 0
        for k in stride(from: 20, through: 64, by: 2) {
            for sign in [1, -1] {
                let d = base + [Rational(sign) * pow2(-k)]
                let a = spectral(d, reflectors: 2, &rng)
                if check(a, expected: inertia(ofDiagonal: d), exact: false, "δ=\(sign)·2^-\(k)") { lastDecided = k }
            }
        }
        #expect(lastDecided >= 26, "certificate gave up already at 2^-\(lastDecided)")
    }

    @Test("exactly singular rational matrices whose double images are nonsingular (1/3·3 ≠ 1 in binary)")
    func hiddenZeroEigenvalues() {
        var rng = SplitMix64(seed: 0x1D3)
        // [[a, b], [b, c]] with ac = b² exactly: eigenvalues 0 and a + c; fl(a)·fl(c) ≠ fl(b)².
        let blocks: [(Rational, Rational, Rational)] = [
            (Rational(1, 3), 1, 3), (Rational(1, 10), 1, 10), (Rational(1, 7), Rational(1, 1), 7),
            (Rational(2, 3), Rational(2, 5), Rational(6, 25)), (Rational(-1, 3), 1, -3), (Rational(1, 3), Rational(1, 9), Rational(1, 27)),
        ]
        var elems = [Rational](repeating: .zero, count: 144)
        var d: [Rational] = []
        for (k, (a, b, c)) in blocks.enumerated() {
            elems[(2 * k) * 12 + 2 * k] = a; elems[(2 * k) * 12 + 2 * k + 1] = b
            elems[(2 * k + 1) * 12 + 2 * k] = b; elems[(2 * k + 1) * 12 + 2 * k + 1] = c
            d += [.zero, a + c]
        }
        let blockDiagonal = Q(rows: 12, columns: 12, elements: elems)
        let expected = inertia(ofDiagonal: d)
        #expect(floatingPointCertifiedInertia(blockDiagonal) == nil)
        check(blockDiagonal, expected: expected, viaMethod: true, "2×2 blocks ac = b²")
        // The same, orthogonally mixed.
        var mixed = blockDiagonal
        for _ in 0..<2 { mixed = reflect(mixed, (0..<12).map { _ in Rational(rng.int(-2...2)) }) }
        #expect(floatingPointCertifiedInertia(mixed) == nil)
        check(mixed, expected: expected, viaMethod: true, "2×2 blocks ac = b², mixed")
        // Rank one: c·vvᵀ with entries like 1/3, 1/10, not representable; and (J/3 − I/3·n) style.
        for n in [12, 13, 20] {
            let v = (0..<n).map { i in Rational(i % 3 + 1, 3 + i % 7) }
            let r1 = Q(rows: n, columns: n) { i, j in Rational(1, 10) * v[i] * v[j] }
            #expect(floatingPointCertifiedInertia(r1) == nil)
            check(r1, expected: Inertia(negative: 0, zero: n - 1, positive: 1), viaMethod: true, "rank one n=\(n)")
            // J·(1/3) − (n/3)·I: eigenvalues 0 (once) and −n/3 (n − 1 times).
            let j3 = Q(rows: n, columns: n) { i, j in Rational(1, 3) - (i == j ? Rational(n, 3) : .zero) }
            #expect(floatingPointCertifiedInertia(j3) == nil)
            check(j3, expected: Inertia(negative: n - 1, zero: 1, positive: 0), viaMethod: true, "J/3 − n/3·I n=\(n)")
        }
    }

    @Test("rank-deficient Gram matrices GᵀG (and −GᵀG) are never certified")
    func rankDeficientGram() {
        var rng = SplitMix64(seed: 0x1D4)
        for (n, r) in [(12, 11), (14, 13), (20, 19), (30, 10), (40, 39), (16, 1)] {
            let g = rng.matrix(r, n, -9...9, 1...10)
            let a = g.transposed * g
            for (m, expected) in [(a, Inertia(negative: 0, zero: n - r, positive: r)), (-a, Inertia(negative: r, zero: n - r, positive: 0))] {
                #expect(floatingPointCertifiedInertia(m) == nil, "GᵀG n=\(n) r=\(r)")
                check(m, expected: expected, viaMethod: true, "GᵀG n=\(n) r=\(r)")
            }
        }
    }

    // MARK: - Scaling: huge, tiny, subnormal

    @Test("scaling by 2^k, k = ±500, ±890…±900, ±1000, ±1074: inertia kept, never wrong")
    func powerOfTwoScaling() {
        var rng = SplitMix64(seed: 0x1D5)
        let a0 = rng.symmetric(14, -100...100, 1...9) - Rational(5, 3) * Q.identity(14)
        let truth = a0.inertia(method: .exactLDL)
        #expect(floatingPointCertifiedInertia(a0) == truth)
        var decided: [Int] = []
        for k in [-1074, -1060, -1000, -950, -905, -900, -898, -895, -890, -700, -500, 500, 700, 880, 885, 890, 893, 895, 898, 900, 905, 1000, 1023] {
            let a = pow2(k) * a0
            if check(a, expected: truth, exact: abs(k) <= 900, viaMethod: abs(k) <= 900, "2^\(k)·A") { decided.append(k) }
        }
        #expect(decided.contains(500) && decided.contains(-500), "decided: \(decided)")
        // Scaling by non-powers of two: 10^±250 (not representable, every entry rounded).
        for k in [-250, 250] { check(pow10(k) * a0, expected: truth, exact: false, "10^\(k)·A") }
    }

    @Test("graded congruences S·A·S with S = diag(2^k_i), |k_i| ≤ 450, and mixed huge/tiny entries")
    func gradedScaling() {
        var rng = SplitMix64(seed: 0x1D6)
        for (n, spread) in [(12, 100), (14, 300), (16, 440), (13, 450), (20, 200)] {
            let a0 = rng.symmetric(n, -50...50, 1...7) + Rational(1, 7) * Q.identity(n)
            let truth = a0.inertia(method: .exactLDL)
            let ks = (0..<n).map { _ in rng.int(-spread...spread) }
            let a = Q(rows: n, columns: n) { i, j in a0[i, j] * pow2(ks[i] + ks[j]) }
            check(a, expected: truth, exact: false, viaMethod: true, "graded n=\(n) spread=\(spread)")
        }
        // Diagonal with eigenvalues across the whole range, permuted and lightly coupled by a
        // reflector acting on two coordinates (exact spectrum kept).
        for spread in [300, 440, 449] {
            let n = 14
            let d = (0..<n).map { i in Rational(i % 3 == 0 ? -1 : 1) * pow2(((i * 37) % (2 * spread + 1)) - spread) }
            var v = [Rational](repeating: .zero, count: n); v[0] = 1; v[5] = 1
            let a = reflect(Q.diagonal(d), v)
            check(a, expected: inertia(ofDiagonal: d), exact: false, viaMethod: true, "wide diagonal spread=\(spread)")
        }
        // Tiny entries whose products underflow: A = 2^-880·A0 with a large, small-pivot coupling.
        let n = 12
        let base = rng.symmetric(n, -9...9, 1...1) + Rational(40) * Q.identity(n)
        for k in [-880, -860, -840] {
            let a = Q(rows: n, columns: n) { i, j in base[i, j] * pow2(k + (i == 0 && j == 0 ? 400 : 0)) }
            check(a, exact: true, viaMethod: true, "underflow-prone 2^\(k)")
        }
    }

    // MARK: - Ill-conditioned, non-representable entries

    @Test("Hilbert matrices and their shifts H_n − c·I (κ up to 1e20)")
    func hilbert() {
        for n in [12, 14, 16] {
            let h = Q(rows: n, columns: n) { i, j in Rational(1, i + j + 1) }
            check(h, expected: Inertia(negative: 0, zero: 0, positive: n), viaMethod: true, "H_\(n)")
            check(-h, expected: Inertia(negative: n, zero: 0, positive: 0), "−H_\(n)")
            for c in [Rational(1, 1000), Rational(1, 10).power(6), Rational(1, 10).power(10), Rational(1, 10).power(14),
                      Rational(1, 10).power(16), Rational(1, 10).power(18), Rational(1, 3) * Rational(1, 10).power(12)] {
                check(h - c * Q.identity(n), "H_\(n) − \(c)·I")
            }
        }
        // Hilbert-like: 1/(i + j + 1) with a rank-one correction making it exactly singular.
        let n = 12
        let h = Q(rows: n, columns: n) { i, j in Rational(1, i + j + 1) }
        let v = (0..<n).map { Rational(1, $0 + 2) }
        let hv = (0..<n).map { i in (0..<n).reduce(Rational.zero) { $0 + h[i, $1] * v[$1] } }
        let vhv = (0..<n).reduce(Rational.zero) { $0 + v[$1] * hv[$1] }
        // H − (Hv)(Hv)ᵀ/(vᵀHv) is PSD with kernel spanned by v.
        let s = Q(rows: n, columns: n) { i, j in h[i, j] - hv[i] * hv[j] / vhv }
        #expect(floatingPointCertifiedInertia(s) == nil)
        check(s, expected: Inertia(negative: 0, zero: 1, positive: n - 1), viaMethod: true, "Hilbert deflated")
    }

    @Test("entries 1/3, 1/10, 1/7 (never exact in binary), definite and indefinite, n = 12…30")
    func nonRepresentable() {
        var rng = SplitMix64(seed: 0x1D7)
        for n in [12, 17, 30] {
            let m = rng.symmetric(n, -30...30, 1...1)
            for shift in [Rational(1, 3), Rational(1, 10), Rational(-7, 10), Rational(22, 7)] {
                let a = Rational(1, 10) * m + shift * Q.identity(n)
                check(a, viaMethod: true, "m/10 + \(shift)·I n=\(n)")
            }
            // Tridiagonal 1/3 ± 1/10 Toeplitz: eigenvalues 1/3 + (1/5)cos(kπ/(n+1)) ≠ 0.
            let t = Q(rows: n, columns: n) { i, j in i == j ? Rational(1, 3) : (abs(i - j) == 1 ? Rational(1, 10) : .zero) }
            check(t, expected: Inertia(negative: 0, zero: 0, positive: n), viaMethod: true, "Toeplitz n=\(n)")
            // Its shift by exactly 1/3: eigenvalues (1/5)cos(kπ/(n+1)), a zero one when n is odd.
            let t0 = t - Rational(1, 3) * Q.identity(n)
            let half = n / 2
            check(t0, expected: Inertia(negative: half, zero: n % 2, positive: half), viaMethod: true, "Toeplitz − 1/3 n=\(n)")
        }
    }

    // MARK: - Congruences with prescribed inertia, large n

    @Test("random congruences QᵀDQ with prescribed inertia, n = 12…60")
    func congruences() {
        var rng = SplitMix64(seed: 0x1D8)
        for (neg, pos, n) in [(0, 12, 12), (12, 0, 12), (6, 7, 13), (10, 15, 25), (1, 39, 40), (30, 30, 60)] {
            let d = eigenvalues(neg, pos, &rng).map { $0 / Rational(rng.int(1...9)) }
            let q = rng.invertible(n, -1...1)
            let a = q.transposed * Q.diagonal(d) * q
            check(a, expected: Inertia(negative: neg, zero: n - neg - pos, positive: pos), exact: n <= 40,
                  viaMethod: true, "QᵀDQ n=\(n)")
        }
    }

    @Test("large n = 100…200: orthogonally mixed spectra (one eigenvalue tiny) and shifted random matrices")
    func largeOrders() {
        var rng = SplitMix64(seed: 0x1D9)
        for (n, tiny) in [(100, Rational(1, 1000)), (150, Rational(-1, 10).power(9)), (200, Rational(1, 10).power(13))] {
            let d = eigenvalues(n / 3, n - n / 3 - 1, extra: [tiny], &rng)
            let a = spectral(d, reflectors: 2, &rng, range: -2...2)
            check(a, expected: inertia(ofDiagonal: d), exact: false, viaMethod: n == 100, "spectral n=\(n)")
        }
        for n in [120, 200] {
            let a = rng.symmetric(n, -20...20, 1...1) - Rational(9, 2) * Q.identity(n)
            let decided = check(a, viaMethod: false, "random integer n=\(n)")
            #expect(decided, "a random, well-separated n=\(n) matrix should be certified")
        }
    }

    // MARK: - Zero diagonals, saddle points

    @Test("saddle blocks [[εI, B], [Bᵀ, −εI]] and zero diagonals")
    func saddles() {
        var rng = SplitMix64(seed: 0x1DA)
        for (p, eps) in [(6, Rational.zero), (6, Rational(1, 10).power(8)), (8, Rational(1, 3)), (10, Rational(1, 10).power(15))] {
            let b = rng.matrix(p, p, -9...9, 1...3)
            let h = Q.block([[eps * Q.identity(p), b], [b.transposed, -eps * Q.identity(p)]])!
            check(h, viaMethod: true, "saddle p=\(p) ε=\(eps)")
        }
    }

    // MARK: - Shifts by computed eigenvalues (sign of a ~1e-16 eigenvalue unknown to the float code)

    @Test("A − λ̃·I for double eigenvalue estimates λ̃ moved by 0…2^32 ulps: refused or right, n = 2…16")
    func shiftedByEigenvalueEstimates() {
        var rng = SplitMix64(seed: 0x1DC)
        var decided = 0, total = 0
        for trial in 0..<32 {
            let n = 2 + trial % 15
            let a: Q
            switch trial % 4 {
            case 0: a = rng.symmetric(n)
            case 1: a = rng.symmetric(n, -3...3, 1...3)
            case 2: a = Q(rows: n, columns: n) { i, j in Rational(1, i + j + 1) }  // Hilbert
            default: a = pow2(rng.int(-600...600)) * rng.symmetric(n, -1000...1000, 1...1000)
            }
            guard let eigenvalues = a.doublePrecisionSymmetricEigenvalues() else { continue }
            let lambda = eigenvalues[rng.int(0...(n - 1))]
            for ulps in [-0x1p26, -0x1p20, -0x1p14, -3, 0, 2, 0x1p8, 0x1p14, 0x1p20, 0x1p32] as [Double] {
                let shiftD = lambda + ulps * lambda.ulp
                let shifted = a - Rational(exactly: shiftD)! * Q.identity(n)
                total += 1
                if check(shifted, viaMethod: n >= 12, "trial \(trial) n=\(n) λ̃=\(shiftD)") { decided += 1 }
            }
        }
        #expect(decided >= total / 4, "only \(decided) of \(total) shifted matrices were certified")
    }

    @Test("overflow inside the factorization (huge off-diagonals, tiny diagonal) is refused, not misread")
    func overflowInFactorization() {
        var rng = SplitMix64(seed: 0x1DD)
        for (n, small, big) in [(12, -800, 800), (13, -400, 600), (12, 0, 890), (14, -890, 100)] {
            let a = Q(rows: n, columns: n) { i, j in
                i == j ? Rational((i % 2 == 0) ? 1 : -1) * pow2(small) : .zero
            }
            var e = a.elements
            for i in 0..<n { for j in (i + 1)..<n { let x = Rational(rng.int(-3...3)) * pow2(big); e[i * n + j] = x; e[j * n + i] = x } }
            let m = Q(rows: n, columns: n, elements: e)
            check(m, viaMethod: true, "overflow n=\(n) 2^\(small)/2^\(big)")
        }
    }
}
