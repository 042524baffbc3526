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
    /// The search phases beside the random draws (small scope before, targeted after).
    public var search = SearchOptions()
    /// A factor on every claim's time budget, for slower builds of the checker itself (the test
    /// suite's debug build runs the claims several times slower than a release build). It
    /// changes how long a claim may take, never what a verdict requires.
    public var budgetScale = 1.0

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
        /// The conclusion's index in the claim.
        var conclusion: Int
        var done = false
        var maxBits = 0
        /// Enclosures (at 64 bits) of the part's measure on each non-vacuous true instance.
        var measures: [(lo: Rational, hi: Rational)] = []
        var measureError: String?

        /// Counts one instance's outcome for this part: the single place where an outcome
        /// becomes counts and a provisional verdict (runs and replays share it; `settle` turns
        /// the counts into the final verdict). Returns the false body and its precision when the
        /// instance is a counterexample; the caller attaches the explained (possibly shrunk)
        /// counterexample.
        mutating func record(_ outcome: InstanceOutcome, at position: InstancePosition,
                             _ example: (Counterexample.Kind, String) -> Counterexample) -> (Expr, Int)? {
            result.tried += 1
            switch outcome {
            case let .vacuous(byHypotheses):
                result.vacuous += 1
                if byHypotheses { result.vacuousByHypotheses += 1 } else { result.vacuousByPremise += 1 }
            case let .true(bits):
                maxBits = max(maxBits, bits)
                result.decidedTrue += 1
            case let .undecided(reason, bits):
                maxBits = max(maxBits, bits)
                recordUndecided(reason, example)
            case let .limit(_, reason):
                recordUndecided(reason, example)
            case let .false(body, bits):
                maxBits = max(maxBits, bits)
                recordCounterexample(at: position)
                return (body, bits)
            case let .error(err):
                result.verdict = .error
                result.errorStage = err.stage
                result.reason = (err.stage == .dimension ? "dimension error: " : "") + err.description
                result.counterexample = example(.error, "evaluation error: \(err.message)")
                result.decidedAt = position
                done = true
            }
            return nil
        }

        /// A counterexample at `position` (a random draw's, or a search phase's, which is not
        /// counted in `tried`): the part FAILS there and is done.
        mutating func recordCounterexample(at position: InstancePosition) {
            result.decidedFalse += 1
            result.verdict = .fails
            result.decidedAt = position
            done = true
        }

        /// An undecided instance: counted; the first one is kept, with its reason (so the reason
        /// of an INCONCLUSIVE verdict is that of its first undecided instance, in draw order).
        mutating func recordUndecided(_ reason: String, _ example: (Counterexample.Kind, String) -> Counterexample) {
            result.undecided += 1
            if result.undecidedInstance == nil {
                result.reason = reason
                result.undecidedInstance = example(.undecided, reason)
            }
        }
    }

    /// What one instance gave for one part, typed: errors are classified by their kind where
    /// they are thrown (`ClaimError.Kind`), never by their message.
    enum InstanceOutcome {
        /// A hypothesis (`assume`, or a generator's domain) or the conclusion's premise is false.
        case vacuous(byHypotheses: Bool)
        case `true`(bits: Int)
        /// `body` is the formula that was false (the consequence of a top-level implication).
        case `false`(body: Expr, bits: Int)
        /// A comparison that could not be decided within the precision limits.
        case undecided(String, bits: Int)
        /// A resource limit was reached (the instance is undecided; the budget stops the run).
        case limit(ClaimError.Limit, String)
        case error(ClaimError)

        /// The outcome an error stands for.
        init(_ error: ClaimError, inHypotheses: Bool) {
            switch error.kind {
            case .defect: self = .error(error)
            case let .limit(l): self = .limit(l, error.message)
            case .outsideDomain: self = .vacuous(byHypotheses: true)
            }
        }
    }

    /// One instance: the scope with every quantified variable bound, and the variables in order.
    /// `vacuous` when a hypothesis was already false (or a generator's domain empty) while the
    /// variables were drawn.
    struct Leaf {
        var scope: Scope
        var variables: [(String, Value)]
        var vacuous = false
    }

    func makeTallies(_ claim: Claim) -> [Tally] {
        claim.conclusions.enumerated().map { k, c in
            var r = PartResult(claimID: claim.id, label: claim.label, part: c.name, verdict: .holds, expected: c.expect, method: .exact)
            r.statement = c.statement ?? claim.statement
            r.formula = c.expr.description
            return Tally(result: r, conclusion: k)
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
                    tallies[t].result.errorStage = error.stage
                    tallies[t].result.reason = Self.staticReason(error)
                    tallies[t].done = true
                }
            }
        } catch {
            for t in tallies.indices {
                tallies[t].result.verdict = .error
                tallies[t].result.errorStage = error.stage
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

    /// Runs the claim on a thread with a large stack (`LargeStack`): the shape checker, the
    /// evaluator and the calculus walk expression trees recursively, and a worker thread's own
    /// stack may be too small for the deepest trees the parser admits.
    public func run(_ claim: Claim, start: Date = Date(), fileIndex: Int = 0) -> ClaimResult {
        let runner = self
        return (try? LargeStack.run { () throws(ClaimError) -> ClaimResult in
            runner.runOnThisThread(claim, start: start, fileIndex: fileIndex)
        }) ?? runOnThisThread(claim, start: start, fileIndex: fileIndex)
    }

    func runOnThisThread(_ claim: Claim, start: Date, fileIndex: Int) -> ClaimResult {
        let budget = claim.budgetSeconds * budgetScale
        let instances = instancesOverride ?? claim.instances
        let seed = seedOverride ?? claim.seed
        var tallies = makeTallies(claim)
        var budgetExhausted = false
        // The budget is the claim's whole wall time, reporting work (explaining, shrinking,
        // measures) included, so no claim runs past it. Shrinking one counterexample takes at
        // most a fifth of the budget left (and `--shrink-seconds`); a counterexample whose
        // shrinking is cut short is reported as found (FAILS either way).
        func elapsed() -> Double { Date().timeIntervalSince(start) }
        var draws = 0
        var enumerated = false

        staticCheck(claim, &tallies)

        // With `onlyInstance`, that draw alone (even beyond the claim's count of draws).
        var indices = onlyInstance.map { [$0] } ?? Array(0..<max(0, instances))
        // A claim whose draws make no random choice (no generator, or exhaustive ones only) has
        // one instance set: it is enumerated once, completely, by draw 0. A shard that does not
        // own draw 0 has nothing to do.
        if !tallies.allSatisfy(\.done), let first = indices.first, isDeterministic(claim, seed: seed, draw: first) {
            enumerated = true
            indices = [first]
        }
        let requested = indices.filter { i in shard.map { $0.owns(fileIndex: fileIndex, instance: i) } ?? true }.count

        // One evaluation of a part on a leaf under the claim's deadline; a false outcome becomes
        // the part's counterexample (explained, shrunk). Returns the outcome.
        func evaluate(_ t: Int, _ leaf: Leaf, _ hypothesis: InstanceOutcome, _ evaluator: Evaluator, _ deadline: UInt64,
                      _ position: InstancePosition, count: Bool,
                      _ example: (Counterexample.Kind, String) -> Counterexample) -> InstanceOutcome {
            var outcome = hypothesis
            if case .true = hypothesis {
                let t0 = Date()
                outcome = Cancellation.withDeadline(deadline) { conclusion(claim.conclusions[t], leaf.scope, evaluator) }
                tallies[t].result.evaluationSeconds += Date().timeIntervalSince(t0)
            }
            if case .true = outcome, count, let m = claim.conclusions[t].measure {
                // Under the claim's deadline; a value computed past it is not trusted (a kernel
                // cut short may have given up with any answer), so it is dropped.
                let kept = tallies[t].measures.count
                Cancellation.withDeadline(deadline) { ClaimRunner.record(measure: m, in: leaf.scope, evaluator, &tallies[t]) }
                if Cancellation.now() >= deadline {
                    tallies[t].measures.removeSubrange(kept...)
                    tallies[t].measureError = tallies[t].measureError ?? "not evaluated on every instance: the budget ran out"
                }
            }
            // An instance the budget interrupted is not counted: the run stops there.
            if case .limit(.budget, _) = outcome { return outcome }
            let found: (Expr, Int)?
            if count {
                found = tallies[t].record(outcome, at: position, example)
            } else if case let .false(body, bits) = outcome {
                // A search phase's instance: not part of the random sample's counts, but its
                // counterexample is as good as any.
                tallies[t].result.searchFound += 1
                tallies[t].recordCounterexample(at: position)
                found = (body, bits)
            } else {
                found = nil
            }
            if let (body, bits) = found {
                let r0 = Date()
                let left = max(0, budget - elapsed())
                let failing = explain(claim, evaluator, leaf.scope, bits, body, until: Cancellation.instant(secondsFromNow: left))
                var original = example(.fails, failing.text)
                original.failing = failing
                original.bits = bits
                var options = shrinking
                options.maxSeconds = min(shrinking.maxSeconds, max(0, budget - elapsed()) / 5)
                tallies[t].result.counterexample = shrinking.enabled ? shrunk(claim, part: t, original, options: options) : original
                tallies[t].result.shrinkSeconds += Date().timeIntervalSince(r0)
            }
            return outcome
        }

        // A search phase's replay of one choice sequence: each non-vacuous leaf whose hypotheses
        // hold is visited with the builder of its counterexample (named by the phase and the
        // candidate's index `k`).
        func searchLeaves(_ list: [Int], _ phase: SearchPhase, _ k: Int, _ deadline: UInt64,
                          _ visit: (Int, Leaf, InstanceOutcome, Evaluator, (Counterexample.Kind, String) -> Counterexample) -> Void) {
            let context = GeneratorContext(replaying: list)
            let evaluator = makeEvaluator(claim)
            guard let leaves = try? Cancellation.withDeadline(deadline, { () throws(ClaimError) in try expand(claim, context, evaluator) }) else { return }
            for (b, leaf) in leaves.enumerated() where !leaf.vacuous {
                if elapsed() >= budget { return }
                func example(_ kind: Counterexample.Kind, _ detail: String) -> Counterexample {
                    var c = Counterexample(kind: kind, instanceIndex: k, seed: 0, runSeed: seed, branch: b,
                                           instance: leaf.variables.map { InstanceVariable(name: $0.0, value: $0.1) }, choices: context.choices, detail: detail)
                    c.phase = phase
                    return c
                }
                bindDefinitions(claim, leaf.scope)
                let hypothesis = Cancellation.withDeadline(deadline) { hypotheses(claim, leaf, evaluator) }
                guard case .true = hypothesis else { continue }
                visit(b, leaf, hypothesis, evaluator, example)
            }
        }

        // Search phases run in unsharded runs of random claims, and in the shard that owns draw 0
        // (the small-scope phase is deterministic, so the merged verdict is the unsharded one);
        // the targeted phase climbs from the run's own draws, so it runs unsharded only.
        let ownsFirst = shard.map { $0.owns(fileIndex: fileIndex, instance: 0) } ?? true
        if !enumerated, onlyInstance == nil, ownsFirst, search.smallScope > 0 {
            for (k, list) in ClaimRunner.smallScopeSequences(count: search.smallScope, seed: seed).enumerated() {
                if tallies.allSatisfy(\.done) || elapsed() >= budget { break }
                let deadline = Cancellation.instant(secondsFromNow: budget - elapsed())
                searchLeaves(list, .smallScope, k, deadline) { _, leaf, hypothesis, evaluator, example in
                    for t in tallies.indices where !tallies[t].done {
                        tallies[t].result.searchTried += 1
                        _ = evaluate(t, leaf, hypothesis, evaluator, deadline, InstancePosition(instance: -1, branch: k), count: false, example)
                    }
                }
            }
        }
        let randomStart = Date()
        // The choice sequences of the random draws, kept as starting points for the targeted phase.
        var starts: [[Int]] = []

        instanceLoop: for i in indices {
            if tallies.allSatisfy(\.done) { break }
            if let s = shard, !s.owns(fileIndex: fileIndex, instance: i) { continue }
            if elapsed() >= budget { budgetExhausted = true; break }
            let deadline = Cancellation.instant(secondsFromNow: budget - elapsed())
            let instanceSeed = ClaimRunner.instanceSeed(seed, i)
            let context = GeneratorContext(seed: instanceSeed)
            let evaluator = makeEvaluator(claim)
            let leaves: [Leaf]
            do {
                leaves = try Cancellation.withDeadline(deadline) { () throws(ClaimError) in try expand(claim, context, evaluator) }
            } catch {
                let outcome = InstanceOutcome(error, inHypotheses: true)
                if case .limit(.budget, _) = outcome { budgetExhausted = true; break instanceLoop }
                let position = InstancePosition(instance: i, branch: 0)
                for t in tallies.indices where !tallies[t].done {
                    _ = tallies[t].record(outcome, at: position) { kind, detail in
                        Counterexample(kind: kind, instanceIndex: i, seed: instanceSeed, runSeed: seed, branch: 0,
                                       instance: [], choices: context.choices, detail: "while generating instance \(i): " + detail)
                    }
                }
                draws += 1
                continue
            }
            let choices = context.choices
            for (b, leaf) in leaves.enumerated() {
                if elapsed() >= budget { budgetExhausted = true; break instanceLoop }
                let position = InstancePosition(instance: i, branch: b)
                func example(_ kind: Counterexample.Kind, _ detail: String) -> Counterexample {
                    Counterexample(kind: kind, instanceIndex: i, seed: instanceSeed, runSeed: seed, branch: b,
                                   instance: leaf.variables.map { InstanceVariable(name: $0.0, value: $0.1) }, choices: choices, detail: detail)
                }
                bindDefinitions(claim, leaf.scope)
                let hypothesis = Cancellation.withDeadline(deadline) { hypotheses(claim, leaf, evaluator) }
                if case .limit(.budget, _) = hypothesis { budgetExhausted = true; break instanceLoop }
                for t in tallies.indices where !tallies[t].done {
                    let outcome = evaluate(t, leaf, hypothesis, evaluator, deadline, position, count: true, example)
                    if case .limit(.budget, _) = outcome { budgetExhausted = true; break instanceLoop }
                }
            }
            if starts.count < 8 { starts.append(choices) }
            draws += 1
        }

        // Targeted phase: for each part still without a counterexample whose conclusion is an
        // inequality, climb on the choice sequence toward a negative slack, from the draws with
        // the smallest slack. Bounded by `search.targeted` candidates per part and by a quarter
        // of the random phase's time (at least 0.2 s) and the budget.
        if !enumerated, onlyInstance == nil, shard == nil, search.targeted > 0, !budgetExhausted, !starts.isEmpty {
            let phaseEnd = Date().addingTimeInterval(max(0.2, Date().timeIntervalSince(randomStart) / 4))
            var rng = SplitMix64(seed: seed ^ 0x7A56_E7ED)
            // The least slack of a choice sequence's non-vacuous leaves for part t (or a
            // counterexample, found and recorded by `evaluate`).
            func probe(_ t: Int, _ list: [Int], _ step: Int) -> Double? {
                let deadline = Cancellation.instant(secondsFromNow: budget - elapsed())
                var best: Double? = nil
                searchLeaves(list, .targeted, step, deadline) { b, leaf, hypothesis, evaluator, example in
                    guard !tallies[t].done else { return }
                    tallies[t].result.searchTried += 1
                    let outcome = evaluate(t, leaf, hypothesis, evaluator, deadline, InstancePosition(instance: instances + step, branch: b), count: false, example)
                    guard case .true = outcome else { return }
                    if let s = Cancellation.withDeadline(deadline, { slack(claim.conclusions[t], leaf.scope, evaluator) }) {
                        best = min(best ?? s, s)
                    }
                }
                // A counterexample (recorded by `evaluate`) is the least slack there is.
                return tallies[t].done ? -.infinity : best
            }
            partLoop: for t in tallies.indices where !tallies[t].done && tallies[t].result.verdict == .holds {
                guard slackForm(claim.conclusions[t]) else { continue }
                var current: [Int]? = nil
                var currentSlack = Double.infinity
                var step = 0
                for list in starts {
                    if Date() >= phaseEnd || elapsed() >= budget || tallies[t].done { continue partLoop }
                    step += 1
                    if let s = probe(t, list, step), s < currentSlack { current = list; currentSlack = s }
                }
                guard var best = current else { continue }
                while step < search.targeted + starts.count, !tallies[t].done, Date() < phaseEnd, elapsed() < budget {
                    step += 1
                    let candidate = ClaimRunner.mutate(best, &rng)
                    // Equal slack is accepted too, so the climb can cross plateaus (a choice
                    // that opens a branch of a generator often changes nothing at first).
                    if let s = probe(t, candidate, step), s <= currentSlack { best = candidate; currentSlack = s }
                }
                if currentSlack.isFinite { tallies[t].result.targetedLeastSlack = currentSlack }
            }
        }

        var result = finish(claim, tallies, start: start, budgetExhausted: budgetExhausted, minimumDecided: claim.minimumDecided,
                            enumerated: enumerated, draws: draws, requested: requested)
        result.seed = seed
        result.instances = instances
        result.draws = draws
        result.shard = shard
        return result
    }

    /// The failing sub-expression of a counterexample and both sides' values, computed before
    /// `deadline`. Past the deadline a kernel may have given up with any answer, so an
    /// explanation that ran into it is replaced by the bare expression (the verdict, decided
    /// before, is not affected).
    func explain(_ claim: Claim, _ evaluator: Evaluator, _ scope: Scope, _ bits: Int, _ body: Expr,
                 until deadline: UInt64) -> FailingSubexpression {
        let failing = Cancellation.withDeadline(deadline) {
            Explainer(claim: claim, evaluator: evaluator, instanceScope: scope, bits: bits).explain(body)
        }
        guard Cancellation.now() >= deadline else { return failing }
        return FailingSubexpression(expression: body.description, location: nil,
                                    path: ["(not explained: the time budget ran out while explaining)"],
                                    comparison: nil, left: nil, right: nil)
    }

    /// Whether a part's conclusion has a slack the targeted phase can climb on (an inequality, or
    /// a conjunction with one, possibly behind a top-level implication).
    func slackForm(_ c: Claim.Conclusion) -> Bool {
        var body = c.expr
        if case let .binary(.implies, _, q) = c.expr.kind { body = q }
        func has(_ e: Expr) -> Bool {
            switch e.kind {
            case let .binary(.and, p, q): return has(p) || has(q)
            case let .binary(op, _, _): return [.lessEqual, .less, .greaterEqual, .greater].contains(op)
            default: return false
            }
        }
        return has(body)
    }

    /// Whether a draw makes no random choice (no generator, or exhaustive ones only): then every
    /// draw gives the same instances, and one draw enumerates the claim's whole domain.
    func isDeterministic(_ claim: Claim, seed: UInt64, draw i: Int) -> Bool {
        let context = GeneratorContext(seed: ClaimRunner.instanceSeed(seed, i))
        let deadline = Cancellation.instant(secondsFromNow: min(claim.budgetSeconds * budgetScale, 10))
        guard (try? Cancellation.withDeadline(deadline, { () throws(ClaimError) in try expand(claim, context, makeEvaluator(claim)) })) != nil else {
            return false
        }
        return context.choices.isEmpty
    }

    /// Final verdicts from the tallies (HOLDS parts become INCONCLUSIVE when undecided, too few
    /// decided or out of budget).
    func finish(_ claim: Claim, _ tallies: [Tally], start: Date, budgetExhausted: Bool, minimumDecided: Int,
                enumerated: Bool, draws: Int, requested: Int, randomDraws: Bool = true) -> ClaimResult {
        var degrees = IdentityDegree(claim: claim)
        let parts = tallies.map { t -> PartResult in
            var r = t.result
            let k = t.conclusion
            r.seconds = Date().timeIntervalSince(start)
            r.enumerated = enumerated
            ClaimRunner.settle(&r, minimumDecided: minimumDecided, budgetExhausted: budgetExhausted,
                               budgetSeconds: claim.budgetSeconds * budgetScale, draws: draws, requested: requested)
            if t.maxBits > 0, r.verdict != .error { r.method = .certified(bits: t.maxBits) }
            // An identity of polynomials in random entries that held exactly everywhere is a
            // randomized proof; say so, with its Schwartz–Zippel bound — unless the bound is
            // vacuous (degree·point probability ≥ 1), when the honest word is just "exact" — and
            // unless the domain was enumerated completely, which is stronger.
            if r.verdict == .holds, r.method == .exact, !enumerated, randomDraws, k < claim.conclusions.count,
               let d = degrees.identityDegree(of: claim.conclusions[k].expr),
               degrees.survivalBound(degree: d) < 1 {
                r.method = .randomizedIdentity(degree: d, pointProbability: degrees.effectivePointProbability(degree: d))
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
        result.minimumDecidedReason = claim.minimumDecidedReason
        result.budgetSeconds = claim.budgetSeconds * budgetScale
        result.budgetExhausted = budgetExhausted
        result.enumerated = enumerated
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

    /// The verdict rules, in one place (used by runs, replays and merges): turns a provisional
    /// HOLDS (no false instance, no error) into the final verdict from the counts.
    ///
    /// - Some instance undecided (a comparison or a resource limit): INCONCLUSIVE, with the
    ///   first undecided instance's reason.
    /// - The budget ran out before every draw was done: INCONCLUSIVE ("budget: 17 of 40 draws").
    /// - Fewer than `minimumDecided` non-vacuous instances were decided: INCONCLUSIVE ("gave
    ///   up"), unless the domain was enumerated completely (`enumerated`), when every instance
    ///   there is was decided and the HOLDS is a proof over that domain.
    static func settle(_ r: inout PartResult, minimumDecided: Int, budgetExhausted: Bool, budgetSeconds: Double,
                       draws: Int, requested: Int) {
        guard r.verdict == .holds else { return }
        let decided = r.decidedTrue
        if r.undecided > 0 {
            r.verdict = .inconclusive
            r.reason = "\(r.undecided) instance(s) undecided" + (r.reason.map { ": \($0)" } ?? "")
        } else if budgetExhausted {
            r.verdict = .inconclusive
            r.reason = "budget: the \(ClaimRunner.seconds(budgetSeconds)) s budget ran out after \(draws) of \(requested) draws (\(decided) non-vacuous instance(s) decided)"
        } else if r.enumerated {
            if decided == 0 {
                r.verdict = .inconclusive
                r.reason = r.tried == 0
                    ? "no enumerated instance was evaluated here (a shard that does not own draw 0)"
                    : "vacuous: every one of the \(r.tried) enumerated instance(s) is vacuous"
            }
        } else if decided < max(1, minimumDecided) {
            r.verdict = .inconclusive
            r.reason = "gave up: only \(decided) non-vacuous instance(s) decided of \(r.tried) (\(r.vacuous) vacuous); HOLDS needs \(max(1, minimumDecided))"
        }
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s)
    }

    // MARK: Evaluating one instance

    /// The claim's hypotheses on an instance (Kleene conjunction, stopping at the first false):
    /// `.true(bits: 0)` when they hold, else vacuous, undecided, a limit or an error.
    func hypotheses(_ claim: Claim, _ leaf: Leaf, _ ev: Evaluator) -> InstanceOutcome {
        if leaf.vacuous { return .vacuous(byHypotheses: true) }
        var hypothesis = Truth.true
        for a in claim.assume {
            do {
                hypothesis = hypothesis && (try ev.truth(try ev.eval(a, leaf.scope), a))
            } catch { return InstanceOutcome(error, inHypotheses: true) }
            if hypothesis == .false { return .vacuous(byHypotheses: true) }
        }
        if case let .unknown(r) = hypothesis { return .undecided("hypothesis undecided: \(r)", bits: ev.enclosureBits) }
        return .true(bits: 0)
    }

    /// One conclusion on an instance whose hypotheses hold.
    func conclusion(_ c: Claim.Conclusion, _ scope: Scope, _ ev: Evaluator) -> InstanceOutcome {
        ev.enclosureBits = 0
        do {
            var body = c.expr
            // A top-level implication: its antecedent is a hypothesis of this conclusion.
            if case let .binary(.implies, p, q) = c.expr.kind {
                let premise = try ev.truth(try ev.eval(p, scope), p)
                if premise == .false { return .vacuous(byHypotheses: false) }
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
            return InstanceOutcome(error, inHypotheses: false)
        }
    }

    /// Hypotheses and one conclusion on an instance: `.false` only when the hypotheses hold and
    /// the conclusion was decided false.
    func outcome(_ claim: Claim, part t: Int, _ leaf: Leaf, _ ev: Evaluator) -> InstanceOutcome {
        bindDefinitions(claim, leaf.scope)
        let h = hypotheses(claim, leaf, ev)
        guard case .true = h else { return h }
        return conclusion(claim.conclusions[t], leaf.scope, ev)
    }

    // MARK: Drawing instances

    /// Every instance of one draw: "given" entries evaluated in order with the generators of
    /// `ctx`, branching on exhaustive generators (depth-first). A hypothesis is checked as soon
    /// as the variables it depends on are bound: where it is already false, the branch stops
    /// there as one vacuous instance, so a later generator never sees a draw the hypotheses
    /// exclude (`given B: inverse(A)` after `assume det(A) != 0`). A generator whose domain is
    /// empty on a draw (an empty `int` range) makes that branch vacuous too.
    func expand(_ claim: Claim, _ ctx: GeneratorContext, _ ev: Evaluator, trace: DrawTrace? = nil) throws(ClaimError) -> [Leaf] {
        var leaves: [Leaf] = []
        let schedule = ClaimRunner.hypothesisSchedule(claim)
        try expand(claim, 0, Scope.root(), [], ctx, ev, schedule, trace, &leaves)
        return leaves
    }

    /// Which positions of a draw's choice sequence each "given" entry read (an entry evaluated on
    /// several exhaustive branches reads several spans).
    final class DrawTrace {
        var spans: [(given: Int, range: Range<Int>)] = []

        /// For each position of a sequence of `count` choices: whether it was read by one of the
        /// `relevant` entries (positions no entry read count as relevant).
        func mask(count: Int, relevant: Set<Int>) -> [Bool] {
            var m = Array(repeating: true, count: count)
            for (g, r) in spans where !relevant.contains(g) {
                for i in r where i < count { m[i] = false }
            }
            for (g, r) in spans where relevant.contains(g) {
                for i in r where i < count { m[i] = true }
            }
            return m
        }
    }

    /// The "given" entries a part can depend on: the variables its conclusion and the claim's
    /// hypotheses refer to, through definitions, and the entries whose generators those
    /// entries' generators refer to (`A = matrix(m, n)` depends on m and n).
    static func relevantGivens(_ claim: Claim, part t: Int) -> Set<Int> {
        var givenIndex: [String: Int] = [:]
        for (k, g) in claim.given.enumerated() { for n in g.names { givenIndex[n] = k } }
        var definitions: [String: Claim.Definition] = [:]
        for d in claim.define { definitions[d.name] = d }
        var pending = Array(claim.conclusions[t].expr.referencedNames)
        for a in claim.assume { pending.append(contentsOf: a.referencedNames) }
        var seen: Set<String> = []
        var out: Set<Int> = []
        while let n = pending.popLast() {
            guard seen.insert(n).inserted else { continue }
            if let k = givenIndex[n] {
                out.insert(k)
                pending.append(contentsOf: claim.given[k].generator.referencedNames)
            }
            if let d = definitions[n] {
                pending.append(contentsOf: d.body.referencedNames.subtracting(Set(d.parameters ?? [])))
            }
        }
        return out
    }

    /// For each "given" index k, the hypotheses whose variables are all bound once entry k is:
    /// their dependencies through definitions, with the latest "given" among them.
    static func hypothesisSchedule(_ claim: Claim) -> [[Expr]] {
        var schedule = Array(repeating: [Expr](), count: max(claim.given.count, 1))
        var givenIndex: [String: Int] = [:]
        for (k, g) in claim.given.enumerated() { for n in g.names { givenIndex[n] = k } }
        var definitions: [String: Claim.Definition] = [:]
        for d in claim.define { definitions[d.name] = d }
        for a in claim.assume {
            var latest = 0
            var seen: Set<String> = []
            var pending = Array(a.referencedNames)
            while let n = pending.popLast() {
                guard seen.insert(n).inserted else { continue }
                if let k = givenIndex[n] { latest = max(latest, k) }
                if let d = definitions[n] {
                    let params = Set(d.parameters ?? [])
                    pending.append(contentsOf: d.body.referencedNames.subtracting(params))
                }
            }
            schedule[latest].append(a)
        }
        return schedule
    }

    /// Evaluates "given" entries from index k on, branching on exhaustive generators.
    func expand(_ claim: Claim, _ k: Int, _ scope: Scope, _ vars: [(String, Value)], _ ctx: GeneratorContext,
                _ ev: Evaluator, _ schedule: [[Expr]], _ trace: DrawTrace?, _ leaves: inout [Leaf]) throws(ClaimError) {
        func add(_ leaf: Leaf) throws(ClaimError) {
            leaves.append(leaf)
            if leaves.count > branchLimit {
                throw ClaimError.limit(.branches, "more than \(branchLimit) exhaustive branches in one draw", at: claim.given.last?.generator.location)
            }
        }
        if k == claim.given.count {
            try add(Leaf(scope: scope, variables: vars))
            return
        }
        if Cancellation.isCancelled {
            throw ClaimError.limit(.budget, "the claim's time budget ran out while drawing an instance", at: claim.given[k].generator.location)
        }
        let g = claim.given[k]
        let values: [Value]
        do throws(ClaimError) {
            if case let .call(name, args, _) = g.generator.kind, GeneratorContext.exhaustiveNames.contains(name) {
                var argValues: [Value] = []
                for a in args { argValues.append(try ev.eval(a, scope)) }
                values = try GeneratorContext.enumerate(name, argValues, g.generator, ev, limit: branchLimit)
            } else {
                let before = ctx.choices.count
                defer { trace?.spans.append((k, before..<ctx.choices.count)) }
                values = [try ev.withGenerators(ctx) { () throws(ClaimError) in try ev.eval(g.generator, scope) }]
            }
        } catch {
            guard error.kind == .outsideDomain else { throw error }
            try add(Leaf(scope: scope, variables: vars, vacuous: true))
            return
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
            if k < schedule.count, !schedule[k].isEmpty, k + 1 < claim.given.count, excluded(claim, schedule[k], child, ev) {
                try add(Leaf(scope: child, variables: newVars, vacuous: true))
                continue
            }
            try expand(claim, k + 1, child, newVars, ctx, ev, schedule, trace, &leaves)
        }
    }

    /// Whether one of these hypotheses is decided false in `scope` (definitions bound in a
    /// throwaway child scope). Errors and undecided values are left to the full check of the
    /// instance, which reports them.
    func excluded(_ claim: Claim, _ hypotheses: [Expr], _ scope: Scope, _ ev: Evaluator) -> Bool {
        let probe = Scope.child(of: scope)
        bindDefinitions(claim, probe)
        for a in hypotheses {
            if let v = try? ev.eval(a, probe), let t = try? ev.truth(v, a), t == .false { return true }
        }
        return false
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
