import Numbers
import Matrices

/// Evaluates expressions exactly. Definitions are evaluated lazily in their scope; every runtime
/// error (shape mismatch, division by zero, singular inverse) is a `ClaimError` at the
/// sub-expression that caused it, never a crash.
public final class Evaluator: @unchecked Sendable {
    /// Generators available while evaluating `given` entries (nil elsewhere).
    var generators: GeneratorContext?
    /// Largest precision (bits) an enclosure needed in the current decision; 0 when exact.
    public var enclosureBits = 0
    /// Largest matrix dimension any operation may produce; larger gives an error (a resource
    /// limit, reported as inconclusive rather than hanging).
    public var maximumDimension = 400
    /// Current nesting of `eval` (see `EvaluationLimits.maximumEvaluationDepth`).
    var depth = 0
    /// Current nesting of user-function calls (see `EvaluationLimits.maximumCallDepth`).
    var callDepth = 0

    public init() {}

    func fail(_ e: Expr, _ message: String) -> ClaimError { ClaimError(.evaluation, message, at: e.location) }

    // MARK: Scopes

    func lookup(_ name: String, in scope: Scope, at e: Expr) throws(ClaimError) -> Value {
        guard let owner = scope.lookupScope(name), let binding = owner.bindings[name] else {
            throw fail(e, "unknown name '\(name)'")
        }
        switch binding {
        case let .value(v): return v
        case .evaluating: throw fail(e, "'\(name)' is defined in terms of itself")
        case let .pending(body):
            owner.bindings[name] = .evaluating
            do {
                let v = try eval(body, owner)
                owner.bindings[name] = .value(v)
                return v
            } catch {
                owner.bindings[name] = .pending(body)
                throw error
            }
        }
    }

    /// Applies a user function to argument values.
    func apply(_ f: UserFunction, _ args: [Value], at e: Expr) throws(ClaimError) -> Value {
        guard args.count == f.parameters.count else { throw arityError(f, args.count, e) }
        try enterCall(f.name, e)
        defer { callDepth -= 1 }
        let s = Scope(parent: f.scope)
        for (p, v) in zip(f.parameters, args) { s.bind(p, v) }
        return try eval(f.body, s)
    }

    @inline(never)
    func arityError(_ f: UserFunction, _ count: Int, _ e: Expr) -> ClaimError {
        fail(e, "\(f.name) takes \(f.parameters.count) argument(s), got \(count)")
    }

    // MARK: Expressions

    public func eval(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        try enterLevel(e)
        defer { depth -= 1 }
        return try evalLevel(e, scope)
    }

    /// One level of `eval`, after the depth check.
    ///
    /// Every case with locals of its own is a separate function, so that the frame of this one,
    /// which is on the stack once per level of nesting, stays small (debug builds give a function
    /// one slot per local of every case).
    func evalLevel(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch e.kind {
        case .number, .boolean: return leaf(e)
        case .identifier: return try identifier(e, scope)
        case .call: return try callExpr(e, scope)
        case .unary, .transpose, .range, .tuple, .conditional: return try small(e, scope)
        case .binary: return try binaryExpr(e, scope)
        case .index, .block, .binder: return try compound(e, scope)
        }
    }

    @inline(never)
    func leaf(_ e: Expr) -> Value {
        switch e.kind {
        case let .number(q): return .scalar(q)
        case let .boolean(b): return .truth(Truth(b))
        default: preconditionFailure("not a leaf")
        }
    }

    @inline(never)
    func identifier(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        guard case let .identifier(name) = e.kind else { preconditionFailure("not an identifier") }
        return try lookup(name, in: scope, at: e)
    }

    @inline(never)
    func callExpr(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        guard case let .call(name, args, named) = e.kind else { preconditionFailure("not a call") }
        return try call(name, args, named, e, scope)
    }

    @inline(never)
    func binaryExpr(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        guard case let .binary(op, a, b) = e.kind else { preconditionFailure("not a binary operation") }
        return try binary(op, a, b, e, scope)
    }

    @inline(never)
    func small(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch e.kind {
        case let .unary(op, x): return try unary(op, x, e, scope)
        case let .transpose(x): return try transpose(x, e, scope)
        case let .range(a, b): return try range(a, b, e, scope)
        case let .tuple(items): return try tuple(items, scope)
        case let .conditional(c, a, b): return try conditional(c, a, b, scope)
        default: preconditionFailure("not a small expression")
        }
    }

    @inline(never)
    func compound(_ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch e.kind {
        case let .index(x, args): return try index(try eval(x, scope), args, e, scope)
        case let .block(rows): return try block(rows, e, scope)
        case let .binder(kind, v, domain, body):
            let value = try binder(kind, v, domain, body, e, scope)
            try poll(e)  // min/max compare reals (see `combine`)
            return value
        default: preconditionFailure("not a compound expression")
        }
    }

    @inline(never)
    func unary(_ op: UnaryOperator, _ x: Expr, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        let v = try eval(x, scope)
        switch op {
        case .not: return .truth(!(try truthValue(v, x)))
        case .negate: return try negate(v, e)
        }
    }

    @inline(never)
    func transpose(_ x: Expr, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch try eval(x, scope) {
        case let .matrix(m): return .matrix(m.transposed)
        case let .scalar(q): return .scalar(q)
        case let .real(r): return .real(r)
        case let v: throw fail(e, "cannot transpose a \(v.typeName)")
        }
    }

    @inline(never)
    func range(_ a: Expr, _ b: Expr, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        let lo = try integer(try eval(a, scope), a), hi = try integer(try eval(b, scope), b)
        guard lo <= hi else { return .indices([]) }
        let (span, o) = hi.subtractingReportingOverflow(lo)
        guard !o, span < EvaluationLimits.maximumLength else {
            throw ClaimError.limit(.size, "the range \(lo)...\(hi) is longer than \(EvaluationLimits.maximumLength)", at: e.location)
        }
        return .indices(Array(lo...hi))
    }

    @inline(never)
    func tuple(_ items: [Expr], _ scope: Scope) throws(ClaimError) -> Value {
        var vs: [Value] = []
        for i in items { vs.append(try eval(i, scope)) }
        return .tuple(vs)
    }

    @inline(never)
    func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        let t = try truthValue(try eval(c, scope), c)
        if t == .true { return try eval(a, scope) }
        if t == .false { return try eval(b, scope) }
        throw undecidedCondition(c, t)
    }

    @inline(never)
    func undecidedCondition(_ c: Expr, _ t: Truth) -> ClaimError {
        guard case let .unknown(r) = t else { return fail(c, "condition undecided") }
        return fail(c, "condition undecided: \(r)")
    }

    // MARK: Coercions

    func truthValue(_ v: Value, _ e: Expr) throws(ClaimError) -> Truth {
        if case let .truth(t) = v { return t }
        throw fail(e, "expected a boolean, got a \(v.typeName)")
    }

    /// A user integer as an `Int` (a dimension, count, index, exponent or seed): an integer that
    /// does not fit in 64 bits is a size limit, never a trap.
    func integer(_ v: Value, _ e: Expr) throws(ClaimError) -> Int {
        var q: Rational? = nil
        if case let .scalar(x) = v { q = x }
        if case let .matrix(m) = v, m.rows == 1, m.columns == 1 { q = m[0, 0] }
        if let q, q.isInteger {
            if let i = q.numerator.asInt { return i }
            throw ClaimError.limit(.size, "the integer \(describe(q)) does not fit in a machine integer (64 bits)", at: e.location)
        }
        if let q { throw fail(e, "expected an integer, got the rational \(describe(q))") }
        throw fail(e, "expected an integer, got a \(v.typeName)")
    }

    func rational(_ v: Value, _ e: Expr) throws(ClaimError) -> Rational {
        switch v {
        case let .scalar(q): return q
        case let .matrix(m) where m.rows == 1 && m.columns == 1: return m[0, 0]
        default: throw fail(e, "expected an exact number, got a \(v.typeName)")
        }
    }

    func matrix(_ v: Value, _ e: Expr) throws(ClaimError) -> Matrix<Rational> {
        switch v {
        case let .matrix(m): return m
        case let .scalar(q): return Matrix(rows: 1, columns: 1, elements: [q])
        default: throw fail(e, "expected a matrix, got a \(v.typeName)")
        }
    }

    func indices(_ v: Value, _ e: Expr) throws(ClaimError) -> [Int] {
        switch v {
        case let .indices(i): return i
        case let .scalar(q) where q.isInteger: return [try integer(v, e)]
        default: throw fail(e, "expected indices, got a \(v.typeName)")
        }
    }

    /// A scalar as a `Real` (exact rationals become degenerate enclosures).
    func real(_ v: Value, _ e: Expr) throws(ClaimError) -> Real {
        switch v {
        case let .real(r): return r
        default: return .exact(try rational(v, e))
        }
    }

    // MARK: Arithmetic

    func negate(_ v: Value, _ e: Expr) throws(ClaimError) -> Value {
        switch v {
        case let .scalar(q): return .scalar(-q)
        case let .real(r): return .real(-r)
        case let .matrix(m): return .matrix(-m)
        case let .tuple(t):
            var out: [Value] = []
            for x in t { out.append(try negate(x, e)) }
            return .tuple(out)
        default: throw fail(e, "cannot negate a \(v.typeName)")
        }
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch op {
        case .and, .or, .implies, .iff: return try logical(op, a, b, scope)
        default: break
        }
        let x = try eval(a, scope), y = try eval(b, scope)
        return try combine(op, x, y, e)
    }

    /// A comparison or an arithmetic operation on evaluated operands. The deadline is polled
    /// afterwards: the enclosures and exact signs of reals (eigenvalues, algebraic numbers) are
    /// closures that cannot throw, and after the deadline they may be abandoned with an
    /// arbitrary answer, which this poll discards.
    @inline(never)
    func combine(_ op: BinaryOperator, _ x: Value, _ y: Value, _ e: Expr) throws(ClaimError) -> Value {
        let v: Value = op.isComparison ? .truth(try compare(op, x, y, e)) : try arithmetic(op, x, y, e)
        try poll(e)
        if case let .real(r) = v { try checkReal(r, doubling: false, e) }
        return v
    }

    @inline(never)
    func logical(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        switch op {
        case .and:
            let x = try truthValue(try eval(a, scope), a)
            if x == .false { return .truth(.false) }
            return .truth(x && (try truthValue(try eval(b, scope), b)))
        case .or:
            let x = try truthValue(try eval(a, scope), a)
            if x == .true { return .truth(.true) }
            return .truth(x || (try truthValue(try eval(b, scope), b)))
        case .implies:
            let x = try truthValue(try eval(a, scope), a)
            if x == .false { return .truth(.true) }
            return .truth(!x || (try truthValue(try eval(b, scope), b)))
        case .iff:
            let x = try truthValue(try eval(a, scope), a), y = try truthValue(try eval(b, scope), b)
            if case .unknown = x { return .truth(x) }
            if case .unknown = y { return .truth(y) }
            return .truth(Truth(x == y))
        default: preconditionFailure("not a logical operator")
        }
    }

    func arithmetic(_ op: BinaryOperator, _ x: Value, _ y: Value, _ e: Expr) throws(ClaimError) -> Value {
        // A number (rational or real) scales a sequence term by term.
        if op == .multiply, case let .sequence(t) = y {
            switch x {
            case .scalar, .real:
                var out: [Value] = []
                for v in t { out.append(try arithmetic(op, x, v, e)) }
                return .sequence(out)
            default: break
            }
        }
        switch (x, y) {
        case let (.scalar(p), .scalar(q)):
            switch op {
            case .add, .subtract, .multiply, .divide:
                try checkProductBits(p, q, e)
            default: break
            }
            switch op {
            case .add: return .scalar(p + q)
            case .subtract: return .scalar(p - q)
            case .multiply: return .scalar(p * q)
            case .divide:
                guard !q.isZero else { throw fail(e, "division by zero") }
                return .scalar(p / q)
            case .power:
                guard q.isInteger else {
                    if q == Rational(1, 2) { return try squareRoot(.scalar(p), e) }
                    throw fail(e, "exponent must be an integer (or 1/2), got \(describe(q))")
                }
                guard !(p.isZero && q.signum < 0) else { throw fail(e, "division by zero: 0^\(describe(q))") }
                if p.isZero { return .scalar(q.isZero ? 1 : 0) }
                if p.isInteger && p.numerator.magnitude.isOne {
                    // ±1 to any integer power, however large.
                    let odd = !(q.numerator.floorDivided(by: BigInt(2)).remainder.isZero)
                    return .scalar(p.signum < 0 && odd ? -1 : 1)
                }
                guard let k = q.numerator.asInt else {
                    throw ClaimError.limit(.size, "\(describe(p))^\(describe(q)): the exponent does not fit in 64 bits", at: e.location)
                }
                try checkPower(p, k, e)
                return .scalar(p.power(k))
            default: break
            }
        case (.real, _), (_, .real):
            let r = try real(x, e), s = try real(y, e)
            switch op {
            case .add:
                if case let .scalar(q) = y { return .real(r + q) }
                if case let .scalar(q) = x { return .real(s + q) }
                return .number(r + s)
            case .subtract:
                if case let .scalar(q) = y { return .real(r + (-q)) }
                if case let .scalar(q) = x { return .real(-s + q) }
                return .number(r + (-s))
            case .multiply:
                if case let .scalar(q) = x { return .real(q * s) }
                if case let .scalar(q) = y { return .real(q * r) }
                return .number(r * s)
            case .divide:
                if case let .scalar(q) = y {
                    guard !q.isZero else { throw fail(e, "division by zero") }
                    return .real(q.reciprocal * r)
                }
                guard let inv = s.reciprocal() else { throw fail(e, "cannot certify that the divisor \(s.text) is nonzero") }
                return .real(r * inv)
            case .power:
                if case let .scalar(q) = y, q.isInteger, let k = q.numerator.asInt, k >= 0, k <= 64 {
                    if let a = r.algebraic { return .number(.power(a, k), name: "\(r.text)^\(k)") }
                    var out = Real.exact(1)
                    for _ in 0..<k { out = out * r }
                    return .number(out)
                }
                throw fail(e, "a real number can only be raised to a small natural power")
            default: break
            }
        case let (.matrix(m), .matrix(n)):
            switch op {
            case .add, .subtract:
                if m.rows == 1 && m.columns == 1 && n.rows == 1 && n.columns == 1 { break }
                guard m.rows == n.rows && m.columns == n.columns else {
                    throw ClaimError(.dimension, "cannot \(op == .add ? "add" : "subtract") a \(m.rows)×\(m.columns) and a \(n.rows)×\(n.columns) matrix", at: e.location)
                }
                return .matrix(op == .add ? m + n : m - n)
            case .multiply:
                guard m.columns == n.rows else {
                    // A 1×1 operand scales only where it is 1×1 for every instance (StaticAnnotation).
                    if m.rows == 1 && m.columns == 1 && mayScale(e, left: true) { return .matrix(m[0, 0] * n) }
                    if n.rows == 1 && n.columns == 1 && mayScale(e, left: false) { return .matrix(m * n[0, 0]) }
                    throw ClaimError(.dimension, "cannot multiply a \(m.rows)×\(m.columns) by a \(n.rows)×\(n.columns) matrix", at: e.location)
                }
                try checkMatrixProduct(m, n, e)
                return .matrix(try cancellable(e) { () throws(Cancellation.Cancelled) in try Matrix.cancellableProduct(m, n) })
            default: break
            }
            if m.rows == 1 && m.columns == 1 && n.rows == 1 && n.columns == 1 {
                return try arithmetic(op, .scalar(m[0, 0]), .scalar(n[0, 0]), e)
            }
        case let (.scalar(q), .matrix(m)):
            if op == .multiply { return .matrix(q * m) }
            // 0 is the zero of every matrix space (an empty sum is 0): 0 + M = M, 0 − M = −M.
            if q.isZero && op == .add { return .matrix(m) }
            if q.isZero && op == .subtract { return .matrix(Rational(-1) * m) }
            if m.rows == 1 && m.columns == 1 { return try arithmetic(op, x, .scalar(m[0, 0]), e) }
        case let (.matrix(m), .scalar(q)):
            switch op {
            case .multiply: return .matrix(m * q)
            case .divide:
                guard !q.isZero else { throw fail(e, "division by zero") }
                return .matrix(m * q.reciprocal)
            case .power:
                let small = q.isInteger && (q.numerator.asInt.map { $0.magnitude <= UInt(EvaluationLimits.maximumMatrixExponent) } ?? false)
                if m.rows == 1 && m.columns == 1 && !small { return try arithmetic(op, .scalar(m[0, 0]), y, e) }
                guard m.isSquare else { throw fail(e, "matrix power needs a square matrix, got \(m.rows)×\(m.columns)") }
                guard q.isInteger else { throw fail(e, "a matrix power needs an integer exponent, got \(describe(q))") }
                guard let k = q.numerator.asInt else {
                    throw ClaimError.limit(.size, "the matrix exponent \(describe(q)) exceeds \(EvaluationLimits.maximumMatrixExponent)", at: e.location)
                }
                try checkMatrixPower(m, k, e)
                if k >= 0 { return .matrix(try cancellable(e) { () throws(Cancellation.Cancelled) in try m.cancellablePower(k) }) }
                guard let inv = try cancellable(e, { () throws(Cancellation.Cancelled) in try m.cancellableInverse() }) else { throw fail(e, "matrix is singular") }
                try checkMatrixPower(inv, k, e)
                return .matrix(try cancellable(e) { () throws(Cancellation.Cancelled) in try inv.cancellablePower(-k) })
            case .add where q.isZero, .subtract where q.isZero: return .matrix(m)
            default:
                if m.rows == 1 && m.columns == 1 { return try arithmetic(op, .scalar(m[0, 0]), y, e) }
            }
        case let (.tuple(s), .tuple(t)) where op == .add || op == .subtract:
            guard s.count == t.count else { throw fail(e, "tuples of different lengths") }
            var out: [Value] = []
            for (u, v) in zip(s, t) { out.append(try arithmetic(op, u, v, e)) }
            return .tuple(out)
        case let (.scalar, .tuple(t)) where op == .multiply:
            var out: [Value] = []
            for v in t { out.append(try arithmetic(op, x, v, e)) }
            return .tuple(out)
        case let (.sequence(s), .sequence(t)) where op == .add || op == .subtract:
            // Sequences combine term by term (svals(A) - svals(B)), and scale by a number.
            guard s.count == t.count else { throw fail(e, "sequences of different lengths \(s.count) and \(t.count)") }
            var out: [Value] = []
            for (u, v) in zip(s, t) { out.append(try arithmetic(op, u, v, e)) }
            return .sequence(out)
        default: break
        }
        throw fail(e, "cannot apply '\(op.rawValue)' to a \(x.typeName) and a \(y.typeName)")
    }

    func squareRoot(_ v: Value, _ e: Expr) throws(ClaimError) -> Value {
        switch v {
        case let .scalar(q):
            guard q.signum >= 0 else { throw fail(e, "square root of the negative number \(q)") }
            if let r = q.exactSquareRoot { return .scalar(r) }
            return .real(.squareRoot(q))
        case let .matrix(m):
            // Entrywise on vectors and matrices; every entry must be a rational square so that
            // the result stays exact.
            var out: [Rational] = []
            for q in m.elements {
                guard q.signum >= 0 else { throw fail(e, "square root of the negative entry \(q)") }
                guard let r = q.exactSquareRoot else {
                    throw fail(e, "entrywise square root of \(q) is irrational; matrices with irrational entries are not supported (choose squares)")
                }
                out.append(r)
            }
            return .matrix(Matrix(rows: m.rows, columns: m.columns, elements: out))
        case let .real(r):
            try checkReal(r, doubling: true, e)
            guard r.sign(comparedTo: 0) ?? -1 >= 0 else { throw fail(e, "cannot certify that \(r.text) ≥ 0") }
            return .real(Real(text: "sqrt(\(r.text))", nesting: r.nesting + 1, doublings: r.doublings + 1) { bits in
                let enc = r.enclosure(2 * bits + 4)
                let lo = Real.squareRoot(Swift.max(enc.lo, 0)).enclosure(bits + 2).lo
                let hi = Real.squareRoot(Swift.max(enc.hi, 0)).enclosure(bits + 2).hi
                return (lo, hi)
            })
        default: throw fail(e, "cannot take the square root of a \(v.typeName)")
        }
    }

    // MARK: Comparison

    func compare(_ op: BinaryOperator, _ x: Value, _ y: Value, _ e: Expr) throws(ClaimError) -> Truth {
        func decide(_ sign: Int?) -> Truth {
            guard let s = sign else { return .unknown("enclosures at up to \(Real.precisions.last!) bits straddle at column \(e.column)") }
            switch op {
            case .equal: return Truth(s == 0)
            case .notEqual: return Truth(s != 0)
            case .less: return Truth(s < 0)
            case .lessEqual: return Truth(s <= 0)
            case .greater: return Truth(s > 0)
            case .greaterEqual: return Truth(s >= 0)
            default: return .unknown("not a comparison")
            }
        }
        switch (x, y) {
        case let (.scalar(p), .scalar(q)): return decide(p < q ? -1 : (p == q ? 0 : 1))
        case let (.real(r), .scalar(q)):
            let (s, bits) = r.signAndPrecision(comparedTo: q)
            enclosureBits = Swift.max(enclosureBits, bits)
            return decide(s)
        case let (.scalar(q), .real(r)):
            let (s, bits) = r.signAndPrecision(comparedTo: q)
            enclosureBits = Swift.max(enclosureBits, bits)
            return decide(s.map { -$0 })
        case let (.real(r), .real(s)):
            if let a = r.algebraic, let b = s.algebraic { return decide(a.compare(to: b)) }
            if let es = s.exactSign, r.exactSign == nil {
                // Compare through the side that is exactly comparable when the other is a point.
                let enc = r.enclosure(64)
                if enc.lo == enc.hi { return decide(es(enc.lo).negated) }
            }
            let (sg, bits) = (r + (-s)).signAndPrecision(comparedTo: 0)
            enclosureBits = Swift.max(enclosureBits, bits)
            return decide(sg)
        case let (.matrix(m), .scalar(q)) where m.rows == 1 && m.columns == 1: return try compare(op, .scalar(m[0, 0]), .scalar(q), e)
        case let (.scalar(q), .matrix(m)) where m.rows == 1 && m.columns == 1: return try compare(op, .scalar(q), .scalar(m[0, 0]), e)
        case let (.matrix(m), .real) where m.rows == 1 && m.columns == 1: return try compare(op, .scalar(m[0, 0]), y, e)
        case let (.real, .matrix(m)) where m.rows == 1 && m.columns == 1: return try compare(op, x, .scalar(m[0, 0]), e)
        default: break
        }
        guard op == .equal || op == .notEqual else {
            throw fail(e, "'\(op.rawValue)' compares numbers, not a \(x.typeName) and a \(y.typeName)")
        }
        let eq = try structurallyEqual(x, y, e)
        if case .unknown = eq { return eq }
        return op == .equal ? eq : !eq
    }

    func structurallyEqual(_ x: Value, _ y: Value, _ e: Expr) throws(ClaimError) -> Truth {
        switch (x, y) {
        case let (.matrix(m), .matrix(n)):
            guard m.rows == n.rows && m.columns == n.columns else {
                throw ClaimError(.dimension, "cannot compare a \(m.rows)×\(m.columns) with a \(n.rows)×\(n.columns) matrix", at: e.location)
            }
            return Truth(m == n)
        case let (.matrix(m), .scalar(q)) where q.isZero: return Truth(m.isZero)
        case let (.scalar(q), .matrix(m)) where q.isZero: return Truth(m.isZero)
        case let (.tuple(s), .tuple(t)), let (.sequence(s), .sequence(t)):
            guard s.count == t.count else { throw fail(e, "cannot compare tuples of lengths \(s.count) and \(t.count)") }
            var all = Truth.true
            for (u, v) in zip(s, t) { all = all && (try compare(.equal, u, v, e)) }
            return all
        case let (.tuple(s), .scalar(q)) where q.isZero:
            var all = Truth.true
            for u in s { all = all && (try compare(.equal, u, y, e)) }
            return all
        case let (.indices(a), .indices(b)): return Truth(a == b)
        case let (.truth(a), .truth(b)):
            if case .unknown = a { return a }
            if case .unknown = b { return b }
            return Truth(a == b)
        default: throw fail(e, "cannot compare a \(x.typeName) with a \(y.typeName)")
        }
    }

    // MARK: Indexing and blocks

    func index(_ v: Value, _ args: [IndexArgument], _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        func sel(_ a: IndexArgument, _ n: Int) throws(ClaimError) -> (list: [Int], single: Bool) {
            switch a {
            case .all: return (Array(0..<n), false)
            case let .expr(x):
                let val = try eval(x, scope)
                if case .indices(let list) = val {
                    for i in list where i < 1 || i > n { throw fail(x, "index \(i) out of range 1...\(n)") }
                    return (list.map { $0 - 1 }, false)
                }
                let i = try integer(val, x)
                guard i >= 1 && i <= n else { throw fail(x, "index \(i) out of range 1...\(n)") }
                return ([i - 1], true)
            }
        }
        switch v {
        case let .matrix(m):
            if args.count == 2 {
                let r = try sel(args[0], m.rows), c = try sel(args[1], m.columns)
                let s = m.selecting(rows: r.list, columns: c.list)
                return r.single && c.single ? .scalar(s[0, 0]) : .matrix(s)
            }
            // One index: a vector's entries, or entries of vec(A) for a general matrix is not
            // allowed (ambiguous); vectors only.
            if m.columns == 1 {
                let r = try sel(args[0], m.rows)
                let s = m.selecting(rows: r.list, columns: [0])
                return r.single ? .scalar(s[0, 0]) : .matrix(s)
            }
            if m.rows == 1 {
                let c = try sel(args[0], m.columns)
                let s = m.selecting(rows: [0], columns: c.list)
                return c.single ? .scalar(s[0, 0]) : .matrix(s)
            }
            throw fail(e, "a \(m.rows)×\(m.columns) matrix needs two indices A[i, j]")
        case let .indices(list):
            guard args.count == 1 else { throw fail(e, "an index list takes one index") }
            let s = try sel(args[0], list.count)
            return s.single ? .scalar(Rational(list[s.list[0]])) : .indices(s.list.map { list[$0] })
        case let .sequence(items), let .tuple(items):
            guard args.count == 1 else { throw fail(e, "a \(v.typeName) takes one index") }
            let s = try sel(args[0], items.count)
            if s.single { return items[s.list[0]] }
            return .sequence(s.list.map { items[$0] })
        case let .scalar(q):
            // A number is the 1×1 matrix it stands for (a length-1 vector l has l[1], S[1, 1]).
            return try index(.matrix(Matrix(rows: 1, columns: 1, repeating: q)), args, e, scope)
        case .real:
            for a in args {
                guard case .expr = a else { continue }
                _ = try sel(a, 1)
            }
            guard args.count <= 2 else { throw fail(e, "a number takes one or two indices") }
            return v
        default:
            throw fail(e, "cannot index a \(v.typeName)")
        }
    }

    func block(_ rows: [[Expr]], _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        var blockRows: [Matrix<Rational>] = []
        var height = 0
        for row in rows {
            var parts: [Matrix<Rational>] = []
            for x in row { parts.append(try matrix(try eval(x, scope), x)) }
            // The shape is checked before anything is joined.
            let width = try checkedTotal(parts.map(\.columns), e)
            height = try checkedSum(height, parts.first?.rows ?? 0, e)
            try checkSize(height, width, e)
            guard let h = Matrix.horizontal(parts) else {
                let shapes = parts.map { "\($0.rows)×\($0.columns)" }.joined(separator: ", ")
                throw ClaimError(.dimension, "blocks in one block row have different row counts: \(shapes)", at: e.location)
            }
            blockRows.append(h)
        }
        guard let v = Matrix.vertical(blockRows) else {
            let shapes = blockRows.map { "\($0.rows)×\($0.columns)" }.joined(separator: "; ")
            throw ClaimError(.dimension, "block rows have different column counts: \(shapes)", at: e.location)
        }
        return .matrix(v)
    }

    // MARK: Comprehensions

    func binder(_ kind: BinderKind, _ v: String, _ domain: Expr, _ body: Expr, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        let dom = try indices(try eval(domain, scope), domain)
        try checkLength(dom.count, domain)
        let s = Scope(parent: scope)
        func value(at i: Int) throws(ClaimError) -> Value {
            try poll(e)
            s.bindings = [:]
            s.bind(v, .scalar(Rational(i)))
            return try eval(body, s)
        }
        switch kind {
        case .all, .any:
            var acc = Truth(kind == .all)
            for i in dom {
                let t = try truthValue(try value(at: i), body)
                acc = kind == .all ? (acc && t) : (acc || t)
                if (kind == .all && acc == .false) || (kind == .any && acc == .true) { break }
            }
            return .truth(acc)
        case .count, .filter:
            var chosen: [Int] = []
            for i in dom {
                switch try truthValue(try value(at: i), body) {
                case .true: chosen.append(i)
                case .false: break
                case let .unknown(r): throw fail(body, "\(kind.rawValue): condition undecided for \(v) = \(i): \(r)")
                }
            }
            return kind == .count ? .scalar(Rational(chosen.count)) : .indices(chosen)
        case .first:
            for i in dom {
                switch try truthValue(try value(at: i), body) {
                case .true: return .scalar(Rational(i))
                case .false: continue
                case let .unknown(r): throw fail(body, "first: condition undecided for \(v) = \(i): \(r)")
                }
            }
            throw fail(e, "first(...) found no \(v) in the domain satisfying the condition")
        case .seq:
            var items: [Value] = []
            var entries = 0
            for i in dom {
                let item = try value(at: i)
                if case let .matrix(m) = item {
                    entries = try checkedSum(entries, m.elements.count, e)
                    try checkSequenceEntries(entries, e)
                }
                items.append(item)
            }
            return .sequence(items)
        case .column, .hcat, .vcat:
            var parts: [Matrix<Rational>] = []
            var (height, width) = (0, 0)
            for i in dom {
                let v = try value(at: i)
                // The joined shape is checked as the parts arrive, before anything is joined.
                if kind == .column {
                    height = try checkedSum(height, 1, e)
                    try checkEntries(height, e)
                } else {
                    let m = try matrix(v, body)
                    if kind == .hcat {
                        width = try checkedSum(width, m.columns, e)
                        try checkSize(m.rows, width, e)
                    } else {
                        height = try checkedSum(height, m.rows, e)
                        try checkSize(height, m.columns, e)
                    }
                }
                if kind == .column {
                    parts.append(Matrix(rows: 1, columns: 1, elements: [try rational(v, body)]))
                } else {
                    parts.append(try matrix(v, body))
                }
            }
            if kind == .column { return .matrix(Matrix.vertical(parts)!.rows == 0 ? .zeros(0, 1) : Matrix.vertical(parts)!) }
            guard !parts.isEmpty else {
                if let z = try emptyComprehension(kind, e, scope) { return z }  // the static shape, m×0 or 0×n
                throw fail(e, "\(kind.rawValue) over an empty domain has no shape")
            }
            let joined = kind == .hcat ? Matrix.horizontal(parts) : Matrix.vertical(parts)
            guard let m = joined else {
                throw ClaimError(.dimension, "\(kind.rawValue): the parts have different \(kind == .hcat ? "row" : "column") counts", at: e.location)
            }
            try checkSize(m.rows, m.columns, e)
            return .matrix(m)
        case .sum, .prod:
            guard let first = dom.first else {
                if let z = try emptyComprehension(kind, e, scope) { return z }  // zero or identity of the static shape
                return .scalar(kind == .sum ? 0 : 1)
            }
            var acc = try value(at: first)
            for i in dom.dropFirst() {
                acc = try combine(kind == .sum ? .add : .multiply, acc, try value(at: i), body)
            }
            return acc
        case .min, .max:
            guard let first = dom.first else { throw fail(e, "\(kind.rawValue) over an empty domain") }
            var acc = try value(at: first)
            for i in dom.dropFirst() {
                let x = try value(at: i)
                switch try compare(kind == .min ? .less : .greater, x, acc, body) {
                case .true: acc = x
                case .false: break
                case let .unknown(r): throw ClaimError.limit(.precision, "\(kind.rawValue): comparison undecided: \(r)", at: body.location)
                }
            }
            return acc
        }
    }
}

extension Int { var negated: Int { -self } }
