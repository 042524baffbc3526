import Foundation
import Testing
import Numbers
import Matrices
@testable import ClaimLanguage
@testable import Verifier

/// The generators of the claim language: replay, the simplest instance, the frequency of every
/// edge case, option checking at load time, and the exact contracts (nonzero entries, exact rank).
@Suite("Generator table and edge cases")
struct GeneratorTableTests {
    static func claim(_ given: [(String, String)], conclusion: String = "true") throws -> Claim {
        let g = given.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", ")
        return try ClaimLoader.load(text: """
        { "id": "t.g", "paper": "t", "label": "t", "statement": "t", "given": { \(g) },
          "claims": { "c": "\(conclusion)" }, "expect": { "c": "holds" } }
        """, file: "g.json")
    }

    /// The variables of the first branch of one draw.
    static func draw(_ claim: Claim, _ ctx: GeneratorContext) throws -> [String: Value] {
        let runner = ClaimRunner()
        let leaves = try runner.expand(claim, ctx, runner.makeEvaluator(claim))
        return Dictionary(leaves[0].variables, uniquingKeysWith: { a, _ in a })
    }

    static func matrix(_ v: Value?) -> Matrix<Rational> {
        guard case let .matrix(m)? = v else { Issue.record("not a matrix: \(String(describing: v))"); return .zeros(0, 0) }
        return m
    }

    static func scalar(_ v: Value?) -> Rational {
        guard case let .scalar(q)? = v else { Issue.record("not a number: \(String(describing: v))"); return 0 }
        return q
    }

    static let everyGenerator: [(String, String)] = [
        ("m", "int(1...4)"), ("n", "int(1...4)"), ("r", "int(0...min(m, n))"),
        ("x", "rational(6)"), ("xp", "rational(6, positive: true)"), ("xn", "rational(6, nonnegative: true)"),
        ("xz", "rational(4, nonzero: true)"), ("b", "bool()"), ("c", "choose(1, 2, 3)"),
        ("A", "matrix(m, n)"), ("Az", "matrix(m, n, nonzero: true)"), ("K", "int_matrix(m, n)"),
        ("Kz", "int_matrix(n, m, nonzero: true)"), ("Sy", "symmetric(n)"), ("Sk", "skew(n)"),
        ("P", "spd(n)"), ("Q", "orthogonal(n)"), ("St", "stiefel(n, r)"), ("G", "gl(m)"),
        ("d", "spectrum(r, ties: true, squares: true, zeros: 1)"), ("dd", "spectrum(m)"), ("E", "with_spectrum(dd)"),
        ("(X, U, V)", "with_svd(m, n, spectrum(r, ties: true))"), ("R", "rank_matrix(m, n, r)"),
        ("I", "subset(1...n, r)"), ("p", "permutation(n)"),
    ]

    @Test("every generator replays exactly from its choices", arguments: Array(0..<40) as [UInt64])
    func replay(seed: UInt64) throws {
        let claim = try Self.claim(Self.everyGenerator)
        let ctx = GeneratorContext(seed: seed &* 7919 &+ 3)
        let first = try Self.draw(claim, ctx)
        let again = GeneratorContext(replaying: ctx.choices)
        let second = try Self.draw(claim, again)
        #expect(first.mapValues(\.description) == second.mapValues(\.description))
        #expect(again.choices == ctx.choices && !again.overran)
    }

    @Test("the empty choice list gives the simplest instance of every generator")
    func simplest() throws {
        let claim = try Self.claim(Self.everyGenerator)
        let ctx = GeneratorContext(replaying: [])
        let v = try Self.draw(claim, ctx)
        #expect(Self.scalar(v["m"]) == 1 && Self.scalar(v["n"]) == 1 && Self.scalar(v["r"]) == 0)
        #expect(Self.scalar(v["x"]) == 0 && Self.scalar(v["xp"]) == 1 && Self.scalar(v["xn"]) == 0 && Self.scalar(v["xz"]) == 1)
        #expect(Self.scalar(v["c"]) == 1)
        #expect(Self.matrix(v["A"]) == .zeros(1, 1) && Self.matrix(v["K"]) == .zeros(1, 1))
        #expect(Self.matrix(v["Az"]) == Matrix(rows: 1, columns: 1, repeating: 1))
        #expect(Self.matrix(v["G"]) == .identity(1) && Self.matrix(v["Q"]) == .identity(1) && Self.matrix(v["P"]) == .identity(1))
        // Larger shapes, all choices 0.
        let big = try Self.claim([("A", "matrix(2, 3)"), ("G", "gl(3)"), ("Q", "orthogonal(3)"), ("P", "spd(3)"),
                                  ("S", "symmetric(3)"), ("K", "skew(3)"), ("R", "rank_matrix(3, 4, 2)"),
                                  ("t", "spectrum(3, ties: true)"), ("u", "spectrum(3)"), ("i", "int(2...5)"),
                                  ("p", "permutation(4)"), ("I", "subset(1...5, 2)")])
        let w = try Self.draw(big, GeneratorContext(replaying: []))
        #expect(Self.matrix(w["A"]) == .zeros(2, 3))
        #expect(Self.matrix(w["G"]) == .identity(3) && Self.matrix(w["Q"]) == .identity(3) && Self.matrix(w["P"]) == .identity(3))
        #expect(Self.matrix(w["S"]) == .zeros(3, 3) && Self.matrix(w["K"]) == .zeros(3, 3))
        #expect(Self.matrix(w["R"]) == Matrix(rows: 3, columns: 4) { i, j in i == j && i < 2 ? 1 : 0 })
        #expect(Self.matrix(w["t"]).elements == [1, 1, 1])
        #expect(Self.matrix(w["u"]).elements == [3, 2, 1])
        #expect(Self.scalar(w["i"]) == 2)
        #expect(w["p"]?.description == Value.indices([1, 2, 3, 4]).description)
        #expect(w["I"]?.description == Value.indices([1, 2]).description)
    }

    /// Counts how often `predicate` holds over `draws` seeded draws.
    static func frequency(_ given: [(String, String)], draws: Int = 2000, _ predicate: ([String: Value]) -> Bool) throws -> Double {
        let claim = try Self.claim(given)
        var hits = 0
        for i in 0..<draws {
            if predicate(try Self.draw(claim, GeneratorContext(seed: UInt64(i) &* 0x9E37_79B9 &+ 17))) { hits += 1 }
        }
        return Double(hits) / Double(draws)
    }

    /// A generous statistical bound: within [p/2, 2p + 0.02] (2,000 draws: the standard deviation
    /// of a frequency near 1/32 is about 0.004).
    static func near(_ f: Double, _ p: Double) -> Bool { f >= p / 2 && f <= 2 * p + 0.02 }

    @Test("matrix edge cases: zero, identity, single entry, rank one, rank deficient, zero lines, nilpotent")
    func matrixEdges() throws {
        let g = [("A", "matrix(3, 3)")]
        func a(_ v: [String: Value]) -> Matrix<Rational> { Self.matrix(v["A"]) }
        #expect(Self.near(try Self.frequency(g) { a($0).isZero }, 1.0 / 16))
        #expect(Self.near(try Self.frequency(g) { a($0) == .identity(3) }, 1.0 / 32))
        #expect(Self.near(try Self.frequency(g) { a($0).elements.filter { !$0.isZero }.count == 1 }, 1.0 / 32))
        #expect(Self.near(try Self.frequency(g) { a($0).rank == 1 }, 1.0 / 32 + 1.0 / 32))   // rank one, single entry
        // Singular: zero, single entry, rank one, rank deficient, zero lines, nilpotent (6/32),
        // plus generic draws that happen to be singular.
        #expect(Self.near(try Self.frequency(g) { a($0).rank < 3 }, 7.0 / 32))
        #expect(Self.near(try Self.frequency(g) { m in
            let x = a(m)
            return !x.isZero && (0..<3).allSatisfy { i in (0...i).allSatisfy { j in x[i, j].isZero } }
        }, 1.0 / 32))
        #expect(Self.near(try Self.frequency([("A", "matrix(3, 4)")]) { v in
            let x = Self.matrix(v["A"])
            return (0..<3).contains { i in (0..<4).allSatisfy { x[i, $0].isZero } } && (0..<4).contains { j in (0..<3).allSatisfy { x[$0, j].isZero } }
        }, 1.0 / 16 + 1.0 / 32 + 1.0 / 32))
        // [I 0] for a rectangular shape.
        #expect(Self.near(try Self.frequency([("A", "matrix(2, 4)")]) { v in
            Self.matrix(v["A"]) == Matrix(rows: 2, columns: 4) { i, j in i == j ? 1 : 0 }
        }, 1.0 / 32))
    }

    @Test("square generators: gl is never singular but often the identity, a permutation or has one eigenvalue; spd, symmetric, skew, orthogonal edge cases")
    func squareEdges() throws {
        let g = [("G", "gl(3)"), ("P", "spd(3)"), ("S", "symmetric(3)"), ("K", "skew(3)"), ("Q", "orthogonal(3)")]
        let claim = try Self.claim(g)
        var counts: [String: Int] = [:]
        let draws = 2000
        for i in 0..<draws {
            let v = try Self.draw(claim, GeneratorContext(seed: UInt64(i) &+ 99))
            let gl = Self.matrix(v["G"]), spd = Self.matrix(v["P"]), s = Self.matrix(v["S"]), k = Self.matrix(v["K"]), q = Self.matrix(v["Q"])
            #expect(gl.rank == 3)
            #expect(spd.isSymmetric && spd.inertia().positive == 3)
            #expect(s.isSymmetric && k.transposed == k.map { -$0 })
            #expect(q.transposed * q == .identity(3))
            if gl == .identity(3) { counts["gl identity", default: 0] += 1 }
            if gl.elements.allSatisfy({ $0 == 0 || $0 == 1 }) && gl.rank == 3 { counts["gl permutation", default: 0] += 1 }
            if spd == .identity(3) { counts["spd identity", default: 0] += 1 }
            if s.isZero { counts["symmetric zero", default: 0] += 1 }
            if s.rank < 3 { counts["symmetric singular", default: 0] += 1 }
            if k.isZero { counts["skew zero", default: 0] += 1 }
            if q == .identity(3) { counts["orthogonal identity", default: 0] += 1 }
            if q.elements.allSatisfy({ $0 == 0 || $0 == 1 || $0 == -1 }) { counts["orthogonal signed permutation", default: 0] += 1 }
        }
        func f(_ key: String) -> Double { Double(counts[key, default: 0]) / Double(draws) }
        #expect(Self.near(f("gl identity"), 1.0 / 16))
        #expect(Self.near(f("gl permutation"), 1.0 / 16 + 1.0 / 16))
        #expect(Self.near(f("spd identity"), 1.0 / 16))
        #expect(Self.near(f("symmetric zero"), 1.0 / 16))
        #expect(f("symmetric singular") >= 3.0 / 32 / 2)
        #expect(Self.near(f("skew zero"), 1.0 / 16))
        #expect(Self.near(f("orthogonal identity"), 1.0 / 16))
        #expect(Self.near(f("orthogonal signed permutation"), 1.0 / 4))
    }

    @Test("integers hit both endpoints and equal dimensions; rationals hit 0 and ±1; spectra tie")
    func scalarEdges() throws {
        let g = [("m", "int(1...5)"), ("n", "int(1...5)"), ("x", "rational(9)"), ("t", "spectrum(3, ties: true)"), ("u", "spectrum(3)")]
        let claim = try Self.claim(g)
        var counts: [String: Int] = [:]
        let draws = 2000
        for i in 0..<draws {
            let v = try Self.draw(claim, GeneratorContext(seed: UInt64(i) &* 31 &+ 5))
            let m = Self.scalar(v["m"]), n = Self.scalar(v["n"]), x = Self.scalar(v["x"])
            let t = Self.matrix(v["t"]).elements, u = Self.matrix(v["u"]).elements
            if m == 1 { counts["m = 1", default: 0] += 1 }
            if m == 5 { counts["m = 5", default: 0] += 1 }
            if m == n { counts["m = n", default: 0] += 1 }
            if x == 0 { counts["0", default: 0] += 1 }
            if x == 1 { counts["1", default: 0] += 1 }
            if x == -1 { counts["-1", default: 0] += 1 }
            if t[0] == t[2] { counts["all tied", default: 0] += 1 }
            if t[0] == t[1] || t[1] == t[2] { counts["some tie", default: 0] += 1 }
            #expect(u[0] > u[1] && u[1] > u[2] && u[2] > 0)
            if u[0] - u[1] == u[1] - u[2] && u[1] - u[2] == u[2] { counts["equally spaced", default: 0] += 1 }
        }
        func f(_ key: String) -> Double { Double(counts[key, default: 0]) / Double(draws) }
        #expect(Self.near(f("m = 1"), 1.0 / 8 + 6.0 / 8 / 5))
        #expect(Self.near(f("m = 5"), 1.0 / 8 + 6.0 / 8 / 5))
        // n repeats m with probability 1/4, and otherwise agrees by chance (about 1/4 here).
        #expect(f("m = n") >= 0.25 + 0.75 * 0.2)
        #expect(Self.near(f("0"), 1.0 / 8))
        #expect(Self.near(f("1"), 23.0 / 144))
        #expect(Self.near(f("-1"), 23.0 / 144))
        #expect(f("all tied") >= 1.0 / 8)
        #expect(f("some tie") >= 0.4)
        #expect(Self.near(f("equally spaced"), 1.0 / 4))
    }

    @Test("unknown options and wrong arities are load errors naming the option", arguments: [
        ("rational(6, nonnegativ: true)", "nonnegativ"),
        ("matrix(2, 2, positive: true)", "positive"),
        ("spectrum(3, tie: true)", "tie"),
        ("gl(3, nonzero: true)", "nonzero"),
        ("seq(i in 1...2: symmetric(2, ties: true))", "ties"),
        ("matrix(2)", "matrix(m, n, nonzero:)"),
        ("rational(6, positive: true, positive: false)", "positive"),
        ("zeros(2, 2, nonzero: true)", "nonzero"),
    ])
    func unknownOptions(expression: String, named: String) {
        do {
            _ = try Self.claim([("x", expression)])
            Issue.record("\(expression) loaded")
        } catch let error as ClaimError {
            #expect(error.stage == .load)
            #expect(error.message.contains(named), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("the table lists every generator the evaluator knows, with its options")
    func tableIsTheSource() {
        #expect(GeneratorContext.names == Set(GeneratorTable.all.map(\.name)))
        #expect(GeneratorTable.byName["rational"]?.options.map(\.name) == ["positive", "nonzero", "nonnegative"])
        for spec in GeneratorTable.all where !spec.exhaustive {
            #expect(spec.shrinkOrder.isEmpty == false)
        }
        // docs/claims.md documents every generator and every option of the table.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = (try? String(contentsOf: root.appendingPathComponent("docs/claims.md"), encoding: .utf8)) ?? ""
        let section = docs.components(separatedBy: "## Generators").last ?? ""
        for spec in GeneratorTable.all {
            #expect(section.contains("`\(spec.name)("), "\(spec.name) is not documented")
            for option in spec.options { #expect(section.contains("`\(option.name)"), "\(spec.name): option \(option.name) is not documented") }
        }
    }

    @Test("nonzero: true gives no zero entry; nonnegative and positive rationals keep their sign")
    func nonzeroEntries() throws {
        let claim = try Self.claim([("n", "int(1...4)"), ("A", "matrix(n, 3, nonzero: true)"), ("K", "int_matrix(3, n, nonzero: true)"),
                                    ("x", "rational(6, nonnegative: true)"), ("y", "rational(6, positive: true)"), ("z", "rational(6, nonzero: true)")])
        for i in 0..<2000 {
            let v = try Self.draw(claim, GeneratorContext(seed: UInt64(i) &+ 1000))
            #expect(!Self.matrix(v["A"]).elements.contains { $0.isZero })
            #expect(!Self.matrix(v["K"]).elements.contains { $0.isZero })
            #expect(Self.scalar(v["x"]).signum >= 0 && Self.scalar(v["y"]).signum > 0 && !Self.scalar(v["z"]).isZero)
        }
    }

    @Test("rank_matrix has exactly rank r, with a bounded number of draws (no retries)")
    func exactRank() throws {
        let claim = try Self.claim([("m", "int(1...5)"), ("n", "int(1...5)"), ("r", "int(0...min(m, n))"), ("R", "rank_matrix(m, n, r)")])
        for i in 0..<2000 {
            let ctx = GeneratorContext(seed: UInt64(i) &* 13 &+ 7)
            let v = try Self.draw(claim, ctx)
            let m = Int(Self.scalar(v["m"]).numerator.asInt!), n = Int(Self.scalar(v["n"]).numerator.asInt!)
            let r = Int(Self.scalar(v["r"]).numerator.asInt!)
            #expect(Self.matrix(v["R"]).rank == r)
            // Three ints (≤ 3 choices each), the mode, and two invertible factors: at most
            // 5 choices per triangular entry and two per permutation step.
            #expect(ctx.choices.count <= 10 + 5 * (m * m + n * n) + 2 * (m + n))
        }
    }

    @Test("the small scope enumerates choice sequences over {0, 1, 2} in shortlex order")
    func smallScope() throws {
        #expect((0..<8).map(GeneratorContext.smallScopeChoices) == [[], [1], [2], [0, 1], [0, 2], [1, 1], [1, 2], [2, 1]])
        #expect(GeneratorContext.smallScopeChoices(9) == [0, 0, 1])
        let claim = try Self.claim([("n", "int(1...3)"), ("A", "matrix(n, n)")])
        let first = try Self.draw(claim, GeneratorContext(smallScope: 0))
        #expect(Self.scalar(first["n"]) == 1 && Self.matrix(first["A"]) == .zeros(1, 1))
        // Every small-scope instance has entries in {−1, 0, 1} while its modes stay below 3.
        var seen: Set<String> = []
        for k in 0..<200 {
            let v = try Self.draw(claim, GeneratorContext(smallScope: k))
            #expect(Self.matrix(v["A"]).elements.allSatisfy { $0 == 0 || $0 == 1 || $0 == -1 })
            seen.insert(v["A"]!.description)
        }
        #expect(seen.count > 20)
    }
}
