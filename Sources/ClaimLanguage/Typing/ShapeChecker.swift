import Foundation

/// Checks a claim's shapes symbolically before any instance is drawn: every matrix gets a shape
/// in terms of the claim's integer variables, and an operation whose operands' shapes are known
/// to differ as polynomials (`W*W' - S*S'` with W m×k, S k×n: m×m against k×k) is a dimension
/// error naming both shapes, even on instances where the numbers happen to agree (m = k).
///
/// The rules (docs/claims.md, "Static typing"):
/// - every integer drawn in "given" (`int`, `each`, `choose` of integers) is its own dimension
///   symbol; two dimensions are equal only when they are equal as polynomials, after the
///   equalities `x == p` among the hypotheses (or the premise of a conclusion `P => Q`) are
///   substituted;
/// - shapes flow through every generator (also inside `seq`, `choose`, `if`), `choose` and `if`
///   (the shape their alternatives agree on), user functions and comprehensions;
/// - a 1×1 matrix acts as a scalar only when it is 1×1 for every instance;
/// - a name that is neither given, defined, a parameter, a comprehension variable nor a built-in
///   is a located error before any instance is drawn.
/// What the checker cannot follow becomes `unknown` (or an opaque atom) and is never an error:
/// it is left to the runtime checks.
public final class ShapeChecker {
    enum Entry {
        case type(StaticType)
        case definition(Expr)
        case function([String], Expr)
        case checking
    }
    var env: [String: Entry] = [:]
    /// Integer variables declared in "given": only these make dimensions comparable.
    var integerVariables: Set<String> = []
    /// Every name given or defined by the claim.
    var claimNames: Set<String> = []
    /// Equalities from the hypotheses: an integer variable → the polynomial it equals.
    var equalities: [String: Dimension] = [:]
    /// User functions whose body is being checked (a recursive call has an unknown type).
    var functionsInProgress: Set<String> = []
    /// Parameter names of the user functions being checked, innermost last.
    var parameterNames: [Set<String>] = []
    /// Nesting of the checker's own recursion.
    var depth = 0

    /// The deepest nesting the checker follows; deeper input is a located error.
    public static let maximumDepth = 2_000
    /// The stack the checker runs on (its own thread), so that deep input never overflows the
    /// caller's stack, however small.
    static let stackSize = 64 << 20

    /// Prepares the checker from a claim's "given" and "define" sections.
    /// - Throws: a dimension error found in a generator's arguments; a type error for an unknown
    ///   name anywhere in "given", "assume" or "define".
    public init(claim: Claim) throws(ClaimError) {
        try Self.onLargeStack { () throws(ClaimError) in try self.prepare(claim) }
    }

    func prepare(_ claim: Claim) throws(ClaimError) {
        claimNames = Set(claim.given.flatMap(\.names) + claim.define.map(\.name))
        for g in claim.given { try resolve(g.generator, []) }
        for d in claim.define { try resolve(d.body, Set(d.parameters ?? [])) }
        for a in claim.assume { try resolve(a, []) }
        for d in claim.define {
            if let p = d.parameters { env[d.name] = .function(p, d.body) } else { env[d.name] = .definition(d.body) }
        }
        for g in claim.given {
            let t = try infer(g.generator, [:])
            var drawn = false
            // An integer drawn from a range is its own symbol even when the range has one
            // element; `choose` of integers is a symbol unless every alternative is the same.
            if case let .call(name, _, _) = g.generator.kind, ["int", "each"].contains(name) { drawn = true }
            func fresh(_ name: String, _ t: StaticType, drawn: Bool) -> StaticType {
                guard case let .integer(d) = t, drawn || d == nil else { return t }
                integerVariables.insert(name)
                return .integer(.atom(name))
            }
            if g.names.count == 1 {
                env[g.names[0]] = .type(fresh(g.names[0], t, drawn: drawn))
            } else if case let .tuple(items) = t, items.count == g.names.count {
                for (n, x) in zip(g.names, items) { env[n] = .type(fresh(n, x, drawn: drawn)) }
            } else {
                for n in g.names { env[n] = .type(.unknown) }
            }
        }
        for a in claim.assume { try collectEqualities(a) }
    }

    /// The static type of a conclusion (or any expression in the claim's scope). The equalities
    /// stated by P count as hypotheses while Q is checked in `P => Q`, `P and Q` and
    /// `if P then Q else …`.
    public func check(_ e: Expr) throws(ClaimError) -> StaticType {
        try Self.onLargeStack { () throws(ClaimError) -> StaticType in
            try self.resolve(e, [])
            return try self.infer(e, [:])
        }
    }

    // MARK: Running on a large stack

    final class Handoff<T>: @unchecked Sendable {
        var run: (() -> Void)?
        var result: Result<T, ClaimError>?
    }

    /// Runs `body` on a thread of its own with a large stack and waits for it.
    static func onLargeStack<T>(_ body: () throws(ClaimError) -> T) throws(ClaimError) -> T {
        let h = Handoff<T>()
        withoutActuallyEscaping(body) { body in
            h.run = { h.result = Result { () throws(ClaimError) -> T in try body() } }
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                h.run?()
                h.run = nil
                done.signal()
            }
            thread.stackSize = stackSize
            thread.start()
            done.wait()
            h.run = nil
        }
        return try h.result!.get()
    }

    func deeper(_ e: Expr) throws(ClaimError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ClaimError(.type, "expression nested too deeply for the static checker (more than \(Self.maximumDepth) levels)", at: e.location)
        }
    }

    // MARK: Names

    static let calculusNames: Set<String> = ["grad", "hessian", "D", "d2", "hessmap", "is_critical", "taylor"]

    /// Every name used in `e` must be bound: given, defined, a parameter or comprehension
    /// variable (`bound`), or a built-in.
    func resolve(_ e: Expr, _ bound: Set<String>) throws(ClaimError) {
        try deeper(e)
        defer { depth -= 1 }
        func known(_ n: String) -> Bool { bound.contains(n) || claimNames.contains(n) || Evaluator.builtinNames.contains(n) }
        switch e.kind {
        case .number, .boolean: return
        case let .identifier(n):
            if !known(n) { throw ClaimError(.type, "unknown name '\(n)'", at: e.location) }
        case let .call(name, args, named):
            if !known(name) { throw ClaimError(.type, "unknown function '\(name)'", at: e.location) }
            for a in args { try resolve(a, bound) }
            for (_, v) in named { try resolve(v, bound) }
        case let .unary(_, x), let .transpose(x): try resolve(x, bound)
        case let .binary(_, a, b), let .range(a, b):
            try resolve(a, bound)
            try resolve(b, bound)
        case let .index(x, args):
            try resolve(x, bound)
            for a in args { if case let .expr(y) = a { try resolve(y, bound) } }
        case let .block(rows):
            for row in rows { for x in row { try resolve(x, bound) } }
        case let .tuple(items):
            for x in items { try resolve(x, bound) }
        case let .binder(_, v, domain, body):
            try resolve(domain, bound)
            try resolve(body, bound.union([v]))
        case let .conditional(c, a, b):
            try resolve(c, bound)
            try resolve(a, bound)
            try resolve(b, bound)
        }
    }

    // MARK: Hypotheses

    /// Adds the equalities `x == p` (x an integer variable not in p) among the conjuncts of `e`,
    /// keeping the substitution reduced (no substituted variable appears on a right side).
    func collectEqualities(_ e: Expr, _ local: [String: StaticType] = [:]) throws(ClaimError) {
        switch e.kind {
        case let .binary(.and, a, b):
            try collectEqualities(a, local)
            try collectEqualities(b, local)
        case let .binary(.equal, a, b):
            guard case let .integer(x?) = try infer(a, local), case let .integer(y?) = try infer(b, local) else { return }
            let d = normalized(x - y)
            for v in d.atoms.sorted() where integerVariables.contains(v) {
                guard let c = d.terms[[v]], c == 1 || c == -1,
                      d.terms.keys.allSatisfy({ $0 == [v] || !$0.contains(v) }) else { continue }
                // d = c·v + rest = 0  ⇒  v = −rest/c.
                var rest = d
                rest.terms[[v]] = nil
                let value = c == 1 ? -rest : rest
                for (k, p) in equalities { equalities[k] = p.substituting([v: value]) }
                equalities[v] = value
                return
            }
        default: return
        }
    }

    /// `body` checked under the equalities that `guardExpr` states: Q in `P => Q`, `P and Q`
    /// and `if P then Q else …` is evaluated only where P holds.
    func assuming<T>(_ guardExpr: Expr, _ local: [String: StaticType], _ body: () throws(ClaimError) -> T) throws(ClaimError) -> T {
        let saved = equalities
        defer { equalities = saved }
        try collectEqualities(guardExpr, local)
        return try body()
    }

    /// A dimension with the hypotheses' equalities substituted (to a fixed point, bounded).
    func normalized(_ d: Dimension) -> Dimension {
        var x = d
        for _ in 0..<8 {
            guard !x.atoms.isDisjoint(with: equalities.keys) else { return x }
            x = x.substituting(equalities)
        }
        return x
    }

    // MARK: Comparing dimensions

    func mismatch(_ e: Expr, _ what: String, _ a: StaticType, _ b: StaticType) -> ClaimError {
        ClaimError(.dimension, "\(what): \(a) and \(b)", at: e.location)
    }

    /// Known to differ: the difference is a nonzero polynomial in declared integer variables
    /// only. A difference that involves an opaque atom (`len(I)`, `min(k, r)`) may vanish on
    /// every instance and is left to the runtime check.
    func differ(_ a: Dimension, _ b: Dimension) -> Bool {
        let d = normalized(a - b)
        if d.terms.isEmpty { return false }
        return d.terms.keys.allSatisfy { $0.allSatisfy { integerVariables.contains($0) } }
    }

    /// The type of `if c then a else b` or `choose(a, b)`: what the alternatives agree on. A
    /// dimension on which they may differ becomes an opaque atom (never a claim's integer
    /// variable), so it is checked at run time and never reported as a static mismatch.
    func join(_ x: StaticType, _ y: StaticType, _ e: Expr) -> StaticType {
        func same(_ a: Dimension, _ b: Dimension) -> Bool { normalized(a - b).terms.isEmpty }
        func joined(_ a: Dimension, _ b: Dimension, _ what: String) -> Dimension {
            same(a, b) ? a : .atom("\(what)(\(e.description))")
        }
        switch (x, y) {
        case let (.integer(a?), .integer(b?)): return .integer(same(a, b) ? a : nil)
        case (.integer, .integer): return .integer(nil)
        case (.scalar, .integer), (.integer, .scalar): return .scalar
        case let (.matrix(r1, c1), .matrix(r2, c2)):
            return .matrix(joined(r1, r2, "rows"), joined(c1, c2, "cols"))
        case let (.indices(a), .indices(b)):
            if let a, let b, same(a, b) { return .indices(a) }
            return .indices(nil)
        case let (.sequence(a), .sequence(b)): return .sequence(join(a, b, e))
        case let (.tuple(a), .tuple(b)) where a.count == b.count:
            return .tuple(zip(a, b).map { join($0, $1, e) })
        case (.scalar, .scalar), (.boolean, .boolean), (.function, .function): return x
        default: return .unknown
        }
    }

    /// 1×1 for every instance.
    func isOneByOne(_ t: StaticType) -> Bool {
        if case let .matrix(r, c) = t { return normalized(r).constantValue == 1 && normalized(c).constantValue == 1 }
        return false
    }

    /// A matrix whose shape differs from 1×1 as polynomials in the integer variables (it is not
    /// 1×1 on some instance, and 1×1 on others only by accident).
    func notOneByOne(_ t: StaticType) -> Bool {
        if case let .matrix(r, c) = t { return differ(r, .constant(1)) || differ(c, .constant(1)) }
        return false
    }

    func isNumberOrMatrix(_ t: StaticType) -> Bool {
        switch t {
        case .integer, .scalar, .matrix: return true
        default: return false
        }
    }

    /// An integer constant other than 0.
    func isNonzeroConstant(_ t: StaticType) -> Bool {
        if case let .integer(d?) = t, let c = normalized(d).constantValue { return c != 0 }
        return false
    }

    /// A number, or a matrix that is 1×1 for every instance.
    func isStaticallyScalar(_ t: StaticType) -> Bool {
        switch t {
        case .integer, .scalar: return true
        default: return isOneByOne(t)
        }
    }

    func atom(_ e: Expr) -> StaticType { .integer(.atom(e.description)) }

    // MARK: Inference

    func infer(_ e: Expr, _ local: [String: StaticType]) throws(ClaimError) -> StaticType {
        try deeper(e)
        defer { depth -= 1 }
        switch e.kind {
        case let .number(q):
            if q.isInteger, let i = q.numerator.asInt { return .integer(.constant(i)) }
            return .scalar
        case .boolean: return .boolean
        case let .identifier(n):
            if let t = local[n] { return t }
            switch env[n] {
            case let .type(t)?: return t
            case let .definition(body)?:
                env[n] = .checking
                let saved = parameterNames
                parameterNames = []
                defer { parameterNames = saved }
                do {
                    let t = try infer(body, [:])
                    env[n] = .type(t)
                    return t
                } catch {
                    env[n] = .definition(body)
                    throw error
                }
            case .function?: return .function
            case .checking?: return .unknown
            case nil:
                if claimNames.contains(n) { return .unknown }  // a given used before it is drawn
                if Evaluator.builtinNames.contains(n) { return .function }
                throw ClaimError(.type, "unknown name '\(n)'", at: e.location)
            }
        case let .unary(op, x):
            let t = try infer(x, local)
            if op == .not { return .boolean }
            if case let .integer(d) = t { return .integer(d.map { -$0 }) }
            return t
        case let .transpose(x):
            switch try infer(x, local) {
            case let .matrix(r, c): return .matrix(c, r)
            case let t: return t
            }
        case let .binary(op, a, b):
            let x = try infer(a, local)
            let y: StaticType
            if op == .and || op == .implies {
                y = try assuming(a, local) { () throws(ClaimError) -> StaticType in try infer(b, local) }
            } else {
                y = try infer(b, local)
            }
            if op == .multiply { e.staticInfo.recordOperands(left: isStaticallyScalar(x), right: isStaticallyScalar(y)) }
            return try binary(op, x, y, e)
        case let .range(a, b):
            if case let .integer(lo?) = try infer(a, local), case let .integer(hi?) = try infer(b, local) {
                return .indices(hi - lo + .constant(1))
            }
            return .indices(nil)
        case let .index(x, args):
            return try index(try infer(x, local), args, e, local)
        case let .block(rows):
            var rowTypes: [(Dimension, Dimension)?] = []
            for row in rows {
                var h: Dimension? = nil
                var w: Dimension? = .constant(0)
                var known = true
                for x in row {
                    var t = try infer(x, local)
                    if case .integer = t { t = .matrix(.constant(1), .constant(1)) }
                    if case .scalar = t { t = .matrix(.constant(1), .constant(1)) }
                    guard case let .matrix(r, c) = t else { known = false; continue }
                    if let hh = h, differ(hh, r) {
                        throw ClaimError(.dimension, "blocks in one block row have different row counts: \(hh) and \(r)", at: x.location)
                    }
                    h = r
                    w = w.map { $0 + c }
                }
                rowTypes.append(known ? h.flatMap { hh in w.map { (hh, $0) } } : nil)
            }
            guard rowTypes.allSatisfy({ $0 != nil }), !rowTypes.isEmpty else { return .unknown }
            let first = rowTypes[0]!
            for rt in rowTypes.dropFirst() where differ(rt!.1, first.1) {
                throw ClaimError(.dimension, "block rows have different column counts: \(first.1) and \(rt!.1)", at: e.location)
            }
            return .matrix(rowTypes.reduce(Dimension.constant(0)) { $0 + $1!.0 }, first.1)
        case let .tuple(items):
            var ts: [StaticType] = []
            for i in items { ts.append(try infer(i, local)) }
            return .tuple(ts)
        case let .binder(kind, v, domain, body):
            let domainType = try infer(domain, local)
            var inner = local
            // A comprehension variable is its own opaque symbol, never a claim's integer variable.
            inner[v] = .integer(.atom(integerVariables.contains(v) ? v + "′" : v))
            let t = try infer(body, inner)
            var count: Dimension? = nil
            if case let .indices(n?) = domainType { count = n }
            let n = count ?? .atom("len(\(domain))")
            if [.sum, .prod, .hcat, .vcat].contains(kind) {
                // The body's shape, for an empty domain: only when it is the same for every
                // element (it does not mention the comprehension's variable).
                var shape = StaticAnnotation.Shape.none
                if case let .matrix(r, c) = t, shadowFree(r), shadowFree(c),
                   case let .integer(vd?)? = inner[v], r.atoms.isDisjoint(with: vd.atoms), c.atoms.isDisjoint(with: vd.atoms) {
                    shape = .matrix(r, c)
                }
                e.staticInfo.recordBody(shape)
            }
            switch kind {
            case .all, .any: return .boolean
            case .first, .count: return .integer(.atom(e.description))
            case .filter: return .indices(nil)
            case .seq: return .sequence(t)
            case .column: return .matrix(n, .constant(1))
            case .hcat, .vcat:
                var part = t
                if case .integer = t { part = .matrix(.constant(1), .constant(1)) }
                if case .scalar = t { part = .matrix(.constant(1), .constant(1)) }
                guard case let .matrix(r, c) = part else { return .unknown }
                return kind == .hcat ? .matrix(r, c * n) : .matrix(r * n, c)
            case .sum, .min, .max:
                if case .integer = t { return .integer(.atom(e.description)) }
                return t
            case .prod:
                if case .integer = t { return .integer(.atom(e.description)) }
                if case let .matrix(r, c) = t, !differ(r, c) { return t }
                return .unknown
            }
        case let .conditional(c, a, b):
            _ = try infer(c, local)
            let t = try assuming(c, local) { () throws(ClaimError) -> StaticType in try infer(a, local) }
            return join(t, try infer(b, local), e)
        case let .call(name, args, named):
            return try call(name, args, named, e, local)
        }
    }

    /// A dimension that means the same at run time where the node is evaluated: none of its
    /// atoms is a parameter of an enclosing user function (whose value there differs from the
    /// caller's variable of that name).
    func shadowFree(_ d: Dimension) -> Bool {
        let params = parameterNames.reduce(into: Set<String>()) { $0.formUnion($1) }
        return d.atoms.isDisjoint(with: params)
    }

    func index(_ t: StaticType, _ args: [IndexArgument], _ e: Expr, _ local: [String: StaticType]) throws(ClaimError) -> StaticType {
        func count(_ a: IndexArgument, _ whole: Dimension) throws(ClaimError) -> Dimension? {
            switch a {
            case .all: return whole
            case let .expr(y):
                switch try infer(y, local) {
                case .integer: return nil  // a single index: the dimension disappears
                case let .indices(n): return n ?? .atom("len(\(y))")
                default: return .atom("len(\(y))")
                }
            }
        }
        func inferArguments() throws(ClaimError) {
            for a in args { if case let .expr(y) = a { _ = try infer(y, local) } }
        }
        switch t {
        case let .matrix(r, c):
            if args.count == 2 {
                let rr = try count(args[0], r), cc = try count(args[1], c)
                if rr == nil && cc == nil { return .scalar }
                return .matrix(rr ?? .constant(1), cc ?? .constant(1))
            }
            if normalized(c).constantValue == 1 { return try count(args[0], r).map { .matrix($0, .constant(1)) } ?? .scalar }
            if normalized(r).constantValue == 1 { return try count(args[0], c).map { .matrix(.constant(1), $0) } ?? .scalar }
            try inferArguments()
            return .unknown
        case let .indices(len):
            if case .expr(let y) = args[0] {
                switch try infer(y, local) {
                case .integer: return .integer(.atom(e.description))
                case let .indices(n): return .indices(n)
                case .unknown: return .unknown
                default: break
                }
            }
            _ = len
            return .indices(nil)
        case let .sequence(el):
            if case .expr(let y) = args[0] {
                switch try infer(y, local) {
                case .integer:
                    if case .integer(nil) = el { return .integer(.atom(e.description)) }
                    return el
                case .indices: return t
                default: return .unknown
                }
            }
            return t
        case let .tuple(items):
            if case .expr(let y) = args[0], case let .integer(d?) = try infer(y, local),
               let i = normalized(d).constantValue, i >= 1, i <= items.count {
                return items[i - 1]
            }
            try inferArguments()
            return .unknown
        default:
            try inferArguments()
            return .unknown
        }
    }

    func binary(_ op: BinaryOperator, _ x: StaticType, _ y: StaticType, _ e: Expr) throws(ClaimError) -> StaticType {
        if op.isLogical { return .boolean }
        if op.isComparison {
            if case let .matrix(r1, c1) = x, case let .matrix(r2, c2) = y, !isOneByOne(x), !isOneByOne(y),
               differ(r1, r2) || differ(c1, c2) {
                throw mismatch(e, "cannot compare", x, y)
            }
            // `<`, `<=`, … compare numbers: a matrix that is not 1×1 (its shape differs from
            // 1×1 as polynomials) is an error on every instance but those where it happens to
            // be 1×1; so is `M == c` for a nonzero constant c (only 0 is every matrix's zero).
            let ordering = op != .equal && op != .notEqual
            for (s, t) in [(x, y), (y, x)] where notOneByOne(s) {
                if ordering, isNumberOrMatrix(t) { throw mismatch(e, "cannot order (a number is needed)", x, y) }
                if !ordering, isNonzeroConstant(t) { throw mismatch(e, "cannot compare a matrix with a nonzero number", x, y) }
            }
            if case let .tuple(a) = x, case let .tuple(b) = y, a.count == b.count {
                for (s, t) in zip(a, b) { _ = try binary(op, s, t, e) }
            }
            return .boolean
        }
        switch (x, y) {
        case let (.integer(a), .integer(b)):
            guard let a, let b else { return .integer(nil) }
            switch op {
            case .add: return .integer(a + b)
            case .subtract: return .integer(a - b)
            case .multiply: return .integer(a * b)
            case .power:
                if let k = b.constantValue, k >= 0, k <= 8 {
                    var p = Dimension.constant(1)
                    for _ in 0..<k { p = p * a }
                    return .integer(p)
                }
                return .integer(.atom(e.description))
            default: return .scalar
            }
        case let (.matrix(r1, c1), .matrix(r2, c2)):
            if isOneByOne(x) && op == .multiply { return y }
            if isOneByOne(y) && op == .multiply { return x }
            switch op {
            case .add, .subtract:
                if isOneByOne(x) && isOneByOne(y) { return x }
                if differ(r1, r2) || differ(c1, c2) {
                    throw mismatch(e, op == .add ? "cannot add" : "cannot subtract", x, y)
                }
                return x
            case .multiply:
                if differ(c1, r2) { throw mismatch(e, "cannot multiply", x, y) }
                return .matrix(r1, c2)
            default: return .unknown
            }
        case (.matrix, .integer), (.matrix, .scalar):
            // A number and a 1×1 matrix combine as numbers; a matrix times, over or to the
            // power of a number keeps its shape. Adding a nonzero constant to a matrix that is
            // not 1×1 is an error (0 is the only number every matrix adds to).
            if isOneByOne(x) { return .scalar }
            if op == .add || op == .subtract, notOneByOne(x), isNonzeroConstant(y) {
                throw mismatch(e, op == .add ? "cannot add" : "cannot subtract", x, y)
            }
            return op == .add || op == .subtract ? .unknown : x
        case (.integer, .matrix), (.scalar, .matrix):
            if isOneByOne(y) { return .scalar }
            if op == .add || op == .subtract, notOneByOne(y), isNonzeroConstant(x) {
                throw mismatch(e, op == .add ? "cannot add" : "cannot subtract", x, y)
            }
            return op == .multiply ? y : .unknown
        case (.tuple, .tuple), (_, .tuple): return y
        case (.scalar, .scalar), (.scalar, .integer), (.integer, .scalar): return .scalar
        case (.integer, .sequence), (.scalar, .sequence): return op == .multiply ? y : .unknown
        // Anything with an operand of unknown type may be a matrix: unknown, checked at run time.
        default: return .unknown
        }
    }

    /// The type of a user function's body for arguments of types `ts`; unknown for a call of a
    /// function whose body is being checked (recursion).
    func apply(_ name: String, _ ts: [StaticType]) throws(ClaimError) -> StaticType? {
        guard case let .function(params, body)? = env[name] else { return nil }
        guard params.count == ts.count, !functionsInProgress.contains(name) else { return .unknown }
        var inner: [String: StaticType] = [:]
        for (p, t) in zip(params, ts) { inner[p] = t }
        functionsInProgress.insert(name)
        parameterNames.append(Set(params))
        defer {
            functionsInProgress.remove(name)
            parameterNames.removeLast()
        }
        return try infer(body, inner)
    }

    func call(_ name: String, _ args: [Expr], _ named: [(String, Expr)], _ e: Expr, _ local: [String: StaticType]) throws(ClaimError) -> StaticType {
        var ts: [StaticType] = []
        let calculus = Self.calculusNames.contains(name)
        for (i, a) in args.enumerated() where !calculus || i > 0 {
            ts.append(try infer(a, local))
        }
        var options: [String: StaticType] = [:]
        for (k, v) in named { options[k] = try infer(v, local) }
        if local[name] != nil { return .unknown }  // a parameter holding a function
        if let t = try apply(name, ts) { return t }
        if env[name] != nil || claimNames.contains(name) { return .unknown }
        guard Evaluator.builtinNames.contains(name) else {
            throw ClaimError(.type, "unknown function '\(name)'", at: e.location)
        }
        func dim(_ i: Int) -> Dimension? {
            guard i < ts.count else { return nil }
            if case let .integer(d) = ts[i] { return d }
            return nil
        }
        func matrixShape(_ i: Int) -> (Dimension, Dimension)? {
            guard i < ts.count else { return nil }
            switch ts[i] {
            case let .matrix(r, c): return (r, c)
            case .integer, .scalar: return (.constant(1), .constant(1))
            default: return nil
            }
        }
        func requireSquare(_ i: Int) throws(ClaimError) {
            if let (r, c) = matrixShape(i), differ(r, c), !isOneByOne(ts[i]) {
                throw ClaimError(.dimension, "\(name) needs a square matrix, got \(ts[i])", at: args[i].location)
            }
        }
        func square(_ d: Dimension?) -> StaticType { d.map { .matrix($0, $0) } ?? .unknown }
        /// The parameters' types at a point: a tuple gives one per parameter.
        func pointTypes(_ t: StaticType?, count: Int) -> [StaticType]? {
            guard let t else { return nil }
            if count == 1 { return [t] }
            if case let .tuple(items) = t, items.count == count { return items }
            return nil
        }
        func functionResult() throws(ClaimError) -> StaticType {
            // D(f, point, dir), d2(f, …), taylor(f, …): the type of f at the point.
            guard case let .identifier(f)? = args.first?.kind, case let .function(params, _)? = env[f],
                  let point = pointTypes(ts.first, count: params.count) else { return .unknown }
            return try apply(f, point) ?? .unknown
        }
        switch name {
        // Generators.
        case "int": return .integer(nil)
        case "each":
            if case let .tuple(items)? = ts.first, let h = items.first { return items.dropFirst().reduce(h) { join($0, $1, e) } }
            return .integer(nil)
        case "rational": return .scalar
        case "bool": return .boolean
        case "choose":
            if ts.count == 1, case .indices = ts[0] { return .integer(nil) }
            guard let h = ts.first else { return .unknown }
            return ts.dropFirst().reduce(h) { join($0, $1, e) }
        case "matrix", "int_matrix", "rank_matrix", "stiefel":
            if let r = dim(0), let c = dim(1) { return .matrix(r, c) }
            return .unknown
        case "orthogonal", "gl", "spd", "symmetric", "skew": return square(dim(0))
        case "spectrum":
            guard let r = dim(0) else { return .unknown }
            var z = Dimension.constant(0)
            if let zt = options["zeros"] {
                guard case let .integer(d?) = zt else { return .unknown }
                z = d
            }
            return .matrix(r + z, .constant(1))
        case "with_spectrum":
            if let (r, c) = matrixShape(0) {
                if normalized(c).constantValue == 1 { return .matrix(r, r) }
                if normalized(r).constantValue == 1 { return .matrix(c, c) }
            }
            return .unknown
        case "with_svd":
            guard let m = dim(0), let n = dim(1) else { return .unknown }
            return .tuple([.matrix(m, n), .matrix(m, m), .matrix(n, n)])
        case "subset", "all_subsets":
            return args.count == 2 ? .indices(dim(1)) : .indices(nil)
        case "permutation", "all_permutations": return .indices(dim(0))
        // Built-in functions.
        case "zeros", "ones":
            if let r = dim(0) { return .matrix(r, ts.count == 1 ? .constant(1) : (dim(1) ?? .atom("cols(\(e))"))) }
            return .unknown
        case "eye": return square(dim(0))
        case "e": return dim(1).map { .matrix($0, .constant(1)) } ?? .unknown
        case "diag":
            if let (r, c) = matrixShape(0) {
                if normalized(c).constantValue == 1 { return .matrix(r, r) }
                if normalized(r).constantValue == 1 { return .matrix(c, c) }
                return .matrix(.atom("min(\(r), \(c))"), .constant(1))
            }
            return .unknown
        case "trace", "det":
            try requireSquare(0)
            return .scalar
        case "inv":
            try requireSquare(0)
            return ts.first ?? .unknown
        case "pinv":
            return matrixShape(0).map { .matrix($0.1, $0.0) } ?? .unknown
        case "lambda_min", "lambda_max", "eig":
            try requireSquare(0)
            return .scalar
        case "roots", "svals": return .sequence(.scalar)
        case "sigma_max", "nuclear": return .scalar
        case "root_count": return .integer(.atom(e.description))
        case "poly", "kth_root": return .scalar
        case "mod": return .integer(.atom(e.description))
        case "permutations": return .sequence(.indices(dim(0)))
        case "op":
            // op(A, Z): ⟨Aᵢ, Z⟩ for each matrix of the sequence A: a column of length len(A).
            if case let .sequence(el)? = ts.first, case let .matrix(r1, c1) = el, let (r2, c2) = matrixShape(1),
               differ(r1, r2) || differ(c1, c2) {
                throw mismatch(e, "op(A, Z): A's matrices and Z have different shapes", el, ts[1])
            }
            return .matrix(.atom("len(\(args[0]))"), .constant(1))
        case "adj":
            if case let .sequence(el)? = ts.first {
                if let (_, c) = matrixShape(1), differ(c, .constant(1)) {
                    throw ClaimError(.dimension, "adj(A, y) needs a column y, got \(ts[1])", at: args[1].location)
                }
                return el
            }
            return .unknown
        case "at":
            if case let .indices(n?)? = ts.dropFirst().first { return .matrix(n, .constant(1)) }
            if ts.count == 2 { return .matrix(.atom("len(\(args[1]))"), .constant(1)) }
            return .unknown
        case "argsort": return matrixShape(0).map { .indices($0.0 * $0.1) } ?? .indices(nil)
        case "sort": return matrixShape(0).map { .matrix($0.0 * $0.1, .constant(1)) } ?? .unknown
        case "charpoly":
            try requireSquare(0)
            return matrixShape(0).map { .matrix($0.0 + .constant(1), .constant(1)) } ?? .unknown
        case "inertia": try requireSquare(0); return .tuple([.integer(nil), .integer(nil), .integer(nil)])
        case "num_neg", "num_zero", "num_pos": try requireSquare(0); return .integer(.atom(e.description))
        case "psd", "pd": try requireSquare(0); return .boolean
        case "is_symmetric", "has_inverse", "is_critical": return .boolean
        case "rows": return matrixShape(0).map { .integer($0.0) } ?? .integer(.atom(e.description))
        case "cols": return matrixShape(0).map { .integer($0.1) } ?? .integer(.atom(e.description))
        case "len":
            switch ts.first {
            case let .indices(n?)?: return .integer(n)
            case let .matrix(r, c)?:
                if normalized(c).constantValue == 1 { return .integer(r) }
                if normalized(r).constantValue == 1 { return .integer(c) }
            default: break
            }
            return .integer(.atom(e.description))
        case "rank", "nullity", "floor", "ceil", "sign":
            return .integer(.atom(e.description))
        case "fro2", "fro", "abs": return .scalar
        case "inner":
            if let (r1, c1) = matrixShape(0), let (r2, c2) = matrixShape(1), differ(r1, r2) || differ(c1, c2) {
                throw mismatch(e, "inner product of different shapes", ts[0], ts[1])
            }
            if case let .tuple(a)? = ts.first, case let .tuple(b) = ts[1], a.count == b.count {
                for (s, t) in zip(a, b) {
                    if case let .matrix(r1, c1) = s, case let .matrix(r2, c2) = t, differ(r1, r2) || differ(c1, c2) {
                        throw mismatch(e, "inner product of different shapes", s, t)
                    }
                }
            }
            return .scalar
        case "sqrt": return ts.first.map { if case .integer = $0 { return .scalar } else { return $0 } } ?? .unknown
        case "min", "max":
            if ts.allSatisfy({ if case .integer = $0 { return true } else { return false } }) { return .integer(.atom(e.description)) }
            return .scalar
        case "vec": return matrixShape(0).map { .matrix($0.0 * $0.1, .constant(1)) } ?? .unknown
        case "unvec": if let r = dim(1), let c = dim(2) { return .matrix(r, c) } else { return .unknown }
        case "kron":
            if let (a, b) = matrixShape(0), let (c, d) = matrixShape(1) { return .matrix(a * c, b * d) }
            return .unknown
        case "solve":
            try requireSquare(0)
            if let (n, _) = matrixShape(0), let (r, _) = matrixShape(1), differ(n, r) {
                throw mismatch(e, "solve(A, B): A and B have different row counts", ts[0], ts[1])
            }
            return matrixShape(1).map { .matrix($0.0, $0.1) } ?? .unknown
        case "nullspace":
            // A basis of {x : Ax = 0} as columns: n × nullity(A).
            return matrixShape(0).map { .matrix($0.1, .atom("nullity(\(args[0]))")) } ?? .unknown
        case "blkdiag":
            if ts.count == 1, case .sequence = ts[0] {
                return .matrix(.atom("rows(\(e))"), .atom("cols(\(e))"))
            }
            var r = Dimension.constant(0), c = Dimension.constant(0)
            for i in ts.indices {
                guard let (a, b) = matrixShape(i) else { return .unknown }
                r = r + a
                c = c + b
            }
            return .matrix(r, c)
        case "reverse":
            if case let .sequence(el)? = ts.first { return .sequence(el) }
            if case let .indices(n)? = ts.first { return .indices(n) }
            return ts.first.map { if case .unknown = $0 { return .unknown } else { return .indices(nil) } } ?? .unknown
        case "minus": return .indices(nil)
        case "grad":
            let shapes = ts.flatMap { t -> [StaticType] in if case let .tuple(x) = t { return x } else { return [t] } }
            return shapes.count == 1 ? shapes[0] : .tuple(shapes)
        case "hessian":
            let shapes = ts.flatMap { t -> [StaticType] in if case let .tuple(x) = t { return x } else { return [t] } }
            var n = Dimension.constant(0)
            for s in shapes {
                guard case let .matrix(r, c) = s else { return .unknown }
                n = n + r * c
            }
            return .matrix(n, n)
        case "hessmap": return ts.first ?? .unknown
        case "D", "d2", "taylor": return try functionResult()
        default: return .unknown
        }
    }
}
