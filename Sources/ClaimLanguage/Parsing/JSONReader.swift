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

/// Reads JSON text, strictly as RFC 8259 defines it, into `JSONValue`s with locations. Errors
/// name the file, line and column. Duplicate keys are an error (a claim must not say two things
/// under one name).
///
/// The reader works on the UTF-8 bytes of the file, which must be valid UTF-8 (an invalid byte is
/// an error naming its byte offset). Lines are counted from 1: `\n`, `\r\n` and a lone `\r` each
/// end one line (so a file with Windows or classic Mac line endings reports the line an editor
/// shows). Columns are counted from 1 in Unicode scalars (code points), not bytes. A leading
/// byte-order mark is ignored, as RFC 8259 permits. Nesting deeper than `maximumNesting` arrays
/// and objects is an error, so a hostile file cannot exhaust the stack.
public struct JSONReader {
    /// The deepest nesting of arrays and objects accepted (the top-level value is level 1).
    public static let maximumNesting = 512

    let file: String
    let bytes: [UInt8]
    var i = 0
    var line = 1
    var col = 1

    /// Reads JSON from text (its UTF-8 encoding).
    public static func read(_ text: String, file: String) throws(ClaimError) -> JSONValue {
        try read(bytes: Array(text.utf8), file: file)
    }

    /// Reads JSON from the bytes of a file: invalid UTF-8 is an error at its byte offset.
    public static func read(bytes: [UInt8], file: String) throws(ClaimError) -> JSONValue {
        try validateUTF8(bytes, file: file)
        // Each level of nesting is a stack frame of the reader: a file with many brackets is read
        // on a thread with a large stack.
        if bytes.lazy.filter({ $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }).count > 32 {
            return try LargeStack.run { () throws(ClaimError) -> JSONValue in try readValidated(bytes, file: file) }
        }
        return try readValidated(bytes, file: file)
    }

    static func readValidated(_ bytes: [UInt8], file: String) throws(ClaimError) -> JSONValue {
        var r = JSONReader(file: file, bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { r.i = 3 }
        r.skipSpace()
        guard r.i < r.bytes.count else { throw r.error(bytes.isEmpty ? "the file is empty" : "the file holds no JSON value") }
        let v = try r.value(path: "$", depth: 1)
        r.skipSpace()
        if r.i < r.bytes.count { throw r.error("unexpected \(r.describeCurrent()) after the JSON value") }
        return v
    }

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    func here(_ path: String) -> SourceLocation { SourceLocation(file: file, jsonPath: path, line: line, column: col) }
    func error(_ message: String, path: String = "$") -> ClaimError { ClaimError(.json, message, at: here(path)) }

    /// Moves past one byte, keeping the line and column (columns count scalars: a UTF-8
    /// continuation byte does not start a column).
    mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == UInt8(ascii: "\n") {
            line += 1; col = 1
        } else if b == UInt8(ascii: "\r") {
            // "\r\n" is one line break; a lone "\r" is one too.
            if i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
            line += 1; col = 1
        } else if b & 0xC0 != 0x80 {
            col += 1
        }
    }

    var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    func isCurrent(_ c: Unicode.Scalar) -> Bool { i < bytes.count && bytes[i] == UInt8(ascii: c) }

    /// The character at the read position, for messages: `'x'`, `U+0009`, or "the end of the file".
    func describeCurrent() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        // The scalar starting here (the bytes are valid UTF-8).
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first!
        return Self.codePoint(scalar.value)
    }

    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// JSON whitespace is exactly space, tab, line feed and carriage return.
    mutating func skipSpace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    mutating func expect(_ c: Unicode.Scalar, path: String) throws(ClaimError) {
        guard isCurrent(c) else { throw error("expected '\(c)' but found \(describeCurrent())", path: path) }
        advance()
    }

    mutating func value(path: String, depth: Int) throws(ClaimError) -> JSONValue {
        guard let b = current else { throw error("unexpected end of file", path: path) }
        let loc = here(path)
        switch b {
        case UInt8(ascii: "{"):
            guard depth <= Self.maximumNesting else {
                throw error("nesting deeper than \(Self.maximumNesting) levels of arrays and objects (the limit)", path: path)
            }
            advance(); skipSpace()
            var members: [(key: String, value: JSONValue)] = []
            var keys: Set<String> = []
            if isCurrent("}") { advance(); return .object(members, loc) }
            while true {
                skipSpace()
                guard isCurrent("\"") else {
                    throw error(isCurrent("}") ? "a comma before '}' (trailing commas are not JSON)"
                                               : "expected a key in quotes but found \(describeCurrent())", path: path)
                }
                let keyLoc = here(path)
                let key = try string(path: path)
                if !keys.insert(key).inserted {
                    throw ClaimError(.json, "duplicate key \"\(key)\"", at: keyLoc)
                }
                skipSpace()
                try expect(":", path: path)
                skipSpace()
                let child = path + "." + key
                members.append((key, try value(path: child, depth: depth + 1)))
                skipSpace()
                if isCurrent(",") { advance(); continue }
                guard isCurrent("}") else { throw error("expected ',' or '}' but found \(describeCurrent())", path: path) }
                advance()
                return .object(members, loc)
            }
        case UInt8(ascii: "["):
            guard depth <= Self.maximumNesting else {
                throw error("nesting deeper than \(Self.maximumNesting) levels of arrays and objects (the limit)", path: path)
            }
            advance(); skipSpace()
            var items: [JSONValue] = []
            if isCurrent("]") { advance(); return .array(items, loc) }
            while true {
                skipSpace()
                if isCurrent("]") { throw error("a comma before ']' (trailing commas are not JSON)", path: path) }
                items.append(try value(path: "\(path)[\(items.count)]", depth: depth + 1))
                skipSpace()
                if isCurrent(",") { advance(); continue }
                guard isCurrent("]") else { throw error("expected ',' or ']' but found \(describeCurrent())", path: path) }
                advance()
                return .array(items, loc)
            }
        case UInt8(ascii: "\""):
            return .string(try string(path: path), loc)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, v) in [("true", JSONValue.bool(true, loc)), ("false", .bool(false, loc)), ("null", .null(loc))] {
                let w = Array(word.utf8)
                if bytes[i...].starts(with: w) {
                    let after = i + w.count
                    // `truex` is not `true` followed by something: name the whole word.
                    if after < bytes.count, Self.isWordByte(bytes[after]) { break }
                    for _ in w { advance() }
                    return v
                }
            }
            throw error("unexpected \(describeWord()) (JSON has only true, false and null)", path: path)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number(path: path), loc)
        case UInt8(ascii: "+"):
            throw error("a JSON number cannot start with '+'", path: path)
        case UInt8(ascii: "."):
            throw error("a JSON number needs a digit before its decimal point", path: path)
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            throw error("expected a value but found \(describeCurrent())", path: path)
        default:
            if Self.isWordByte(b) { throw error("unexpected \(describeWord()) (a string needs double quotes)", path: path) }
            throw error("unexpected \(describeCurrent())", path: path)
        }
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    /// The bare word at the read position, quoted (at most 20 characters of it).
    func describeWord() -> String {
        var end = i
        while end < bytes.count, end - i < 20, Self.isWordByte(bytes[end]) { end += 1 }
        return "'" + String(decoding: bytes[i..<end], as: UTF8.self) + "'"
    }

    static func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }

    /// A number as RFC 8259 §6 defines it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Errors stand at the first character that breaks the grammar.
    mutating func number(path: String) throws(ClaimError) -> String {
        let start = i
        if isCurrent("-") {
            advance()
            guard Self.isDigit(current) else {
                throw error("expected a digit after '-' in a JSON number but found \(describeCurrent())", path: path)
            }
        }
        if isCurrent("0") {
            advance()
            if Self.isDigit(current) { throw error("leading zeros are not allowed in a JSON number", path: path) }
        } else {
            while Self.isDigit(current) { advance() }
        }
        if isCurrent(".") {
            advance()
            guard Self.isDigit(current) else {
                throw error("expected a digit after the decimal point but found \(describeCurrent())", path: path)
            }
            while Self.isDigit(current) { advance() }
        }
        if isCurrent("e") || isCurrent("E") {
            advance()
            if isCurrent("+") || isCurrent("-") { advance() }
            guard Self.isDigit(current) else {
                throw error("expected a digit in the exponent but found \(describeCurrent())", path: path)
            }
            while Self.isDigit(current) { advance() }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    mutating func string(path: String) throws(ClaimError) -> String {
        try expect("\"", path: path)
        var out: [UInt8] = []
        while true {
            guard let c = current else { throw error("unterminated string", path: path) }
            if c == UInt8(ascii: "\"") { advance(); return String(decoding: out, as: UTF8.self) }
            if c == 0x0A || c == 0x0D { throw error("line break inside a string (write \\n)", path: path) }
            if c < 0x20 {
                throw error("control character \(Self.codePoint(UInt32(c))) inside a string (write it as an escape such as \\t or \\u00\(String(c, radix: 16, uppercase: true).count == 1 ? "0" : "")\(String(c, radix: 16, uppercase: true)))", path: path)
            }
            if c == UInt8(ascii: "\\") {
                advance()
                guard let e = current else { throw error("unterminated escape", path: path) }
                switch e {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    func fourHexDigits() throws(ClaimError) -> UInt32 {
                        var code: UInt32 = 0
                        for _ in 0..<4 {
                            advance()
                            guard let h = current else { throw error("bad \\u escape: four hex digits expected", path: path) }
                            let digit: UInt8
                            switch h {
                            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = h - UInt8(ascii: "0")
                            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = h - UInt8(ascii: "a") + 10
                            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = h - UInt8(ascii: "A") + 10
                            default: throw error("bad \\u escape: \(describeCurrent()) is not a hex digit", path: path)
                            }
                            code = code << 4 | UInt32(digit)
                        }
                        return code
                    }
                    var code = try fourHexDigits()
                    if (0xD800...0xDBFF).contains(code) {
                        // A UTF-16 surrogate pair (RFC 8259 §7): \uD835\uDCB3 is one scalar, U+1D4B3.
                        guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") else {
                            throw error("bad \\u escape: high surrogate without its low surrogate", path: path)
                        }
                        advance(); advance()
                        let low = try fourHexDigits()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("bad \\u escape: high surrogate without its low surrogate", path: path) }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape: lone surrogate", path: path) }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("unknown escape \\\(describeCurrent())", path: path)
                }
                advance()
                continue
            }
            out.append(c)
            advance()
        }
    }

    /// Checks that `bytes` are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing past U+10FFFF). - Throws: a `.json` error naming the byte offset of the first bad
    /// byte and its line and column.
    static func validateUTF8(_ bytes: [UInt8], file: String) throws(ClaimError) {
        var i = 0
        var line = 1, col = 1
        let n = bytes.count
        func fail(_ what: String) -> ClaimError {
            ClaimError(.json, "invalid UTF-8 at byte offset \(i): \(what)",
                       at: SourceLocation(file: file, jsonPath: "$", line: line, column: col))
        }
        func hex(_ b: UInt8) -> String { "0x" + (b < 16 ? "0" : "") + String(b, radix: 16, uppercase: true) }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A { line += 1; col = 1 }
                else if b == 0x0D {
                    if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    line += 1; col = 1
                } else { col += 1 }
                i += 1
                continue
            }
            // The length of the sequence and the range of its second byte (RFC 3629 §4).
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            case 0x80...0xBF: throw fail("byte \(hex(b)) is a continuation byte without a lead byte")
            default: throw fail("byte \(hex(b)) never occurs in UTF-8")
            }
            for k in 1..<length {
                guard i + k < n else { throw fail("the file ends inside a \(length)-byte sequence") }
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo && c <= hi else {
                    throw fail("byte \(hex(c)) at offset \(i + k) does not continue the sequence that starts with \(hex(b))"
                               + (k == 1 && (lo != 0x80 || hi != 0xBF) ? " (an overlong form, a surrogate or past U+10FFFF)" : ""))
                }
            }
            i += length
            col += 1
        }
    }
}
