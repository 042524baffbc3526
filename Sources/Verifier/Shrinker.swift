import Foundation
import Numbers
import ClaimLanguage

/// Limits of the counterexample search.
public struct ShrinkOptions: Sendable {
    /// Shrink counterexamples before reporting them (`--no-shrink` turns it off).
    public var enabled = true
    /// Most instances evaluated while shrinking one counterexample. The search is deterministic
    /// as long as this limit (and not the time limit) stops it.
    public var maxEvaluations = 500
    /// Wall-clock limit for shrinking one counterexample, a safety net for slow claims.
    public var maxSeconds: Double = 10

    public init(enabled: Bool = true, maxEvaluations: Int = 500, maxSeconds: Double = 10) {
        self.enabled = enabled
        self.maxEvaluations = maxEvaluations
        self.maxSeconds = maxSeconds
    }
}

/// Hypothesis-style shrinking of a failing draw.
///
/// A draw is a pure function of its choice sequence (`GeneratorContext.choices`), and choice 0
/// is always the simplest option, so a counterexample is simplified by editing the sequence and
/// replaying it. The search keeps the *current* sequence and accepts a candidate only when
///
/// 1. replaying it gives a draw in which some branch (the current branch first, then the others
///    in order) satisfies the hypotheses and makes the **same part** decided **false** (an
///    undecided, vacuous or errored instance is never accepted), and
/// 2. the sequence actually used by that replay is strictly smaller in shortlex order (shorter,
///    or as long and lexicographically smaller) than the current one.
///
/// Only the choices the failing part can depend on are edited one by one: the positions read by
/// the "given" entries its conclusion and the hypotheses refer to (through definitions and the
/// generators' own arguments); the other positions are zeroed in one step at the start.
///
/// Passes, repeated until a full round changes nothing (a fixed point) or a limit is reached:
/// truncate (the shortest failing prefix, by bisection; the rest replays as zeros); lower each
/// choice, earliest first (try 0, then half, then one less); delete chunks of 8, 4, 2, 1 choices
/// (from the end); zero chunks of 8, 4, 2. Since every accepted step decreases the sequence in
/// a well-order, the search terminates; it is deterministic under the evaluation limit.
final class Shrinker {
    let runner: ClaimRunner
    let claim: Claim
    let part: Int
    let options: ShrinkOptions
    let started = Date()
    var evaluations = 0
    var steps = 0
    var stoppedBy: String?

    /// The "given" entries the part can depend on: only their choices are edited one by one.
    let relevant: Set<Int>

    init(runner: ClaimRunner, claim: Claim, part: Int, options: ShrinkOptions) {
        self.runner = runner
        self.claim = claim
        self.part = part
        self.options = options
        self.relevant = ClaimRunner.relevantGivens(claim, part: part)
    }

    /// A replayed draw in which the part is false on `branch`.
    struct Found {
        var choices: [Int]
        var branch: Int
        var leaf: ClaimRunner.Leaf
        var evaluator: Evaluator
        var body: Expr
        var bits: Int
        /// Which choices the part can depend on (see `ClaimRunner.relevantGivens`).
        var mask: [Bool]
    }

    static func shortlexLess(_ a: [Int], _ b: [Int]) -> Bool {
        a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b)
    }

    var outOfBudget: Bool {
        if stoppedBy != nil { return true }
        if evaluations >= options.maxEvaluations { stoppedBy = "evaluation limit (\(options.maxEvaluations))"; return true }
        if Date().timeIntervalSince(started) > options.maxSeconds { stoppedBy = "time limit (\(ClaimRunner.seconds((options.maxSeconds * 100).rounded() / 100)) s)"; return true }
        return false
    }

    /// Replays `choices`; returns the first branch (the preferred one first) where the part is
    /// false. With `counted`, each branch evaluated counts against the evaluation limit.
    func attempt(_ choices: [Int], preferred: Int, onlyPreferred: Bool = false, counted: Bool = true) -> Found? {
        let ctx = GeneratorContext(replaying: choices)
        let ev = runner.makeEvaluator(claim)
        let trace = ClaimRunner.DrawTrace()
        guard let leaves = try? runner.expand(claim, ctx, ev, trace: trace), !leaves.isEmpty else { return nil }
        var order: [Int] = preferred < leaves.count ? [preferred] : []
        if !onlyPreferred { order += leaves.indices.filter { $0 != preferred } }
        for b in order {
            if counted {
                if outOfBudget { return nil }
                evaluations += 1
            }
            if case let .false(body, bits) = runner.outcome(claim, part: part, leaves[b], ev) {
                return Found(choices: ctx.choices, branch: b, leaf: leaves[b], evaluator: ev, body: body, bits: bits,
                             mask: trace.mask(count: ctx.choices.count, relevant: relevant))
            }
        }
        return nil
    }

    /// Shrinks a failing (choices, branch) pair; returns the simplest pair found.
    func shrink(_ choices: [Int], branch: Int) -> (choices: [Int], branch: Int) {
        var current = choices
        var currentBranch = branch
        // Positions the part can depend on; the others are zeroed in one step (they cannot
        // change the outcome, so editing them one by one would only spend the budget).
        var mask = attempt(choices, preferred: branch, onlyPreferred: true, counted: false)?.mask
            ?? Array(repeating: true, count: choices.count)

        func accept(_ candidate: [Int]) -> Bool {
            guard candidate != current, !outOfBudget else { return false }
            guard let f = attempt(candidate, preferred: currentBranch), Shrinker.shortlexLess(f.choices, current) else { return false }
            current = f.choices
            currentBranch = f.branch
            mask = f.mask
            steps += 1
            return true
        }
        func relevant(_ i: Int) -> Bool { i >= mask.count || mask[i] }

        if mask.contains(false) {
            var zeroed = current
            for i in zeroed.indices where !relevant(i) { zeroed[i] = 0 }
            _ = accept(zeroed)
        }

        var changed = true
        while changed && !outOfBudget {
            changed = false
            // Truncate: the shortest prefix (the rest replayed as zeros) that still fails, by
            // bisection on its length.
            var lo = 0, hi = current.count
            while lo < hi && !outOfBudget {
                let mid = (lo + hi) / 2
                if accept(Array(current.prefix(mid))) {
                    changed = true
                    hi = min(mid, current.count)
                } else {
                    lo = mid + 1
                }
                hi = min(hi, current.count)
            }
            // Lower each choice, earliest first (dimensions are usually drawn first): 0, then
            // half, then one less.
            var i = 0
            while i < current.count && !outOfBudget {
                let v = current[i]
                var lowered = false
                if v > 0 && relevant(i) {
                    var tried: Set<Int> = []
                    for target in [0, v / 2, v - 1] where target < v && !tried.contains(target) {
                        tried.insert(target)
                        var c = current
                        c[i] = target
                        if accept(c) { lowered = true; changed = true; break }
                    }
                }
                if !lowered { i += 1 }
            }
            // Delete chunks, largest first, scanning from the end.
            for k in [8, 4, 2, 1] {
                var i = current.count - k
                while i >= 0 && !outOfBudget {
                    guard (i..<(i + k)).contains(where: relevant) else { i -= 1; continue }
                    var c = current
                    c.removeSubrange(i..<(i + k))
                    if accept(c) {
                        changed = true
                        i = min(i, current.count - k)
                    } else {
                        i -= 1
                    }
                }
            }
            // Zero chunks.
            for k in [8, 4, 2] {
                var i = 0
                while i + k <= current.count && !outOfBudget {
                    if current[i..<(i + k)].contains(where: { $0 != 0 }), (i..<(i + k)).contains(where: relevant) {
                        var c = current
                        for j in i..<(i + k) { c[j] = 0 }
                        if accept(c) { changed = true }
                    }
                    i += 1
                }
            }
        }
        if stoppedBy == nil { stoppedBy = "fixed point" }
        return (current, currentBranch)
    }
}

extension ClaimRunner {
    /// The counterexample to report for a failing draw: the shrunk instance when shrinking found
    /// a simpler one **and** it is confirmed (its draw replayed afresh is false on the same part,
    /// and its exact values, written and read back as an instance file, are false again);
    /// otherwise the original, with a note saying why.
    func shrunk(_ claim: Claim, part t: Int, _ original: Counterexample, options: ShrinkOptions? = nil) -> Counterexample {
        let options = options ?? shrinking
        let shrinker = Shrinker(runner: self, claim: claim, part: t, options: options)
        // Every replay inside the shrinker stops at its time limit too (cooperative cancellation).
        return Cancellation.withDeadline(Cancellation.instant(secondsFromNow: options.maxSeconds + 0.5)) {
            shrunk(shrinker, claim, part: t, original)
        }
    }

    func shrunk(_ shrinker: Shrinker, _ claim: Claim, part t: Int, _ original: Counterexample) -> Counterexample {
        let start = Date()
        let (choices, branch) = shrinker.shrink(original.choices, branch: original.branch)
        var result = original
        guard choices != original.choices || branch != original.branch else {
            result.shrinkNote = "no simpler failing instance found (\(shrinker.evaluations) candidate(s) evaluated, stopped by \(shrinker.stoppedBy ?? "fixed point"))"
            return result
        }
        // Confirm: replay the shrunk draw from scratch, on that branch only.
        guard let found = shrinker.attempt(choices, preferred: branch, onlyPreferred: true, counted: false) else {
            result.shrinkNote = Cancellation.isCancelled
                ? "shrinking ran out of time before a simpler instance was confirmed; the original is reported"
                : "a simpler failing instance was found but did not fail again when re-run; the original is reported"
            return result
        }
        let variables = found.leaf.variables
        // Confirm through the replay path: exact values, encoded and decoded, bound directly.
        if let confirmation = confirmByValues(claim, part: t, variables), !confirmation {
            result.shrinkNote = "a simpler failing instance was found but its exact values did not fail again when replayed; the original is reported"
            return result
        }
        let failing = explain(claim, found.evaluator, found.leaf.scope, found.bits, found.body,
                              until: Cancellation.deadline ?? Cancellation.instant(secondsFromNow: .infinity))
        var shrunk = Counterexample(kind: .fails, instanceIndex: original.instanceIndex, seed: original.seed, runSeed: original.runSeed,
                                    branch: found.branch, instance: variables.map { InstanceVariable(name: $0.0, value: $0.1) },
                                    choices: found.choices, detail: failing.text, failing: failing, bits: found.bits)
        shrunk.phase = original.phase
        shrunk.shrink = ShrinkRecord(original: original.instance, originalChoices: original.choices, originalBranch: original.branch,
                                     originalDetail: original.detail, evaluations: shrinker.evaluations, steps: shrinker.steps,
                                     stoppedBy: shrinker.stoppedBy ?? "fixed point", seconds: Date().timeIntervalSince(start))
        return shrunk
    }

    /// Whether the instance with these exact values (round-tripped through their JSON form) is
    /// false on the part; nil when some value has no exact form.
    func confirmByValues(_ claim: Claim, part t: Int, _ variables: [(String, Value)]) -> Bool? {
        var values: [(String, Value)] = []
        for (n, v) in variables {
            guard let json = ValueCoding.encode(v),
                  let read = try? JSONReader.read(json.rendered(), file: "(instance)"),
                  let decoded = try? ValueCoding.decode(read) else { return nil }
            values.append((n, decoded))
        }
        let ev = makeEvaluator(claim)
        if case .false = outcome(claim, part: t, leaf(claim, values: values), ev) { return true }
        return false
    }
}
