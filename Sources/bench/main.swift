// Benchmark of the exact rational kernels: `swift run -c release bench [--dump DIR] [--sizes 50,100]`.
//
// Times the exact product of n×n rational matrices and the exact inertia of dense symmetric
// rational matrices (entries p/q with |p| ≤ 100, 1 ≤ q ≤ 9, drawn from a fixed seed), prints a
// table, and prints one machine-readable `RESULT` line per measurement for scripts/bench_flint.py.
// With `--dump DIR` it also writes every matrix as text (first line "rows columns", then one row
// per line, entries "p/q" separated by spaces), so that other systems can time the same inputs.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Numbers
import Matrices

/// Seeded draws (SplitMix64), so that every run (and the dumped files) use the same matrices.
struct BenchRandom {
    var base: SplitMix64
    init(state: UInt64) { base = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { base.next() }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    mutating func entry() -> Rational { Rational(int(-100...100), int(1...9)) }
    mutating func matrix(_ n: Int) -> Matrix<Rational> {
        Matrix(rows: n, columns: n, elements: (0..<(n * n)).map { _ in entry() })
    }
    /// GᵀG for a random (n/2)×n matrix G: symmetric positive semidefinite of rank n/2, the
    /// degenerate case (half the eigenvalues are exactly zero).
    mutating func gram(_ n: Int) -> Matrix<Rational> {
        let r = n / 2
        let g = Matrix<Rational>(rows: r, columns: n, elements: (0..<(r * n)).map { _ in entry() })
        return g.transposed * g
    }
    mutating func symmetric(_ n: Int) -> Matrix<Rational> {
        var e = [Rational](repeating: .zero, count: n * n)
        for i in 0..<n { for j in i..<n { let x = entry(); e[i * n + j] = x; e[j * n + i] = x } }
        return Matrix(rows: n, columns: n, elements: e)
    }
}

/// Best wall-clock time in seconds over `repetitions` runs, and the last result.
func best<R>(_ repetitions: Int, _ body: () -> R) -> (seconds: Double, result: R) {
    let clock = ContinuousClock()
    var bestTime = Double.infinity
    var result: R? = nil
    for _ in 0..<repetitions {
        let start = clock.now
        result = body()
        let d = clock.now - start
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        bestTime = min(bestTime, s)
    }
    return (bestTime, result!)
}

func write(_ m: Matrix<Rational>, to path: String) {
    var text = "\(m.rows) \(m.columns)\n"
    for i in 0..<m.rows { text += m.row(i).map(\.description).joined(separator: " ") + "\n" }
    guard let f = fopen(path, "w") else { fatalError("cannot write \(path)") }
    fputs(text, f)
    fclose(f)
}

func formatted(_ seconds: Double) -> String {
    let ms = seconds * 1000
    let s = ms < 10 ? String(Int((ms * 100).rounded())) : String(Int((ms * 10).rounded()))
    let digits = ms < 10 ? 2 : 1
    let whole = String(s.dropLast(digits)), frac = String(s.suffix(digits))
    return (whole.isEmpty ? "0" : whole) + "." + String(repeating: "0", count: max(0, digits - frac.count)) + frac
}

func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

// MARK: - Arguments

var dumpDirectory: String? = nil
var sizes = [50, 100, 200]
var withCharpoly = false
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    switch a {
    case "--dump": dumpDirectory = arguments.popFirst()
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--charpoly": withCharpoly = true
    default:
        print("usage: bench [--dump DIR] [--sizes 50,100,200] [--charpoly]")
        exit(2)
    }
}

// MARK: - Measurements

print("exact rational kernels, entries p/q with |p| ≤ 100, 1 ≤ q ≤ 9 (best of several runs)")
print("\(pad("operation", 28)) \(pad("n", 5)) \(pad("time [ms]", 12))  result")
func report(_ name: String, _ key: String, _ n: Int, _ seconds: Double, _ result: String) {
    print("\(pad(name, 28)) \(pad(String(n), 5)) \(pad(formatted(seconds), 12))  \(result)")
    print("RESULT \(key) \(n) \(seconds) \(result)")
}

for n in sizes {
    var rng = BenchRandom(state: 0x5EED_0000 + UInt64(n))
    let a = rng.matrix(n), b = rng.matrix(n), s = rng.symmetric(n), g = rng.gram(n)
    if let dir = dumpDirectory {
        write(a, to: "\(dir)/A_\(n).txt")
        write(b, to: "\(dir)/B_\(n).txt")
        write(s, to: "\(dir)/S_\(n).txt")
        write(g, to: "\(dir)/G_\(n).txt")
    }
    let reps = n <= 50 ? 20 : (n <= 100 ? 8 : 4)
    let product = best(reps) { a * b }
    report("product A·B", "product", n, product.seconds, "bits=\(product.result.elements.map(\.bitSize).max() ?? 0)")
    let inertia = best(n <= 100 ? 5 : 3) { s.inertia(method: .ldl) }
    let i = inertia.result
    report("inertia (.ldl)", "inertia", n, inertia.seconds, "\(i.negative),\(i.zero),\(i.positive)")
    let exact = best(n <= 100 ? 3 : 2) { s.inertia(method: .exactLDL) }
    let e = exact.result
    report("inertia (.exactLDL)", "inertia_exact", n, exact.seconds, "\(e.negative),\(e.zero),\(e.positive)")
    let degenerate = best(n <= 100 ? 3 : 1) { g.inertia(method: .ldl) }
    let dg = degenerate.result
    report("inertia GᵀG rank n/2 (.ldl)", "inertia_gram", n, degenerate.seconds, "\(dg.negative),\(dg.zero),\(dg.positive)")
    if withCharpoly {
        let viaCharpoly = best(1) { s.inertia(method: .charpoly) }
        let c = viaCharpoly.result
        report("inertia (.charpoly)", "inertia_charpoly", n, viaCharpoly.seconds, "\(c.negative),\(c.zero),\(c.positive)")
    }
    let exactGram = best(1) { g.inertia(method: .exactLDL) }
    let eg = exactGram.result
    report("inertia GᵀG rank n/2 (.exactLDL)", "inertia_gram_exact", n, exactGram.seconds, "\(eg.negative),\(eg.zero),\(eg.positive)")
    if n >= 100 {
        // Certified λ_min to width 2⁻³⁰: bisection on exact eigenvalue counts, seeded by MPFR.
        let width = Rational(BigInt(1), BigInt(2).power(30))
        let enclosure = best(1) { s.minimumEigenvalueEnclosure(width: width) }
        let (lo, hi) = enclosure.result
        report("certified λ_min (2⁻³⁰)", "lambda_min", n, enclosure.seconds, "[\(lo.approximateDouble), \(hi.approximateDouble)]")
    }
}
