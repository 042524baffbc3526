import Numbers
import Matrices

/// A user-defined function `J(W, S) = body`, closed over the scope it was defined in.
///
/// The function refers to its scope weakly: the scope binds the function, so a strong reference
/// would be a cycle that outlives every instance. The scope is kept alive by whoever evaluates
/// in it; a function used after its scope has ended sees an empty scope (and reports unknown
/// names) rather than crashing.
public final class UserFunction: @unchecked Sendable {
    public let name: String
    public let parameters: [String]
    public let body: Expr
    private weak var definingScope: Scope?

    init(name: String, parameters: [String], body: Expr, scope: Scope) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.definingScope = scope
    }

    var scope: Scope { definingScope ?? Scope(parent: nil) }
}

/// A runtime value of the claim language.
///
/// Numbers are exact rationals (integers are rationals with denominator 1); irrational scalars
/// are `Real`s known through certified enclosures; matrices are exact rational matrices (vectors
/// are n×1 columns); index lists are 1-based.
public indirect enum Value: Sendable, CustomStringConvertible {
    case scalar(Rational)
    case real(Real)
    case truth(Truth)
    case matrix(Matrix<Rational>)
    /// An ordered list of 1-based indices: ranges, subsets, permutations.
    case indices([Int])
    /// A finite sequence of values indexed from 1, e.g. the factors W_1 … W_L.
    case sequence([Value])
    case tuple([Value])
    case function(UserFunction)

    public var typeName: String {
        switch self {
        case let .scalar(q): q.isInteger ? "integer" : "rational"
        case .real: "real"
        case .truth: "boolean"
        case let .matrix(m): "\(m.rows)×\(m.columns) matrix"
        case let .indices(i): "index list of length \(i.count)"
        case let .sequence(s): "sequence of \(s.count)"
        case let .tuple(t): "tuple of \(t.count)"
        case let .function(f): "function \(f.name)/\(f.parameters.count)"
        }
    }

    public var description: String {
        switch self {
        case let .scalar(q): q.description
        case let .real(r): r.description
        case let .truth(t): t.description
        case let .matrix(m): m.rows == 1 && m.columns == 1 ? "[\(m[0, 0])]" : "\n" + m.description
        case let .indices(i): "{" + i.map(String.init).joined(separator: ", ") + "}"
        case let .sequence(s): "seq(" + s.map(\.description).joined(separator: ", ") + ")"
        case let .tuple(t): "(" + t.map(\.description).joined(separator: ", ") + ")"
        case let .function(f): "\(f.name)(\(f.parameters.joined(separator: ", ")))"
        }
    }
}

/// A lexical scope: names bound to values, with a parent. Definitions are evaluated lazily and
/// cached, so a definition used only under a false hypothesis is never evaluated.
public final class Scope: @unchecked Sendable {
    enum Binding {
        case value(Value)
        case pending(Expr)
        case evaluating
    }
    var bindings: [String: Binding] = [:]
    let parent: Scope?

    init(parent: Scope?) { self.parent = parent }

    func bind(_ name: String, _ v: Value) { bindings[name] = .value(v) }
    func bindLazily(_ name: String, _ e: Expr) { bindings[name] = .pending(e) }

    func lookupScope(_ name: String) -> Scope? {
        if bindings[name] != nil { return self }
        return parent?.lookupScope(name)
    }
}

extension Value {
    /// A real as a value: the scalar itself when the real is known exactly to be rational (an
    /// algebraic number in rational form, so √2·√2 is the scalar 2), else `.real`.
    static func number(_ r: Real) -> Value {
        if let q = r.algebraic?.rationalValue { return .scalar(q) }
        return .real(r)
    }

    /// A real algebraic number as a value: rational ones are scalars.
    static func number(_ x: RealAlgebraicNumber, name: String) -> Value {
        x.rationalValue.map { .scalar($0) } ?? .real(.algebraic(x, name: name))
    }
}
