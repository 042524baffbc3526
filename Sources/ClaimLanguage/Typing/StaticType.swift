/// The type of an expression as far as the checker can tell before any instance is drawn.
/// `unknown` never causes an error: the runtime checks every shape again.
public indirect enum StaticType: Sendable, CustomStringConvertible {
    case integer(Dimension?)
    case scalar
    case boolean
    case matrix(Dimension, Dimension)
    case indices(Dimension?)
    case tuple([StaticType])
    case sequence(StaticType)
    case function
    case unknown

    public var description: String {
        switch self {
        case let .integer(d): d.map { "integer \($0)" } ?? "integer"
        case .scalar: "scalar"
        case .boolean: "boolean"
        case let .matrix(r, c): "\(Self.paren(r))×\(Self.paren(c)) matrix"
        case let .indices(n): n.map { "index list of length \($0)" } ?? "index list"
        case let .tuple(t): "(" + t.map(\.description).joined(separator: ", ") + ")"
        case let .sequence(t): "sequence of \(t)"
        case .function: "function"
        case .unknown: "unknown"
        }
    }

    static func paren(_ d: Dimension) -> String {
        let s = d.description
        return s.contains(" ") ? "(\(s))" : s
    }
}
