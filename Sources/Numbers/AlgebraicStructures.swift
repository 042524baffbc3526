/// The algebra that `Matrix<T>` and its algorithms need from a scalar, and nothing more.
///
/// A `Ring` is a commutative ring with identity: `+` and `*` are associative and commutative,
/// `*` distributes over `+`, `zero` and `one` are the identities. For exact types (`BigInt`,
/// `Rational`) the laws hold exactly. For rounded types (`Double`, `BigFloat`) they hold only up to
/// rounding, and for `Interval` they hold as inclusions (the result of each operation contains
/// every exact result of the operation on points of the operands).
public protocol Ring: Equatable, Sendable, CustomStringConvertible {
    static var zero: Self { get }
    static var one: Self { get }
    /// The image of an integer; exact for exact types, correctly rounded for rounded ones.
    init(_ value: Int)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    /// True when the value is (for intervals: certainly equals) zero.
    var isZero: Bool { get }
}

/// A field: a ring in which every nonzero element has an inverse.
///
/// - Precondition: `/` requires a nonzero divisor for exact types. Callers that handle user
///   input check `isZero` first; `Interval` division by an interval containing zero returns the
///   whole extended real line instead of trapping.
public protocol Field: Ring {
    static func / (lhs: Self, rhs: Self) -> Self
}

/// An ordered field whose elements are exact (no rounding ever happens): the rationals.
public protocol ExactField: Field, Comparable, Hashable {}

/// A three-valued answer for questions decided with enclosures: `.yes` and `.no` are certain,
/// `.unknown` means the enclosure was too wide to decide (never a guess).
public enum Certainty: String, Sendable, Equatable, CustomStringConvertible {
    case yes, no, unknown

    public init(_ value: Bool) { self = value ? .yes : .no }
    public var description: String { rawValue }
    public static prefix func ! (c: Certainty) -> Certainty {
        switch c { case .yes: .no; case .no: .yes; case .unknown: .unknown }
    }
    public static func && (a: Certainty, b: @autoclosure () -> Certainty) -> Certainty {
        if a == .no { return .no }
        let bv = b()
        if bv == .no { return .no }
        return (a == .yes && bv == .yes) ? .yes : .unknown
    }
    public static func || (a: Certainty, b: @autoclosure () -> Certainty) -> Certainty {
        if a == .yes { return .yes }
        let bv = b()
        if bv == .yes { return .yes }
        return (a == .no && bv == .no) ? .no : .unknown
    }
}

extension Double: Field {
    public static var one: Double { 1 }
    public var isZero: Bool { self == 0 }
}
