/// The value of a proposition on one instance: certainly true, certainly false, or undecided
/// (an enclosure straddled the threshold, a precision cap was reached), with the reason.
/// Connectives follow Kleene's strong three-valued logic, so `false and unknown` is `false`.
public enum Truth: Sendable, Equatable, CustomStringConvertible {
    case `true`
    case `false`
    case unknown(String)

    public init(_ b: Bool) { self = b ? .true : .false }

    public var description: String {
        switch self {
        case .true: "true"
        case .false: "false"
        case let .unknown(r): "unknown (\(r))"
        }
    }

    public var isTrue: Bool { self == .true }
    public var isFalse: Bool { self == .false }

    public static prefix func ! (t: Truth) -> Truth {
        switch t { case .true: .false; case .false: .true; case .unknown: t }
    }

    public static func && (a: Truth, b: Truth) -> Truth {
        if a == .false || b == .false { return .false }
        if case .unknown = a { return a }
        return b
    }

    public static func || (a: Truth, b: Truth) -> Truth {
        if a == .true || b == .true { return .true }
        if case .unknown = a { return a }
        return b
    }
}
