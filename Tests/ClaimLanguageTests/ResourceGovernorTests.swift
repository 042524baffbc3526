import Foundation
import Testing
import Numbers
import Matrices
import ClaimLanguage

/// The evaluator's resource governor: recursion, checked integers, sizes, exponents and the
/// time budget all end in a located `ClaimError.limit` (or an ordinary error), never a crash.
@Suite struct ResourceGovernorTests {
    /// Evaluates `text` with definitions `name` (or `f(x, y)`) ↦ body, in order.
    static func evaluate(_ text: String, _ defines: [(String, String)] = [], values: [(String, Value)] = [], maximumDimension: Int = 400) -> Result<Value, ClaimError> {
        func parse(_ s: String) throws(ClaimError) -> Expr {
            try Parser.parse(ExpressionSource(text: s, location: SourceLocation(file: "t.json", jsonPath: "$.claims.x", line: 1, column: 1)))
        }
        do throws(ClaimError) {
            let scope = Scope.root()
            for (name, v) in values { scope.bindValue(name, v) }
            for (key, body) in defines {
                let b = try parse(body)
                if let open = key.firstIndex(of: "(") {
                    let name = String(key[..<open])
                    let params = key[key.index(after: open)..<key.index(before: key.endIndex)]
                        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    scope.bindValue(name, .function(.make(name: name, parameters: params, body: b, scope: scope)))
                } else {
                    scope.bindDefinition(key, b)
                }
            }
            let ev = Evaluator()
            ev.maximumDimension = maximumDimension
            return .success(try withExtendedLifetime(scope) { () throws(ClaimError) -> Value in try ev.eval(try parse(text), scope) })
        } catch {
            return .failure(error)
        }
    }

    /// Runs `body` on a thread with a small stack (as Dispatch worker threads have).
    static func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let t = Thread {
            box.value = body()
            done.signal()
        }
        t.stackSize = stackSize
        t.start()
        done.wait()
        return box.value!
    }

    /// The error, or the type of the value (never a huge matrix), for failure messages.
    static func show(_ r: Result<Value, ClaimError>) -> String {
        switch r {
        case let .failure(e): return e.description
        case let .success(v): return "a value: \(v.typeName)"
        }
    }

    static func limit(_ r: Result<Value, ClaimError>) -> ClaimError.Limit? {
        if case let .failure(e) = r, case let .limit(l) = e.kind { return l }
        return nil
    }

    static func isError(_ r: Result<Value, ClaimError>) -> Bool {
        if case let .failure(e) = r { return e.location != nil }
        return false
    }

    static func scalar(_ r: Result<Value, ClaimError>) -> Rational? {
        if case let .success(.scalar(q)) = r { return q }
        return nil
    }

    // MARK: Recursion

    @Test func recursiveUserFunctions() {
        let r = Self.evaluate("k(5)", [("k(n)", "if n <= 1 then 1 else n * k(n - 1)")])
        #expect(Self.scalar(r) == 120)
    }

    @Test func deepRecursionIsADepthLimit() {
        let defs = [("r(n)", "if n <= 0 then 0 else r(n - 1) + 1")]
        #expect(Self.scalar(Self.evaluate("r(200)", defs)) == 200)
        let r = Self.evaluate("r(100000)", defs)
        #expect(Self.limit(r) == .depth, "\(Self.show(r))")
        // The same on a 512 KiB stack (Dispatch worker threads).
        let small = Self.onThread(stackSize: 512 * 1024) { Self.limit(Self.evaluate("r(100000)", defs)) }
        #expect(small == .depth)
    }

    @Test func longDefinitionChainsAreCleanLimits() {
        var defs = [("d0", "0")]
        for i in 1...3963 { defs.append(("d\(i)", "d\(i - 1) + 1")) }
        let chain = defs
        let r = Self.onThread(stackSize: 512 * 1024) { Self.evaluate("d3963", chain) }
        #expect(Self.limit(r) == .depth || Self.scalar(r) == 3963, "\(Self.show(r))")
        var short = [("d0", "0")]
        for i in 1...200 { short.append(("d\(i)", "d\(i - 1) + 1")) }
        let shortChain = short
        #expect(Self.scalar(Self.onThread(stackSize: 8 << 20) { Self.evaluate("d200", shortChain) }) == 200)
    }

    @Test func deeplyNestedExpressionsAreCleanLimits() {
        let text = String(repeating: "(1 + ", count: 6000) + "1" + String(repeating: ")", count: 6000)
        // The parser refuses nesting deeper than 512 levels with a located error; an evaluator
        // given a deeper tree would stop at its own depth limit. Either is clean.
        let r = Self.onThread(stackSize: 256 << 20) { Self.evaluate(text) }
        var parseLimit = false
        if case let .failure(e) = r { parseLimit = e.stage == .parse && e.message.contains("nesting deeper than 512") && e.location != nil }
        #expect(Self.limit(r) == .depth || parseLimit, "\(Self.show(r))")
    }

    @Test func mutualRecursionInADifferentiatedFunctionIsALimit() {
        let defs = [("f(X)", "g(X)"), ("g(X)", "f(X)")]
        let r = Self.onThread(stackSize: 512 * 1024) { Self.evaluate("grad(f, eye(2))", defs) }
        #expect(Self.limit(r) == .depth, "\(Self.show(r))")
    }

    // MARK: Checked integers

    @Test func hugeIntegersAreLocatedErrorsNotTraps() {
        for text in ["zeros(9223372036854775807 + 1, 1)", "eye(9223372036854775807 + 1)", "ones(2, -9223372036854775807 - 2)",
                     "e(1, 9223372036854775807 * 2)", "unvec(zeros(4), 9223372036854775807, 2)",
                     "len((-9223372036854775807)...9223372036854775807)", "(1...3)[9223372036854775807 + 1]",
                     "kth_root(2, 9223372036854775807 + 1)", "eig(eye(2), 9223372036854775807 + 1)",
                     "permutations(9223372036854775807 + 1)", "taylor(f, eye(1), eye(1), 9223372036854775807 + 1)"] {
            let r = Self.evaluate(text, [("f(X)", "fro2(X)")])
            #expect(Self.isError(r), "\(text): \(Self.show(r))")
        }
        #expect(Self.limit(Self.evaluate("zeros(9223372036854775807 + 1, 1)")) == .size)
    }

    // MARK: Sizes

    @Test func everyMatrixBuilderRespectsMaximumDimension() {
        for text in ["diag(vec(zeros(21, 21)))", "[zeros(10, 300), zeros(10, 300)]", "[zeros(300, 1); zeros(300, 1)]",
                     "blkdiag(zeros(300, 300), zeros(300, 300))", "kron(zeros(30, 1), zeros(30, 1))",
                     "hcat(i in 1...500: zeros(2, 1))", "vcat(i in 1...500: zeros(1, 2))", "unvec(zeros(500), 500, 1)",
                     "vec(zeros(21, 21)) * vec(zeros(21, 21))'", "zeros(401, 1)", "eye(401)"] {
            let r = Self.evaluate(text, maximumDimension: 400)
            #expect(Self.limit(r) == .dimension, "\(text): \(Self.show(r))")
        }
        // vec keeps the entries of an allowed matrix.
        if case let .success(.matrix(m)) = Self.evaluate("vec(zeros(30, 30))") { #expect(m.rows == 900) } else { Issue.record("vec") }
    }

    @Test func lengthsAreLimited() {
        #expect(Self.limit(Self.evaluate("len(1...2000000)")) == .size)
        #expect(Self.limit(Self.evaluate("len(seq(i in 1...1000000: zeros(400, 400)))")) == .dimension)
        #expect(Self.scalar(Self.evaluate("len(seq(i in 1...16: zeros(400, 400)))")) == 16)
        #expect(Self.limit(Self.evaluate("roots(vec(ones(40, 40)))")) == .size)
        #expect(Self.limit(Self.evaluate("kth_root(2, 10^9)")) == .size)
    }

    // MARK: Exponents

    @Test func hugePowersAreSizeLimits() {
        for text in ["2^(10^9)", "2^2^2^2^2^2", "3^(2^70)", "(1/3)^(10^8)", "eye(2)^1001", "(2*eye(2))^(10^30)",
                     "x^2^2^2^2^2^2", "(2^(2^19))*(2^(2^19))*(2^(2^19))"] {
            let r = Self.evaluate(text, [("x", "7/3")])
            #expect(Self.limit(r) == .size, "\(text): \(Self.show(r))")
        }
        if case let .failure(e) = Self.evaluate("eye(2)^1001") { #expect(e.message.contains("1001") && !e.message.contains("square")) }
        if case let .failure(e) = Self.evaluate("2^(10^9)") { #expect(!e.message.contains("got")) }
        #expect(Self.scalar(Self.evaluate("2^10001")) == Rational(BigInt(2).power(10001)))
        #expect(Self.scalar(Self.evaluate("(-1)^(10^30 + 1)")) == -1)
        #expect(Self.scalar(Self.evaluate("0^(10^30)")) == 0)
        #expect(Self.isError(Self.evaluate("2^(1/3)")))
    }

    @Test func realsNestAndDoubleWithinLimits() {
        let deep = Self.evaluate("sum(i in 1...300: lambda_min(A))", values: [("A", .matrix(Matrix(rows: 2, columns: 2, elements: [2, 1, 1, 3])))])
        #expect(Self.limit(deep) == .depth, "\(Self.show(deep))")
        let roots = String(repeating: "sqrt(", count: 7) + "1 + lambda_max(A)" + String(repeating: ")", count: 7)
        let nested = Self.evaluate(roots, values: [("A", .matrix(Matrix(rows: 2, columns: 2, elements: [2, 1, 1, 3])))])
        #expect(Self.limit(nested) == .precision, "\(Self.show(nested))")
        let fine = Self.evaluate("sqrt(sqrt(1 + lambda_max(A))) > 1", values: [("A", .matrix(Matrix(rows: 2, columns: 2, elements: [2, 1, 1, 3])))])
        if case .success(.truth(.true)) = fine {} else { Issue.record("\(Self.show(fine))") }
    }

    // MARK: Time budget

    @Test func cancelledDeterminantIsABudgetLimit() {
        var rng = SplitMix64(seed: 5)
        let n = 400
        let a = Matrix<Rational>(rows: n, columns: n) { _, _ in
            Rational(BigInt(Int(rng.next() % 2001) - 1000), BigInt(Int(rng.next() % 97) + 1))
        }
        let start = Cancellation.now()
        let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.5)) { Self.evaluate("det(A)", values: [("A", .matrix(a))]) }
        let seconds = Double(Cancellation.now() - start) / 1e9
        #expect(Self.limit(r) == .budget, "\(Self.show(r))")
        #expect(seconds < 1.5, "took \(seconds) s")
    }

    @Test func rootIsolationIsCancellable() {
        var rng = SplitMix64(seed: 9)
        let c = Matrix<Rational>(rows: 900, columns: 1) { _, _ in Rational(BigInt(Int(rng.next() % 2001) - 1000), BigInt(Int(rng.next() % 97) + 1)) }
        let start = Cancellation.now()
        let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.3)) { Self.evaluate("root_count(c)", values: [("c", .matrix(c))]) }
        let seconds = Double(Cancellation.now() - start) / 1e9
        #expect(Self.limit(r) == .budget, "\(Self.show(r))")
        #expect(seconds < 1.5, "took \(seconds) s")
    }

    @Test func eigenvalueComparisonsAreCancellable() {
        var rng = SplitMix64(seed: 11)
        let n = 160
        var a = Matrix<Rational>(rows: n, columns: n, repeating: 0)
        for i in 0..<n { for j in 0...i {
            let q = Rational(BigInt(Int(rng.next() % 2001) - 1000), BigInt(Int(rng.next() % 97) + 1))
            a[i, j] = q; a[j, i] = q
        } }
        let start = Cancellation.now()
        let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.05)) {
            Self.evaluate("lambda_min(A) < lambda_max(A) - 1/1000000", values: [("A", .matrix(a))])
        }
        let seconds = Double(Cancellation.now() - start) / 1e9
        #expect(Self.limit(r) == .budget, "\(Self.show(r))")
        #expect(seconds < 1.5, "took \(seconds) s")
    }

    @Test func kthRootsAreLimitedAndCancellable() {
        #expect(Self.limit(Self.evaluate("kth_root(2^(2^19) + 1, 999)")) == .size)
        let start = Cancellation.now()
        let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.3)) { Self.evaluate("kth_root(2^900 + 1, 999) > 1") }
        let seconds = Double(Cancellation.now() - start) / 1e9
        if case .success(.truth(.true)) = r {} else { #expect(Self.limit(r) == .budget, "\(Self.show(r))") }
        #expect(seconds < 1.5, "took \(seconds) s")
        #expect(Self.scalar(Self.evaluate("kth_root(2^30, 3)")) == 1024)
    }

    @Test func calculusIsCancellable() {
        var rng = SplitMix64(seed: 13)
        let x = Matrix<Rational>(rows: 20, columns: 20) { _, _ in Rational(BigInt(Int(rng.next() % 21) - 10), BigInt(Int(rng.next() % 7) + 1)) }
        for text in ["hessian(f, X)", "taylor(f, X, X, 64)"] {
            let start = Cancellation.now()
            let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.2)) {
                Self.evaluate(text, [("f(Y)", "fro2(Y*Y'*Y*Y')")], values: [("X", .matrix(x))])
            }
            let seconds = Double(Cancellation.now() - start) / 1e9
            #expect(Self.limit(r) == .budget, "\(text): \(Self.show(r))")
            #expect(seconds < 1.5, "\(text) took \(seconds) s")
        }
        let big = Self.evaluate("grad(g, v)", [("g(y)", "fro2(diag(y))")], values: [("v", .matrix(Matrix(rows: 300, columns: 1, repeating: 1)))])
        #expect(Self.limit(big) == .dimension, "\(Self.show(big))")
    }

    @Test func comprehensionsPollTheDeadline() {
        let r = Cancellation.withDeadline(Cancellation.instant(secondsFromNow: 0.2)) {
            Self.evaluate("sum(i in 1...999999: sum(j in 1...999999: i * j))")
        }
        #expect(Self.limit(r) == .budget, "\(Self.show(r))")
    }
}

/// A value handed back from another thread.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    init() {}
}

