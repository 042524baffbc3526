import Numbers

/// A parsed expression of the claim language, with the 1-based column where it starts in its
/// expression string (for error messages) and the source location of that string.
public final class Expr: Sendable, CustomStringConvertible {
    public let kind: ExprKind
    /// 1-based column of the expression's first character in its string.
    public let column: Int
    public let source: ExpressionSource
    /// What the static shape checker learned about this node, for the evaluator.
    public let staticInfo = StaticAnnotation()

    public init(_ kind: ExprKind, column: Int, source: ExpressionSource) {
        self.kind = kind
        self.column = column
        self.source = source
    }

    /// Where this sub-expression is, down to the column.
    public var location: SourceLocation { source.location.atExpressionColumn(column, text: source.text) }

    public var description: String { Printer.print(self) }
}

/// The text of one expression and where that text stands in a claim file.
public struct ExpressionSource: Sendable {
    public let text: String
    public let location: SourceLocation
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or", implies = "=>", iff = "<=>"

    var isComparison: Bool { [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(self) }
    var isLogical: Bool { [.and, .or, .implies, .iff].contains(self) }
}

public enum UnaryOperator: String, Sendable { case negate = "-", not = "not" }

/// What a comprehension computes over its finite domain.
public enum BinderKind: String, Sendable, CaseIterable {
    /// `all(i in D: p)`: p holds for every i (true on an empty domain).
    case all
    /// `any(i in D: p)`: p holds for some i.
    case any
    /// `first(i in D: p)`: the first i of D (in order) with p; an evaluation error when none.
    case first
    /// `sum(i in D: e)`: Σ e (on an empty domain the zero matrix of e's static shape, else 0).
    case sum
    /// `prod(i in D: e)`: Π e in the order of D (matrix products keep that order).
    case prod
    /// `min(i in D: e)` / `max(i in D: e)`.
    case min, max
    /// `count(i in D: p)`: how many i satisfy p.
    case count
    /// `filter(i in D: p)`: the elements of D (in order) with p, as an index list.
    case filter
    /// `seq(l in D: e)`: the sequence (e for each l in D), indexed from 1.
    case seq
    /// `column(i in D: e)`: the column vector of the scalars e.
    case column
    /// `hcat(i in D: e)`: the matrices e side by side (an empty domain gives m×0 when e's shape
    /// m×n is statically known, else an error).
    case hcat
    /// `vcat(i in D: e)`: the matrices e stacked.
    case vcat
}

/// One argument inside `A[...]`: a whole dimension `:` or an expression (an integer or indices).
public enum IndexArgument: Sendable {
    case all
    case expr(Expr)
}

public indirect enum ExprKind: Sendable {
    case number(Rational)
    case boolean(Bool)
    case identifier(String)
    case call(String, [Expr], named: [(String, Expr)])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case transpose(Expr)
    case index(Expr, [IndexArgument])
    /// `a...b`: the integers from a to b, empty when a > b (`reverse(1...L)` counts down).
    case range(Expr, Expr)
    /// `[A, B; C, D]`: rows of blocks.
    case block([[Expr]])
    case tuple([Expr])
    case binder(BinderKind, variable: String, domain: Expr, body: Expr)
    case conditional(Expr, Expr, Expr)
}
