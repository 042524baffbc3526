import Foundation
import Numbers
import Matrices
import ClaimLanguage

/// Runs one claim over its instances and decides a verdict per conclusion.
///
/// Instances: instance i draws its "given" values from a generator seeded by (seed, i);
/// exhaustive generators (`each`, `all_subsets`, `all_permutations`) branch, so one draw may
/// give several instances. Hypotheses ("assume") that are false make an instance vacuous for
/// every conclusion; a conclusion `P => Q` is vacuous where P is false.
public struct ClaimRunner: Sendable {
    public var instancesOverride: Int?
    public var seedOverride: UInt64?
    /// Upper bound on instances from one draw's exhaustive branching.
    public var branchLimit = 4096

    public init(instances: Int? = nil, seed: UInt64? = nil) {
        instancesOverride = instances
        seedOverride = seed
    }

    public func run(path: String) -> ClaimResult {
        let start = Date()
        do {
            let claim = try ClaimLoader.load(path: path)
            return run(claim, start: start)
        } catch {
            return ClaimResult(file: path, claimID: nil, label: nil, loadError: error.description, parts: [], seconds: Date().timeIntervalSince(start))
        }
    }

    /// Per-conclusion state while instances run.
    struct Tally {
        var result: PartResult
        var done = false
        var maxBits = 0
    }

    public func run(_ claim: Claim, start: Date = Date()) -> ClaimResult {
        let instances = instancesOverride ?? claim.instances
        let seed = seedOverride ?? claim.seed
        var tallies = claim.conclusions.map { c in
            Tally(result: PartResult(claimID: claim.id, label: claim.label, part: c.name, verdict: .holds, expected: c.expect, method: .exact))
        }
        var budgetExhausted = false

        // Static shapes: a formula whose shapes are known to differ is a dimension error before
        // any instance is drawn.
        do {
            let checker = try ShapeChecker(claim: claim)
            for a in claim.assume { _ = try checker.check(a) }
            for (t, c) in claim.conclusions.enumerated() {
                do { _ = try checker.check(c.expr) } catch {
                    tallies[t].result.verdict = .error
                    tallies[t].result.reason = "dimension error (static): " + error.description
                    tallies[t].done = true
                }
            }
        } catch {
            for t in tallies.indices {
                tallies[t].result.verdict = .error
                tallies[t].result.reason = "dimension error (static): " + error.description
                tallies[t].done = true
            }
        }

        instanceLoop: for i in 0..<instances {
            if tallies.allSatisfy(\.done) { break }
            if Date().timeIntervalSince(start) > claim.budgetSeconds { budgetExhausted = true; break }
            let instanceSeed = seed &* 0x1000_0000_01B3 &+ UInt64(i) &* 0x9E37_79B9
            let context = GeneratorContext(seed: instanceSeed)
            let evaluator = Evaluator()
            evaluator.maximumDimension = claim.maximumDimension
            var leaves: [(Scope, [(String, Value)])] = []
            do {
                try expand(claim, 0, Scope.root(), [], context, evaluator, &leaves)
            } catch {
                // A generator failed: the claim is malformed for every part.
                for t in tallies.indices where !tallies[t].done {
                    tallies[t].result.verdict = .error
                    tallies[t].result.reason = "\(error.stage == .dimension ? "dimension error" : "error") while generating instance \(i): \(error.description)"
                    tallies[t].done = true
                }
                break instanceLoop
            }
            for (scope, vars) in leaves {
                if Date().timeIntervalSince(start) > claim.budgetSeconds { budgetExhausted = true; break instanceLoop }
                bindDefinitions(claim, scope)
                // Hypotheses.
                var hypothesis = Truth.true
                var hypothesisError: ClaimError? = nil
                for a in claim.assume {
                    do {
                        hypothesis = hypothesis && (try evaluator.truth(try evaluator.eval(a, scope), a))
                    } catch { hypothesisError = error; break }
                    if hypothesis == .false { break }
                }
                for t in tallies.indices where !tallies[t].done {
                    tallies[t].result.tried += 1
                    if let err = hypothesisError {
                        fail(&tallies[t], err, i, vars, instanceSeed)
                        continue
                    }
                    if hypothesis == .false { tallies[t].result.vacuous += 1; continue }
                    if case let .unknown(r) = hypothesis {
                        tallies[t].result.undecided += 1
                        tallies[t].result.reason = "hypothesis undecided: \(r)"
                        continue
                    }
                    decide(&tallies[t], claim.conclusions[t], scope, evaluator, i, vars, instanceSeed)
                }
            }
        }

        let parts = tallies.map { t -> PartResult in
            var r = t.result
            r.seconds = Date().timeIntervalSince(start)
            if r.verdict == .holds {
                let decided = r.decidedTrue
                if r.undecided > 0 {
                    r.verdict = .inconclusive
                    r.reason = "\(r.undecided) instance(s) undecided" + (r.reason.map { ": \($0)" } ?? "")
                } else if decided < max(1, claim.minimumDecided) {
                    r.verdict = .inconclusive
                    r.reason = "gave up: only \(decided) non-vacuous instance(s) of \(r.tried) (\(r.vacuous) vacuous)"
                } else if budgetExhausted && decided == 0 {
                    r.verdict = .inconclusive
                    r.reason = "budget of \(claim.budgetSeconds) s exhausted"
                }
            }
            if t.maxBits > 0, r.verdict != .error { r.method = .certified(bits: t.maxBits) }
            return r
        }
        return ClaimResult(file: claim.file, claimID: claim.id, label: claim.label, loadError: nil, parts: parts, seconds: Date().timeIntervalSince(start))
    }

    func fail(_ t: inout Tally, _ err: ClaimError, _ i: Int, _ vars: [(String, Value)], _ seed: UInt64) {
        if err.message.hasPrefix("resource limit") {
            t.result.undecided += 1
            t.result.reason = err.message
            return
        }
        t.result.verdict = .error
        t.result.reason = (err.stage == .dimension ? "dimension error: " : "") + err.description
        t.result.counterexample = Counterexample(instanceIndex: i, seed: seed, variables: vars.map { ($0.0, $0.1.description) }, detail: "evaluation error")
        t.done = true
    }

    func decide(_ t: inout Tally, _ c: Claim.Conclusion, _ scope: Scope, _ ev: Evaluator, _ i: Int, _ vars: [(String, Value)], _ seed: UInt64) {
        ev.enclosureBits = 0
        do {
            var body = c.expr
            // A top-level implication: its antecedent is a hypothesis of this conclusion.
            if case let .binary(.implies, p, q) = c.expr.kind {
                let premise = try ev.truth(try ev.eval(p, scope), p)
                if premise == .false { t.result.vacuous += 1; return }
                if case let .unknown(r) = premise {
                    t.result.undecided += 1
                    t.result.reason = "premise undecided: \(r)"
                    return
                }
                body = q
            }
            let value = try ev.truth(try ev.eval(body, scope), body)
            t.maxBits = max(t.maxBits, ev.enclosureBits)
            switch value {
            case .true: t.result.decidedTrue += 1
            case .false:
                t.result.decidedFalse += 1
                t.result.verdict = .fails
                t.result.counterexample = Counterexample(instanceIndex: i, seed: seed, variables: vars.map { ($0.0, $0.1.description) },
                                                         detail: explain(body, scope, ev))
                t.done = true
            case let .unknown(r):
                t.result.undecided += 1
                t.result.reason = r
            }
        } catch {
            fail(&t, error, i, vars, seed)
        }
    }

    /// For a failing comparison, the values of both sides, exactly.
    func explain(_ e: Expr, _ scope: Scope, _ ev: Evaluator) -> String {
        switch e.kind {
        case let .binary(op, a, b) where [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op):
            let l = (try? ev.eval(a, scope))?.description ?? "?"
            let r = (try? ev.eval(b, scope))?.description ?? "?"
            return "\(e) is false:\n  left  = \(l)\n  right = \(r)"
        case let .binary(.and, a, b):
            if let t = try? ev.truth(try ev.eval(a, scope), a), t == .false { return explain(a, scope, ev) }
            return explain(b, scope, ev)
        case let .binary(.implies, p, q):
            return "premise \(p) holds, but " + explain(q, scope, ev)
        default:
            return "\(e) is false"
        }
    }

    /// Evaluates "given" entries from index k on, branching on exhaustive generators.
    func expand(_ claim: Claim, _ k: Int, _ scope: Scope, _ vars: [(String, Value)], _ ctx: GeneratorContext,
                _ ev: Evaluator, _ leaves: inout [(Scope, [(String, Value)])]) throws(ClaimError) {
        if k == claim.given.count {
            leaves.append((scope, vars))
            if leaves.count > branchLimit {
                throw ClaimError(.evaluation, "resource limit: more than \(branchLimit) exhaustive branches in one draw", at: claim.given.last?.generator.location)
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
