import Numbers
import Foundation
import ClaimLanguage

/// The machine-readable report, schema `mfcheck-results` version 2 (documented in docs/ci.md):
/// one entry per claim part with verdict, expectation, method and precision, counts, statistics,
/// timings and the counterexample (exact instance, failing sub-expression, shrinking, instance
/// file); one entry per claim file with what a merge of shards needs; a summary with the exit
/// status.
///
/// Version 2 only adds keys to version 1, so readers of version 1 keep working.
///
/// - Guarantee: `parse(render(results))` gives back every field the reports print, so merged
///   shard outputs can be rendered in any format.
public enum JSONReport {
    public static let schema = "mfcheck-results"
    public static let schemaVersion = 2

    public static func render(_ results: [ClaimResult], shard: Shard? = nil) -> String {
        document(results, shard: shard).rendered() + "\n"
    }

    public static func document(_ results: [ClaimResult], shard: Shard? = nil) -> ExactJSON {
        var parts: [ExactJSON] = []
        var errors: [ExactJSON] = []
        for r in results {
            if let e = r.loadError { errors.append(.object([("file", .string(r.file)), ("error", .string(e))])) }
            for p in r.parts { parts.append(encode(p, file: r.file)) }
        }
        let all = results.flatMap(\.parts)
        let summary = ExactJSON.object([
            ("claim_files", .int(results.count)), ("parts", .int(all.count)),
            ("holds", .int(all.filter { $0.verdict == .holds }.count)),
            ("fails", .int(all.filter { $0.verdict == .fails }.count)),
            ("inconclusive", .int(all.filter { $0.verdict == .inconclusive }.count)),
            ("error", .int(all.filter { $0.verdict == .error }.count)),
            ("unloadable", .int(results.filter { $0.loadError != nil }.count)),
            ("differ_from_expectation", .int(all.filter { !$0.meetsExpectation }.count)),
            ("exit_status", .int(Int(Verification.exitStatus(results)))),
        ])
        return .object([
            ("schema", .string(schema)), ("version", .int(schemaVersion)),
            ("shard", shard.map { .object([("index", .int($0.index)), ("count", .int($0.count))]) } ?? .null),
            ("summary", summary),
            ("claims", .array(results.map(encodeClaim))),
            ("results", .array(parts)),
            ("load_errors", .array(errors)),
        ])
    }

    // MARK: Encoding

    static func encodeClaim(_ r: ClaimResult) -> ExactJSON {
        .object([
            ("file", .string(r.file)), ("claim", r.claimID.map { .string($0) } ?? .null), ("label", r.label.map { .string($0) }),
            ("paper", r.paper.map { .string($0) }), ("statement", r.statement.map { .string($0) }),
            ("seed", .string(String(r.seed))), ("instances", .int(r.instances)), ("draws", .int(r.draws)),
            ("min_decided", .int(r.minimumDecided)), ("min_decided_reason", r.minimumDecidedReason.map { .string($0) }),
            ("enumerated", .bool(r.enumerated)), ("budget_seconds", .decimal(r.budgetSeconds)),
            ("budget_exhausted", .bool(r.budgetExhausted)), ("seconds", .decimal(r.seconds)),
            ("load_error", r.loadError.map { .string($0) } ?? .null),
            ("replayed_from", r.replayedFrom.map { .string($0) }),
        ])
    }

    static func encode(_ p: PartResult, file: String) -> ExactJSON {
        var expectedReason: String? = nil
        switch p.expected {
        case let .fails(reason), let .illTyped(reason): expectedReason = reason
        case .holds: break
        }
        let counts = ExactJSON.object([
            ("tried", .int(p.tried)), ("vacuous", .int(p.vacuous)), ("true", .int(p.decidedTrue)), ("false", .int(p.decidedFalse)),
            ("undecided", .int(p.undecided)), ("vacuous_by_hypotheses", .int(p.vacuousByHypotheses)), ("vacuous_by_premise", .int(p.vacuousByPremise)),
        ])
        let statistics = ExactJSON.object([
            ("discard_ratio", p.discardRatio.map { .decimal($0, digits: 4) } ?? .null),
            ("evaluation_seconds", .decimal(p.evaluationSeconds)),
            ("shrink_seconds", .decimal(p.shrinkSeconds)),
            ("warning", p.vacuityWarning.map { .string($0) } ?? .null),
            ("search_tried", .int(p.searchTried)),
            ("search_found", .int(p.searchFound)),
            ("targeted_least_slack", p.targetedLeastSlack.map { .decimal($0, digits: 6) }),
        ])
        return .object([
            ("file", .string(file)), ("claim", .string(p.claimID)), ("label", .string(p.label)), ("part", .string(p.part)),
            ("statement", .string(p.statement)), ("formula", .string(p.formula)),
            ("verdict", .string(p.verdict.rawValue)), ("expected", .string(p.expected.word)),
            ("expected_reason", expectedReason.map { .string($0) }),
            ("as_expected", .bool(p.meetsExpectation)),
            ("method", .string(p.method.description)),
            ("evidence", p.verdict == .holds ? .string(p.evidence) : nil),
            ("enumerated", .bool(p.enumerated)),
            ("error_stage", p.errorStage.map { .string($0.rawValue) }),
            ("precision_bits", p.method.bits > 0 ? .int(p.method.bits) : nil),
            ("identity_degree", { if case let .randomizedIdentity(d, _) = p.method { return .int(d) } else { return nil } }()),
            ("identity_point_probability", { if case let .randomizedIdentity(_, q) = p.method { return .string(q.description) } else { return nil } }()),
            ("measure", p.measure.map { m in
                .object([("expression", .string(m.expression)), ("instances", .int(m.instances)),
                         ("least", .array([.string(m.leastLower.description), .string(m.leastUpper.description)])),
                         ("greatest", .array([.string(m.greatestLower.description), .string(m.greatestUpper.description)])),
                         ("error", m.error.map { .string($0) })])
            }),
            ("counts", counts), ("statistics", statistics),
            ("seconds", .decimal(p.seconds)),
            ("reason", p.reason.map { .string($0) }),
            ("decided_at", p.decidedAt.map { .object([("instance", .int($0.instance)), ("branch", .int($0.branch))]) }),
            ("counterexample", p.counterexample.map(encode)),
            ("counterexample_path", p.counterexample?.replayFile.map { .string($0) }),
            ("undecided_instance", p.undecidedInstance.map(encode)),
            ("report", p.reportFile.map { .string($0) }),
        ])
    }

    static func encode(_ v: InstanceVariable) -> ExactJSON {
        .object([("name", .string(v.name)), ("type", .string(v.type)), ("text", .string(v.text)), ("latex", .string(v.latex)),
                 ("exact", v.exact ?? .null)])
    }

    static func encode(_ s: ComparisonSide) -> ExactJSON {
        .object([("expression", .string(s.expression)), ("value", .string(s.text)), ("latex", .string(s.latex)), ("exact", .bool(s.isExact))])
    }

    static func encode(_ f: FailingSubexpression) -> ExactJSON {
        .object([("expression", .string(f.expression)), ("location", f.location.map { .string($0) }),
                 ("path", .array(f.path.map { .string($0) })), ("comparison", f.comparison.map { .string($0) }),
                 ("left", f.left.map(encode)), ("right", f.right.map(encode))])
    }

    static func encode(_ c: Counterexample) -> ExactJSON {
        var shrink: ExactJSON? = nil
        if let s = c.shrink {
            shrink = .object([
                ("original_instance", .array(s.original.map(encode))), ("original_choices", .array(s.originalChoices.map { .int($0) })),
                ("original_branch", .int(s.originalBranch)), ("original_detail", .string(s.originalDetail)),
                ("evaluations", .int(s.evaluations)), ("steps", .int(s.steps)), ("stopped_by", .string(s.stoppedBy)),
                ("seconds", .decimal(s.seconds)),
            ])
        }
        return .object([
            ("kind", .string(c.kind.rawValue)),
            ("phase", .string(c.phase.rawValue)),
            ("instance", .int(c.instanceIndex)), ("branch", .int(c.branch)),
            ("seed", .string(String(c.seed))), ("run_seed", .string(String(c.runSeed))),
            // Name → exact plain text, as in version 1.
            ("variables", .object(c.instance.map { ($0.name, .string($0.text)) })),
            ("instance_variables", .array(c.instance.map(encode))),
            ("detail", .string(c.detail)),
            ("failing", c.failing.map(encode)),
            ("precision_bits", .int(c.bits)),
            ("choices", .array(c.choices.map { .int($0) })),
            ("shrink", shrink),
            ("shrink_note", c.shrinkNote.map { .string($0) }),
            ("replay_file", c.replayFile.map { .string($0) }),
            ("replayed_from", c.replayedFrom.map { .string($0) }),
        ])
    }

    // MARK: Reading (for merge)

    /// A report read back: its results and the shard it covers.
    public struct Document: Sendable {
        public var results: [ClaimResult]
        public var shard: Shard?
        public var file: String
    }

    /// Reads a report written by `render` (version 1 or 2). Errors name the file and JSON path.
    public static func parse(_ text: String, file: String) throws(ClaimError) -> Document {
        let root = try JSONReader.read(text, file: file)
        func fail(_ j: JSONValue?, _ message: String) -> ClaimError {
            ClaimError(.load, message, at: (j ?? root).location)
        }
        guard root["schema"]?.stringValue == schema else { throw fail(root["schema"], "not a results file: \"schema\" must be \"\(schema)\"") }
        guard let vj = root["version"], case let .number(vt, _) = vj, let version = Int(vt), version >= 1, version <= schemaVersion else {
            throw fail(root["version"], "unsupported results version (this verifier reads versions 1 to \(schemaVersion))")
        }
        guard version == schemaVersion else {
            throw fail(vj, "results version \(version) cannot be merged: it lacks the counts a merge needs (write it with version \(schemaVersion))")
        }
        let doc = ExactJSON(root)
        var shard: Shard? = nil
        if let s = doc["shard"], !s.isNull {
            guard let i = s["index"]?.intValue, let n = s["count"]?.intValue, n >= 1, i >= 1, i <= n else { throw fail(root["shard"], "malformed \"shard\"") }
            shard = Shard(index: i, count: n)
        }
        var claims: [ClaimResult] = []
        var byFile: [String: Int] = [:]
        for c in doc["claims"]?.arrayValue ?? [] {
            guard let f = c["file"]?.stringValue else { throw fail(root["claims"], "a claim entry without \"file\"") }
            var r = ClaimResult(file: f, claimID: c["claim"]?.stringValue, label: c["label"]?.stringValue,
                                loadError: c["load_error"]?.stringValue, parts: [], seconds: c["seconds"]?.doubleValue ?? 0)
            r.paper = c["paper"]?.stringValue
            r.statement = c["statement"]?.stringValue
            r.seed = c["seed"]?.stringValue.flatMap { UInt64($0) } ?? 0
            r.instances = c["instances"]?.intValue ?? 0
            r.draws = c["draws"]?.intValue ?? 0
            r.minimumDecided = c["min_decided"]?.intValue ?? 1
            r.budgetSeconds = c["budget_seconds"]?.doubleValue ?? 0
            r.budgetExhausted = c["budget_exhausted"]?.boolValue ?? false
            r.minimumDecidedReason = c["min_decided_reason"]?.stringValue
            r.enumerated = c["enumerated"]?.boolValue ?? false
            r.replayedFrom = c["replayed_from"]?.stringValue
            r.shard = shard
            byFile[f] = claims.count
            claims.append(r)
        }
        for (k, p) in (doc["results"]?.arrayValue ?? []).enumerated() {
            let where_ = root["results"].flatMap { j -> JSONValue? in if case let .array(a, _) = j, k < a.count { return a[k] }; return nil }
            guard let f = p["file"]?.stringValue, let i = byFile[f] else { throw fail(where_, "a result whose \"file\" is not among \"claims\"") }
            claims[i].parts.append(try decodePart(p, at: where_ ?? root))
        }
        return Document(results: claims, shard: shard, file: file)
    }

    static func decodePart(_ p: ExactJSON, at: JSONValue) throws(ClaimError) -> PartResult {
        func fail(_ m: String) -> ClaimError { ClaimError(.load, m, at: at.location) }
        guard let claim = p["claim"]?.stringValue, let part = p["part"]?.stringValue,
              let verdictText = p["verdict"]?.stringValue, let verdict = Verdict(rawValue: verdictText),
              let expectedWord = p["expected"]?.stringValue else { throw fail("a result needs claim, part, verdict and expected") }
        let reason = p["expected_reason"]?.stringValue ?? ""
        let expected: Claim.Expectation
        switch expectedWord {
        case "holds": expected = .holds
        case "fails": expected = .fails(reason: reason)
        case "ill-typed": expected = .illTyped(reason: reason)
        default: throw fail("unknown expectation \"\(expectedWord)\"")
        }
        let bits = p["precision_bits"]?.intValue ?? 0
        var method: Method = bits > 0 ? .certified(bits: bits) : .exact
        if let d = p["identity_degree"]?.intValue, let q = p["identity_point_probability"]?.stringValue.flatMap({ Rational($0) }) {
            method = .randomizedIdentity(degree: d, pointProbability: q)
        }
        var r = PartResult(claimID: claim, label: p["label"]?.stringValue ?? "", part: part, verdict: verdict, expected: expected,
                           method: method)
        if let m = p["measure"], let e = m["expression"]?.stringValue,
           let least = m["least"]?.arrayValue, let greatest = m["greatest"]?.arrayValue, least.count == 2, greatest.count == 2,
           let a = least[0].stringValue.flatMap({ Rational($0) }), let b = least[1].stringValue.flatMap({ Rational($0) }),
           let c = greatest[0].stringValue.flatMap({ Rational($0) }), let d = greatest[1].stringValue.flatMap({ Rational($0) }) {
            r.measure = MeasureSummary(expression: e, instances: m["instances"]?.intValue ?? 0, leastLower: a, leastUpper: b,
                                       greatestLower: c, greatestUpper: d, error: m["error"]?.stringValue)
        }
        r.statement = p["statement"]?.stringValue ?? ""
        r.formula = p["formula"]?.stringValue ?? ""
        let counts = p["counts"]
        r.tried = counts?["tried"]?.intValue ?? 0
        r.vacuous = counts?["vacuous"]?.intValue ?? 0
        r.decidedTrue = counts?["true"]?.intValue ?? 0
        r.decidedFalse = counts?["false"]?.intValue ?? 0
        r.undecided = counts?["undecided"]?.intValue ?? 0
        r.vacuousByHypotheses = counts?["vacuous_by_hypotheses"]?.intValue ?? 0
        r.vacuousByPremise = counts?["vacuous_by_premise"]?.intValue ?? 0
        r.seconds = p["seconds"]?.doubleValue ?? 0
        r.evaluationSeconds = p["statistics"]?["evaluation_seconds"]?.doubleValue ?? 0
        r.shrinkSeconds = p["statistics"]?["shrink_seconds"]?.doubleValue ?? 0
        r.searchTried = p["statistics"]?["search_tried"]?.intValue ?? 0
        r.searchFound = p["statistics"]?["search_found"]?.intValue ?? 0
        r.targetedLeastSlack = p["statistics"]?["targeted_least_slack"]?.doubleValue
        r.reason = p["reason"]?.stringValue
        r.enumerated = p["enumerated"]?.boolValue ?? false
        r.errorStage = p["error_stage"]?.stringValue.flatMap(ClaimError.Stage.init(rawValue:))
        // Version-2 files written before "error_stage" existed said so only in the reason.
        if r.errorStage == nil, verdict == .error, (r.reason ?? "").hasPrefix("dimension error") { r.errorStage = .dimension }
        if let d = p["decided_at"], let i = d["instance"]?.intValue, let b = d["branch"]?.intValue {
            r.decidedAt = InstancePosition(instance: i, branch: b)
        }
        r.counterexample = p["counterexample"].flatMap(decodeCounterexample)
        r.undecidedInstance = p["undecided_instance"].flatMap(decodeCounterexample)
        r.reportFile = p["report"]?.stringValue
        return r
    }

    static func decodeVariable(_ j: ExactJSON) -> InstanceVariable? {
        guard let name = j["name"]?.stringValue else { return nil }
        let exact = j["exact"].flatMap { $0.isNull ? nil : $0 }
        return InstanceVariable(name: name, text: j["text"]?.stringValue ?? "", latex: j["latex"]?.stringValue ?? "",
                                type: j["type"]?.stringValue ?? "", exact: exact)
    }

    static func decodeSide(_ j: ExactJSON) -> ComparisonSide? {
        guard let e = j["expression"]?.stringValue else { return nil }
        return ComparisonSide(expression: e, text: j["value"]?.stringValue ?? "", latex: j["latex"]?.stringValue ?? "", isExact: j["exact"]?.boolValue ?? false)
    }

    static func decodeCounterexample(_ j: ExactJSON) -> Counterexample? {
        guard !j.isNull else { return nil }
        let kind = j["kind"]?.stringValue.flatMap(Counterexample.Kind.init(rawValue:)) ?? .fails
        var instance = (j["instance_variables"]?.arrayValue ?? []).compactMap(decodeVariable)
        if instance.isEmpty, let vars = j["variables"]?.members {
            instance = vars.map { InstanceVariable(name: $0.key, text: $0.value.stringValue ?? "", latex: "", type: "", exact: nil) }
        }
        var c = Counterexample(kind: kind, instanceIndex: j["instance"]?.intValue ?? 0,
                               seed: j["seed"]?.stringValue.flatMap { UInt64($0) } ?? 0,
                               runSeed: j["run_seed"]?.stringValue.flatMap { UInt64($0) } ?? 0,
                               branch: j["branch"]?.intValue ?? 0, instance: instance,
                               choices: (j["choices"]?.arrayValue ?? []).compactMap(\.intValue),
                               detail: j["detail"]?.stringValue ?? "", bits: j["precision_bits"]?.intValue ?? 0)
        if let f = j["failing"], !f.isNull, let e = f["expression"]?.stringValue {
            c.failing = FailingSubexpression(expression: e, location: f["location"]?.stringValue,
                                             path: (f["path"]?.arrayValue ?? []).compactMap(\.stringValue),
                                             comparison: f["comparison"]?.stringValue,
                                             left: f["left"].flatMap(decodeSide), right: f["right"].flatMap(decodeSide))
        }
        if let s = j["shrink"], !s.isNull {
            c.shrink = ShrinkRecord(original: (s["original_instance"]?.arrayValue ?? []).compactMap(decodeVariable),
                                    originalChoices: (s["original_choices"]?.arrayValue ?? []).compactMap(\.intValue),
                                    originalBranch: s["original_branch"]?.intValue ?? 0,
                                    originalDetail: s["original_detail"]?.stringValue ?? "",
                                    evaluations: s["evaluations"]?.intValue ?? 0, steps: s["steps"]?.intValue ?? 0,
                                    stoppedBy: s["stopped_by"]?.stringValue ?? "", seconds: s["seconds"]?.doubleValue ?? 0)
        }
        c.phase = j["phase"]?.stringValue.flatMap(SearchPhase.init(rawValue:)) ?? .random
        c.shrinkNote = j["shrink_note"]?.stringValue
        c.replayFile = j["replay_file"]?.stringValue
        c.replayedFrom = j["replayed_from"]?.stringValue
        return c
    }
}
