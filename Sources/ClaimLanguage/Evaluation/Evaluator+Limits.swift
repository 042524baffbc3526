import Numbers
import Matrices

/// The evaluator's resource governor: every operation whose cost or memory grows with a number
/// taken from the claim (a dimension, a length, an exponent, a degree, a recursion depth) asks
/// here BEFORE it allocates or loops, and a refusal is a `ClaimError.limit` naming the limit (the
/// instance is undecided and the verdict INCONCLUSIVE), never a trap, a stack overflow or a GMP
/// abort. docs/claims.md ("Evaluation limits") lists every limit with its default.
///
/// All sizes are combined with overflow-checked arithmetic (`checkedSum`, `checkedProduct`): an
/// overflow is itself a limit.
public enum EvaluationLimits {
    /// Nested user-function calls (recursion depth).
    public static let maximumCallDepth = 256
    /// Nested evaluations (expression nesting, user-function bodies, definitions that use other
    /// definitions), all counted together. 4096 levels take well under 1 MiB of stack in release
    /// builds; `stackReserve` stops earlier on threads with smaller stacks.
    public static let maximumEvaluationDepth = 4096
    /// Stack (bytes) that must remain below an evaluation level: nested evaluation stops with a
    /// depth limit when less is left, whatever the thread's stack size (Dispatch threads have
    /// 512 KiB).
    public static let stackReserve = 160 * 1024
    /// Largest exact number: bits of an integer, or of numerator plus denominator of a rational.
    public static let maximumBits = 1 << 20
    /// Longest range, index list, sequence or comprehension domain.
    public static let maximumLength = 1_000_000
    /// Largest degree of a polynomial built from the claim (`roots`, `poly`, `kth_root`).
    public static let maximumDegree = 1000
    /// Largest exponent of a matrix power (and of a power inside a differentiated function).
    public static let maximumMatrixExponent = 1000
    /// A sequence of matrices holds at most this many times max_dimension² entries in all.
    public static let sequenceEntryFactor = 16
    /// Deepest nesting of a real built by interval arithmetic (its enclosure recurses this deep).
    public static let maximumRealNesting = 128
    /// Most square roots of irrational reals nested in one real (each doubles the precision
    /// asked of the reals inside: 6 doublings of the 1024-bit cap ask for 65,536 bits).
    public static let maximumPrecisionDoublings = 6
}

extension Evaluator {
    // MARK: Checked arithmetic on sizes

    /// a + b, or a dimension limit when the sum overflows.
    func checkedSum(_ a: Int, _ b: Int, _ e: Expr) throws(ClaimError) -> Int {
        let (s, o) = a.addingReportingOverflow(b)
        guard !o else { throw ClaimError.limit(.dimension, "the size \(a) + \(b) overflows", at: e.location) }
        return s
    }

    /// a · b, or a dimension limit when the product overflows.
    func checkedProduct(_ a: Int, _ b: Int, _ e: Expr) throws(ClaimError) -> Int {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        guard !o else { throw ClaimError.limit(.dimension, "the size \(a) × \(b) overflows", at: e.location) }
        return p
    }

    /// Σ sizes, overflow-checked.
    func checkedTotal(_ sizes: [Int], _ e: Expr) throws(ClaimError) -> Int {
        var t = 0
        for s in sizes { t = try checkedSum(t, s, e) }
        return t
    }

    // MARK: One check per kind of quantity

    /// A rows×cols matrix may be built: both dimensions within `max_dimension` (so at most
    /// max_dimension² entries).
    func checkSize(_ rows: Int, _ cols: Int, _ e: Expr) throws(ClaimError) {
        guard rows >= 0, cols >= 0 else { throw fail(e, "negative dimension \(rows)×\(cols)") }
        if rows > maximumDimension || cols > maximumDimension {
            throw ClaimError.limit(.dimension, "a \(rows)×\(cols) matrix exceeds the maximum dimension \(maximumDimension)", at: e.location)
        }
    }

    /// A vector or matrix with `count` entries may be built (vec of an allowed matrix is a
    /// vector longer than max_dimension, but never more than max_dimension² entries).
    func checkEntries(_ count: Int, _ e: Expr) throws(ClaimError) {
        try checkEntries(count, at: e.location)
    }

    /// A vector or matrix with `count` entries may be built; for generators, which build their
    /// own matrices (a limit error at `location`).
    public func checkEntries(_ count: Int, at location: SourceLocation?) throws(ClaimError) {
        let (cap, o) = maximumDimension.multipliedReportingOverflow(by: maximumDimension)
        if count < 0 || (!o && count > cap) {
            throw ClaimError.limit(.dimension, "\(count) entries exceed max_dimension² = \(o ? Int.max : cap)", at: location)
        }
    }

    /// A sequence of matrices with `count` entries in all may be built: at most
    /// `sequenceEntryFactor`·max_dimension².
    func checkSequenceEntries(_ count: Int, _ e: Expr) throws(ClaimError) {
        let (square, o1) = maximumDimension.multipliedReportingOverflow(by: maximumDimension)
        let (cap, o2) = square.multipliedReportingOverflow(by: EvaluationLimits.sequenceEntryFactor)
        if !o1 && !o2 && count > cap {
            throw ClaimError.limit(.dimension, "a sequence of matrices with \(count) entries in all exceeds \(EvaluationLimits.sequenceEntryFactor)·max_dimension² = \(cap)", at: e.location)
        }
    }

    /// A range, index list, sequence or comprehension of `n` items may be built.
    func checkLength(_ n: Int, _ e: Expr) throws(ClaimError) {
        if n > EvaluationLimits.maximumLength {
            throw ClaimError.limit(.size, "a sequence of \(n) items exceeds \(EvaluationLimits.maximumLength)", at: e.location)
        }
    }

    /// An exact number of about `bits` bits may be built.
    func checkBits(_ bits: Int, _ e: Expr) throws(ClaimError) {
        if bits > EvaluationLimits.maximumBits {
            throw ClaimError.limit(.size, "an exact number of about \(bits) bits exceeds \(EvaluationLimits.maximumBits) bits", at: e.location)
        }
    }

    /// A polynomial of degree `d` may be built.
    func checkDegree(_ d: Int, _ e: Expr) throws(ClaimError) {
        if d > EvaluationLimits.maximumDegree {
            throw ClaimError.limit(.size, "a polynomial of degree \(d) exceeds degree \(EvaluationLimits.maximumDegree)", at: e.location)
        }
    }

    /// p^k may be computed: the bits of the result, k · bits(p), within `maximumBits`
    /// (estimated before computing, since GMP aborts the process on a huge allocation).
    func checkPower(_ p: Rational, _ k: Int, _ e: Expr) throws(ClaimError) {
        // 0, 1 and -1 have powers of one bit whatever the exponent.
        if p.isZero || (p.isInteger && p.numerator.magnitude.isOne) { return }
        let bits = Swift.max(p.numerator.bitWidth, p.denominator.bitWidth)
        let (total, o) = bits.multipliedReportingOverflow(by: k.magnitude > UInt(Int.max) ? Int.max : abs(k))
        if o || total > EvaluationLimits.maximumBits {
            throw ClaimError.limit(.size, "\(describe(p))^\(k) would have about \(o ? "more than 2^63" : "\(total)") bits, more than \(EvaluationLimits.maximumBits)", at: e.location)
        }
    }

    /// M^k may be computed for a square matrix: the exponent within `maximumMatrixExponent` and
    /// the entries' estimated bits, k · (bits of the largest entry + log₂ n), within `maximumBits`.
    func checkMatrixPower(_ m: Matrix<Rational>, _ k: Int, _ e: Expr) throws(ClaimError) {
        let a = k == Int.min ? Int.max : abs(k)
        guard a <= EvaluationLimits.maximumMatrixExponent else {
            throw ClaimError.limit(.size, "the matrix exponent \(k) exceeds \(EvaluationLimits.maximumMatrixExponent)", at: e.location)
        }
        let perFactor = maximumEntryBits(m) + Swift.max(1, m.rows).bitWidthOfValue
        let (total, o) = perFactor.multipliedReportingOverflow(by: a)
        if o || total > EvaluationLimits.maximumBits {
            throw ClaimError.limit(.size, "the entries of a \(m.rows)×\(m.columns) matrix to the power \(k) would have about \(total) bits, more than \(EvaluationLimits.maximumBits)", at: e.location)
        }
    }

    /// The product of two exact numbers (or a sum: at most one more bit) may be computed.
    func checkProductBits(_ p: Rational, _ q: Rational, _ e: Expr) throws(ClaimError) {
        let b = p.bitSize + q.bitSize
        if b > EvaluationLimits.maximumBits { try checkBits(b, e) }
    }

    /// The product of two matrices may be computed: shape within max_dimension, and the entries'
    /// estimated bits (largest entry bits of each factor + log₂ of the inner dimension) within
    /// `maximumBits`.
    func checkMatrixProduct(_ m: Matrix<Rational>, _ n: Matrix<Rational>, _ e: Expr) throws(ClaimError) {
        try checkSize(m.rows, n.columns, e)
        let bits = maximumEntryBits(m) + maximumEntryBits(n) + Swift.max(1, m.columns).bitWidthOfValue
        if bits > EvaluationLimits.maximumBits { try checkBits(bits, e) }
    }

    /// A real may be built on `r` (with `doubling`, by a square root that doubles the precision
    /// asked of `r`): its enclosure nesting and precision doublings within their limits.
    func checkReal(_ r: Real, doubling: Bool, _ e: Expr) throws(ClaimError) {
        if r.nesting >= EvaluationLimits.maximumRealNesting {
            throw ClaimError.limit(.depth, "a real number nested \(r.nesting) operations deep (more than \(EvaluationLimits.maximumRealNesting)) in interval arithmetic", at: e.location)
        }
        if r.doublings + (doubling ? 1 : 0) > EvaluationLimits.maximumPrecisionDoublings {
            throw ClaimError.limit(.precision, "more than \(EvaluationLimits.maximumPrecisionDoublings) nested square roots of irrational reals (each doubles the precision needed)", at: e.location)
        }
    }

    /// Bits of the largest entry (numerator plus denominator).
    func maximumEntryBits(_ m: Matrix<Rational>) -> Int {
        var b = 0
        for x in m.elements { b = Swift.max(b, x.bitSize) }
        return b
    }

    /// A short description of a possibly huge number, for messages.
    func describe(_ q: Rational) -> String {
        q.bitSize <= 128 ? q.description : "a number of \(q.bitSize) bits"
    }

    // MARK: Depth

    /// Enters one level of nested evaluation: the depth within `maximumEvaluationDepth` and at
    /// least `stackReserve` bytes of stack left on this thread.
    @inline(__always)
    func enterLevel(_ e: Expr) throws(ClaimError) {
        depth += 1
        if depth > EvaluationLimits.maximumEvaluationDepth {
            depth -= 1
            throw ClaimError.limit(.depth, "evaluation nested more than \(EvaluationLimits.maximumEvaluationDepth) levels deep (deep recursion or a long chain of definitions)", at: e.location)
        }
        if StackGuard.remainingBytes < EvaluationLimits.stackReserve {
            depth -= 1
            throw ClaimError.limit(.depth, "evaluation nested too deeply for this thread's stack (\(depth) levels)", at: e.location)
        }
    }

    /// Enters a user-function call: nested calls within `maximumCallDepth`; polls the deadline.
    func enterCall(_ name: String, _ e: Expr) throws(ClaimError) {
        try poll(e)
        callDepth += 1
        if callDepth > EvaluationLimits.maximumCallDepth {
            callDepth -= 1
            throw ClaimError.limit(.depth, "\(name): user-function calls nested more than \(EvaluationLimits.maximumCallDepth) deep", at: e.location)
        }
    }

    // MARK: Time

    /// Polls the claim's deadline: once it has passed, a budget limit.
    @inline(__always)
    func poll(_ e: Expr) throws(ClaimError) {
        if Cancellation.isCancelled { throw budgetExhausted(e) }
    }

    /// The limit error for a cancelled computation.
    func budgetExhausted(_ e: Expr) -> ClaimError {
        ClaimError.limit(.budget, "the claim's time budget ran out", at: e.location)
    }

    /// Runs a cancellable kernel; a cancellation becomes a budget limit at `e`.
    func cancellable<T>(_ e: Expr, _ body: () throws(Cancellation.Cancelled) -> T) throws(ClaimError) -> T {
        do { return try body() } catch { throw budgetExhausted(e) }
    }
}

extension Int {
    /// Bits of a nonnegative value (0 for 0).
    var bitWidthOfValue: Int { self <= 0 ? 0 : Int.bitWidth - leadingZeroBitCount }
}
