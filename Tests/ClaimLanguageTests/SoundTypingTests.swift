import Foundation
import Testing
import ClaimLanguage
import Verifier

/// Sound typing: whether a formula is ill-typed never depends on the seed or on a draw. Two
/// dimensions are equal only as polynomials (or by a visible hypothesis); a 1×1 matrix is a
/// scalar only where it is 1×1 for every instance; shapes flow through generators, `choose`,
/// `if` and empty comprehensions; unknown names and deep input are clean errors.
@Suite("Sound typing")
struct SoundTypingTests {
    func claim(given: String, define: String = "", assume: String = "", _ conclusion: String,
               expect: String = "\"holds\"", seed: Int = 1, instances: Int = 60) -> String {
        """
        { "id": "t", "paper": "t", "label": "t", "statement": "t",
          "given": { \(given) },
          \(define.isEmpty ? "" : "\"define\": { \(define) },")
          \(assume.isEmpty ? "" : "\"assume\": [\(assume)],")
          "claims": { "c": "\(conclusion)" }, "expect": { "c": \(expect) },
          "instances": \(instances), "seed": \(seed) }
        """
    }

    static let illTyped = "{ \"verdict\": \"ill-typed\", \"reason\": \"r\" }"

    /// Checks that the part is a static dimension error (nothing drawn) for every seed.
    func expectStaticDimensionError(_ json: (Int) -> String, _ fragment: String,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for seed in 1...6 {
            let p = check(json(seed)).parts["c"]
            #expect(p?.verdict == .error, "seed \(seed): \(p?.verdict.rawValue ?? "-") \(p?.reason ?? "")", sourceLocation: sourceLocation)
            #expect(p?.reason?.contains("dimension error") == true, "seed \(seed): \(p?.reason ?? "")", sourceLocation: sourceLocation)
            #expect(p?.reason?.contains(fragment) == true, "seed \(seed): \(p?.reason ?? "")", sourceLocation: sourceLocation)
            #expect(p?.tried == 0, "seed \(seed): tried \(p?.tried ?? -1)", sourceLocation: sourceLocation)
            #expect(p?.meetsExpectation == true, sourceLocation: sourceLocation)
        }
    }

    // MARK: Independent dimensions

    @Test("U*adj(A, w) with U d×p and adj(A, w) d×d is a static error, whatever the seed (some draws have d = p)")
    func adjointProduct() {
        expectStaticDimensionError({ seed in
            claim(given: """
            "d": "int(2...3)", "p": "int(2...3)", "m": "int(1...2)",
            "A": "seq(i in 1...m: matrix(d, d))", "w": "matrix(m, 1)", "U": "matrix(d, p)"
            """, "vec(U*adj(A, w)) == vec(U*adj(A, w))", expect: Self.illTyped, seed: seed)
        }, "cannot multiply")
    }

    @Test("A(m×n)*B(m×n) with m, n drawn from int(2...4) is ill-typed although some draws are square")
    func independentIntegers() {
        expectStaticDimensionError({ seed in
            claim(given: "\"m\": \"int(2...4)\", \"n\": \"int(2...4)\", \"A\": \"matrix(m, n)\", \"B\": \"matrix(m, n)\"",
                  "A*B == A*B", expect: Self.illTyped, seed: seed)
        }, "cannot multiply")
    }

    @Test("an explicit hypothesis m == n makes m and n the same dimension")
    func hypothesisEquates() {
        let p = check(claim(given: "\"m\": \"int(2...3)\", \"n\": \"int(2...3)\", \"A\": \"matrix(m, n)\", \"B\": \"matrix(m, n)\"",
                            assume: "\"n == m\"", "A*B - A*B == zeros(m, n)")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
        let q = check(claim(given: "\"m\": \"int(2...3)\", \"n\": \"int(2...3)\", \"A\": \"matrix(m, n)\", \"B\": \"matrix(m, n)\"",
                            "m == n => A*B - A*B == zeros(m, n)")).parts["c"]
        #expect(q?.verdict == .holds, "\(q?.reason ?? "")")
        let r = check(claim(given: "\"m\": \"int(2...3)\", \"n\": \"int(2...3)\", \"A\": \"matrix(m, n)\", \"B\": \"matrix(m, n)\"",
                            "(m == n and A*B == A*B) or m != n or (if n == m then A*B == A*B else true)")).parts["c"]
        #expect(q?.verdict == .holds, "\(r?.reason ?? "")")
        #expect(r?.verdict == .holds, "\(r?.reason ?? "")")
        // Inside a comprehension the guard may mention its variable.
        let t = check(claim(given: "\"m\": \"int(2...3)\"", "all(i in 1...m: i == 1 and i >= 1 => i <= m)")).parts["c"]
        #expect(t?.verdict == .holds, "\(t?.reason ?? "")")
    }

    @Test("a destructured choose keeps the integers its alternatives agree on (a is always 1 here)")
    func chooseAgreeing() {
        let p = check(claim(given: "\"m\": \"int(1...3)\", \"(a, b)\": \"choose((1, 2), (1, 3))\", \"W\": \"matrix(m, a)\", \"v\": \"matrix(1, m)\"",
                            "rows(W*v) == m and cols(zeros(b, b)) == b")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }

    // MARK: 1×1 matrices

    @Test("(m×2)·(1×1 only by accident) is a dimension error; a statically 1×1 uᵀv scales")
    func accidentalOneByOne() {
        // F always has one element, but not statically: eye(n)[F, F] is len(F)×len(F).
        let g = "\"m\": \"int(2...3)\", \"n\": \"int(1...3)\", \"A\": \"matrix(m, 2)\", \"u\": \"matrix(n, 1)\", \"v\": \"matrix(n, 1)\""
        let d = "\"F\": \"filter(i in 1...n: i == 1)\", \"B\": \"eye(n)[F, F]\""
        for seed in 1...3 {
            let p = check(claim(given: g, define: d, "A*B == A", expect: Self.illTyped, seed: seed)).parts["c"]
            #expect(p?.verdict == .error, "\(p?.verdict.rawValue ?? "-") \(p?.reason ?? "")")
            #expect(p?.reason?.contains("dimension error") == true, "\(p?.reason ?? "")")
            #expect(p?.meetsExpectation == true)
        }
        let ok = check(claim(given: g, "A*(u'*v) == (u'*v)*A and (u'*v)*A == A*(v'*u)")).parts["c"]
        #expect(ok?.verdict == .holds, "\(ok?.reason ?? "")")
    }

    @Test("ordering a matrix that is not 1×1, comparing it with or adding a nonzero constant, is a static error", arguments: [
        ("W <= 1", "cannot order"), ("2 > W*W'", "cannot order"), ("W == 1", "nonzero number"),
        ("W + 1 == W", "cannot add"), ("1 - W == W", "cannot subtract"),
    ])
    func matrixAgainstNumber(_ c: (String, String)) {
        expectStaticDimensionError({ seed in
            claim(given: "\"m\": \"int(1...3)\", \"k\": \"int(1...3)\", \"W\": \"matrix(m, k)\"", c.0, expect: Self.illTyped, seed: seed)
        }, c.1)
    }

    @Test("a statically 1×1 matrix compares with and adds to numbers; 0 is every matrix's zero")
    func oneByOneAgainstNumber() {
        let p = check(claim(given: "\"m\": \"int(1...3)\", \"u\": \"matrix(m, 1)\", \"W\": \"matrix(m, m)\"",
                            "u'*u >= 0 and u'*u + 1 >= 1 and 1 + u'*u == u'*u + 1 and 0*W == 0 and W - W == 0 and (0 + W) == W")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }

    // MARK: Shapes through generators, choose, if

    @Test("choose and if keep their shapes: N*N with N m×k is a static error", arguments: [
        "\"N\": \"choose(matrix(m, k), rank_matrix(m, k, 1))\"",
        "\"N\": \"if bool() then matrix(m, k) else stiefel(m, k)\"",
        "\"S\": \"seq(l in 1...2: matrix(m, k))\", \"N\": \"S[1]\"",
    ])
    func chooseKeepsShape(_ n: String) {
        expectStaticDimensionError({ seed in
            claim(given: "\"m\": \"int(2...3)\", \"k\": \"int(2...3)\", " + n, "N*N == N*N", expect: Self.illTyped, seed: seed)
        }, "cannot multiply")
    }

    @Test("every generator has its static shape", arguments: [
        ("orthogonal(n)", "n×n"), ("stiefel(m, k)", "m×k"), ("gl(n)", "n×n"), ("spd(n)", "n×n"),
        ("symmetric(n)", "n×n"), ("skew(n)", "n×n"), ("with_spectrum(spectrum(n))", "n×n"),
        ("spectrum(m, zeros: k)", "(m + k)×1"), ("rank_matrix(m, n, 1)", "m×n"), ("int_matrix(m, n)", "m×n"),
    ])
    func generatorShapes(_ g: (String, String)) throws {
        let json = claim(given: "\"m\": \"int(2...3)\", \"k\": \"int(1...2)\", \"n\": \"int(2...3)\", \"X\": \"\(g.0)\"", "X == X")
        let c = try ClaimLoader.load(text: json, file: "t.json")
        let checker = try ShapeChecker(claim: c)
        let t = try checker.check(c.define.first?.body ?? Expr(.identifier("X"), column: 1, source: c.conclusions[0].expr.source))
        #expect(t.description.hasPrefix(g.1), "\(g.0): \(t)")
    }

    @Test("with_svd is a tuple (m×n, m×m, n×n); int and choose of numbers are integers or scalars")
    func tupleAndScalars() {
        let p = check(claim(given: """
        "m": "int(1...3)", "n": "int(1...3)", "r": "int(1...min(m, n))", "s": "spectrum(r)",
        "(X, U, V)": "with_svd(m, n, s)", "c": "choose(1/2, 2)", "j": "choose(1, 2)"
        """, "U*X*V == U*X*V and c*X == X*c and rows(zeros(j, j)) == j")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
        expectStaticDimensionError({ seed in
            claim(given: "\"m\": \"int(2...3)\", \"n\": \"int(2...3)\", \"s\": \"spectrum(1)\", \"(X, U, V)\": \"with_svd(m, n, s)\"",
                  "X*U == X*U", expect: Self.illTyped, seed: seed)
        }, "cannot multiply")
    }

    // MARK: Empty comprehensions

    @Test("an empty sum takes the shape its body has; hcat/vcat over an empty domain are m×0 / 0×n", arguments: [
        "[sum(i in 1...0: W), W] == [zeros(m, k), W]",
        "sum(i in 1...q: W) == q*W",
        "[hcat(i in 1...q: W), W] == [W, hcat(i in 1...q: W)]",
        "[vcat(i in 1...q: W); W] == [W; vcat(i in 1...q: W)]",
        "cols(hcat(i in 1...q: W)) == q*k and rows(vcat(i in 1...q: W)) == q*m",
        "sum(i in 1...q: u'*u) == q*(u'*u) and sum(i in 1...0: u'*u) == 0 and 0 == sum(i in 1...0: u'*u)",
        "[sum(i in 1...q: u'*u), u'] == [q*(u'*u), u']",
        "prod(i in 1...0: W*W') == eye(m) and prod(i in 1...q: W'*W) * eye(k) == prod(i in 1...q: W'*W)",
        "sum(i in 1...0: zeros(i, i)) == 0",
    ])
    func emptyComprehensions(_ c: String) {
        let p = check(claim(given: "\"m\": \"int(1...3)\", \"k\": \"int(1...3)\", \"q\": \"int(0...2)\", \"W\": \"matrix(m, k)\", \"u\": \"matrix(k, 1)\"",
                            c, instances: 60)).parts["c"]
        #expect(p?.verdict == .holds, "\(c): \(p?.verdict.rawValue ?? "-") \(p?.reason ?? "")")
    }

    @Test("0 and the 1×1 zero matrix compare equal either way")
    func zeroAgainstOneByOne() {
        let p = check(claim(given: "\"u\": \"matrix(2, 1)\"",
                            "0 == zeros(1, 1) and zeros(1, 1) == 0 and not (0 != zeros(1, 1)) and (u'*u)*0 == 0")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
    }

    // MARK: Built-ins

    @Test("blkdiag, nullspace, solve, at, op and sort have static shapes", arguments: [
        ("blkdiag(W, W)*blkdiag(W, W) == 0", "cannot multiply"),
        ("W'*nullspace(W) == 0", "cannot multiply"),
        ("solve(eye(k), W) == W", "solve(A, B)"),
        ("op(seq(i in 1...2: W), W') == 0", "op"),
        ("at(u, 1...k)*W == 0", "cannot multiply"),
        ("W*sort(u) == 0", "cannot multiply"),
    ])
    func builtinShapes(_ c: (String, String)) {
        expectStaticDimensionError({ seed in
            claim(given: "\"m\": \"int(2...3)\", \"k\": \"int(2...3)\", \"W\": \"matrix(m, k)\", \"u\": \"matrix(m, 1)\"",
                  c.0, expect: Self.illTyped, seed: seed)
        }, c.1)
    }

    @Test("well-typed uses of those built-ins pass", arguments: [
        "blkdiag(W, W')*blkdiag(W', W) == blkdiag(W*W', W'*W)",
        "W*nullspace(W) == zeros(m, nullity(W))",
        "op(seq(i in 1...2: W), W) == [fro2(W); fro2(W)]",
        "sort(u)'*sort(u) == u'*u",
    ])
    func builtinsWellTyped(_ c: String) {
        let p = check(claim(given: "\"m\": \"int(2...3)\", \"k\": \"int(2...3)\", \"W\": \"matrix(m, k)\", \"u\": \"matrix(m, 1)\"", c)).parts["c"]
        #expect(p?.verdict == .holds, "\(c): \(p?.reason ?? "")")
    }

    // MARK: Unknown names

    @Test("unknown names are located errors before any instance", arguments: [
        ("fooo + 1 == 1", "unknown name 'fooo'"),
        ("barr(1) == 1", "unknown function 'barr'"),
        ("sum(i in 1...2: j) == 0", "unknown name 'j'"),
        ("g(1) == 1", "unknown name 'zz'"),
    ])
    func unknownNames(_ c: (String, String)) {
        let r = check(claim(given: "\"m\": \"int(2...3)\"", define: c.0.hasPrefix("g(") ? "\"g(x)\": \"x + zz\"" : "", c.0))
        let reason = r.loadError ?? r.parts["c"]?.reason ?? ""
        #expect(r.parts["c"]?.verdict == .error || r.loadError != nil, "\(reason)")
        #expect(reason.contains(c.1), "\(reason)")
        #expect(reason.contains("test.json:"), "\(reason)")
        #expect(!reason.contains("dimension error"), "\(reason)")
        #expect((r.parts["c"]?.tried ?? 0) == 0)
    }

    // MARK: Recursion and depth

    @Test("a recursive user function is checked (its recursive call is of unknown shape)")
    func recursiveFunction() {
        let p = check(claim(given: "\"m\": \"int(2...3)\"", define: "\"k(n)\": \"if n <= 1 then 1 else n * k(n - 1)\"",
                            "k(3) == 6 and k(m) >= m")).parts["c"]
        #expect(p?.verdict == .holds, "\(p?.reason ?? "")")
        let q = check(claim(given: "\"m\": \"int(2...3)\"", define: "\"f(n)\": \"g(n)\", \"g(n)\": \"if n <= 0 then eye(m) else f(n - 1)\"",
                            "f(2) == eye(m)")).parts["c"]
        #expect(q?.verdict == .holds, "\(q?.reason ?? "")")
    }

    func deep(_ depth: Int, _ source: ExpressionSource) -> Expr {
        var e = Expr(.identifier("m"), column: 1, source: source)
        for i in 0..<depth {
            switch i % 3 {
            case 0: e = Expr(.binary(.add, e, Expr(.number(1), column: 1, source: source)), column: 1, source: source)
            case 1: e = Expr(.unary(.negate, e), column: 1, source: source)
            default: e = Expr(.call("abs", [e], named: []), column: 1, source: source)
            }
        }
        return Expr(.binary(.greaterEqual, e, Expr(.number(0), column: 1, source: source)), column: 1, source: source)
    }

    @Test("a 512-deep expression is checked on a 512 KiB thread stack; a far deeper one is a clean error")
    func deepExpressions() throws {
        let c = try ClaimLoader.load(text: claim(given: "\"m\": \"int(2...3)\"", "m >= 0"), file: "t.json")
        let source = c.conclusions[0].expr.source
        let shallow = deep(512, source), tooDeep = deep(6_000, source)
        final class Outcome: @unchecked Sendable {
            var input: (Expr, Expr, Claim)?
            var shallow = "", deep = "", deepStage = ""
        }
        let outcome = Outcome()
        outcome.input = (shallow, tooDeep, c)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                let (s, d, claim) = outcome.input!
                do throws(ClaimError) {
                    let checker = try ShapeChecker(claim: claim)
                    outcome.shallow = (try? checker.check(s))?.description ?? "error"
                    do throws(ClaimError) { _ = try checker.check(d); outcome.deep = "no error" } catch {
                        outcome.deep = error.description
                        outcome.deepStage = error.stage.rawValue
                    }
                } catch { outcome.shallow = error.description }
            }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        outcome.input = nil
        #expect(outcome.shallow == "boolean", "\(outcome.shallow)")
        #expect(outcome.deep.contains("too deep"), "\(outcome.deep)")
        #expect(outcome.deep.contains("t.json:"), "\(outcome.deep)")
        #expect(outcome.deepStage != "dimension")
        // The expressions are released here, on the main thread's stack.
        withExtendedLifetime((shallow, tooDeep)) {}
    }
}
