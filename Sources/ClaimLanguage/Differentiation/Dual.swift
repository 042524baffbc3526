import Numbers
import Matrices

/// A matrix with a tangent: P + εT with ε² = 0. The tangent `nil` means zero (saves work when
/// nothing is being differentiated). Products follow (A + εA')(B + εB') = AB + ε(A'B + AB').
struct Dual {
    var primal: Matrix<Rational>
    var tangent: Matrix<Rational>?

    init(_ p: Matrix<Rational>, _ t: Matrix<Rational>? = nil) {
        primal = p
        tangent = t
    }

    var rows: Int { primal.rows }
    var columns: Int { primal.columns }
    var isScalar: Bool { primal.rows == 1 && primal.columns == 1 }

    static func zeros(_ r: Int, _ c: Int) -> Dual { Dual(.zeros(r, c)) }

    static func + (a: Dual, b: Dual) -> Dual { Dual(a.primal + b.primal, addTangents(a.tangent, b.tangent)) }
    static func - (a: Dual, b: Dual) -> Dual { a + (-b) }
    static prefix func - (a: Dual) -> Dual { Dual(-a.primal, a.tangent.map { -$0 }) }

    static func * (a: Dual, b: Dual) -> Dual {
        var t: Matrix<Rational>? = nil
        if let at = a.tangent { t = at * b.primal }
        if let bt = b.tangent { t = addTangents(t, a.primal * bt) }
        return Dual(a.primal * b.primal, t)
    }

    /// s·A for a 1×1 dual s.
    static func scale(_ s: Dual, _ a: Dual) -> Dual {
        let c = s.primal[0, 0]
        var t: Matrix<Rational>? = a.tangent.map { c * $0 }
        if let st = s.tangent { t = addTangents(t, st[0, 0] * a.primal) }
        return Dual(c * a.primal, t)
    }

    var transposed: Dual { Dual(primal.transposed, tangent?.transposed) }

    static func addTangents(_ a: Matrix<Rational>?, _ b: Matrix<Rational>?) -> Matrix<Rational>? {
        switch (a, b) {
        case let (x?, y?): x + y
        case let (x?, nil): x
        case let (nil, y?): y
        default: nil
        }
    }

    /// The tangent, materialized as zeros when absent.
    var tangentOrZero: Matrix<Rational> { tangent ?? .zeros(rows, columns) }
}
