import Testing
@testable import Numbers

/// The shared seeded generator, so every random test is reproducible.
private typealias RootIsolationTestRNG = SplitMix64

private func poly(_ c: Int...) -> Polynomial { Polynomial(coefficients: c.map { Rational($0) }) }
/// x − r.
private func linear(_ r: Rational) -> Polynomial { Polynomial(coefficients: [-r, 1]) }
/// x² − n.
private func squareMinus(_ n: Int) -> Polynomial { poly(-n, 0, 1) }

/// The structural guarantees of `realRoots()`: increasing, pairwise disjoint closed intervals,
/// endpoints of intervals are non-roots with a sign change of the square-free part.
private func checkIsolation(_ p: Polynomial, _ roots: [RealRoot], sourceLocation: SourceLocation = #_sourceLocation) {
    let q = p.squareFreePart
    for (i, r) in roots.enumerated() {
        if r.isExact {
            #expect(p.evaluate(at: r.lower) == 0, sourceLocation: sourceLocation)
        } else {
            #expect(r.lower < r.upper, sourceLocation: sourceLocation)
            #expect(q.sign(at: r.lower) * q.sign(at: r.upper) < 0, sourceLocation: sourceLocation)
        }
        if i > 0 { #expect(roots[i - 1].upper < r.lower, sourceLocation: sourceLocation) }
    }
}

/// Whether the open interval of `r` contains √n (or −√n when `negated`), decided on squares.
private func contains(_ r: RealRoot, squareRootOf n: Int, negated: Bool = false) -> Bool {
    let (lo, hi) = negated ? (-r.upper, -r.lower) : (r.lower, r.upper)
    let n = Rational(n)
    return (lo.signum <= 0 || lo * lo < n) && hi.signum > 0 && hi * hi > n
}

@Suite("Real root isolation")
struct RootIsolationTests {
    @Test("roots of a product of known linear and quadratic factors are found exactly, with multiplicities")
    func knownProduct() {
        // (x + 3/2)² · x · (x − 1/3)³ · (x² − 2) · (x² + 1) · (x − 4)
        let p = linear(Rational(-3, 2)).power(2) * .x * linear(Rational(1, 3)).power(3)
            * squareMinus(2) * poly(1, 0, 1) * linear(4)
        let roots = p.realRoots()
        checkIsolation(p, roots)
        #expect(roots.count == 6)
        #expect(roots.map(\.multiplicity) == [2, 1, 1, 3, 1, 1])
        #expect(roots[0].exactValue == Rational(-3, 2))
        #expect(!roots[1].isExact && roots[1].upper < 0)                                          // −√2
        #expect(roots[1].lower * roots[1].lower > 2 && roots[1].upper * roots[1].upper < 2)
        #expect(roots[2].exactValue == 0)
        #expect(roots[3].exactValue == Rational(1, 3))
        #expect(!roots[4].isExact && roots[4].lower * roots[4].lower < 2 && roots[4].upper * roots[4].upper > 2)
        #expect(roots[5].exactValue == 4)
        #expect(p.rationalRoots() == [Rational(-3, 2), 0, Rational(1, 3), 4])
        #expect(p.realRootCount() == 6)
        #expect(p.realRootCount(in: -10...10, countingMultiplicity: true) == 9)
    }

    @Test("random products of rational linear factors and x² − n factors are isolated exactly")
    func randomProducts() {
        var g = RootIsolationTestRNG(seed: 0xB0071)
        for _ in 0..<20 {
            var p = Polynomial(constant: Rational(Int.random(in: 1...9, using: &g), Int.random(in: 1...9, using: &g)))
            var expected: [Rational: Int] = [:]
            for _ in 0..<Int.random(in: 1...4, using: &g) {
                let r = Rational(Int.random(in: -30...30, using: &g), Int.random(in: 1...8, using: &g))
                let m = Int.random(in: 1...3, using: &g)
                p = p * linear(r).power(m)
                expected[r, default: 0] += m
            }
            let nonsquares = [2, 3, 5, 6, 7, 10, 11, 13]
            var quadratic: [Int: Int] = [:]
            for _ in 0..<Int.random(in: 0...2, using: &g) {
                let n = nonsquares.randomElement(using: &g)!
                let m = Int.random(in: 1...2, using: &g)
                p = p * squareMinus(n).power(m)
                quadratic[n, default: 0] += m
            }
            p = p * poly(Int.random(in: 1...5, using: &g), 0, 1)     // no real roots
            let roots = p.realRoots()
            checkIsolation(p, roots)
            let exact = roots.filter(\.isExact)
            #expect(Dictionary(uniqueKeysWithValues: exact.map { ($0.lower, $0.multiplicity) }) == expected)
            let irrational = roots.filter { !$0.isExact }
            #expect(irrational.count == 2 * quadratic.count)
            for r in irrational {
                // The interval holds ±√n for exactly one planted n, and carries its multiplicity.
                let hits = quadratic.filter { n, _ in contains(r, squareRootOf: n) || contains(r, squareRootOf: n, negated: true) }
                #expect(hits.count == 1 && hits.first?.value == r.multiplicity)
            }
        }
    }

    @Test("Sturm counts agree with sign changes on a fine rational grid for random polynomials")
    func sturmAgainstGrid() {
        var g = RootIsolationTestRNG(seed: 0x57A1)
        let step = Rational(1, 32)
        for _ in 0..<30 {
            let degree = Int.random(in: 1...7, using: &g)
            var c = (0..<degree).map { _ in Rational(Int.random(in: -10...10, using: &g)) }
            c.append(Rational(Int.random(in: 1...3, using: &g)))
            let p = Polynomial(coefficients: c)
            let q = p.squareFreePart
            // Cauchy bound, rounded up to a multiple of the step.
            let bound = (c.dropLast().map(\.magnitude).max()! / c.last!.magnitude + 1).ceiling
            let lo = -Rational(bound), hi = Rational(bound)
            var grid: [Rational] = []
            var x = lo
            while x <= hi { grid.append(x); x += step }
            let signs = grid.map { q.evaluate(at: $0).signum }
            let chain = Polynomial.SturmChain(Polynomial.primitiveIntegerCoefficients(of: q))
            let variations = grid.map { chain.variations(at: $0) }
            var gridCount = signs.filter { $0 == 0 }.count
            for j in 0..<(grid.count - 1) {
                let change = signs[j] * signs[j + 1] < 0 ? 1 : 0
                gridCount += change
                // Roots in the open cell: Sturm's (g_j, g_{j+1}] minus a root at g_{j+1}.
                let inCell = variations[j] - variations[j + 1] - (signs[j + 1] == 0 ? 1 : 0)
                #expect(inCell == change, "cell [\(grid[j]), \(grid[j + 1])] of \(p)")
            }
            #expect(p.realRootCount() == gridCount, "\(p)")
            #expect(p.realRootCount(in: lo...hi) == gridCount)
            #expect(p.realRoots().count == gridCount)
            // Public closed-interval counts on a few random sub-intervals.
            for _ in 0..<4 {
                let i = Int.random(in: 0..<grid.count, using: &g), j = Int.random(in: 0..<grid.count, using: &g)
                let (a, b) = (min(i, j), max(i, j))
                let expected = signs[a...b].filter { $0 == 0 }.count
                    + (a..<b).filter { signs[$0] * signs[$0 + 1] < 0 }.count
                #expect(p.realRootCount(in: grid[a]...grid[b]) == expected)
            }
        }
    }

    @Test("closed-interval counts include roots at either endpoint")
    func endpoints() {
        let p = linear(1) * linear(2) * linear(3).power(2)
        #expect(p.realRootCount(in: 1...2) == 2)
        #expect(p.realRootCount(in: 1...1) == 1)
        #expect(p.realRootCount(in: Rational(3)...Rational(3), countingMultiplicity: true) == 2)
        #expect(p.realRootCount(in: Rational(3, 2)...Rational(5, 2)) == 1)
        #expect(p.realRootCount(in: 2...3) == 2)
        #expect(p.realRootCount(in: 2...3, countingMultiplicity: true) == 3)
        #expect(p.realRootCount(in: Rational(-1)...Rational(1, 2)) == 0)
        #expect(p.realRootCount(in: 0...10) == 3)
        // An irrational root next to interval ends: √2 in [1, 2], none in [3/2, 2].
        #expect(squareMinus(2).realRootCount(in: 1...2) == 1)
        #expect(squareMinus(2).realRootCount(in: Rational(3, 2)...Rational(2)) == 0)
        #expect(squareMinus(2).realRootCount(in: -2...2) == 2)
    }

    @Test("roots on bisection midpoints and at zero are reported as exact points")
    func dyadicRoots() {
        // The isolation bisects at dyadic points; put roots exactly there and next to each other.
        let p = Polynomial.x * linear(Rational(1, 2)) * linear(Rational(-1, 4)) * linear(8) * linear(-8)
            * squareMinus(3)
        let roots = p.realRoots()
        checkIsolation(p, roots)
        #expect(roots.compactMap(\.exactValue) == [-8, Rational(-1, 4), 0, Rational(1, 2), 8])
        #expect(roots.count == 7)
        // Roots at the power-of-two root bound region and a multiple root at 0.
        let q = Polynomial.x.power(3) * linear(1) * linear(-1)
        #expect(q.realRoots().map(\.multiplicity) == [1, 3, 1])
        #expect(q.rationalRoots() == [-1, 0, 1])
    }

    @Test("close and huge roots are separated exactly")
    func closeAndHuge() {
        let big = Rational(BigInt(10).power(30))
        let p = linear(big) * linear(big.reciprocal) * linear(Rational(1000, 1001)) * linear(Rational(999, 1000))
            * squareMinus(2)
        let roots = p.realRoots()
        checkIsolation(p, roots)
        #expect(roots.compactMap(\.exactValue) == [big.reciprocal, Rational(999, 1000), Rational(1000, 1001), big])
        #expect(roots.count == 6)
        // Two irrational roots 1/10^6 apart: √2 and the root of x² − 2 − 1/10⁶... kept apart.
        let close = squareMinus(2) * Polynomial(coefficients: [Rational(-2_000_001, 1_000_000), 0, 1])
        let cr = close.realRoots()
        checkIsolation(close, cr)
        #expect(cr.count == 4 && cr.allSatisfy { !$0.isExact })
    }

    @Test("the first twelve integers as roots of one product are all exact")
    func wilkinsonLike() {
        let p = (1...12).reduce(Polynomial.one) { $0 * linear(Rational($1)) }
        let roots = p.realRoots()
        #expect(roots.map(\.exactValue) == (1...12).map { Rational($0) })
        #expect(roots.allSatisfy { $0.multiplicity == 1 })
    }

    @Test("refinement narrows intervals to the requested width and keeps the root inside")
    func refinement() {
        let p = squareMinus(2) * poly(-1, -1, 1) * linear(3)      // √2, (1 ± √5)/2, 3
        let width = Rational(1, 1 << 40)
        let roots = p.realRoots(refinedToWidth: width)
        checkIsolation(p, roots)
        #expect(roots.allSatisfy { $0.width <= width })
        #expect(roots.filter(\.isExact).map(\.lower) == [3])
        let sqrt2 = roots.first { $0.lower > 1 && $0.upper < Rational(3, 2) }!
        #expect(sqrt2.lower * sqrt2.lower < 2 && sqrt2.upper * sqrt2.upper > 2)
        let coarse = p.realRoots()[0]
        let fine = p.refine(coarse, toWidth: Rational(1, 1000))
        #expect(fine.width <= Rational(1, 1000) && coarse.lower <= fine.lower && fine.upper <= coarse.upper)
        #expect(p.refine(p.realRoots().last!, toWidth: Rational(1, 10)).exactValue == 3)
    }

    @Test("constants have no roots; linear polynomials have one exact root")
    func constantsAndLinear() {
        let c = Polynomial(constant: Rational(-7, 3))
        #expect(c.realRoots().isEmpty && c.rationalRoots().isEmpty)
        #expect(c.realRootCount() == 0 && c.realRootCount(in: -5...5) == 0)
        #expect(c.realRoots(refinedToWidth: 1).isEmpty)
        let l = Polynomial(coefficients: [Rational(5), Rational(-3, 7)])    // root 35/3
        #expect(l.realRoots() == [RealRoot(lower: Rational(35, 3), upper: Rational(35, 3), multiplicity: 1)])
        #expect(poly(1, 0, 1).realRoots().isEmpty)
        #expect(Polynomial.zero.sign(at: 3) == 0)
    }

    @Test("root counts of the zero polynomial are refused")
    func zeroPolynomial() async {
        await #expect(processExitsWith: .failure) {
            _ = Polynomial.zero.realRoots()
        }
        await #expect(processExitsWith: .failure) {
            _ = Polynomial.zero.realRootCount(in: 0...1)
        }
    }
}
