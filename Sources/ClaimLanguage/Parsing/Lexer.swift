import Numbers

/// A token of the expression language with its 1-based column.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(String)
        case identifier(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var column: Int
}

/// Splits expression text into tokens. `'` is the transpose; `...` the range; identifiers may
/// contain letters, digits, `_` and start with a letter or `_`. Numbers are written with the
/// ASCII digits 0-9, at most `maximumDigits` of them in one literal.
enum Lexer {
    /// The most digits a number literal may have (integer and fractional part together).
    static let maximumDigits = 10_000

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static let symbols = ["<=>", "...", "==", "!=", "<=", ">=", "=>", "+", "-", "*", "/", "^", "'", "(", ")", "[", "]",
                          "{", "}", ",", ";", ":", "<", ">", "|"]

    /// The symbol (one of `symbols`, the longest that matches) starting at `c[i]`, or nil.
    static func symbol(at i: Int, in c: [Character]) -> String? {
        func next(_ k: Int) -> UInt8? { i + k < c.count ? c[i + k].asciiValue : nil }
        guard let a = c[i].asciiValue else { return nil }
        switch a {
        case UInt8(ascii: "<"): return next(1) == UInt8(ascii: "=") ? (next(2) == UInt8(ascii: ">") ? "<=>" : "<=") : "<"
        case UInt8(ascii: "."): return next(1) == UInt8(ascii: ".") && next(2) == UInt8(ascii: ".") ? "..." : nil
        case UInt8(ascii: "="): return next(1) == UInt8(ascii: "=") ? "==" : (next(1) == UInt8(ascii: ">") ? "=>" : nil)
        case UInt8(ascii: "!"): return next(1) == UInt8(ascii: "=") ? "!=" : nil
        case UInt8(ascii: ">"): return next(1) == UInt8(ascii: "=") ? ">=" : ">"
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "^"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "|"):
            return String(Character(Unicode.Scalar(a)))
        default: return nil
        }
    }

    static func tokens(_ text: String, source: ExpressionSource) throws(ClaimError) -> [Token] {
        let c = Array(text)
        var out: [Token] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            let col = i + 1
            if isDigit(ch) {
                var s = ""
                var digits = 0
                func tooLong() -> ClaimError {
                    ClaimError(.parse, "a number literal with more than \(maximumDigits) digits (the limit)",
                               at: source.location.atExpressionColumn(col, text: text))
                }
                while i < c.count, isDigit(c[i]) {
                    digits += 1
                    guard digits <= maximumDigits else { throw tooLong() }
                    s.append(c[i]); i += 1
                }
                // A decimal point, but not the start of a range `1...3`.
                if i + 1 < c.count, c[i] == ".", isDigit(c[i + 1]) {
                    s.append("."); i += 1
                    while i < c.count, isDigit(c[i]) {
                        digits += 1
                        guard digits <= maximumDigits else { throw tooLong() }
                        s.append(c[i]); i += 1
                    }
                }
                out.append(Token(kind: .number(s), column: col))
                continue
            }
            if ch.isLetter || ch == "_" {
                var s = ""
                while i < c.count, c[i].isLetter || c[i].isNumber || c[i] == "_" { s.append(c[i]); i += 1 }
                out.append(Token(kind: .identifier(s), column: col))
                continue
            }
            if let sym = symbol(at: i, in: c) {
                out.append(Token(kind: .symbol(sym), column: col))
                i += sym.utf8.count
                continue
            }
            throw ClaimError(.parse, "unexpected character '\(ch)'", at: source.location.atExpressionColumn(col, text: text))
        }
        out.append(Token(kind: .end, column: c.count + 1))
        return out
    }
}
