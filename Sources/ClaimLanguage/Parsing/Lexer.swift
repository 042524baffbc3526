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
/// contain letters, digits, `_` and start with a letter or `_`.
enum Lexer {
    static let symbols = ["<=>", "...", "==", "!=", "<=", ">=", "=>", "+", "-", "*", "/", "^", "'", "(", ")", "[", "]",
                          "{", "}", ",", ";", ":", "<", ">", "|"]

    static func tokens(_ text: String, source: ExpressionSource) throws(ClaimError) -> [Token] {
        let c = Array(text)
        var out: [Token] = []
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            let col = i + 1
            if ch.isNumber {
                var s = ""
                while i < c.count, c[i].isNumber { s.append(c[i]); i += 1 }
                // A decimal point, but not the start of a range `1...3`.
                if i + 1 < c.count, c[i] == ".", c[i + 1].isNumber {
                    s.append("."); i += 1
                    while i < c.count, c[i].isNumber { s.append(c[i]); i += 1 }
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
            if let sym = symbols.first(where: { sym in
                let a = Array(sym)
                return i + a.count <= c.count && Array(c[i..<(i + a.count)]) == a
            }) {
                out.append(Token(kind: .symbol(sym), column: col))
                i += sym.count
                continue
            }
            throw ClaimError(.parse, "unexpected character '\(ch)'", at: source.location.atExpressionColumn(col, text: text))
        }
        out.append(Token(kind: .end, column: c.count + 1))
        return out
    }
}
