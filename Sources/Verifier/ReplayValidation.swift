import Numbers
import Matrices
import ClaimLanguage

extension ClaimRunner {
    /// Checks that a replayed instance could have come from the claim's generators: each value
    /// has the shape its generator gives with the instance's own dimensions (a 4×4 matrix where
    /// `matrix(m, m)` is asked with m = 10⁹ is refused), an `int` or `each` value lies in its
    /// domain, and structured generators' defining properties hold (orthogonal, symmetric, skew,
    /// Stiefel, permutations, subsets). A value that does not fit is a load error at the file's
    /// variable, naming the generator. Generators this check does not know are not checked.
    func validate(_ claim: Claim, _ file: InstanceFile, _ values: [(String, Value)]) throws(ClaimError) {
        let scope = Scope.child(of: Scope.root())
        let evaluator = makeEvaluator(claim)
        let byName = Dictionary(values, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(file.variables.map { ($0.name, $0.location) }, uniquingKeysWith: { a, _ in a })
        for g in claim.given {
            let value: Value
            if g.names.count == 1 {
                guard let v = byName[g.names[0]] else { continue }
                value = v
            } else {
                value = .tuple(g.names.compactMap { byName[$0] })
            }
            let at = locations[g.names[0]] ?? file.variablesLocation
            if case let .call(name, args, _) = g.generator.kind {
                var evaluated: [Value] = []
                for a in args {
                    // An argument that cannot be evaluated on the instance is left to the replay.
                    guard let v = try? evaluator.eval(a, scope) else { evaluated = []; break }
                    evaluated.append(v)
                }
                if evaluated.count == args.count, let problem = ClaimRunner.misfit(name, evaluated, value) {
                    throw ClaimError(.load, "the instance file's \(g.names.joined(separator: ", ")) does not fit its generator \(g.generator.description): \(problem)", at: at)
                }
            }
            for n in g.names { if let v = byName[n] { scope.bindValue(n, v) } }
        }
    }

    /// Why `value` cannot be an output of generator `name` with these arguments, or nil.
    static func misfit(_ name: String, _ args: [Value], _ value: Value) -> String? {
        func int(_ i: Int) -> Int? {
            guard i < args.count, case let .scalar(q) = args[i], q.isInteger else { return nil }
            return q.numerator.asInt
        }
        func domain(_ i: Int) -> [Int]? {
            guard i < args.count else { return nil }
            switch args[i] {
            case let .indices(list): return list
            case let .scalar(q) where q.isInteger: return q.numerator.asInt.map { [$0] }
            default: return nil
            }
        }
        func shape(_ v: Value, _ rows: Int?, _ columns: Int?) -> String? {
            guard case let .matrix(m) = v else { return "it is a \(v.typeName), not a matrix" }
            if let r = rows, m.rows != r { return "it has \(m.rows) row(s), but the generator gives \(r) here" }
            if let c = columns, m.columns != c { return "it has \(m.columns) column(s), but the generator gives \(c) here" }
            return nil
        }
        func matrix(_ v: Value) -> Matrix<Rational>? { if case let .matrix(m) = v { return m } else { return nil } }
        switch name {
        case "int":
            guard let d = domain(0) else { return nil }
            guard case let .scalar(q) = value, q.isInteger else { return "it is a \(value.typeName), not an integer" }
            guard let k = q.numerator.asInt else { return "\(q) is outside the range" }
            return d.contains(k) ? nil : "\(k) is outside the range \(d.first.map(String.init) ?? "")…\(d.last.map(String.init) ?? "")"
        case "each":
            guard let d = domain(0) else { return nil }
            guard case let .scalar(q) = value, q.isInteger, let k = q.numerator.asInt else { return nil }
            return d.contains(k) ? nil : "\(k) is not in the enumerated domain"
        case "matrix", "int_matrix":
            if let p = shape(value, int(0), int(1)) { return p }
            if name == "int_matrix", let m = matrix(value), !m.elements.allSatisfy(\.isInteger) { return "an int_matrix has integer entries" }
            return nil
        case "symmetric", "spd", "gl", "skew", "orthogonal":
            if let p = shape(value, int(0), int(0)) { return p }
            guard let m = matrix(value) else { return nil }
            switch name {
            case "symmetric", "spd": return m == m.transposed ? nil : "it is not symmetric"
            case "skew": return m == -m.transposed ? nil : "it is not skew-symmetric"
            case "orthogonal": return m.transposed * m == .identity(m.rows) ? nil : "it is not orthogonal (QᵀQ ≠ I)"
            default: return m.rank == m.rows ? nil : "it is singular"
            }
        case "stiefel":
            if let p = shape(value, int(0), int(1)) { return p }
            guard let m = matrix(value) else { return nil }
            return m.transposed * m == .identity(m.columns) ? nil : "its columns are not orthonormal (UᵀU ≠ I)"
        case "rank_matrix":
            if let p = shape(value, int(0), int(1)) { return p }
            guard let m = matrix(value), let r = int(2) else { return nil }
            return m.rank == r ? nil : "its rank is \(m.rank), not \(r)"
        case "with_spectrum":
            guard args.count == 1, let d = matrix(args[0]) else { return nil }
            if let p = shape(value, d.elements.count, d.elements.count) { return p }
            return matrix(value).map { $0 == $0.transposed } == false ? "it is not symmetric" : nil
        case "with_svd":
            guard case let .tuple(items) = value, items.count == 3 else { return "it is a \(value.typeName), not (X, U, V)" }
            let m = int(0), n = int(1)
            return shape(items[0], m, n) ?? shape(items[1], m, m) ?? shape(items[2], n, n)
        case "permutation":
            guard let n = int(0) else { return nil }
            guard case let .indices(p) = value else { return "it is a \(value.typeName), not an index list" }
            return p.sorted() == Array(Array(1...max(1, n)).prefix(n)) ? nil : "it is not a permutation of 1…\(n)"
        case "subset":
            guard let d = domain(0) else { return nil }
            guard case let .indices(s) = value else { return "it is a \(value.typeName), not an index list" }
            if let q = int(1), s.count != q { return "it has \(s.count) element(s), not \(q)" }
            return Set(s).isSubset(of: Set(d)) && Set(s).count == s.count ? nil : "it is not a subset of the domain"
        default:
            return nil
        }
    }
}
