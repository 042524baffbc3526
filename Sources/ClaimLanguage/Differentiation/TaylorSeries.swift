import Numbers
import Matrices

/// Truncated Taylor arithmetic on a `Tape`: every node carries the coefficients M₀, M₁, …, M_K of
/// t ↦ node(point + t·direction), exactly over ℚ. For a polynomial function of degree ≤ K the
/// coefficients are the whole polynomial; through an inverse they are the exact power-series
/// coefficients (B₀ = A₀⁻¹, B_k = −A₀⁻¹ Σ_{j=1}^{k} A_j B_{k−j}).
extension Tape {
    /// Coefficients 0…order of every node along the line point + t·direction.
    /// - Throws: `LinearAlgebraError.singular` when an inverted node is singular at t = 0.
    /// - Complexity: O(order²) times the cost of one forward pass.
    func taylor(point: [Matrix<Rational>], direction: [Matrix<Rational>], order: Int) throws(LinearAlgebraError) -> [[Matrix<Rational>]] {
        typealias Series = [Matrix<Rational>]
        func zero(_ r: Int, _ c: Int) -> Series { Array(repeating: .zeros(r, c), count: order + 1) }
        func product(_ a: Series, _ b: Series, _ f: (Matrix<Rational>, Matrix<Rational>) -> Matrix<Rational>) -> Series {
            (0...order).map { k in
                var acc: Matrix<Rational>? = nil
                for j in 0...k where !a[j].isZero && !b[k - j].isZero {
                    let p = f(a[j], b[k - j])
                    acc = acc.map { $0 + p } ?? p
                }
                return acc ?? f(a[0], b[0]) * Rational.zero
            }
        }
        func scalarSeries(_ x: [Rational]) -> Series { x.map { Matrix(rows: 1, columns: 1, elements: [$0]) } }
        var v: [Series] = []
        for (k, op) in ops.enumerated() {
            if Cancellation.isCancelled { throw .cancelled }
            let (r, c) = shapes[k]
            switch op {
            case let .input(i):
                var s = zero(r, c)
                s[0] = point[i]
                if order >= 1 { s[1] = direction[i] }
                v.append(s)
            case let .constant(m):
                var s = zero(r, c)
                s[0] = m
                v.append(s)
            case let .add(a, b): v.append(zip(v[a], v[b]).map { $0 + $1 })
            case let .subtract(a, b): v.append(zip(v[a], v[b]).map { $0 - $1 })
            case let .negate(a): v.append(v[a].map { -$0 })
            case let .multiply(a, b): v.append(product(v[a], v[b]) { $0 * $1 })
            case let .scale(s, a): v.append(product(v[s], v[a]) { $0[0, 0] * $1 })
            case let .reciprocal(a):
                let x = v[a].map { $0[0, 0] }
                guard !x[0].isZero else { throw .singular }
                var y = [x[0].reciprocal]
                for n in 1...max(1, order) where n <= order {
                    var acc = Rational.zero
                    for j in 1...n { acc = acc + x[j] * y[n - j] }
                    y.append(-y[0] * acc)
                }
                v.append(scalarSeries(y))
            case let .transpose(a): v.append(v[a].map(\.transposed))
            case let .trace(a): v.append(scalarSeries(v[a].map(\.trace)))
            case let .fro2(a): v.append(product(v[a], v[a]) { .row([Matrix.frobeniusInner($0, $1)]) })
            case let .inner(a, b): v.append(product(v[a], v[b]) { .row([Matrix.frobeniusInner($0, $1)]) })
            case let .inverse(a):
                let x = v[a]
                let inv0 = try x[0].inverse()
                var y = [inv0]
                for n in 1...max(1, order) where n <= order {
                    var acc = Matrix<Rational>.zeros(r, c)
                    for j in 1...n where !x[j].isZero { acc = acc + x[j] * y[n - j] }
                    y.append(-(inv0 * acc))
                }
                v.append(y)
            case let .horizontal(parts): v.append((0...order).map { k in Matrix.horizontal(parts.map { v[$0][k] })! })
            case let .vertical(parts): v.append((0...order).map { k in Matrix.vertical(parts.map { v[$0][k] })! })
            case let .select(a, rows, cols): v.append(v[a].map { $0.selecting(rows: rows, columns: cols) })
            }
        }
        return v
    }
}
