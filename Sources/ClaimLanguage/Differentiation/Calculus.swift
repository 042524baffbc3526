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

        /// Flattens one argument into p matrices when it is a tuple.
        func group(_ v: Value, _ at: Expr) throws(ClaimError) -> [Matrix<Rational>] {
            if case let .tuple(items) = v {
                var out: [Matrix<Rational>] = []
                for x in items { out.append(try matrix(x, at)) }
                return out
            }
            return [try matrix(v, at)]
        }
        var point: [Matrix<Rational>] = []
        var directions: [[Matrix<Rational>]] = []
        switch name {
        case "grad", "hessian", "is_critical":
            for (i, v) in values.enumerated() { point += try group(v, argExprs[i + 1]) }
        default:
            let needed = name == "d2" ? [2, 3] : [2]
            guard needed.contains(values.count) else {
                throw fail(e, "\(name)(f, point, direction\(name == "d2" ? "[, direction2]" : "")) takes \(needed.map { $0 + 1 }.map(String.init).joined(separator: " or ")) arguments")
            }
            point = try group(values[0], argExprs[1])
            for (i, v) in values.enumerated().dropFirst() { directions.append(try group(v, argExprs[i + 1])) }
        }
        guard point.count == p else {
            throw fail(e, "\(fname) has \(p) parameter(s) but the point has \(point.count) matrices")
        }
        for d in directions {
            guard d.count == p else { throw fail(e, "the direction has \(d.count) matrices, \(fname) has \(p) parameters") }
            for (x, y) in zip(point, d) where x.rows != y.rows || x.columns != y.columns {
                throw ClaimError(.dimension, "direction \(y.rows)×\(y.columns) does not match the point's \(x.rows)×\(x.columns)", at: e.location)
            }
        }
        let tape = try TapeBuilder.record(f, shapes: point.map { ($0.rows, $0.columns) }, evaluator: self, at: e)

        func run(_ tangent: [Matrix<Rational>]?) throws(ClaimError) -> (values: [Dual], adjoints: [Dual]) {
            let inputs = point.enumerated().map { Dual($0.element, tangent?[$0.offset]) }
            do {
                let v = try tape.forward(inputs)
                return (v, tape.reverse(v))
            } catch {
                throw fail(e, "\(fname) is not differentiable here: a matrix it inverts is singular")
            }
        }
        func pack(_ ms: [Matrix<Rational>]) -> Value { ms.count == 1 ? .matrix(ms[0]) : .tuple(ms.map { .matrix($0) }) }

        switch name {
        case "grad":
            return pack(try run(nil).adjoints.map(\.primal))
        case "is_critical":
            return .truth(Truth(try run(nil).adjoints.allSatisfy { $0.primal.isZero }))
        case "D":
            let r = try run(directions[0])
            return .scalar(r.values[tape.output].tangentOrZero[0, 0])
        case "hessmap":
            return pack(try run(directions[0]).adjoints.map(\.tangentOrZero))
        case "d2":
            let hv = try run(directions[0]).adjoints.map(\.tangentOrZero)
            let other = directions.count == 2 ? directions[1] : directions[0]
            return .scalar(zip(hv, other).reduce(Rational.zero) { $0 + Matrix.frobeniusInner($1.0, $1.1) })
        default: // hessian
            let sizes = point.map { $0.rows * $0.columns }
            let n = sizes.reduce(0, +)
            try checkSize(n, n, e)
            var columns: [[Rational]] = []
            for k in 0..<n {
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
