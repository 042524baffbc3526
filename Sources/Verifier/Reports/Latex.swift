import Numbers
import Matrices
import ClaimLanguage

/// Exact LaTeX for claim-language values: integers as they are, rationals as `\frac{p}{q}`,
/// matrices as `bmatrix`, index lists as `\{1, 3\}`, tuples in parentheses. Reals (known through
/// certified enclosures) are shown by an enclosure rounded outward, so the printed interval
/// still contains the value.
public enum Latex {
    public static func rational(_ q: Rational) -> String {
        if q.isInteger { return q.numerator.description }
        let num = q.numerator.description, den = q.denominator.description
        if num.hasPrefix("-") { return "-\\frac{\(num.dropFirst())}{\(den)}" }
        return "\\frac{\(num)}{\(den)}"
    }

    public static func matrix(_ m: Matrix<Rational>) -> String {
        if m.rows == 0 || m.columns == 0 { return "[\\,]_{\(m.rows) \\times \(m.columns)}" }
        let rows = (0..<m.rows).map { i in m.row(i).map(rational).joined(separator: " & ") }
        return "\\begin{bmatrix} " + rows.joined(separator: " \\\\ ") + " \\end{bmatrix}"
    }

    public static func value(_ v: Value, bits: Int = 64) -> String {
        switch v {
        case let .scalar(q): return rational(q)
        case let .real(r):
            let (lo, hi) = enclosureText(r, bits: bits)
            return "\\in \\left[\(lo),\\ \(hi)\\right]"
        case let .truth(t):
            switch t {
            case .true: return "\\text{true}"
            case .false: return "\\text{false}"
            case .unknown: return "\\text{undecided}"
            }
        case let .matrix(m): return matrix(m)
        case let .indices(list):
            return list.isEmpty ? "\\emptyset" : "\\{" + list.map(String.init).joined(separator: ", ") + "\\}"
        case let .sequence(items):
            return "\\left(" + items.map { value($0, bits: bits) }.joined(separator: ",\\ ") + "\\right)_{\\text{seq}}"
        case let .tuple(items):
            return "\\left(" + items.map { value($0, bits: bits) }.joined(separator: ",\\ ") + "\\right)"
        case let .function(f):
            return "\\mathrm{\(f.name)}(\(f.parameters.joined(separator: ", ")))"
        }
    }

    /// The enclosure of a real at `bits` (at least 64), as decimals rounded outward to 12 places.
    public static func enclosureText(_ r: Real, bits: Int) -> (lo: String, hi: String) {
        let (lo, hi) = r.enclosure(max(64, bits))
        return (Real.decimal(lo, digits: 12, up: false), Real.decimal(hi, digits: 12, up: true))
    }

    /// Plain text of a value: exact values as `Value.description`, reals as an enclosure.
    public static func text(_ v: Value, bits: Int = 64) -> String {
        if case let .real(r) = v {
            let (lo, hi) = enclosureText(r, bits: bits)
            return "\(r.text) ∈ [\(lo), \(hi)] (certified enclosure, \(max(64, bits)) bits)"
        }
        return v.description.hasPrefix("\n") ? String(v.description.dropFirst()) : v.description
    }

    /// True when the value (and everything in it) is exact.
    public static func isExact(_ v: Value) -> Bool {
        switch v {
        case .real: false
        case let .truth(t): if case .unknown = t { false } else { true }
        case let .sequence(items), let .tuple(items): items.allSatisfy(isExact)
        default: true
        }
    }
}

extension InstanceVariable {
    /// Renders a variable of an instance.
    public init(name: String, value: Value) {
        self.init(name: name, text: Latex.text(value), latex: Latex.value(value), type: value.typeName, exact: ValueCoding.encode(value))
    }
}
