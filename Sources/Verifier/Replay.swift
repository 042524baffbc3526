import Foundation
import ClaimLanguage

extension ClaimRunner {
    /// Re-evaluates one saved instance (`verify CLAIM --replay FILE`): the quantified variables are
    /// bound to the file's exact values instead of being generated; then definitions, hypotheses
    /// and conclusions are evaluated as in a run. Only the part named in the file is evaluated
    /// (every part when the file names none).
    ///
    /// The verdict of a part is that of a run of this one instance: FAILS when it is decided
    /// false, HOLDS when decided true, INCONCLUSIVE when it is vacuous or undecided, ERROR when it
    /// cannot be evaluated. A file that does not fit the claim (another claim's id, an unknown
    /// part, a missing or unknown variable name, a malformed value) is a load error that names
    /// the file, line, column and JSON path.
    ///
    /// The values are used as given: properties a generator guarantees by construction (an
    /// orthogonal U, a spectrum in descending order) are not checked again unless the claim
    /// states them as hypotheses.
    public func replay(claimPath: String, instancePath: String) -> ClaimResult {
        let start = Date()
        do {
            let claim = try ClaimLoader.load(path: claimPath)
            let file = try InstanceFile.read(path: instancePath)
            return try replay(claim, file, start: start)
        } catch {
            var r = ClaimResult(file: claimPath, claimID: nil, label: nil, loadError: error.description, parts: [], seconds: Date().timeIntervalSince(start))
            r.replayedFrom = instancePath
            return r
        }
    }

    public func replay(_ claim: Claim, _ file: InstanceFile, start: Date = Date()) throws(ClaimError) -> ClaimResult {
        if let id = file.claimID, id != claim.id {
            throw ClaimError(.load, "the instance file is for claim \"\(id)\", not \"\(claim.id)\" (\(claim.file))", at: file.variablesLocation)
        }
        var selected = Array(claim.conclusions.indices)
        if let part = file.part {
            guard let t = claim.conclusions.firstIndex(where: { $0.name == part }) else {
                throw ClaimError(.load, "claim \(claim.id) has no part \"\(part)\" (its parts: \(claim.conclusions.map(\.name).joined(separator: ", ")))", at: file.variablesLocation)
            }
            selected = [t]
        }
        // Every quantified variable, and nothing else.
        let names = claim.given.flatMap(\.names)
        let given = Dictionary(file.variables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for v in file.variables where !names.contains(v.name) {
            throw ClaimError(.load, "the instance file gives \"\(v.name)\", which claim \(claim.id) does not quantify over (its variables: \(names.joined(separator: ", ")))", at: v.location)
        }
        let missing = names.filter { given[$0] == nil }
        if !missing.isEmpty {
            throw ClaimError(.load, "the instance file does not give \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (claim \(claim.id) quantifies over \(names.joined(separator: ", ")))", at: file.variablesLocation)
        }
        let values = names.map { ($0, given[$0]!.value) }
        try validate(claim, file, values)

        var tallies = makeTallies(claim)
        staticCheck(claim, &tallies)
        for t in tallies.indices where !selected.contains(t) { tallies[t].done = true }
        let evaluator = makeEvaluator(claim)
        let instance = leaf(claim, values: values)
        bindDefinitions(claim, instance.scope)
        let origin = file.origin
        let runSeed = origin?["seed"]?.stringValue.flatMap { UInt64($0) } ?? 0
        let index = origin?["instance"]?.intValue ?? 0
        let branch = origin?["branch"]?.intValue ?? 0
        func example(_ kind: Counterexample.Kind, _ detail: String) -> Counterexample {
            var c = Counterexample(kind: kind, instanceIndex: index, seed: ClaimRunner.instanceSeed(runSeed, index), runSeed: runSeed, branch: branch,
                                   instance: values.map { InstanceVariable(name: $0.0, value: $0.1) }, choices: [], detail: detail)
            c.replayedFrom = file.path
            return c
        }
        let position = InstancePosition(instance: index, branch: branch)
        let hypothesis = hypotheses(claim, instance, evaluator)
        for t in tallies.indices where !tallies[t].done {
            var outcome = hypothesis
            if case .true = hypothesis {
                let t0 = Date()
                outcome = conclusion(claim.conclusions[t], instance.scope, evaluator)
                tallies[t].result.evaluationSeconds = Date().timeIntervalSince(t0)
            }
            if let (body, bits) = tallies[t].record(outcome, at: position, example) {
                let failing = Explainer(claim: claim, evaluator: evaluator, instanceScope: instance.scope, bits: bits).explain(body)
                var c = example(.fails, failing.text)
                c.failing = failing
                c.bits = bits
                tallies[t].result.counterexample = c
            }
        }
        // One instance is all a replay decides: it is exempt from `min_decided`, and a vacuous
        // instance decides nothing.
        var kept = tallies.filter { selected.contains($0.conclusion) }
        for t in kept.indices where kept[t].result.verdict == .holds && kept[t].result.vacuous > 0 {
            kept[t].result.verdict = .inconclusive
            kept[t].result.reason = "the replayed instance is vacuous: " + (kept[t].result.vacuousByHypotheses > 0 ? "a hypothesis (\"assume\") is false on it" : "the premise of the conclusion is false on it")
        }
        var result = finish(claim, kept, start: start, budgetExhausted: false, minimumDecided: 1, enumerated: false, draws: 1, requested: 1, randomDraws: false)
        result.replayedFrom = file.path
        result.instances = 1
        result.draws = 1
        result.seed = runSeed
        result.minimumDecided = 1
        return result
    }
}
