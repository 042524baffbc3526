import Testing
import Numbers
import Matrices
@testable import Instances

/// Every generator at once, as a claim would draw an instance.
struct CompositeInstance: Equatable {
    var dimension: Int
    var flag: Bool
    var scalar: Rational
    var a: Matrix<Rational>
    var q: Matrix<Rational>
    var g: Matrix<Rational>
    var spd: Matrix<Rational>
    var svd: SVDInstance
    var eigen: SymmetricEigenInstance
    var lowRank: LowRankInstance
    var subset: [Int]
    var permutation: [Int]

    static func draw(_ s: inout ChoiceSource) -> CompositeInstance {
        let n = Draw.integer(in: 1...4, from: &s)
        let flag = Draw.boolean(from: &s)
        let scalar = Draw.rational(from: &s)
        let a = Draw.integerMatrix(rows: n, columns: n + 1, from: &s)
        let q = Draw.orthogonal(n, from: &s)
        let g = Draw.invertible(n, from: &s)
        let spd = Draw.positiveDefinite(n, from: &s)
        let sigma = Draw.spectrum(count: n, ties: true, squares: true, zeros: 1, from: &s)
        let svd = Draw.withSVD(m: n + 1, n: n, singularValues: sigma, from: &s)
        let eigen = Draw.symmetric(withSpectrum: sigma, from: &s)
        let lowRank = Draw.lowRank(rows: n + 1, columns: n, rank: n - 1, from: &s)
        let subset = Draw.subset(of: n + 2, size: 2, from: &s)
        let permutation = Draw.permutation(n, from: &s)
        return CompositeInstance(dimension: n, flag: flag, scalar: scalar, a: a, q: q, g: g, spd: spd, svd: svd,
                                 eigen: eigen, lowRank: lowRank, subset: subset, permutation: permutation)
    }

    static let simplest = CompositeInstance(
        dimension: 1, flag: false, scalar: 0, a: .zeros(1, 2), q: .identity(1), g: .identity(1), spd: .identity(1),
        svd: SVDInstance(matrix: .zeros(2, 1), u: Matrix([[1], [0]]), singularValues: [0], v: .identity(1),
                         fullU: .identity(2), fullV: .identity(1)),
        eigen: SymmetricEigenInstance(matrix: .zeros(1, 1), eigenvalues: [0], eigenvectors: .identity(1)),
        lowRank: LowRankInstance(matrix: .zeros(2, 1), left: .zeros(2, 0), right: .zeros(0, 1)),
        subset: [1, 2], permutation: [1])
}

@Suite("Replay and determinism")
struct ReplayAndDeterminismTests {
    @Test("replaying the recorded choices reproduces the instance", arguments: lawSeeds)
    func replay(seed: UInt64) {
        let (instance, choices) = ChoiceSource.generate(seed: seed) { CompositeInstance.draw(&$0) }
        var r = ChoiceSource(replaying: choices)
        #expect(CompositeInstance.draw(&r) == instance)
        #expect(!r.overran && r.choices == choices)
    }

    @Test("same seed, same instance and choices")
    func sameSeed() {
        for seed in lawSeeds {
            let a = ChoiceSource.generate(seed: seed) { CompositeInstance.draw(&$0) }
            let b = ChoiceSource.generate(seed: seed) { CompositeInstance.draw(&$0) }
            #expect(a.value == b.value && a.choices == b.choices)
        }
    }

    @Test("different seeds give different instances")
    func differentSeeds() {
        let instances = lawSeeds.map { seed in ChoiceSource.generate(seed: seed) { CompositeInstance.draw(&$0) }.value }
        var distinct: [CompositeInstance] = []
        for x in instances where !distinct.contains(x) { distinct.append(x) }
        #expect(distinct.count == instances.count)
    }

    @Test("the empty choice list gives the simplest instance")
    func emptyList() {
        var r = ChoiceSource(replaying: [])
        #expect(CompositeInstance.draw(&r) == CompositeInstance.simplest)
        #expect(r.overran && r.choices.allSatisfy { $0 == 0 })
    }

    @Test("any choice list replays to a valid instance (truncated, clamped, all-max)", arguments: lawSeeds)
    func arbitraryLists(seed: UInt64) {
        let choices = ChoiceSource.generate(seed: seed) { CompositeInstance.draw(&$0) }.choices
        for list in [Array(choices.prefix(choices.count / 2)), choices.map { $0 / 2 },
                     Array(repeating: UInt64.max, count: choices.count), Array(choices.dropFirst())] {
            var r = ChoiceSource(replaying: list)
            let x = CompositeInstance.draw(&r)
            #expect(gram(x.q) == .identity(x.dimension))
            #expect(gram(x.svd.u) == .identity(x.svd.count))
            #expect((try? x.g.inverse()) != nil)
            #expect(leadingPrincipalMinors(x.spd).allSatisfy { $0.signum > 0 })
        }
    }

    @Test("a shrunk list (choices halved) is never more complex in its scalar draws")
    func shrinkMonotone() {
        // Halving every choice of an integer draw never moves the value away from the simplest one
        // further than the original, mode by mode, for ranges on one side of zero.
        for seed in lawSeeds {
            let (v, choices) = ChoiceSource.generate(seed: seed) { Draw.integer(in: 3...40, from: &$0) }
            if choices[0] >= 3 {
                let w = ChoiceSource.replay([choices[0], choices[1] / 2]) { Draw.integer(in: 3...40, from: &$0) }
                #expect(w <= v)
            }
        }
    }
}
