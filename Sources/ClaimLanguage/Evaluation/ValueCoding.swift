import Numbers
import Matrices

/// A JSON document built in memory, with object members in the order they were given (so files
/// written from it read in a sensible order and compare equal byte for byte across runs).
/// Numbers are kept as their JSON text, so nothing is ever rounded through a binary float.
public indirect enum ExactJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A JSON number, as its text (`3`, `-12`, `0.25`).
    case number(String)
    case string(String)
    case array([ExactJSON])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: ExactJSON
        public init(_ key: String, _ value: ExactJSON) {
            self.key = key
            self.value = value
        }
    }

    /// An integer number.
    public static func int(_ i: Int) -> ExactJSON { .number(String(i)) }

    /// A non-negative duration or ratio, rounded to `digits` decimals (for timings only).
    public static func decimal(_ d: Double, digits: Int = 3) -> ExactJSON {
        guard d.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (d * scale).rounded() / scale
        if r == r.rounded() && abs(r) < 1e15 { return .number(String(Int(r))) }
        return .number(String(r))
    }

    /// An object from key–value pairs, in the order given; pairs whose value is nil are left out.
    public static func object(_ pairs: [(String, ExactJSON?)]) -> ExactJSON {
        .object(pairs.compactMap { k, v in v.map { Member(k, $0) } })
    }

    public subscript(key: String) -> ExactJSON? {
        if case let .object(members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    public var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
    public var arrayValue: [ExactJSON]? { if case let .array(a) = self { return a }; return nil }
    public var members: [Member]? { if case let .object(m) = self { return m }; return nil }
    public var intValue: Int? { if case let .number(t) = self { return Int(t) }; return nil }
    public var doubleValue: Double? { if case let .number(t) = self { return Double(t) }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// The same document without source positions.
    public init(_ v: JSONValue) {
        switch v {
        case let .string(s, _): self = .string(s)
        case let .number(t, _): self = .number(t)
        case let .bool(b, _): self = .bool(b)
        case .null: self = .null
        case let .array(items, _): self = .array(items.map(ExactJSON.init))
        case let .object(members, _): self = .object(members.map { Member($0.key, ExactJSON($0.value)) })
        }
    }

    /// JSON text. Pretty output puts each object member and each array element on its own line,
    /// except arrays of scalars (a matrix row, an index list), which stay on one line, so a
    /// matrix reads row by row.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: 0, pretty: pretty)
        return out
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    func write(to out: inout String, indent: Int, pretty: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let nl = pretty ? "\n" : ""
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(t): out += t
        case let .string(s): out += ExactJSON.quote(s)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            if !pretty || items.allSatisfy(\.isScalar) {
                out += "["
                for (i, x) in items.enumerated() {
                    if i > 0 { out += ", " }
                    x.write(to: &out, indent: indent + 1, pretty: false)
                }
                out += "]"
                return
            }
            out += "[" + nl
            for (i, x) in items.enumerated() {
                out += pad
                x.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (i + 1 < items.count ? "," : "") + nl
            }
            out += closePad + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, m) in members.enumerated() {
                out += pad + ExactJSON.quote(m.key) + (pretty ? ": " : ":")
                m.value.write(to: &out, indent: indent + 1, pretty: pretty)
                out += (i + 1 < members.count ? "," : "") + nl
            }
            out += closePad + "}"
        }
    }

    /// A JSON string literal (RFC 8259 escapes; other characters as they are, in UTF-8).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

/// Exact JSON form of claim-language values (the "variables" of an instance file, format
/// version 1, documented in docs/ci.md):
///
/// | value | JSON |
/// | --- | --- |
/// | rational (integers too) | a string `"p/q"` or `"p"`; when reading, a JSON number is also accepted and read exactly from its text |
/// | boolean | `true` / `false` |
/// | matrix with at least one row and one column | an array of row arrays of strings: `[["1", "-1/2"], ["0", "3"]]` |
/// | matrix with no rows or no columns | `{"type": "matrix", "rows": 0, "columns": 3}` |
/// | index list | an array of integers: `[1, 3]` (`[]` is the empty list) |
/// | sequence, tuple | `{"type": "sequence", "items": [...]}`, `{"type": "tuple", "items": [...]}` |
///
/// - Guarantee: `decode(encode(v))` is `v` exactly for every value `encode` accepts. Reals
///   (known only through enclosures), undecided truth values and functions have no exact form:
///   `encode` returns nil for them rather than an approximation.
public enum ValueCoding {
    /// The exact JSON form of `v`, or nil when `v` (or a part of it) has no exact form.
    public static func encode(_ v: Value) -> ExactJSON? {
        switch v {
        case let .scalar(q): return .string(q.description)
        case let .truth(t):
            switch t {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .unknown: return nil
            }
        case let .matrix(m):
            if m.rows == 0 || m.columns == 0 {
                return .object([.init("type", .string("matrix")), .init("rows", .int(m.rows)), .init("columns", .int(m.columns))])
            }
            return .array((0..<m.rows).map { i in .array(m.row(i).map { .string($0.description) }) })
        case let .indices(list): return .array(list.map { .int($0) })
        case let .sequence(items), let .tuple(items):
            var encoded: [ExactJSON] = []
            for x in items {
                guard let e = encode(x) else { return nil }
                encoded.append(e)
            }
            let tag = if case .sequence = v { "sequence" } else { "tuple" }
            return .object([.init("type", .string(tag)), .init("items", .array(encoded))])
        case .real, .function:
            return nil
        }
    }

    /// The value a JSON form stands for. Errors name the file, line, column and JSON path of the
    /// offending element and say what was expected.
    public static func decode(_ j: JSONValue) throws(ClaimError) -> Value {
        func fail(_ at: JSONValue, _ message: String) -> ClaimError { ClaimError(.load, message, at: at.location) }
        func rational(_ x: JSONValue) throws(ClaimError) -> Rational {
            switch x {
            case let .string(s, _), let .number(s, _):
                guard let q = Rational(s) else {
                    throw fail(x, "\"\(s)\" is not an exact rational (write \"p/q\", \"p\" or a terminating decimal)")
                }
                return q
            default:
                throw fail(x, "expected a rational as a string \"p/q\", found \(x.kindName)")
            }
        }
        func integer(_ x: JSONValue) throws(ClaimError) -> Int {
            guard case let .number(t, _) = x, let i = Int(t) else {
                throw fail(x, "expected an integer, found \(x.kindName == "a number" ? "the number \(x.numberText ?? "")" : x.kindName)")
            }
            return i
        }
        switch j {
        case .string, .number:
            return .scalar(try rational(j))
        case let .bool(b, _):
            return .truth(Truth(b))
        case .null:
            throw fail(j, "null is not a value (expected a rational string, a matrix, an index list, a boolean or a tagged object)")
        case let .array(items, _):
            if items.isEmpty { return .indices([]) }
            if case .array = items[0] {
                var rows: [[Rational]] = []
                for r in items {
                    guard case let .array(entries, _) = r else {
                        throw fail(r, "a matrix is an array of row arrays; this row is \(r.kindName)")
                    }
                    guard !entries.isEmpty else {
                        throw fail(r, "an empty row: write a matrix without columns as {\"type\": \"matrix\", \"rows\": m, \"columns\": 0}")
                    }
                    var row: [Rational] = []
                    for e in entries { row.append(try rational(e)) }
                    if let first = rows.first, first.count != row.count {
                        throw fail(r, "matrix rows have different lengths (\(first.count) and \(row.count))")
                    }
                    rows.append(row)
                }
                return .matrix(Matrix(rows))
            }
            var list: [Int] = []
            for x in items {
                guard case .number = x else {
                    throw fail(x, "an array is an index list of integers or a matrix (an array of row arrays); found \(x.kindName) in it")
                }
                list.append(try integer(x))
            }
            return .indices(list)
        case let .object(members, _):
            guard let tagValue = j["type"] else {
                throw fail(j, "an object value needs a \"type\": \"matrix\", \"tuple\", \"sequence\" or \"indices\"")
            }
            guard case let .string(tag, _) = tagValue else { throw fail(tagValue, "\"type\" must be a string") }
            func only(_ keys: Set<String>) throws(ClaimError) {
                for m in members where !keys.contains(m.key) {
                    throw fail(m.value, "unknown key \"\(m.key)\" in a \(tag) value (expected: \(keys.sorted().joined(separator: ", ")))")
                }
            }
            switch tag {
            case "matrix":
                try only(["type", "rows", "columns", "entries"])
                guard let r = j["rows"], let c = j["columns"] else { throw fail(j, "a tagged matrix needs \"rows\" and \"columns\"") }
                let rows = try integer(r), cols = try integer(c)
                guard rows >= 0, cols >= 0 else { throw fail(j, "negative matrix dimension \(rows)×\(cols)") }
                if let e = j["entries"] {
                    let v = try decode(e)
                    if case let .matrix(m) = v, m.rows == rows, m.columns == cols { return v }
                    if case .indices([]) = v, rows == 0 || cols == 0 { return .matrix(.zeros(rows, cols)) }
                    throw fail(e, "\"entries\" do not form a \(rows)×\(cols) matrix")
                }
                guard rows == 0 || cols == 0 else {
                    throw fail(j, "a \(rows)×\(cols) matrix needs its \"entries\" (or write it as an array of row arrays)")
                }
                return .matrix(.zeros(rows, cols))
            case "tuple", "sequence", "indices":
                try only(["type", "items"])
                guard let itemsValue = j["items"], case let .array(items, _) = itemsValue else {
                    throw fail(j, "a \(tag) needs \"items\": an array")
                }
                if tag == "indices" {
                    var list: [Int] = []
                    for x in items { list.append(try integer(x)) }
                    return .indices(list)
                }
                var values: [Value] = []
                for x in items { values.append(try decode(x)) }
                return tag == "tuple" ? .tuple(values) : .sequence(values)
            default:
                throw fail(tagValue, "unknown value type \"\(tag)\" (expected matrix, tuple, sequence or indices)")
            }
        }
    }
}

extension JSONValue {
    var numberText: String? { if case let .number(t, _) = self { return t }; return nil }
}
