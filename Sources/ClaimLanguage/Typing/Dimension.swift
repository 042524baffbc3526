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

    /// The dimension a coefficient that overflows a machine word becomes: an opaque atom, so
    /// the checker leaves it to the evaluation (whose checked integers report the size limit)
    /// and never traps or reports a static mismatch on it.
    static let overflowed = Dimension.atom("⟨too large⟩")

    public static func + (a: Dimension, b: Dimension) -> Dimension {
        var t = a.terms
        for (m, c) in b.terms {
            let (sum, overflow) = t[m, default: 0].addingReportingOverflow(c)
            if overflow { return overflowed }
            t[m] = sum == 0 ? nil : sum
        }
        return Dimension(terms: t)
    }
    public static prefix func - (a: Dimension) -> Dimension {
        var t: [[String]: Int] = [:]
        for (m, c) in a.terms {
            let (n, overflow) = 0.subtractingReportingOverflow(c)
            if overflow { return overflowed }
            t[m] = n
        }
        return Dimension(terms: t)
    }
    public static func - (a: Dimension, b: Dimension) -> Dimension { a + (-b) }
    public static func * (a: Dimension, b: Dimension) -> Dimension {
        var t: [[String]: Int] = [:]
        for (m1, c1) in a.terms {
            for (m2, c2) in b.terms {
                let m = (m1 + m2).sorted()
                // A monomial of very high degree is as opaque as a huge coefficient.
                if m.count > 64 { return overflowed }
                let (p, o1) = c1.multipliedReportingOverflow(by: c2)
                let (sum, o2) = t[m, default: 0].addingReportingOverflow(p)
                if o1 || o2 { return overflowed }
                t[m] = sum == 0 ? nil : sum
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
