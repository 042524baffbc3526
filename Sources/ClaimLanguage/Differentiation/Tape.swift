import Numbers
import Matrices

/// A straight-line program recorded from a function body: each node is a matrix-valued
/// operation (scalars are 1×1) on earlier nodes. Evaluated forward on `Dual` matrices and swept
/// backward (reverse mode) it gives, exactly over ℚ:
/// - the gradient (primal part of the input adjoints), and
/// - with a tangent seeded on the inputs, the Hessian applied to that direction (tangent part of
///   the input adjoints): forward-over-reverse differentiation.
final class Tape {
    enum Op {
        case input(Int)
        case constant(Matrix<Rational>)
        case add(Int, Int), subtract(Int, Int), negate(Int)
        case multiply(Int, Int)
        /// 1×1 node times a matrix node.
        case scale(Int, Int)
        /// 1/x for a 1×1 node.
        case reciprocal(Int)
        case transpose(Int)
        case trace(Int)
        case fro2(Int)
        case inner(Int, Int)
        case inverse(Int)
        case horizontal([Int]), vertical([Int])
        case select(Int, rows: [Int], columns: [Int])
    }

    var ops: [Op] = []
    var shapes: [(Int, Int)] = []
    /// Shapes of the inputs, in order.
    var inputShapes: [(Int, Int)] = []
    var output = -1

    /// The node of each input, by input index (recorded as the inputs are appended).
    var inputNodes: [Int: Int] = [:]

    func append(_ op: Op, shape: (Int, Int)) -> Int {
        ops.append(op)
        shapes.append(shape)
        if case let .input(i) = op { inputNodes[i] = ops.count - 1 }
        return ops.count - 1
    }

    /// Forward pass. `inputs` carry the point and (optionally) a tangent direction.
    /// - Throws: `LinearAlgebraError.singular` when an inverted node is singular at the point.
    func forward(_ inputs: [Dual]) throws(LinearAlgebraError) -> [Dual] {
        var v: [Dual] = []
        v.reserveCapacity(ops.count)
        for op in ops {
            if Cancellation.isCancelled { throw .cancelled }
            switch op {
            case let .input(i): v.append(inputs[i])
            case let .constant(m): v.append(Dual(m))
            case let .add(a, b): v.append(v[a] + v[b])
            case let .subtract(a, b): v.append(v[a] - v[b])
            case let .negate(a): v.append(-v[a])
            case let .multiply(a, b): v.append(v[a] * v[b])
            case let .scale(s, a): v.append(Dual.scale(v[s], v[a]))
            case let .reciprocal(a):
                let x = v[a].primal[0, 0]
                guard !x.isZero else { throw .singular }
                let r = x.reciprocal
                v.append(Dual(Matrix(rows: 1, columns: 1, elements: [r]), v[a].tangent.map { -(r * r) * $0 }))
            case let .transpose(a): v.append(v[a].transposed)
            case let .trace(a):
                v.append(Dual(.row([v[a].primal.trace]), v[a].tangent.map { .row([$0.trace]) }))
            case let .fro2(a):
                let x = v[a]
                v.append(Dual(.row([x.primal.frobeniusNormSquared]),
                              x.tangent.map { .row([2 * Matrix.frobeniusInner(x.primal, $0)]) }))
            case let .inner(a, b):
                let x = v[a], y = v[b]
                var t: Matrix<Rational>? = nil
                if let xt = x.tangent { t = .row([Matrix.frobeniusInner(xt, y.primal)]) }
                if let yt = y.tangent { t = Dual.addTangents(t, .row([Matrix.frobeniusInner(x.primal, yt)])) }
                v.append(Dual(.row([Matrix.frobeniusInner(x.primal, y.primal)]), t))
            case let .inverse(a):
                let inv = try v[a].primal.inverse()
                v.append(Dual(inv, v[a].tangent.map { -(inv * $0 * inv) }))
            case let .horizontal(parts):
                let p = Matrix.horizontal(parts.map { v[$0].primal })!
                let anyT = parts.contains { v[$0].tangent != nil }
                v.append(Dual(p, anyT ? Matrix.horizontal(parts.map { v[$0].tangentOrZero })! : nil))
            case let .vertical(parts):
                let p = Matrix.vertical(parts.map { v[$0].primal })!
                let anyT = parts.contains { v[$0].tangent != nil }
                v.append(Dual(p, anyT ? Matrix.vertical(parts.map { v[$0].tangentOrZero })! : nil))
            case let .select(a, r, c):
                v.append(Dual(v[a].primal.selecting(rows: r, columns: c), v[a].tangent?.selecting(rows: r, columns: c)))
            }
        }
        return v
    }

    /// Reverse sweep from the (1×1) output with seed 1. Returns the adjoint of each input.
    func reverse(_ v: [Dual]) -> [Dual] {
        var adj = [Dual?](repeating: nil, count: ops.count)
        adj[output] = Dual(.identity(1))
        func acc(_ i: Int, _ d: Dual) { adj[i] = adj[i].map { $0 + d } ?? d }
        for k in stride(from: ops.count - 1, through: 0, by: -1) {
            guard let g = adj[k] else { continue }
            switch ops[k] {
            case .input, .constant: break
            case let .add(a, b): acc(a, g); acc(b, g)
            case let .subtract(a, b): acc(a, g); acc(b, -g)
            case let .negate(a): acc(a, -g)
            case let .multiply(a, b):
                acc(a, g * v[b].transposed)
                acc(b, v[a].transposed * g)
            case let .scale(s, a):
                // C = s·A: s̄ += ⟨Ḡ, A⟩, Ā += s·Ḡ
                acc(s, innerDual(g, v[a]))
                acc(a, Dual.scale(v[s], g))
            case let .reciprocal(a):
                // r = 1/x: x̄ += −ḡ·r²
                let r = v[k]
                acc(a, -Dual.scale(g, r * r))
            case let .transpose(a): acc(a, g.transposed)
            case let .trace(a):
                let n = shapes[a].0
                acc(a, Dual.scale(g, Dual(.identity(n))))
            case let .fro2(a):
                acc(a, Dual.scale(g, Dual.scale(Dual(.row([2])), v[a])))
            case let .inner(a, b):
                acc(a, Dual.scale(g, v[b]))
                acc(b, Dual.scale(g, v[a]))
            case let .inverse(a):
                // C = A⁻¹: Ā += −Cᵀ Ḡ Cᵀ
                let ct = v[k].transposed
                acc(a, -(ct * g * ct))
            case let .horizontal(parts):
                var col = 0
                for p in parts {
                    let w = shapes[p].1
                    let idx = Array(col..<(col + w))
                    acc(p, Dual(g.primal.selecting(columns: idx), g.tangent?.selecting(columns: idx)))
                    col += w
                }
            case let .vertical(parts):
                var row = 0
                for p in parts {
                    let h = shapes[p].0
                    let idx = Array(row..<(row + h))
                    acc(p, Dual(g.primal.selecting(rows: idx), g.tangent?.selecting(rows: idx)))
                    row += h
                }
            case let .select(a, r, c):
                let (m, n) = shapes[a]
                var p = Matrix<Rational>.zeros(m, n)
                var t: Matrix<Rational>? = g.tangent == nil ? nil : .zeros(m, n)
                for (i, ri) in r.enumerated() {
                    for (j, cj) in c.enumerated() {
                        p[ri, cj] = p[ri, cj] + g.primal[i, j]
                        if let gt = g.tangent { t![ri, cj] = t![ri, cj] + gt[i, j] }
                    }
                }
                acc(a, Dual(p, t))
            }
        }
        return inputShapes.indices.map { i in
            let (r, c) = inputShapes[i]
            return inputNodes[i].flatMap { adj[$0] } ?? .zeros(r, c)
        }
    }

    func innerDual(_ a: Dual, _ b: Dual) -> Dual {
        var t: Matrix<Rational>? = nil
        if let at = a.tangent { t = .row([Matrix.frobeniusInner(at, b.primal)]) }
        if let bt = b.tangent { t = Dual.addTangents(t, .row([Matrix.frobeniusInner(a.primal, bt)])) }
        return Dual(.row([Matrix.frobeniusInner(a.primal, b.primal)]), t)
    }
}
