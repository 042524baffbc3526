/// A symbolic dimension: a polynomial with integer coefficients in the claim's integer variables
/// (and in opaque atoms such as `min(k, r)` or `len(I)`, named by their printed text). Two
/// dimensions are known to agree when their normalized polynomials are identical.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// monomial (sorted atom names, with repeats for powers) → coefficient; no zero coefficients.
    var terms: [[String]: Int]

    public static func constant(_ c: Int) -> Dimension { Dimension(terms: c == 0 ? [:] : [[]: c]) }
    public static func atom(_ name: String) -> Dimension { Dimension(terms: [[name]: 1]) }

    public var constantValue: Int? {
        if terms.isEmpty { return 0 }
        if terms.count == 1, let c = terms[[]] { return c }
        return nil
    }

    public static func + (a: Dimension, b: Dimension) -> Dimension {
        var t = a.terms
        for (m, c) in b.terms { t[m, default: 0] += c; if t[m] == 0 { t[m] = nil } }
        return Dimension(terms: t)
    }
    public static prefix func - (a: Dimension) -> Dimension { Dimension(terms: a.terms.mapValues { -$0 }) }
    public static func - (a: Dimension, b: Dimension) -> Dimension { a + (-b) }
    public static func * (a: Dimension, b: Dimension) -> Dimension {
        var t: [[String]: Int] = [:]
        for (m1, c1) in a.terms {
            for (m2, c2) in b.terms {
                let m = (m1 + m2).sorted()
                t[m, default: 0] += c1 * c2
                if t[m] == 0 { t[m] = nil }
            }
        }
        return Dimension(terms: t)
    }

    /// The atoms the dimension mentions.
    var atoms: Set<String> { Set(terms.keys.flatMap { $0 }) }

    /// The dimension with each atom in `s` replaced by its polynomial (once).
    func substituting(_ s: [String: Dimension]) -> Dimension {
        if s.isEmpty { return self }
        var out = Dimension.constant(0)
        for (m, c) in terms {
            var p = Dimension.constant(c)
            for a in m { p = p * (s[a] ?? .atom(a)) }
            out = out + p
        }
        return out
    }

    public var description: String {
        if terms.isEmpty { return "0" }
        let ordered = terms.sorted { ($0.key.count, $0.key.joined()) > ($1.key.count, $1.key.joined()) }
        var s = ""
        for (m, c) in ordered {
            let mono = m.isEmpty ? "" : m.joined(separator: "·")
            let mag = abs(c)
            let body = m.isEmpty ? "\(mag)" : (mag == 1 ? mono : "\(mag)·\(mono)")
            s += s.isEmpty ? (c < 0 ? "-" : "") + body : (c < 0 ? " - " : " + ") + body
        }
        return s
    }
}
