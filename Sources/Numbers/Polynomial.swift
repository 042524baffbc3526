/// A univariate polynomial with rational coefficients, `coefficients[i]` the coefficient of xⁱ,
/// kept normalized (no trailing zero coefficients; the zero polynomial has no coefficients).
///
/// - Exactness: every operation is exact.
public struct Polynomial: Sendable, Hashable, CustomStringConvertible {
    public private(set) var coefficients: [Rational]

    public init(coefficients: [Rational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }

    /// The constant polynomial c.
    public init(constant c: Rational) { self.init(coefficients: [c]) }

    /// The polynomial x.
    public static var x: Polynomial { Polynomial(coefficients: [0, 1]) }
    public static var zero: Polynomial { Polynomial(coefficients: []) }
    public static var one: Polynomial { Polynomial(coefficients: [1]) }

    /// Degree; −1 for the zero polynomial.
    public var degree: Int { coefficients.count - 1 }
    public var isZero: Bool { coefficients.isEmpty }
    public var leadingCoefficient: Rational { coefficients.last ?? 0 }

    /// p(x) by Horner's rule, exact.
    public func evaluate(at x: Rational) -> Rational {
        coefficients.reversed().reduce(Rational.zero) { $0 * x + $1 }
    }

    /// p(−x).
    public var reflected: Polynomial {
        Polynomial(coefficients: coefficients.enumerated().map { $0.offset % 2 == 0 ? $0.element : -$0.element })
    }

    /// The formal derivative.
    public var derivative: Polynomial {
        Polynomial(coefficients: coefficients.enumerated().dropFirst().map { Rational($0.offset) * $0.element })
    }

    /// Sign changes in the coefficient sequence, zeros skipped (Descartes' rule of signs bounds the
    /// number of positive roots by it; the bound is exact when every root is real).
    public var signVariations: Int {
        var count = 0, last = 0
        for c in coefficients where !c.isZero {
            if last != 0 && c.signum != last { count += 1 }
            last = c.signum
        }
        return count
    }

    /// Multiplicity of 0 as a root: the index of the first nonzero coefficient (0 for p(0) ≠ 0).
    /// - Precondition: p ≠ 0.
    public var multiplicityOfZero: Int {
        precondition(!isZero, "multiplicity of a root of the zero polynomial")
        return coefficients.firstIndex { !$0.isZero }!
    }

    public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        let n = Swift.max(a.coefficients.count, b.coefficients.count)
        return Polynomial(coefficients: (0..<n).map {
            ($0 < a.coefficients.count ? a.coefficients[$0] : 0) + ($0 < b.coefficients.count ? b.coefficients[$0] : 0)
        })
    }
    public static prefix func - (a: Polynomial) -> Polynomial { Polynomial(coefficients: a.coefficients.map { -$0 }) }
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        if a.isZero || b.isZero { return .zero }
        var c = [Rational](repeating: 0, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() where !x.isZero {
            for (j, y) in b.coefficients.enumerated() { c[i + j] = c[i + j] + x * y }
        }
        return Polynomial(coefficients: c)
    }
    public static func * (c: Rational, p: Polynomial) -> Polynomial { Polynomial(coefficients: p.coefficients.map { c * $0 }) }

    /// Euclidean division: a = q·b + r with deg r < deg b. - Precondition: b ≠ 0.
    public func divided(by b: Polynomial) -> (quotient: Polynomial, remainder: Polynomial) {
        precondition(!b.isZero, "polynomial division by zero")
        var r = coefficients
        var q = [Rational](repeating: 0, count: Swift.max(0, degree - b.degree + 1))
        let lb = b.leadingCoefficient
        while r.count >= b.coefficients.count, let lr = r.last {
            let shift = r.count - b.coefficients.count
            let f = lr / lb
            q[shift] = f
            for (i, c) in b.coefficients.enumerated() { r[shift + i] = r[shift + i] - f * c }
            r.removeLast()
            while let l = r.last, l.isZero { r.removeLast() }
        }
        return (Polynomial(coefficients: q), Polynomial(coefficients: r))
    }

    /// `"x^2 - 3x + 1/2"`, highest degree first; `"0"` for the zero polynomial.
    public var description: String {
        if isZero { return "0" }
        var out = ""
        for (i, c) in coefficients.enumerated().reversed() where !c.isZero {
            let mag = c.magnitude
            let sign = c.isNegative ? "-" : "+"
            out += out.isEmpty ? (c.isNegative ? "-" : "") : " \(sign) "
            let coef = (mag == 1 && i > 0) ? "" : mag.description
            out += coef + (i == 0 ? "" : (i == 1 ? "x" : "x^\(i)"))
        }
        return out
    }
}
