import Foundation
import Numbers
import Matrices

/// What the static checker learned about one expression node, for the evaluator: the shape of a
/// comprehension's body (so that an empty `sum`, `hcat` or `vcat` has the shape its context
/// requires), and whether each operand of a product is 1×1 for every instance (so that a 1×1
/// matrix acts as a scalar only where it is statically 1×1, never by accident of a draw).
///
/// A node checked in several contexts (the body of a user function, checked once per call)
/// keeps what every context agrees on. A node never checked keeps the evaluator's dynamic rules.
public final class StaticAnnotation: @unchecked Sendable {
    enum Shape: Equatable {
        case unset
        case matrix(Dimension, Dimension)
        /// Checked, but with no single known matrix shape (scalar, unknown, or contexts disagree).
        case none
    }
    enum Scalar {
        case unset
        /// Statically 1×1 (or a number) in every context checked so far.
        case always
        /// Not statically 1×1 in some context.
        case notAlways
    }

    private let lock = NSLock()
    private var shape = Shape.unset
    private var scalars: (Scalar, Scalar) = (.unset, .unset)

    public init() {}

    func recordBody(_ s: Shape) {
        lock.lock(); defer { lock.unlock() }
        switch shape {
        case .unset: shape = s
        case s: break
        default: shape = .none
        }
    }

    func recordOperands(left: Bool, right: Bool) {
        lock.lock(); defer { lock.unlock() }
        func merge(_ old: Scalar, _ now: Bool) -> Scalar {
            if case .notAlways = old { return .notAlways }
            return now ? .always : .notAlways
        }
        scalars = (merge(scalars.0, left), merge(scalars.1, right))
    }

    var bodyShape: Shape { lock.lock(); defer { lock.unlock() }; return shape }

    /// Whether the left (or right) operand of this product may act as a scalar when it is a 1×1
    /// matrix: yes when it is statically 1×1, or when the checker never saw this node.
    public func operandMayBeScalar(left: Bool) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if case .notAlways = left ? scalars.0 : scalars.1 { return false }
        return true
    }
}

extension Dimension {
    /// The value of the dimension on an instance, from the integer variables bound in `scope`;
    /// nil when an atom is not a bound integer (an opaque atom such as `len(I)`).
    func value(in scope: Scope, _ evaluator: Evaluator, at e: Expr) -> Int? {
        var total = 0
        for (monomial, c) in terms {
            var v = c
            for atom in monomial {
                guard let x = try? evaluator.lookup(atom, in: scope, at: e), let i = try? evaluator.integer(x, e) else { return nil }
                let (p, overflow) = v.multipliedReportingOverflow(by: i)
                if overflow { return nil }
                v = p
            }
            total += v
        }
        return total
    }
}

extension Evaluator {
    /// The value of an empty `sum`, `prod`, `hcat` or `vcat` (`kind`) at `e`: the zero matrix of
    /// the static shape of its body (m×n), the n×n identity, m×0 or 0×n; nil when that shape is
    /// not statically known (the caller keeps its dynamic rule: an empty sum is the neutral 0,
    /// an empty product 1).
    func emptyComprehension(_ kind: BinderKind, _ e: Expr, _ scope: Scope) throws(ClaimError) -> Value? {
        guard case let .matrix(r, c) = e.staticInfo.bodyShape,
              let rows = r.value(in: scope, self, at: e), let cols = c.value(in: scope, self, at: e),
              rows >= 0, cols >= 0 else { return nil }
        switch kind {
        case .sum:
            try checkSize(rows, cols, e)
            return .matrix(.zeros(rows, cols))
        case .prod:
            guard rows == cols else { return nil }
            try checkSize(rows, cols, e)
            return .matrix(.identity(rows))
        case .hcat:
            try checkSize(rows, 0, e)
            return .matrix(.zeros(rows, 0))
        case .vcat:
            try checkSize(0, cols, e)
            return .matrix(.zeros(0, cols))
        default: return nil
        }
    }

    /// Whether a 1×1 matrix operand of the product `e` may act as a scalar (statically 1×1).
    func mayScale(_ e: Expr, left: Bool) -> Bool {
        guard case .binary(.multiply, _, _) = e.kind else { return true }
        return e.staticInfo.operandMayBeScalar(left: left)
    }
}
