/// A JSON value that remembers where it stands in its file: the JSON path (`$.given.m`) and the
/// 1-based line and column of its first character. Object keys keep their order, which claim
/// files rely on (a generator may use the variables declared before it).
public indirect enum JSONValue: Sendable {
    case string(String, SourceLocation)
    case number(String, SourceLocation)
    case bool(Bool, SourceLocation)
    case null(SourceLocation)
    case array([JSONValue], SourceLocation)
    case object([(key: String, value: JSONValue)], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case let .string(_, l), let .number(_, l), let .bool(_, l), let .null(l), let .array(_, l), let .object(_, l): l
        }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(members, _) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    public var stringValue: String? {
        if case let .string(s, _) = self { return s }
        return nil
    }

    public var kindName: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Reads JSON text (RFC 8259) into `JSONValue`s with locations. Errors name the file, line and
/// column. Duplicate keys are an error (a claim must not say two things under one name).
public struct JSONReader {
    let file: String
    let chars: [Character]
    var i = 0
    var line = 1
    var col = 1

    public static func read(_ text: String, file: String) throws(ClaimError) -> JSONValue {
        var r = JSONReader(file: file, chars: Array(text))
        r.skipSpace()
        let v = try r.value(path: "$")
        r.skipSpace()
        if r.i < r.chars.count { throw r.error("unexpected text after the JSON value") }
        return v
    }

    init(file: String, chars: [Character]) {
        self.file = file
        self.chars = chars
    }

    func here(_ path: String) -> SourceLocation { SourceLocation(file: file, jsonPath: path, line: line, column: col) }
    func error(_ message: String, path: String = "$") -> ClaimError { ClaimError(.json, message, at: here(path)) }

    mutating func advance() {
        if chars[i] == "\n" { line += 1; col = 1 } else { col += 1 }
        i += 1
    }

    mutating func skipSpace() {
        while i < chars.count, chars[i].isWhitespace { advance() }
    }

    mutating func expect(_ c: Character, path: String) throws(ClaimError) {
        guard i < chars.count, chars[i] == c else {
            throw error(i < chars.count ? "expected '\(c)' but found '\(chars[i])'" : "expected '\(c)' but the file ended", path: path)
        }
        advance()
    }

    mutating func value(path: String) throws(ClaimError) -> JSONValue {
        guard i < chars.count else { throw error("unexpected end of file", path: path) }
        let loc = here(path)
        switch chars[i] {
        case "{":
            advance(); skipSpace()
            var members: [(key: String, value: JSONValue)] = []
            if i < chars.count, chars[i] == "}" { advance(); return .object(members, loc) }
            while true {
                skipSpace()
                guard i < chars.count, chars[i] == "\"" else { throw error("expected a key in quotes", path: path) }
                let keyLoc = here(path)
                let key = try string(path: path)
                if members.contains(where: { $0.key == key }) {
                    throw ClaimError(.json, "duplicate key \"\(key)\"", at: keyLoc)
                }
                skipSpace()
                try expect(":", path: path)
                skipSpace()
                let child = path + "." + key
                members.append((key, try value(path: child)))
                skipSpace()
                if i < chars.count, chars[i] == "," { advance(); continue }
                try expect("}", path: path)
                return .object(members, loc)
            }
        case "[":
            advance(); skipSpace()
            var items: [JSONValue] = []
            if i < chars.count, chars[i] == "]" { advance(); return .array(items, loc) }
            while true {
                skipSpace()
                items.append(try value(path: "\(path)[\(items.count)]"))
                skipSpace()
                if i < chars.count, chars[i] == "," { advance(); continue }
                try expect("]", path: path)
                return .array(items, loc)
            }
        case "\"":
            return .string(try string(path: path), loc)
        case "t", "f", "n":
            for (word, v) in [("true", JSONValue.bool(true, loc)), ("false", .bool(false, loc)), ("null", .null(loc))] {
                let w = Array(word)
                if i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w {
                    for _ in w { advance() }
                    return v
                }
            }
            throw error("unexpected '\(chars[i])'", path: path)
        default:
            var s = ""
            while i < chars.count, "+-0123456789.eE".contains(chars[i]) { s.append(chars[i]); advance() }
            if s.isEmpty || Double(s) == nil { throw error("unexpected '\(chars[i])'", path: path) }
            return .number(s, loc)
        }
    }

    mutating func string(path: String) throws(ClaimError) -> String {
        try expect("\"", path: path)
        var s = ""
        while true {
            guard i < chars.count else { throw error("unterminated string", path: path) }
            let c = chars[i]
            if c == "\"" { advance(); return s }
            if c == "\n" { throw error("line break inside a string", path: path) }
            if c == "\\" {
                advance()
                guard i < chars.count else { throw error("unterminated escape", path: path) }
                let e = chars[i]
                switch e {
                case "\"": s.append("\"")
                case "\\": s.append("\\")
                case "/": s.append("/")
                case "n": s.append("\n")
                case "t": s.append("\t")
                case "r": s.append("\r")
                case "b": s.append("\u{8}")
                case "f": s.append("\u{c}")
                case "u":
                    func fourHexDigits() throws(ClaimError) -> UInt32 {
                        var hex = ""
                        for _ in 0..<4 {
                            advance()
                            guard i < chars.count else { throw error("bad \\u escape: four hex digits expected", path: path) }
                            hex.append(chars[i])
                        }
                        guard let code = UInt32(hex, radix: 16) else { throw error("bad \\u escape: '\(hex)' is not hexadecimal", path: path) }
                        return code
                    }
                    var code = try fourHexDigits()
                    if (0xD800...0xDBFF).contains(code) {
                        // A UTF-16 surrogate pair (RFC 8259 §7): \uD835\uDCB3 is one scalar, U+1D4B3.
                        guard i + 2 < chars.count, chars[i + 1] == "\\", chars[i + 2] == "u" else {
                            throw error("bad \\u escape: high surrogate without its low surrogate", path: path)
                        }
                        advance(); advance()
                        let low = try fourHexDigits()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("bad \\u escape: high surrogate without its low surrogate", path: path) }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape: lone surrogate", path: path) }
                    s.append(Character(scalar))
                default: throw error("unknown escape \\\(e)", path: path)
                }
                advance()
                continue
            }
            s.append(c)
            advance()
        }
    }
}
