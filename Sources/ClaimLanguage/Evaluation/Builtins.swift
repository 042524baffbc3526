import Numbers
import Matrices
import Instances

/// The built-in functions of the language (docs/claims.md lists each with an example).
extension Evaluator {
    /// Names that cannot be redefined by a claim.
    static let builtinNames: Set<String> = Set([
        "zeros", "eye", "ones", "e", "diag", "trace", "det", "rank", "inv", "fro2", "fro", "inner", "sqrt", "abs",
        "min", "max", "rows", "cols", "len", "vec", "unvec", "kron", "lambda_min", "lambda_max", "eig", "inertia",
        "num_neg", "num_zero", "num_pos", "psd", "pd", "is_symmetric", "grad", "hessian", "D", "d2", "hessmap",
        "is_critical", "taylor", "charpoly", "nullspace", "roots", "root_count", "poly", "kth_root", "reverse", "minus", "floor", "ceil", "sign", "solve", "nullity", "has_inverse", "at",
        "svals", "sigma_max", "nuclear", "pinv", "mod", "permutations", "sort", "argsort", "blkdiag", "op", "adj",
    ]).union(GeneratorContext.names)

    func call(_ name: String, _ argExprs: [Expr], _ named: [(String, Expr)], _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        // User functions shadow nothing: builtin names are reserved at load time, so a name bound
        // in scope to a function is a user function.
        if let owner = scope.lookupScope(name), case let .function(f) = try lookup(name, in: owner, at: e) {
            var args: [Value] = []
            for a in argExprs { args.append(try eval(a, scope)) }
            return try apply(f, args, at: e)
        }
        return try callBuiltin(name, argExprs, named, e, scope)
    }

    /// A generator, a calculus operation or a built-in function (out of `call`, see `builtin`).
    @inline(never)
    func callBuiltin(_ name: String, _ argExprs: [Expr], _ named: [(String, Expr)], _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        if GeneratorContext.names.contains(name) {
            guard let g = generators else { throw fail(e, "'\(name)' is a generator: use it in \"given\"") }
            var args: [Value] = []
            for a in argExprs { args.append(try eval(a, scope)) }
            var options: [String: Value] = [:]
            for (k, v) in named { options[k] = try eval(v, scope) }
            return try g.generate(name, args, options, e, self)
        }
        if ["grad", "hessian", "D", "d2", "hessmap", "is_critical", "taylor"].contains(name) {
            return try calculus(name, argExprs, e, scope)
        }
        guard named.isEmpty else { throw fail(e, "\(name) takes no named arguments") }
        var args: [Value] = []
        for a in argExprs { args.append(try eval(a, scope)) }
        let v = try builtin(name, args, argExprs, e)
        // Polled after every built-in, whose reals may have been consulted (see `combine`).
        try poll(e)
        return v
    }

    /// A built-in function applied to evaluated arguments. Kept out of `call`, which is on the
    /// path of every (recursive) user-function call, so that its large frame is not on the stack
    /// once per level of recursion.
    @inline(never)
    func builtin(_ name: String, _ args: [Value], _ argExprs: [Expr], _ e: Expr) throws(ClaimError) -> Value {
        func arity(_ n: ClosedRange<Int>) throws(ClaimError) {
            guard n.contains(args.count) else {
                throw fail(e, "\(name) takes \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)") argument(s), got \(args.count)")
            }
        }
        func arg(_ i: Int) -> Expr { argExprs[i] }
        func square(_ i: Int) throws(ClaimError) -> Matrix<Rational> {
            let m = try matrix(args[i], arg(i))
            guard m.isSquare else { throw ClaimError(.dimension, "\(name) needs a square matrix, got \(m.rows)×\(m.columns)", at: arg(i).location) }
            return m
        }
        func symmetric(_ i: Int) throws(ClaimError) -> Matrix<Rational> {
            let m = try square(i)
            guard m.isSymmetric else { throw fail(arg(i), "\(name) needs a symmetric matrix") }
            return m
        }
        switch name {
        case "zeros", "ones":
            try arity(1...2)
            let r = try integer(args[0], arg(0)), c = args.count == 2 ? try integer(args[1], arg(1)) : 1
            guard r >= 0 && c >= 0 else { throw fail(e, "negative dimension \(r)×\(c)") }
            try checkSize(r, c, e)
            return .matrix(Matrix(rows: r, columns: c, repeating: name == "zeros" ? 0 : 1))
        case "eye":
            try arity(1...1)
            let n = try integer(args[0], arg(0))
            guard n >= 0 else { throw fail(e, "negative dimension \(n)") }
            try checkSize(n, n, e)
            return .matrix(.identity(n))
        case "e":
            try arity(2...2)
            let i = try integer(args[0], arg(0)), n = try integer(args[1], arg(1))
            guard n >= 0, i >= 1, i <= n else { throw fail(e, "e(i, n) needs 1 ≤ i ≤ n, got i = \(i), n = \(n)") }
            try checkSize(n, 1, e)
            return .matrix(Matrix(rows: n, columns: 1) { r, _ in r == i - 1 ? 1 : 0 })
        case "diag":
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            if m.columns == 1 || m.rows == 1 {
                try checkSize(m.elements.count, m.elements.count, e)
                return .matrix(.diagonal(m.elements))
            }
            return .matrix(.column(m.diagonalEntries))
        case "trace": try arity(1...1); return .scalar(try square(0).trace)
        case "det":
            try arity(1...1)
            let m = try square(0)
            return .scalar(try cancellable(e) { () throws(Cancellation.Cancelled) in  try exactDeterminant(m) })
        case "rank":
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            return .scalar(Rational(try cancellable(e) { () throws(Cancellation.Cancelled) in  try cancellableRank(m) }))
        case "nullity":
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            return .scalar(Rational(m.columns - (try cancellable(e) { () throws(Cancellation.Cancelled) in  try cancellableRank(m) })))
        case "inv":
            try arity(1...1)
            let m = try square(0)
            guard let inv = try cancellable(e, { () throws(Cancellation.Cancelled) in  try m.cancellableInverse() }) else { throw fail(e, "inv: the matrix is singular") }
            return .matrix(inv)
        case "pinv":
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            try poll(e)
            let p = m.pseudoInverse
            try poll(e)
            return .matrix(p)
        case "has_inverse":
            try arity(1...1)
            // A matrix that is not square (or not a matrix) has no inverse.
            guard let m = try? matrix(args[0], arg(0)), m.isSquare else { return .truth(.false) }
            return .truth(Truth(try cancellable(e) { () throws(Cancellation.Cancelled) in  try m.cancellableRank() } == m.rows))
        case "solve":
            try arity(2...2)
            let a = try matrix(args[0], arg(0)), b = try matrix(args[1], arg(1))
            guard a.isSquare else { throw fail(e, "solve: \(LinearAlgebraError.notSquare(rows: a.rows, columns: a.columns))") }
            guard b.rows == a.rows else { throw fail(e, "solve: \(LinearAlgebraError.shapeMismatch("\(a.rows)×\(a.columns) system with \(b.rows)×\(b.columns) right-hand side"))") }
            guard let x = try cancellable(e, { () throws(Cancellation.Cancelled) in  try a.cancellableSolve(b) }) else { throw fail(e, "solve: \(LinearAlgebraError.singular)") }
            return .matrix(x)
        case "fro2": try arity(1...1); return .scalar(try matrix(args[0], arg(0)).frobeniusNormSquared)
        case "fro": try arity(1...1); return try squareRoot(.scalar(try matrix(args[0], arg(0)).frobeniusNormSquared), e)
        case "inner":
            try arity(2...2)
            if case let .tuple(s) = args[0], case let .tuple(t) = args[1], s.count == t.count {
                var acc = Rational.zero
                for (u, v) in zip(s, t) {
                    let a = try matrix(u, arg(0)), b = try matrix(v, arg(1))
                    guard a.rows == b.rows && a.columns == b.columns else { throw ClaimError(.dimension, "inner: shapes differ", at: e.location) }
                    acc = acc + Matrix.frobeniusInner(a, b)
                }
                return .scalar(acc)
            }
            let a = try matrix(args[0], arg(0)), b = try matrix(args[1], arg(1))
            guard a.rows == b.rows && a.columns == b.columns else {
                throw ClaimError(.dimension, "inner: a \(a.rows)×\(a.columns) and a \(b.rows)×\(b.columns) matrix", at: e.location)
            }
            return .scalar(Matrix.frobeniusInner(a, b))
        case "sqrt": try arity(1...1); return try squareRoot(args[0], e)
        case "abs":
            try arity(1...1)
            if case let .real(r) = args[0] {
                guard let s = r.sign(comparedTo: 0) else { throw fail(e, "abs: sign of \(r.text) undecided") }
                return .real(s < 0 ? -r : r)
            }
            return .scalar(try rational(args[0], arg(0)).magnitude)
        case "floor": try arity(1...1); return .scalar(Rational(try rational(args[0], arg(0)).floor))
        case "ceil": try arity(1...1); return .scalar(Rational(try rational(args[0], arg(0)).ceiling))
        case "sign": try arity(1...1); return .scalar(Rational(try rational(args[0], arg(0)).signum))
        case "min", "max":
            guard !args.isEmpty else { throw fail(e, "\(name) needs at least one argument") }
            var acc = args[0]
            for (i, x) in args.enumerated().dropFirst() {
                switch try compare(name == "min" ? .less : .greater, x, acc, arg(i)) {
                case .true: acc = x
                case .false: break
                case let .unknown(r): throw ClaimError.limit(.precision, "\(name): comparison undecided: \(r)", at: e.location)
                }
            }
            return acc
        case "rows": try arity(1...1); return .scalar(Rational(try matrix(args[0], arg(0)).rows))
        case "cols": try arity(1...1); return .scalar(Rational(try matrix(args[0], arg(0)).columns))
        case "len":
            try arity(1...1)
            switch args[0] {
            case let .indices(i): return .scalar(Rational(i.count))
            case let .sequence(s), let .tuple(s): return .scalar(Rational(s.count))
            default:
                let m = try matrix(args[0], arg(0))
                guard m.columns == 1 || m.rows == 1 else { throw fail(e, "len of a \(m.rows)×\(m.columns) matrix; use rows/cols") }
                return .scalar(Rational(m.elements.count))
            }
        case "reverse":
            try arity(1...1)
            if case let .sequence(s) = args[0] { return .sequence(s.reversed()) }
            return .indices(try indices(args[0], arg(0)).reversed())
        case "minus":
            try arity(2...2)
            let b = Set(try indices(args[1], arg(1)))
            return .indices(try indices(args[0], arg(0)).filter { !b.contains($0) })
        case "at":
            // at(v, I): entries of a vector at an index list, as a vector (same as v[I]).
            try arity(2...2)
            let m = try matrix(args[0], arg(0))
            let ix = try indices(args[1], arg(1))
            for i in ix where i < 1 || i > m.elements.count { throw fail(arg(1), "index \(i) out of range") }
            try checkEntries(ix.count, e)
            return .matrix(.column(ix.map { m.elements[$0 - 1] }))
        case "vec": try arity(1...1); return .matrix(try matrix(args[0], arg(0)).vec)
        case "unvec":
            try arity(3...3)
            let v = try matrix(args[0], arg(0)), r = try integer(args[1], arg(1)), c = try integer(args[2], arg(2))
            guard r >= 0, c >= 0 else { throw ClaimError(.dimension, "unvec: negative shape \(r)×\(c)", at: e.location) }
            try checkSize(r, c, e)
            guard v.elements.count == r * c else { throw ClaimError(.dimension, "unvec: \(v.elements.count) entries do not fill \(r)×\(c)", at: e.location) }
            return .matrix(Matrix.unvec(v, rows: r, columns: c))
        case "kron":
            try arity(2...2)
            let a = try matrix(args[0], arg(0)), b = try matrix(args[1], arg(1))
            try checkSize(try checkedProduct(a.rows, b.rows, e), try checkedProduct(a.columns, b.columns, e), e)
            return .matrix(Matrix.kronecker(a, b))
        case "is_symmetric": try arity(1...1); return .truth(Truth(try matrix(args[0], arg(0)).isSymmetric))
        case "lambda_min", "lambda_max":
            try arity(1...1)
            let m = try symmetric(0)
            guard m.rows > 0 else { throw fail(e, "\(name) of a 0×0 matrix") }
            if name == "lambda_min" { return .real(Real.eigenvalue(m, index: 1, name: "λ_min")) }
            return .real(-Real.eigenvalue(-m, index: 1, name: "λ_max"))
        case "eig":
            try arity(2...2)
            let m = try symmetric(0), k = try integer(args[1], arg(1))
            guard k >= 1 && k <= m.rows else { throw fail(arg(1), "eig(A, k) needs 1 ≤ k ≤ \(m.rows)") }
            return .real(Real.eigenvalue(m, index: k, name: "λ_\(k)"))
        case "svals", "sigma_max", "nuclear":
            // Singular values exactly, as real algebraic numbers (Matrix.exactSingularValues).
            try arity(1...1)
            let a = try matrix(args[0], arg(0))
            let sigma = try cancellable(e) { () throws(Cancellation.Cancelled) in try a.cancellableExactSingularValues() }
            switch name {
            case "svals":
                return .sequence(sigma.enumerated().map { i, x in .number(x, name: "σ_\(i + 1)") })
            case "sigma_max":
                return sigma.first.map { .number($0, name: "σ_max") } ?? .scalar(0)
            default:
                // ‖A‖_* = Σσ_i, exactly while the degree of the running sum stays within
                // RealAlgebraicNumber.arithmeticDegreeLimit, else a certified enclosure.
                let total = sigma.reduce(Real.exact(0)) { $0 + .algebraic($1, name: "σ") }
                try checkReal(total, doubling: false, e)
                return .number(Real(text: "‖\(a.rows)×\(a.columns)‖_*", exactSign: total.exactSign,
                                    algebraic: total.algebraic, nesting: total.nesting + 1, doublings: total.doublings,
                                    enclosure: total.enclosure))
            }
        case "roots", "root_count":
            // roots(c): the distinct real roots of c₀ + c₁x + … + c_nxⁿ, ascending; rational roots
            // exactly, irrational ones as certified reals with exact comparisons.
            try arity(1...1)
            let coefficients = try matrix(args[0], arg(0)).elements
            try checkDegree(coefficients.count - 1, arg(0))
            let p = Polynomial(coefficients: coefficients)
            guard !p.isZero else { throw fail(e, "\(name) of the zero polynomial (every number is a root)") }
            try poll(e)
            let rs = p.degree < 1 ? [] : try cancellable(e) { () throws(Cancellation.Cancelled) in try RealAlgebraicNumber.cancellableRoots(of: p) }
            if name == "root_count" { return .scalar(Rational(rs.count)) }
            return .sequence(rs.enumerated().map { i, x in .number(x, name: "root \(i + 1) of \(p)") })
        case "poly":
            // poly(c, x): c₀ + c₁x + … + c_nxⁿ at x, exactly: at a rational x a rational; at an
            // algebraic x (a root, a k-th root, a singular value) a real whose comparisons with
            // rationals are exact signs of a polynomial at the root.
            try arity(2...2)
            let coefficients = try matrix(args[0], arg(0)).elements
            try checkDegree(coefficients.count - 1, arg(0))
            let p = Polynomial(coefficients: coefficients)
            if case let .real(r) = args[1] {
                guard let x = r.algebraic else { throw fail(arg(1), "poly: \(r.text) is not known as an algebraic number") }
                if let q = x.rationalValue { return .scalar(p.evaluate(at: q)) }
                return .real(Real(text: "poly(\(p), \(r.text))",
                                  exactSign: { t in x.sign(of: p - Polynomial(constant: t)) }) { bits in
                    let e = x.enclosure(of: p, width: Rational(BigInt(1), BigInt(2).power(bits + 8)))
                    return (e.lowerBound, e.upperBound)
                })
            }
            let x = try rational(args[1], arg(1))
            // c_n·xⁿ has about bits(c) + n·bits(x) bits.
            let (xb, o) = Swift.max(0, p.degree).multipliedReportingOverflow(by: x.bitSize)
            let cb = coefficients.reduce(0) { Swift.max($0, $1.bitSize) }
            if o || xb + cb > EvaluationLimits.maximumBits { try checkBits(o ? Int.max : xb + cb, e) }
            return .scalar(p.evaluate(at: x))
        case "op", "adj":
            // A linear operator on matrices given by a sequence A₁, …, A_m: op(A, Z) = (⟨Aᵢ, Z⟩)ᵢ,
            // a column of length m; its adjoint adj(A, y) = Σ yᵢAᵢ.
            try arity(2...2)
            guard case let .sequence(items) = args[0] else { throw fail(arg(0), "\(name): the first argument must be a sequence of matrices A₁, …, A_m") }
            var a: [Matrix<Rational>] = []
            for v in items { a.append(try matrix(v, arg(0))) }
            let x = try matrix(args[1], arg(1))
            if name == "op" {
                for ai in a where ai.rows != x.rows || ai.columns != x.columns {
                    throw ClaimError(.dimension, "op(A, Z): A has a \(ai.rows)×\(ai.columns) matrix, Z is \(x.rows)×\(x.columns)", at: e.location)
                }
                return .matrix(.column(a.map { Matrix.frobeniusInner($0, x) }))
            }
            guard x.columns == 1, x.rows == a.count else {
                throw ClaimError(.dimension, "adj(A, y): A has \(a.count) matrices, y is \(x.rows)×\(x.columns)", at: e.location)
            }
            guard let first = a.first else { throw fail(e, "adj(A, y) of an empty sequence: the shape of the result is unknown") }
            var sum = Matrix<Rational>(rows: first.rows, columns: first.columns, repeating: 0)
            for (i, ai) in a.enumerated() {
                guard ai.rows == first.rows && ai.columns == first.columns else { throw ClaimError(.dimension, "adj(A, y): the matrices of A have different shapes", at: e.location) }
                sum = sum + x[i, 0] * ai
            }
            return .matrix(sum)
        case "permutations":
            // permutations(n): every permutation of 1...n as an index list, lexicographically.
            try arity(1...1)
            let n = try integer(args[0], arg(0))
            guard n >= 0 && n <= 8 else { throw fail(e, "permutations(n) needs 0 ≤ n ≤ 8") }
            return .sequence(Enumerate.permutations(of: n).map { .indices($0) })
        case "sort", "argsort":
            // sort(v): the entries of a vector ascending (a column); argsort(v): the positions
            // that sort it, ties kept in their order (a stable sort).
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            guard m.columns == 1 || m.rows == 1 else { throw fail(e, "\(name) of a \(m.rows)×\(m.columns) matrix: a vector is needed") }
            let order = m.elements.indices.sorted { (m.elements[$0], $0) < (m.elements[$1], $1) }
            if name == "argsort" { return .indices(order.map { $0 + 1 }) }
            return .matrix(.column(order.map { m.elements[$0] }))
        case "blkdiag":
            // blkdiag(A, B, …) or blkdiag(S) for a sequence S: the block-diagonal matrix.
            var blocks: [Matrix<Rational>] = []
            let items: [Value]
            if args.count == 1, case let .sequence(s) = args[0] { items = s } else { items = args }
            for (k, v) in items.enumerated() { blocks.append(try matrix(v, args.count == 1 ? arg(0) : arg(k))) }
            let r = try checkedTotal(blocks.map(\.rows), e), c = try checkedTotal(blocks.map(\.columns), e)
            try checkSize(r, c, e)
            var out = Matrix<Rational>(rows: r, columns: c, repeating: 0)
            var (i0, j0) = (0, 0)
            for b in blocks {
                for i in 0..<b.rows { for j in 0..<b.columns { out[i0 + i, j0 + j] = b[i, j] } }
                i0 += b.rows; j0 += b.columns
            }
            return .matrix(out)
        case "mod":
            // mod(a, b): a − b·⌊a/b⌋ for integers, in 0..<|b| when b > 0.
            try arity(2...2)
            let a = try rational(args[0], arg(0)), b = try rational(args[1], arg(1))
            guard a.isInteger && b.isInteger && !b.isZero else { throw fail(e, "mod needs integers a, b with b ≠ 0") }
            return .scalar(a - b * Rational((a / b).floor))
        case "kth_root":
            // kth_root(c, k): the real k-th root of c (c ≥ 0 for even k), exact when rational.
            try arity(2...2)
            let c = try rational(args[0], arg(0)), k = try integer(args[1], arg(1))
            guard k >= 1 else { throw fail(arg(1), "kth_root needs k ≥ 1") }
            try checkDegree(k, arg(1))
            // The isolation evaluates den·xᵏ − num at points as large as c: about k·bits(c) bits.
            try checkPower(c, k, e)
            try poll(e)
            guard let x = try cancellable(e, { () throws(Cancellation.Cancelled) in try RealAlgebraicNumber.cancellableRoot(of: c, degree: k) }) else {
                throw fail(e, "kth_root: no real \(k)-th root of \(describe(c))")
            }
            return .number(x, name: "\(describe(c))^(1/\(k))")
        case "nullspace":
            try arity(1...1)
            let m = try matrix(args[0], arg(0))
            return .matrix(try cancellable(e) { () throws(Cancellation.Cancelled) in  try exactNullspace(m) })
        case "charpoly":
            try arity(1...1)
            let m = try square(0)
            return .matrix(.column(try cancellable(e) { () throws(Cancellation.Cancelled) in  try exactCharpoly(m) }))
        case "inertia":
            try arity(1...1)
            let sym = try symmetric(0)
            let i = try cancellable(e) { () throws(Cancellation.Cancelled) in  try cancellableInertia(sym) }
            return .tuple([.scalar(Rational(i.negative)), .scalar(Rational(i.zero)), .scalar(Rational(i.positive))])
        case "num_neg", "num_zero", "num_pos":
            try arity(1...1)
            let sym = try symmetric(0)
            let i = try cancellable(e) { () throws(Cancellation.Cancelled) in  try cancellableInertia(sym) }
            return .scalar(Rational(name == "num_neg" ? i.negative : (name == "num_zero" ? i.zero : i.positive)))
        case "psd", "pd":
            try arity(1...1)
            let sym = try symmetric(0)
            let i = try cancellable(e) { () throws(Cancellation.Cancelled) in  try cancellableInertia(sym) }
            return .truth(Truth(name == "psd" ? i.negative == 0 : i.negative == 0 && i.zero == 0))
        default:
            throw fail(e, "unknown function '\(name)'")
        }
    }
}
