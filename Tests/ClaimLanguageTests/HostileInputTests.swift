import Foundation
import Testing
import ClaimLanguage
import Verifier

/// Hostile claim files — not JSON, not UTF-8, absurdly deep or long, out-of-range numbers — give
/// a located load error (file, line ≥ 1, column ≥ 1) and never crash the process.
@Suite("Hostile input")
struct HostileInputTests {
    /// The error reading `text` as JSON, or nil when it is valid.
    func jsonError(_ text: String) -> ClaimError? {
        do { _ = try JSONReader.read(text, file: "test.json"); return nil } catch { return error }
    }

    /// The error loading `bytes` as a claim file, or nil when it loads.
    func loadError(bytes: [UInt8]) -> ClaimError? {
        do { _ = try ClaimLoader.load(bytes: bytes, file: "test.json"); return nil } catch { return error }
    }

    func loadError(_ text: String) -> ClaimError? { loadError(bytes: Array(text.utf8)) }

    /// `line:column` of an error, or "unlocated".
    func position(_ e: ClaimError?) -> String {
        guard let l = e?.location else { return "unlocated" }
        return "\(l.line):\(l.column)"
    }

    static let minimal = """
    { "id": "t", "paper": "t", "label": "t", "statement": "t",
      "given": { "n": "int(1...3)" },
      "claims": { "c": "n >= 1" }, "expect": { "c": "holds" } }
    """

    /// The minimal claim with `key: value` added at the top level.
    func with(_ key: String, _ value: String) -> String {
        Self.minimal.replacingOccurrences(of: "\"id\": \"t\"", with: "\"id\": \"t\", \"\(key)\": \(value)")
    }

    // MARK: - Strict JSON

    @Test("valid JSON numbers and whitespace are accepted", arguments: [
        "0", "-0", "0.5", "-0.5", "10", "1e5", "1E+5", "1e-5", "-12.25e+07", "0e0", " \t\r\n[ 1 , 2 ]\r\n", "{}", "[]",
        "\"\u{7F} é 𝒳\"", "\"\\u0000\\b\\f\\n\\r\\t\\/\\\\\\\"\"",
    ])
    func validJSON(_ text: String) {
        #expect(jsonError(text) == nil, "\(text): \(jsonError(text)?.description ?? "")")
    }

    @Test("RFC 8259 forbids these; each is an error at the offending line and column", arguments: [
        ("007", "1:2", "leading zeros"),
        ("-01", "1:3", "leading zeros"),
        ("[1, 00]", "1:6", "leading zeros"),
        ("+1", "1:1", "'+'"),
        ("1.", "1:3", "after the decimal point"),
        (".5", "1:1", "before its decimal point"),
        ("1.e5", "1:3", "after the decimal point"),
        ("1e", "1:3", "exponent"),
        ("1e+", "1:4", "exponent"),
        ("-", "1:2", "after '-'"),
        ("--1", "1:2", "after '-'"),
        ("- 1", "1:2", "after '-'"),
        ("0x10", "1:2", "after the JSON value"),
        ("Infinity", "1:1", "'Infinity'"),
        ("NaN", "1:1", "'NaN'"),
        ("[1,]", "1:4", "trailing commas"),
        ("[1,\n  ]", "2:3", "trailing commas"),
        ("{\"a\": 1,}", "1:9", "trailing commas"),
        ("[,1]", "1:2", "expected a value"),
        ("[1 2]", "1:4", "expected ',' or ']'"),
        ("{\"a\" 1}", "1:6", "expected ':'"),
        ("{a: 1}", "1:2", "expected a key"),
        ("{'a': 1}", "1:2", "expected a key"),
        ("\"a\tb\"", "1:3", "control character U+0009"),
        ("\"a\u{1}b\"", "1:3", "control character U+0001"),
        ("\"a\u{0}b\"", "1:3", "control character U+0000"),
        ("\"a\u{1F}\"", "1:3", "control character U+001F"),
        ("\"a\nb\"", "1:3", "line break inside a string"),
        ("\"\\x\"", "1:3", "unknown escape"),
        ("\"\\u12G4\"", "1:6", "not a hex digit"),
        ("\"\\u+123\"", "1:4", "not a hex digit"),
        ("\"\\u12\"", "1:6", "not a hex digit"),
        ("tru", "1:1", "'tru'"),
        ("truex", "1:1", "'truex'"),
        ("nul", "1:1", "'nul'"),
        ("[true false]", "1:7", "expected ',' or ']'"),
        ("1 2", "1:3", "after the JSON value"),
        ("{} x", "1:4", "after the JSON value"),
        ("", "1:1", "empty"),
        ("  \n ", "2:2", "no JSON value"),
        ("\u{A0}1", "1:1", "U+00A0"),
        ("[1]\u{2028}", "1:4", "U+2028"),
        ("[1", "1:3", "end of the file"),
        ("{\"a\": 1", "1:8", "end of the file"),
        ("\"abc", "1:5", "unterminated"),
        ("{\"a\": 1, \"a\": 2}", "1:10", "duplicate key"),
    ])
    func strictJSON(_ c: (String, String, String)) {
        let e = jsonError(c.0)
        #expect(e != nil, "\(c.0.debugDescription) was accepted")
        #expect(position(e) == c.1, "\(c.0.debugDescription): \(e?.description ?? "")")
        #expect(e?.message.contains(c.2) == true, "\(c.0.debugDescription): \(e?.description ?? "")")
        #expect(e?.description.contains("test.json:\(c.1)") == true)
    }

    @Test("a leading byte-order mark is ignored")
    func byteOrderMark() throws {
        let c = try ClaimLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.minimal.utf8), file: "test.json")
        #expect(c.id == "t")
    }

    // MARK: - Line breaks

    /// A claim whose line 6, column 28 holds a JSON error (a trailing comma) and whose line 5 holds a
    /// parse error at expression column 5.
    static func brokenLines(_ eol: String, jsonError: Bool) -> String {
        [
            "{ \"id\": \"t\", \"paper\": \"t\",",
            "  \"label\": \"t\",",
            "  \"statement\": \"t\",",
            "  \"given\": { \"n\": \"int(1...3)\" },",
            "  \"claims\": { \"c\": \"n + * 2\" },",
            "  \"expect\": { \"c\": \"holds\"" + (jsonError ? ",}" : "}"),
            "}",
        ].joined(separator: eol)
    }

    @Test("a \\r\\n line break counts as one line: CRLF files report the same line and column as LF files")
    func crlf() {
        let lf = loadError(Self.brokenLines("\n", jsonError: true))
        let crlf = loadError(Self.brokenLines("\r\n", jsonError: true))
        #expect(position(lf) == "6:28", "\(lf?.description ?? "")")
        #expect(position(crlf) == "6:28", "\(crlf?.description ?? "")")
        // An expression error: the string's column plus the expression column.
        let lfParse = loadError(Self.brokenLines("\n", jsonError: false))
        let crlfParse = loadError(Self.brokenLines("\r\n", jsonError: false))
        #expect(position(lfParse) == "5:25", "\(lfParse?.description ?? "")")
        #expect(position(crlfParse) == "5:25", "\(crlfParse?.description ?? "")")
    }

    @Test("a CRLF claim file on disk: the error is at 6:21, not on line 1")
    func crlfFile() throws {
        let text = [
            "{",
            "  \"id\": \"t\",",
            "  \"paper\": \"t\",",
            "  \"label\": \"t\",",
            "  \"statement\": \"t\",",
            "  \"claims\": { \"c\": 007 },",
            "  \"expect\": { \"c\": \"holds\" }",
            "}",
        ].joined(separator: "\r\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ClaimLoader.load(path: url.path)
            Issue.record("loaded")
        } catch {
            #expect(position(error) == "6:21", "\(error)")
        }
    }

    @Test("a lone \\r is a line break too (classic Mac line endings), and JSON whitespace")
    func loneCR() {
        let e = loadError(Self.brokenLines("\r", jsonError: true))
        #expect(position(e) == "6:28", "\(e?.description ?? "")")
        #expect(jsonError("[1,\r2]") == nil)
        #expect(position(jsonError("[1,\r\r 0x]")) == "3:3")
    }

    @Test("columns count characters (Unicode scalars), not bytes")
    func columnsCountScalars() {
        #expect(position(jsonError("[\"λ𝒳é\", x]")) == "1:9")
    }

    // MARK: - Invalid UTF-8

    @Test("invalid UTF-8 is a load error naming the byte offset, line and column", arguments: [
        ([0xFF] as [UInt8], "never occurs"),
        ([0xC0, 0xAF], "never occurs"),                 // overlong '/'
        ([0xE0, 0x80, 0xAF], "overlong"),              // overlong '/'
        ([0xED, 0xA0, 0x80], "surrogate"),              // U+D800
        ([0xF4, 0x90, 0x80, 0x80], "U+10FFFF"),         // U+110000
        ([0xF5, 0x80, 0x80, 0x80], "never occurs"),
        ([0x80], "continuation byte"),
        ([0xE2, 0x82, 0x41], "does not continue"),
        ([0xE2, 0x82], "ends inside"),
    ])
    func invalidUTF8(_ c: ([UInt8], String)) {
        // The bad bytes stand on line 2, column 12.
        let prefix = Array("{ \"paper\": \"p\",\n  \"id\": \"tλ".utf8)
        let bytes = prefix + c.0 + (c.1 == "ends inside" ? [] : Array("\" }".utf8))
        let e = loadError(bytes: bytes)
        #expect(e?.message.contains("invalid UTF-8 at byte offset \(prefix.count)") == true, "\(e?.description ?? "")")
        #expect(e?.message.contains(c.1) == true, "\(e?.description ?? "")")
        #expect(position(e) == "2:12", "\(e?.description ?? "")")
    }

    @Test("a claim file on disk with invalid UTF-8 gets a located error, not 'cannot read the file' at 0:0")
    func invalidUTF8File() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data(Array("{\n  \"id\": \"".utf8) + [0xC3, 0x28] + Array("\" }".utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ClaimLoader.load(path: url.path)
            Issue.record("loaded")
        } catch {
            #expect(error.message.contains("invalid UTF-8 at byte offset 11"), "\(error)")
            #expect(position(error) == "2:10", "\(error)")
        }
    }

    // MARK: - Not a claim

    @Test("an empty file, a file that is not an object, or a truncated one is a located error", arguments: [
        ("", "1:1"), ("   ", "1:4"), ("[]", "1:1"), ("\"claim\"", "1:1"), ("42", "1:1"), ("null", "1:1"),
        ("{ \"id\": \"t\"", "1:12"), ("{", "1:2"),
    ])
    func notAClaim(_ c: (String, String)) {
        let e = loadError(c.0)
        #expect(e != nil)
        #expect(position(e) == c.1, "\(c.0.debugDescription): \(e?.description ?? "")")
    }

    // MARK: - Nesting

    func parseError(_ text: String) -> ClaimError? {
        do {
            _ = try Parser.parse(ExpressionSource(text: text, location: SourceLocation(file: "test.json", jsonPath: "$.claims.c", line: 3, column: 10)))
            return nil
        } catch { return error }
    }

    static let deep = 100_000

    /// JSON nested `n` deep, by kind.
    static func deepJSONText(_ kind: String, _ n: Int) -> String {
        switch kind {
        case "arrays": String(repeating: "[", count: n)
        case "objects": String(repeating: "{\"a\": ", count: n)
        case "mixed": String(repeating: "[{\"a\":", count: n / 2)
        default: String(repeating: "[", count: n) + String(repeating: "]", count: n)
        }
    }

    @Test("JSON nested 100,000 deep is a located error, not a stack overflow", arguments: [
        ("arrays", "1:513"), ("objects", "1:3073"), ("mixed", "1:1537"), ("closed arrays", "1:513"),
    ])
    func deepJSON(_ c: (String, String)) {
        let e = jsonError(Self.deepJSONText(c.0, Self.deep))
        #expect(e?.message.contains("nesting deeper than 512 levels") == true, "\(e?.description ?? "")")
        #expect(position(e) == c.1)
    }

    @Test("JSON nested exactly 512 deep is read; 513 is the error")
    func jsonNestingBoundary() {
        #expect(jsonError(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
        #expect(jsonError(String(repeating: "[", count: 513) + String(repeating: "]", count: 513))?.message.contains("512") == true)
        let claim = with("note", String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
        #expect(loadError(claim)?.message.contains("nesting deeper than 512 levels") == true)
    }

    /// An expression nested `n` deep (or so), by kind.
    static func deepExpression(_ kind: String, _ deep: Int) -> String {
        switch kind {
        case "parentheses": String(repeating: "(", count: deep) + "1" + String(repeating: ")", count: deep)
        case "unclosed parentheses": String(repeating: "(", count: deep)
        case "unary minus": String(repeating: "-", count: deep) + "x"
        case "unary plus": String(repeating: "+", count: deep) + "x"
        case "not": String(repeating: "not ", count: deep) + "true"
        case "calls": String(repeating: "f(", count: deep) + "1" + String(repeating: ")", count: deep)
        case "index arguments": String(repeating: "x[", count: deep) + "1" + String(repeating: "]", count: deep)
        case "index chain": "x" + String(repeating: "[1]", count: deep)
        case "transpose chain": "x" + String(repeating: "'", count: deep)
        case "blocks": String(repeating: "[", count: deep) + "1" + String(repeating: "]", count: deep)
        case "tuples": String(repeating: "(1, ", count: deep) + "1" + String(repeating: ")", count: deep)
        case "sum chain": "1" + String(repeating: " + 1", count: deep)
        case "product chain": "x" + String(repeating: "*x", count: deep)
        case "and chain": "p" + String(repeating: " and p", count: deep)
        case "or chain": "p" + String(repeating: " or p", count: deep)
        case "iff chain": "p" + String(repeating: " <=> p", count: deep)
        case "implication chain": "p" + String(repeating: " => p", count: deep)
        case "power tower": "2" + String(repeating: "^2", count: deep)
        case "conditionals": String(repeating: "if p then 1 else ", count: deep) + "0"
        case "comprehensions": String(repeating: "sum(i in 1...2: ", count: deep) + "i" + String(repeating: ")", count: deep)
        case "mixed": String(repeating: "-(x + [f(", count: deep / 4)
        default: ""
        }
    }

    @Test("expressions nested 100,000 deep are a located error, not a stack overflow", arguments: [
        "parentheses", "unclosed parentheses", "unary minus", "unary plus", "not", "calls", "index arguments", "index chain", "transpose chain", "blocks", "tuples", "sum chain", "product chain", "and chain", "or chain", "iff chain", "implication chain", "power tower", "conditionals", "comprehensions", "mixed",
    ])
    func deepExpressions(_ kind: String) {
        let c = (kind, Self.deepExpression(kind, Self.deep))
        let e = parseError(c.1)
        #expect(e?.message.contains("nesting deeper than 512 levels") == true, "\(c.0): \(e?.description ?? "")")
        #expect((e?.location?.expressionColumn ?? 0) >= 1, "\(c.0)")
        #expect((e?.location?.line ?? 0) == 3, "\(c.0)")
    }

    /// An expression of the kind `kind` that is `n` levels deep.
    static func nested(_ kind: String, _ n: Int) -> String {
        switch kind {
        case "unary minus": String(repeating: "-", count: n - 1) + "x"
        case "sum chain": "1" + String(repeating: " + 1", count: n - 1)
        case "transpose chain": "x" + String(repeating: "'", count: n - 1)
        case "calls": String(repeating: "f(", count: n - 1) + "1" + String(repeating: ")", count: n - 1)
        default: String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n)
        }
    }

    @Test("an expression exactly 512 deep parses; one level more is the error",
          arguments: ["unary minus", "sum chain", "transpose chain", "calls", "parentheses"])
    func expressionDepthBoundary(_ kind: String) {
        #expect(parseError(Self.nested(kind, 512)) == nil, "\(kind): \(parseError(Self.nested(kind, 512))?.description ?? "")")
        #expect(parseError(Self.nested(kind, 513))?.message.contains("nesting deeper than 512 levels") == true, "\(kind)")
    }

    @Test("a claim file with a 100,000-term conclusion is a located load error")
    func deepClaim() {
        let text = Self.minimal.replacingOccurrences(of: "\"n >= 1\"", with: "\"" + String(repeating: "n + ", count: Self.deep) + "n >= 1\"")
        let e = loadError(text)
        #expect(e?.message.contains("nesting deeper than 512 levels") == true, "\(e?.description ?? "")")
        #expect(e?.location?.jsonPath == "$.claims.c")
        #expect(position(e).hasPrefix("3:"))
    }

    // MARK: - Numeric literals

    @Test("a number literal of 10,000 digits is read; more is a located error naming the limit")
    func longLiterals() {
        let ok = String(repeating: "7", count: 10_000)
        #expect(parseError("x + " + ok) == nil)
        #expect(parseError("x + 1." + String(repeating: "5", count: 9_998)) == nil)
        let long = parseError("x + " + ok + "7")
        #expect(long?.message.contains("more than 10000 digits") == true, "\(long?.description ?? "")")
        #expect(long?.location?.expressionColumn == 5)
        let longDecimal = parseError("x + 1." + String(repeating: "5", count: 10_000))
        #expect(longDecimal?.message.contains("more than 10000 digits") == true)
        let huge = parseError(String(repeating: "9", count: 1_000_000))
        #expect(huge?.message.contains("more than 10000 digits") == true)
    }

    @Test("digits other than 0-9 are not numbers: a located error, not a crash", arguments: ["x + ½", "x + ٣", "x + ２"])
    func nonASCIIDigits(_ text: String) {
        let e = parseError(text)
        #expect(e != nil, "\(text) parsed")
        #expect(e?.location?.expressionColumn == 5, "\(e?.description ?? "")")
    }

    // MARK: - Numbers in the claim's settings

    @Test("integer settings are range-checked: a located error naming the limit, never a trap or a wrap", arguments: [
        ("instances", "100000", "ok"), ("instances", "0", "ok"), ("instances", "100001", "0 to 100000"),
        ("instances", "99999999999999999999999999999", "0 to 100000"), ("instances", "-1", "0 to 100000"),
        ("instances", "1e3", "integer"), ("instances", "4.0", "integer"), ("instances", "\"40\"", "not a string"),
        ("max_dimension", "4096", "ok"), ("max_dimension", "4097", "0 to 4096"),
        ("min_decided", "100000", "ok"), ("min_decided", "100001", "1 to 100000"),
        ("seed", "0", "ok"), ("seed", "-0", "ok"), ("seed", "18446744073709551615", "ok"),
        ("seed", "18446744073709551616", "0 to 18446744073709551615"), ("seed", "-1", "0 to 18446744073709551615"),
        ("seed", "9223372036854775808", "ok"),
    ])
    func integerSettings(_ c: (String, String, String)) {
        let e = loadError(with(c.0, c.1))
        if c.2 == "ok" {
            #expect(e == nil, "\(c.0): \(c.1): \(e?.description ?? "")")
        } else {
            #expect(e?.message.contains(c.2) == true, "\(c.0): \(c.1): \(e?.description ?? "")")
            #expect(e?.message.contains("\"\(c.0)\"") == true)
            // `{ "id": "t", "key": value`: the value's column.
            #expect(position(e) == "1:\(c.0.count + 18)", "\(e?.description ?? "")")
        }
    }

    @Test("a seed is any unsigned 64-bit integer")
    func largeSeed() throws {
        let c = try ClaimLoader.load(text: with("seed", "18446744073709551615"), file: "test.json")
        #expect(c.seed == UInt64.max)
        #expect(try ClaimLoader.load(text: with("seed", "9223372036854775808"), file: "test.json").seed == 1 << 63)
    }

    @Test("the budget is finite, positive and at most a day: a located error otherwise", arguments: [
        ("{\"seconds\": 60}", "ok"), ("{\"seconds\": 0.5}", "ok"), ("{\"seconds\": 86400}", "ok"),
        ("{\"seconds\": 0}", "86400"), ("{\"seconds\": -1}", "86400"), ("{\"seconds\": 86401}", "86400"),
        ("{\"seconds\": 1e400}", "86400"), ("{\"seconds\": \"60\"}", "budget"), ("{}", "budget"), ("60", "budget"),
        ("{\"seconds\": 60, \"minutes\": 1}", "budget"),
    ])
    func budget(_ c: (String, String)) {
        let e = loadError(with("budget", c.0))
        if c.1 == "ok" {
            #expect(e == nil, "\(c.0): \(e?.description ?? "")")
        } else {
            #expect(e?.message.contains(c.1) == true, "\(c.0): \(e?.description ?? "")")
            #expect(e?.location?.line == 1 && (e?.location?.column ?? 0) >= 24, "\(e?.description ?? "")")
        }
    }

    @Test("a given key \"()\" names no variable: a located error")
    func emptyTuple() {
        let e = loadError(Self.minimal.replacingOccurrences(of: "\"n\": \"int(1...3)\"", with: "\"()\": \"int(1...3)\", \"n\": \"int(1...3)\""))
        #expect(e?.message.contains("()") == true, "\(e?.description ?? "")")
        #expect(position(e) == "2:20")
    }

    // MARK: - Discovery

    @Test("only a file named exactly papers.json is the paper registry; mypapers.json is a claim file")
    func discovery() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("sub/folder.json"), withIntermediateDirectories: true)
        for f in ["papers.json", "mypapers.json", "a.json", "notes.txt", "sub/papers.json", "sub/b.json", "sub/old_papers.json"] {
            try Data("{}".utf8).write(to: root.appendingPathComponent(f))
        }
        let found = try ClaimDiscovery.files([root.path]).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["a.json", "mypapers.json", "sub/b.json", "sub/old_papers.json"])
    }

    // MARK: - Truncated and corrupted claim files

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Loads `bytes`; records an issue unless it loads or fails with a located `ClaimError`.
    func expectLoadsOrLocatedError(_ bytes: [UInt8], _ what: @autoclosure () -> String) {
        do {
            _ = try ClaimLoader.load(bytes: bytes, file: "fuzz.json")
        } catch {
            let l = error.location
            #expect(l != nil && l!.line >= 1 && l!.column >= 1 && l!.file == "fuzz.json",
                    "\(what()): unlocated error \(error)")
        }
    }

    @Test("a real claim file truncated at every 7th byte, or with bytes flipped, loads or gives a located error",
          arguments: ["claims/lemma3_1.json", "claims/chen/problem1.json"])
    func truncatedAndFlipped(_ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.repository.appendingPathComponent(path).path))
        let bytes = [UInt8](data)
        expectLoadsOrLocatedError(bytes, "\(path) as it is")
        for k in stride(from: 0, to: bytes.count, by: 7) {
            expectLoadsOrLocatedError(Array(bytes[..<k]), "\(path) truncated to \(k) bytes")
        }
        let mutations: [(String, (UInt8) -> UInt8)] = [
            ("xor 0xFF", { $0 ^ 0xFF }), ("xor 0x01", { $0 ^ 0x01 }), ("xor 0x20", { $0 ^ 0x20 }),
            ("quote", { _ in UInt8(ascii: "\"") }), ("brace", { _ in UInt8(ascii: "{") }), ("bracket", { _ in UInt8(ascii: "[") }),
            ("backslash", { _ in UInt8(ascii: "\\") }), ("NUL", { _ in 0 }), ("line feed", { _ in 0x0A }),
            ("continuation byte", { _ in 0x80 }), ("digit", { _ in UInt8(ascii: "0") }), ("paren", { _ in UInt8(ascii: "(") }),
        ]
        for k in stride(from: 3, to: bytes.count, by: 29) {
            for (name, m) in mutations {
                var b = bytes
                b[k] = m(b[k])
                expectLoadsOrLocatedError(b, "\(path) with byte \(k) changed by \(name)")
            }
        }
    }
}
