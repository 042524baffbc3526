/// The inertia of a real symmetric matrix: how many of its eigenvalues (with multiplicity) are
/// negative, zero and positive. By Sylvester's law it is invariant under congruence A ↦ PᵀAP.
public struct Inertia: Sendable, Hashable, CustomStringConvertible {
    public var negative: Int
    public var zero: Int
    public var positive: Int

    public init(negative: Int, zero: Int, positive: Int) {
        self.negative = negative
        self.zero = zero
        self.positive = positive
    }

    /// The order of the matrix, negative + zero + positive.
    public var dimension: Int { negative + zero + positive }

    /// Inertia of a block-diagonal (or congruent to block-diagonal) matrix.
    public static func + (a: Inertia, b: Inertia) -> Inertia {
        Inertia(negative: a.negative + b.negative, zero: a.zero + b.zero, positive: a.positive + b.positive)
    }

    /// `(n₋, n₀, n₊)`.
    public var description: String { "(\(negative), \(zero), \(positive))" }
}
