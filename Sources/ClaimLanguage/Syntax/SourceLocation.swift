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
    public var stage: Stage
    public var message: String
    public var location: SourceLocation?

    public init(_ stage: Stage, _ message: String, at location: SourceLocation?) {
        self.stage = stage
        self.message = message
        self.location = location
    }

    public var description: String {
        var s = "\(stage.rawValue) error: \(message)"
        if let l = location {
            s += "\n  --> \(l)"
            if let c = l.caretLines { s += "\n" + c }
        }
        return s
    }
}
