import Foundation
import Numbers
import Matrices
import ClaimLanguage

/// Runs one claim over its instances and decides a verdict per conclusion.
///
/// Instances: draw i takes its "given" values from a generator seeded by (seed, i); exhaustive
/// generators (`each`, `all_subsets`, `all_permutations`) branch, so one draw may give several
/// instances. Hypotheses ("assume") that are false make an instance vacuous for every
/// conclusion; a conclusion `P => Q` is vacuous where P is false.
///
/// Guarantees:
/// - A part is FAILS only when some instance was decided false; its counterexample is that
///   instance, or a smaller one found by shrinking that was re-run and decided false again.
/// - HOLDS only when every non-vacuous instance was decided true and at least `min_decided` were
///   non-vacuous; an undecided or errored instance never becomes HOLDS or FAILS.
/// - The draws and every choice inside them depend only on the seed and the draw's index, so a
///   run restricted to some draws (`onlyInstance`, `shard`) sees exactly the instances the full
///   run sees at those indices.
public struct ClaimRunner: Sendable {
    public var instancesOverride: Int?
    public var seedOverride: UInt64?
    /// Upper bound on instances from one draw's exhaustive branching.
    public var branchLimit = 4096
    /// Run only this draw (`--instance`), e.g. to reproduce one instance of a run.
    public var onlyInstance: Int?
    /// Run only the draws this shard owns (`--shard i/n`).
    public var shard: Shard?
    /// How counterexamples are shrunk before they are reported.
    public var shrinking = ShrinkOptions()

    public init(instances: Int? = nil, seed: UInt64? = nil) {
        instancesOverride = instances
        seedOverride = seed
    }

    public func run(path: String, fileIndex: Int = 0) -> ClaimResult {
        let start = Date()
        do {
            let claim = try ClaimLoader.load(path: path)
            return run(claim, start: start, fileIndex: fileIndex)
        } catch {
            return ClaimResult(file: path, claimID: nil, label: nil, loadError: error.description, parts: [], seconds: Date().timeIntervalSince(start))
        }
    }

    /// The seed of draw `i` of a run seeded with `seed`.
    public static func instanceSeed(_ seed: UInt64, _ i: Int) -> UInt64 {
        seed &* 0x1000_0000_01B3 &+ UInt64(i) &* 0x9E37_79B9
    }

    /// Per-conclusion state while instances run.
    struct Tally {
        var result: PartResult
        var done = false
        var maxBits = 0
        /// Enclosures (at 64 bits) of the part's measure on each non-vacuous true instance.
        var measures: [(lo: Rational, hi: Rational)] = []
        var measureError: String?
    }

    /// One instance: the scope with every quantified variable bound, and the variables in order.
    struct Leaf {
        var scope: Scope
        var variables: [(String, Value)]
    }

    func makeTallies(_ claim: Claim) -> [Tally] {
        claim.conclusions.map { c in
            var r = PartResult(claimID: claim.id, label: claim.label, part: c.name, verdict: .holds, expected: c.expect, method: .exact)
            r.statement = c.statement ?? claim.statement
            r.formula = c.expr.description
            return Tally(result: r)
        }
    }

    func makeEvaluator(_ claim: Claim) -> Evaluator {
        let evaluator = Evaluator()
        evaluator.maximumDimension = claim.maximumDimension
        return evaluator
    }

    /// Static shapes: a formula whose shapes are known to differ is a dimension error before any
    /// instance is drawn.
    func staticCheck(_ claim: Claim, _ tallies: inout [Tally]) {
        do {
            let checker = try ShapeChecker(claim: claim)
            for a in claim.assume { _ = try checker.check(a) }
            for (t, c) in claim.conclusions.enumerated() {
                do { _ = try checker.check(c.expr) } catch {
                    tallies[t].result.verdict = .error
                    tallies[t].result.reason = Self.staticReason(error)
                    tallies[t].done = true
                }
            }
        } catch {
            for t in tallies.indices {
                tallies[t].result.verdict = .error
                tallies[t].result.reason = Self.staticReason(error)
                tallies[t].done = true
            }
        }
    }

    /// The reason of a static error: only a dimension error is called one (an unknown name or
    /// a nesting too deep for the checker is an error of another kind).
    static func staticReason(_ error: ClaimError) -> String {
        (error.stage == .dimension ? "dimension error (static): " : "error (static): ") + error.description
    }

    public func run(_ claim: Claim, start: Date = Date(), fileIndex: Int = 0) -> ClaimResult {
        let instances = instancesOverride ?? claim.instances
        let seed = seedOverride ?? claim.seed
        var tallies = makeTallies(claim)
        var budgetExhausted = false
        // Time spent shrinking is not charged to the claim's budget, so shrinking one part never
        // changes another part's verdict.
        var shrinkTime = 0.0
        // Reporting work (shrinking, measures) is not charged to the budget, so it can never
        // change a verdict.
        func elapsed() -> Double { Date().timeIntervalSince(start) - shrinkTime }
        var draws = 0

        staticCheck(claim, &tallies)

        // With `onlyInstance`, that draw alone (even beyond the claim's count of draws).
        let indices = onlyInstance.map { [$0] } ?? Array(0..<max(0, instances))
        instanceLoop: for i in indices {
            if tallies.allSatisfy(\.done) { break }
            if let s = shard, !s.owns(fileIndex: fileIndex, instance: i) { continue }
            if elapsed() > claim.budgetSeconds { budgetExhausted = true; break }
            draws += 1
            let instanceSeed = ClaimRunner.instanceSeed(seed, i)
            let context = GeneratorContext(seed: instanceSeed)
            let evaluator = makeEvaluator(claim)
            let leaves: [Leaf]
            do {
                leaves = try expand(claim, context, evaluator)
            } catch {
                // A generator failed: the claim is malformed for every part.
                for t in tallies.indices where !tallies[t].done {
                    tallies[t].result.verdict = .error
                    tallies[t].result.reason = "\(error.stage == .dimension ? "dimension error" : "error") while generating instance \(i): \(error.description)"
                    tallies[t].result.decidedAt = InstancePosition(instance: i, branch: 0)
                    tallies[t].done = true
                }
                break instanceLoop
            }
            let choices = context.choices
            for (b, leaf) in leaves.enumerated() {
                if elapsed() > claim.budgetSeconds { budgetExhausted = true; break instanceLoop }
                let position = InstancePosition(instance: i, branch: b)
                func example(_ kind: Counterexample.Kind, _ detail: String) -> Counterexample {
                    Counterexample(kind: kind, instanceIndex: i, seed: instanceSeed, runSeed: seed, branch: b,
                                   instance: leaf.variables.map { InstanceVariable(name: $0.0, value: $0.1) }, choices: choices, detail: detail)
                }
                bindDefinitions(claim, leaf.scope)
                let hypothesis = hypotheses(claim, leaf.scope, evaluator)
                for t in tallies.indices where !tallies[t].done {
                    tallies[t].result.tried += 1
                    switch hypothesis {
                    case let .error(err):
                        fail(&tallies[t], err, position, example)
                        continue
                    case .vacuous:
                        tallies[t].result.vacuous += 1
                        tallies[t].result.vacuousByHypotheses += 1
                        continue
                    case let .undecided(r):
                        ClaimRunner.recordUndecided(&tallies[t], "hypothesis undecided: \(r)", example)
                        continue
                    case .holds:
                        break
                    }
                    let t0 = Date()
                    let outcome = conclusion(claim.conclusions[t], leaf.scope, evaluator)
                    tallies[t].result.evaluationSeconds += Date().timeIntervalSince(t0)
                    switch outcome {
                    case .vacuous:
                        tallies[t].result.vacuous += 1
                        tallies[t].result.vacuousByPremise += 1
                    case let .true(bits):
                        tallies[t].maxBits = max(tallies[t].maxBits, bits)
                        tallies[t].result.decidedTrue += 1
                        if let m = claim.conclusions[t].measure {
                            let m0 = Date()
                            ClaimRunner.record(measure: m, in: leaf.scope, evaluator, &tallies[t])
                            shrinkTime += Date().timeIntervalSince(m0)
                        }
                    case let .undecided(r, bits):
                        tallies[t].maxBits = max(tallies[t].maxBits, bits)
                        ClaimRunner.recordUndecided(&tallies[t], r, example)
                    case let .false(body, bits):
                        tallies[t].maxBits = max(tallies[t].maxBits, bits)
                        tallies[t].result.decidedFalse += 1
                        tallies[t].result.verdict = .fails
                        tallies[t].result.decidedAt = position
                        let failing = Explainer(claim: claim, evaluator: evaluator, instanceScope: leaf.scope, bits: bits).explain(body)
                        var original = example(.fails, failing.text)
                        original.failing = failing
                        original.bits = bits
                        let s0 = Date()
                        tallies[t].result.counterexample = shrinking.enabled ? shrunk(claim, part: t, original) : original
                        let spent = Date().timeIntervalSince(s0)
                        shrinkTime += spent
                        tallies[t].result.shrinkSeconds += spent
                        tallies[t].done = true
                    case let .error(err):
                        fail(&tallies[t], err, position, example)
                    }
                }
            }
        }

        var result = finish(claim, tallies, start: start, budgetExhausted: budgetExhausted, minimumDecided: claim.minimumDecided)
        result.seed = seed
        result.instances = instances
        result.draws = draws
        result.shard = shard
        return result
    }

    /// Final verdicts from the tallies (HOLDS parts become INCONCLUSIVE when undecided, too few
    /// decided or out of budget).
    func finish(_ claim: Claim, _ tallies: [Tally], start: Date, budgetExhausted: Bool, minimumDecided: Int) -> ClaimResult {
        var degrees = IdentityDegree(claim: claim)
        let parts = tallies.enumerated().map { (k, t) -> PartResult in
            var r = t.result
            r.seconds = Date().timeIntervalSince(start)
            ClaimRunner.settle(&r, minimumDecided: minimumDecided, budgetExhausted: budgetExhausted, budgetSeconds: claim.budgetSeconds)
            if t.maxBits > 0, r.verdict != .error { r.method = .certified(bits: t.maxBits) }
            // An identity of polynomials in random entries that held exactly everywhere is a
            // randomized proof; say so, with its Schwartz–Zippel bound — unless the bound is
            // vacuous (degree·point probability ≥ 1), when the honest word is just "exact".
            if r.verdict == .holds, r.method == .exact, k < claim.conclusions.count,
               let d = degrees.identityDegree(of: claim.conclusions[k].expr),
               Rational(d) * degrees.pointProbability < 1 {
                r.method = .randomizedIdentity(degree: d, pointProbability: degrees.pointProbability)
            }
            if let m = k < claim.conclusions.count ? claim.conclusions[k].measure : nil, !t.measures.isEmpty || t.measureError != nil {
                // Each value lies in its [lo, hi], so min lies in [min lo, min hi] and max in [max lo, max hi].
                let lows = t.measures.map(\.lo), highs = t.measures.map(\.hi)
                r.measure = MeasureSummary(expression: m.description, instances: t.measures.count,
                                           leastLower: lows.min() ?? 0, leastUpper: highs.min() ?? 0,
                                           greatestLower: lows.max() ?? 0, greatestUpper: highs.max() ?? 0,
                                           error: t.measureError)
            }
            return r
        }
        var result = ClaimResult(file: claim.file, claimID: claim.id, label: claim.label, loadError: nil, parts: parts, seconds: Date().timeIntervalSince(start))
        result.paper = claim.paper
        result.statement = claim.statement
        result.minimumDecided = claim.minimumDecided
        result.budgetSeconds = claim.budgetSeconds
        result.budgetExhausted = budgetExhausted
        return result
    }

    /// Evaluates a part's measure on a non-vacuous true instance and keeps an enclosure of it
    /// (exact when the value is rational and found exactly); a measure that cannot be evaluated
    /// is noted and never affects the verdict.
    static func record(measure: Expr, in scope: Scope, _ evaluator: Evaluator, _ t: inout Tally) {
        do {
            let v = try evaluator.eval(measure, scope)
            switch v {
            case let .scalar(q): t.measures.append((q, q))
            case let .real(x):
                // An attained bound (value exactly 0) is common and costs one exact comparison;
                // otherwise a 20-bit enclosure is plenty for a report.
                if let s = x.exactSign, s(0) == 0 { t.measures.append((0, 0)) } else { t.measures.append(x.enclosure(20)) }
            case let .matrix(m) where m.rows == 1 && m.columns == 1: t.measures.append((m[0, 0], m[0, 0]))
            default: t.measureError = t.measureError ?? "the measure is a \(v.typeName), not a number"
            }
        } catch {
            t.measureError = t.measureError ?? error.message
        }
    }

    /// Turns a provisional HOLDS (no false instance, no error) into the final verdict from the
    /// counts: INCONCLUSIVE when some instance was undecided, when fewer than `minimumDecided`
    /// were non-vacuous ("gave up"), or when the budget ran out before any was decided.
    static func settle(_ r: inout PartResult, minimumDecided: Int, budgetExhausted: Bool, budgetSeconds: Double) {
        guard r.verdict == .holds else { return }
        let decided = r.decidedTrue
        if r.undecided > 0 {
            r.verdict = .inconclusive
            r.reason = "\(r.undecided) instance(s) undecided" + (r.reason.map { ": \($0)" } ?? "")
        } else if decided < max(1, minimumDecided) {
            r.verdict = .inconclusive
            r.reason = "gave up: only \(decided) non-vacuous instance(s) of \(r.tried) (\(r.vacuous) vacuous)"
        } else if budgetExhausted && decided == 0 {
            r.verdict = .inconclusive
            r.reason = "budget of \(budgetSeconds) s exhausted"
        }
    }

    /// An undecided instance: counted; the first one is kept, with its reason (so the reason of
    /// an INCONCLUSIVE verdict is that of its first undecided instance, in the order of draws).
    static func recordUndecided(_ t: inout Tally, _ reason: String, _ example: (Counterexample.Kind, String) -> Counterexample) {
        t.result.undecided += 1
        if t.result.undecidedInstance == nil {
            t.result.reason = reason
            t.result.undecidedInstance = example(.undecided, reason)
        }
    }

    /// An evaluation error: ERROR with the instance, except resource limits, which leave the
    /// instance undecided.
    func fail(_ t: inout Tally, _ err: ClaimError, _ position: InstancePosition, _ example: (Counterexample.Kind, String) -> Counterexample) {
        if err.isLimit {
            ClaimRunner.recordUndecided(&t, err.message, example)
            return
        }
        t.result.verdict = .error
        t.result.reason = (err.stage == .dimension ? "dimension error: " : "") + err.description
        t.result.counterexample = example(.error, "evaluation error: \(err.message)")
        t.result.decidedAt = position
        t.done = true
    }

    // MARK: Evaluating one instance

    enum HypothesisOutcome {
        case holds
        case vacuous
        case undecided(String)
        case error(ClaimError)
    }

    /// The claim's hypotheses on an instance (Kleene conjunction, stopping at the first false).
    func hypotheses(_ claim: Claim, _ scope: Scope, _ ev: Evaluator) -> HypothesisOutcome {
        var hypothesis = Truth.true
        for a in claim.assume {
            do {
                hypothesis = hypothesis && (try ev.truth(try ev.eval(a, scope), a))
            } catch { return .error(error) }
            if hypothesis == .false { return .vacuous }
        }
        if case let .unknown(r) = hypothesis { return .undecided(r) }
        return .holds
    }

    enum ConclusionOutcome {
        case vacuous
        case `true`(bits: Int)
        /// `body` is the formula that was false (the consequence of a top-level implication).
        case `false`(body: Expr, bits: Int)
        case undecided(String, bits: Int)
        case error(ClaimError)
    }

    /// One conclusion on an instance whose hypotheses hold.
    func conclusion(_ c: Claim.Conclusion, _ scope: Scope, _ ev: Evaluator) -> ConclusionOutcome {
        ev.enclosureBits = 0
        do {
            var body = c.expr
            // A top-level implication: its antecedent is a hypothesis of this conclusion.
            if case let .binary(.implies, p, q) = c.expr.kind {
                let premise = try ev.truth(try ev.eval(p, scope), p)
                if premise == .false { return .vacuous }
                if case let .unknown(r) = premise { return .undecided("premise undecided: \(r)", bits: ev.enclosureBits) }
                body = q
            }
            let value = try ev.truth(try ev.eval(body, scope), body)
            switch value {
            case .true: return .true(bits: ev.enclosureBits)
            case .false: return .false(body: body, bits: ev.enclosureBits)
            case let .unknown(r): return .undecided(r, bits: ev.enclosureBits)
            }
        } catch {
            return .error(error)
        }
    }

    /// Hypotheses and one conclusion on an instance: `.false` only when the hypotheses hold and
    /// the conclusion was decided false.
    func outcome(_ claim: Claim, part t: Int, _ leaf: Leaf, _ ev: Evaluator) -> ConclusionOutcome {
        bindDefinitions(claim, leaf.scope)
        switch hypotheses(claim, leaf.scope, ev) {
        case .holds: return conclusion(claim.conclusions[t], leaf.scope, ev)
        case .vacuous: return .vacuous
        case let .undecided(r): return .undecided("hypothesis undecided: \(r)", bits: ev.enclosureBits)
        case let .error(e): return .error(e)
        }
    }

    // MARK: Drawing instances

    /// Every instance of one draw: "given" entries evaluated in order with the generators of
    /// `ctx`, branching on exhaustive generators (depth-first).
    func expand(_ claim: Claim, _ ctx: GeneratorContext, _ ev: Evaluator) throws(ClaimError) -> [Leaf] {
        var leaves: [Leaf] = []
        try expand(claim, 0, Scope.root(), [], ctx, ev, &leaves)
        return leaves
    }

    /// Evaluates "given" entries from index k on, branching on exhaustive generators.
    func expand(_ claim: Claim, _ k: Int, _ scope: Scope, _ vars: [(String, Value)], _ ctx: GeneratorContext,
                _ ev: Evaluator, _ leaves: inout [Leaf]) throws(ClaimError) {
        if k == claim.given.count {
            leaves.append(Leaf(scope: scope, variables: vars))
            if leaves.count > branchLimit {
                throw ClaimError.limit(.branches, "more than \(branchLimit) exhaustive branches in one draw", at: claim.given.last?.generator.location)
            }
            return
        }
        let g = claim.given[k]
        let values: [Value]
        if case let .call(name, args, _) = g.generator.kind, GeneratorContext.exhaustiveNames.contains(name) {
            var argValues: [Value] = []
            for a in args { argValues.append(try ev.eval(a, scope)) }
            values = try GeneratorContext.enumerate(name, argValues, g.generator, ev, limit: branchLimit)
        } else {
            values = [try ev.withGenerators(ctx) { () throws(ClaimError) in try ev.eval(g.generator, scope) }]
        }
        for v in values {
            let child = Scope.child(of: scope)
            var newVars = vars
            if g.names.count == 1 {
                child.bindValue(g.names[0], v)
                newVars.append((g.names[0], v))
            } else {
                guard case let .tuple(items) = v, items.count == g.names.count else {
                    throw ClaimError(.evaluation, "the generator gives \(v.typeName), not \(g.names.count) values to destructure", at: g.generator.location)
                }
                for (n, x) in zip(g.names, items) { child.bindValue(n, x); newVars.append((n, x)) }
            }
            try expand(claim, k + 1, child, newVars, ctx, ev, &leaves)
        }
    }

    /// An instance from given values (a replay): every quantified variable bound, no generator run.
    func leaf(_ claim: Claim, values: [(String, Value)]) -> Leaf {
        let scope = Scope.child(of: Scope.root())
        for (n, v) in values { scope.bindValue(n, v) }
        return Leaf(scope: scope, variables: values)
    }

    func bindDefinitions(_ claim: Claim, _ scope: Scope) {
        for d in claim.define {
            if let params = d.parameters {
                scope.bindValue(d.name, .function(UserFunction.make(name: d.name, parameters: params, body: d.body, scope: scope)))
            } else {
                scope.bindDefinition(d.name, d.body)
            }
        }
    }
}
