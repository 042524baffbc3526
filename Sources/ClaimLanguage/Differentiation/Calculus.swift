import Numbers
import Matrices

/// `grad`, `hessian`, `D`, `d2`, `hessmap` and `is_critical`: derivatives of a user function
/// computed by the tool itself (reverse mode, and forward-over-reverse for second order), exact
/// over ℚ. Points and directions are matrices or tuples of matrices, one per parameter, and the
/// Hessian is the symmetric matrix of the second derivative in the column-major vec order of the
/// parameters taken one after another: vec(W) then vec(S).
extension Evaluator {
    func calculus(_ name: String, _ argExprs: [Expr], _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value {
        guard let fExpr = argExprs.first, case let .identifier(fname) = fExpr.kind,
              case let .function(f) = try lookup(fname, in: scope, at: fExpr) else {
            throw fail(e, "\(name) needs a function name as its first argument, e.g. \(name)(J, W, S)")
        }
        var values: [Value] = []
        for a in argExprs.dropFirst() { values.append(try eval(a, scope)) }
        let p = f.parameters.count

        /// One argument group (a point or a direction): p parameter values, each a matrix or a
        /// sequence of matrices; a single tuple of p values is unpacked.
        func parameters(_ vs: [Value], _ at: Expr) throws(ClaimError) -> (structure: [Int?], matrices: [Matrix<Rational>]) {
            var items = vs
            if items.count == 1, p > 1, case let .tuple(t) = items[0] { items = t }
            guard items.count == p else {
                throw fail(at, "\(fname) has \(p) parameter(s) but \(items.count) value(s) were given")
            }
            var structure: [Int?] = []
            var ms: [Matrix<Rational>] = []
            for v in items {
                if case let .sequence(seq) = v {
                    structure.append(seq.count)
                    for x in seq { ms.append(try matrix(x, at)) }
                } else {
                    structure.append(nil)
                    ms.append(try matrix(v, at))
                }
            }
            return (structure, ms)
        }
        let structure: [Int?]
        var point: [Matrix<Rational>] = []
        var directions: [[Matrix<Rational>]] = []
        var taylorOrder = 0
        if name == "taylor" {
            // taylor(f, point, direction, k): the k-th coefficient of t ↦ f(point + t·direction).
            guard values.count == 3 else { throw fail(e, "taylor(f, point, direction, k) takes 4 arguments") }
            taylorOrder = try integer(values[2], argExprs[3])
            guard taylorOrder >= 0 && taylorOrder <= 64 else { throw fail(argExprs[3], "taylor: order must be in 0...64") }
            values.removeLast()
        }
        switch name {
        case "grad", "hessian", "is_critical":
            (structure, point) = try parameters(values, e)
        default:
            let needed = name == "d2" ? [2, 3] : [2]
            guard needed.contains(values.count) else {
                throw fail(e, "\(name)(f, point, direction\(name == "d2" ? "[, direction2]" : "")) takes \(needed.map { $0 + 1 }.map(String.init).joined(separator: " or ")) arguments")
            }
            (structure, point) = try parameters([values[0]], argExprs[1])
            for (i, v) in values.enumerated().dropFirst() {
                let d = try parameters([v], argExprs[i + 1])
                guard d.structure == structure else { throw fail(argExprs[i + 1], "the direction does not have the point's structure") }
                directions.append(d.matrices)
            }
        }
        for d in directions {
            for (x, y) in zip(point, d) where x.rows != y.rows || x.columns != y.columns {
                throw ClaimError(.dimension, "direction \(y.rows)×\(y.columns) does not match the point's \(x.rows)×\(x.columns)", at: e.location)
            }
        }
        let tape = try TapeBuilder.record(f, structure: structure, shapes: point.map { ($0.rows, $0.columns) },
                                          scalar: name != "D" && name != "taylor", evaluator: self, at: e)

        func run(_ tangent: [Matrix<Rational>]?) throws(ClaimError) -> (values: [Dual], adjoints: [Dual]) {
            let inputs = point.enumerated().map { Dual($0.element, tangent?[$0.offset]) }
            do {
                let v = try tape.forward(inputs)
                return (v, tape.reverse(v))
            } catch {
                if error == .cancelled { throw budgetExhausted(e) }
                throw fail(e, "\(fname) is not differentiable here: a matrix it inverts is singular")
            }
        }
        /// Rebuilds one value per parameter (matrix or sequence) from the flat list.
        func pack(_ ms: [Matrix<Rational>]) -> Value {
            var k = 0
            var out: [Value] = []
            for s in structure {
                if let count = s {
                    out.append(.sequence(ms[k..<(k + count)].map { .matrix($0) }))
                    k += count
                } else {
                    out.append(.matrix(ms[k]))
                    k += 1
                }
            }
            return out.count == 1 ? out[0] : .tuple(out)
        }

        switch name {
        case "taylor":
            let series: [[Matrix<Rational>]]
            do { series = try tape.taylor(point: point, direction: directions[0], order: taylorOrder) } catch {
                if error == .cancelled { throw budgetExhausted(e) }
                throw fail(e, "\(fname) is not analytic here: a matrix it inverts is singular")
            }
            let t = series[tape.output][taylorOrder]
            return t.rows == 1 && t.columns == 1 ? .scalar(t[0, 0]) : .matrix(t)
        case "grad":
            return pack(try run(nil).adjoints.map(\.primal))
        case "is_critical":
            return .truth(Truth(try run(nil).adjoints.allSatisfy { $0.primal.isZero }))
        case "D":
            // Forward mode only: the output may be any matrix (vector-valued functions such as
            // Lagrange multipliers defined through a solve).
            let inputs = point.enumerated().map { Dual($0.element, directions[0][$0.offset]) }
            let out: Dual
            do { out = try tape.forward(inputs)[tape.output] } catch {
                if error == .cancelled { throw budgetExhausted(e) }
                throw fail(e, "\(fname) is not differentiable here: a matrix it inverts is singular")
            }
            let t = out.tangentOrZero
            return t.rows == 1 && t.columns == 1 ? .scalar(t[0, 0]) : .matrix(t)
        case "hessmap":
            return pack(try run(directions[0]).adjoints.map(\.tangentOrZero))
        case "d2":
            let hv = try run(directions[0]).adjoints.map(\.tangentOrZero)
            let other = directions.count == 2 ? directions[1] : directions[0]
            return .scalar(zip(hv, other).reduce(Rational.zero) { $0 + Matrix.frobeniusInner($1.0, $1.1) })
        default: // hessian
            let sizes = point.map { $0.rows * $0.columns }
            let n = try checkedTotal(sizes, e)
            try checkSize(n, n, e)
            var columns: [[Rational]] = []
            for k in 0..<n {
                try poll(e)
                // Seed the k-th coordinate of vec(point).
                var offset = k
                var tangent = point.map { Matrix<Rational>.zeros($0.rows, $0.columns) }
                for (i, s) in sizes.enumerated() {
                    if offset < s {
                        let r = point[i].rows
                        tangent[i][offset % r, offset / r] = 1
                        break
                    }
                    offset -= s
                }
                let hv = try run(tangent).adjoints.map(\.tangentOrZero)
                columns.append(hv.flatMap { $0.vec.elements })
            }
            return .matrix(Matrix(rows: n, columns: n) { i, j in columns[j][i] })
        }
    }
}
