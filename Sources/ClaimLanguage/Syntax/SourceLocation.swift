/// Where something stands in a claim file: the file, the JSON path of the string that holds it
/// (`$.define.W`), and, for expressions, the 1-based line and column in the file and the column
/// inside the expression text.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var jsonPath: String
    public var line: Int
    public var column: Int
    /// 1-based column inside the expression string (0 when the location is a whole JSON value).
    public var expressionColumn: Int
    /// The expression text, for printing a caret under the offending column.
    public var expressionText: String?

    public init(file: String, jsonPath: String, line: Int, column: Int, expressionColumn: Int = 0, expressionText: String? = nil) {
        self.file = file
        self.jsonPath = jsonPath
        self.line = line
        self.column = column
        self.expressionColumn = expressionColumn
        self.expressionText = expressionText
    }

    /// The location of column `c` (1-based) of the expression held by this JSON string.
    public func atExpressionColumn(_ c: Int, text: String) -> SourceLocation {
        var l = self
        l.expressionColumn = c
        l.expressionText = text
        // The string's opening quote stands at `column`; escapes are rare in expressions.
        l.column = column + c
        return l
    }

    /// `file:line:col at $.path (expression column c)`.
    public var description: String {
        var s = "\(file):\(line):\(column) at \(jsonPath)"
        if expressionColumn > 0 { s += ", expression column \(expressionColumn)" }
        return s
    }

    /// The expression with a caret under the column, for error messages.
    public var caretLines: String? {
        guard let t = expressionText, expressionColumn > 0 else { return nil }
        return "    \(t)\n    " + String(repeating: " ", count: max(0, expressionColumn - 1)) + "^"
    }
}

/// An error in a claim file, at a place in it. Every stage (reading JSON, parsing, type checking,
/// evaluating) reports its errors as this type, so the verifier can print them uniformly.
public struct ClaimError: Error, Sendable, CustomStringConvertible {
    public enum Stage: String, Sendable { case json, load, parse, type, dimension, evaluation }

    /// What the error means for an instance, decided where it is thrown (never by matching the
    /// message): a defect of the claim or of the evaluation (`.defect`: ERROR), a resource limit
    /// reached (`.limit`: the instance is undecided and the verdict INCONCLUSIVE, naming the
    /// limit), or an instance outside the generator's domain (`.outsideDomain`, such as an empty
    /// `int` range: the instance is vacuous).
    public enum Kind: Sendable, Equatable {
        case defect
        case limit(Limit)
        case outsideDomain
    }

    /// The resource limits, each named in the INCONCLUSIVE verdict it causes.
    public enum Limit: String, Sendable, Equatable, CaseIterable {
        /// `max_dimension`: the largest matrix dimension (and entry count) an operation may build.
        case dimension = "max_dimension"
        /// The number of instances one draw may branch into through exhaustive generators.
        case branches = "branch limit"
        /// The claim's wall-clock `budget`.
        case budget = "budget"
        /// The size of an exact number (bits of an integer, degree of a polynomial).
        case size = "size limit"
        /// The depth of recursion of user functions or of nested expressions.
        case depth = "depth limit"
        /// Precision of certified enclosures.
        case precision = "precision limit"
    }

    public var stage: Stage
    public var message: String
    public var location: SourceLocation?
    public var kind: Kind = .defect

    public init(_ stage: Stage, _ message: String, at location: SourceLocation?) {
        self.stage = stage
        self.message = message
        self.location = location
    }

    /// A resource limit reached while evaluating: the instance is undecided.
    public static func limit(_ limit: Limit, _ message: String, at location: SourceLocation?) -> ClaimError {
        var e = ClaimError(.evaluation, "resource limit (\(limit.rawValue)): " + message, at: location)
        e.kind = .limit(limit)
        return e
    }

    /// An instance outside a generator's domain (an empty range): the instance is vacuous.
    public static func outsideDomain(_ message: String, at location: SourceLocation?) -> ClaimError {
        var e = ClaimError(.evaluation, message, at: location)
        e.kind = .outsideDomain
        return e
    }

    /// Whether the error is a resource limit.
    public var isLimit: Bool { if case .limit = kind { return true } else { return false } }

    public var description: String {
        var s = "\(stage.rawValue) error: \(message)"
        if let l = location {
            s += "\n  --> \(l)"
            if let c = l.caretLines { s += "\n" + c }
        }
        return s
    }
}
