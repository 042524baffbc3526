import Numbers
import ClaimLanguage

/// The verdict on one conclusion of a claim.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// Every non-vacuous instance was decided true.
    case holds = "HOLDS"
    /// Some instance was decided false: a certified counterexample.
    case fails = "FAILS"
    /// No counterexample, but not every instance was decided, or too few were non-vacuous, or
    /// the budget ran out.
    case inconclusive = "INCONCLUSIVE"
    /// The claim could not be evaluated (a malformed claim, an ill-typed formula).
    case error = "ERROR"
}

/// How the decisions behind a verdict were reached.
public enum Method: Sendable, Equatable, CustomStringConvertible {
    /// Every comparison was decided in exact rational arithmetic (spectral predicates by exact
    /// inertia).
    case exact
    /// Some comparison needed a certified enclosure, at up to `bits` bits.
    case certified(bits: Int)
    /// An identity of polynomials in the randomly drawn entries, checked exactly at random
    /// rational points: a randomized proof. If the two sides differ as polynomials of degree
    /// ≤ `degree` in independent entries, each drawn with point probability ≤ `pointProbability`,
    /// one instance misses the difference with probability ≤ degree·pointProbability
    /// (Schwartz–Zippel), conditionally on the other (structured) variables. Only reported when
    /// that bound is below 1.
    case randomizedIdentity(degree: Int, pointProbability: Rational)

    public var description: String {
        switch self {
        case .exact: "exact"
        case let .certified(bits): "certified interval (\(bits) bits)"
        case let .randomizedIdentity(d, p):
            "randomized identity test (degree ≤ \(d), entry point probability ≤ \(p): a false identity survives an instance with probability ≤ \(Rational(d) * p))"
        }
    }

    /// The precision in bits (0 for exact).
    public var bits: Int {
        switch self {
        case .exact, .randomizedIdentity: 0
        case let .certified(bits): bits
        }
    }
}

/// One quantified variable of an instance, rendered once when the instance is found (so reports,
/// JSON and merged shard outputs need no evaluator).
public struct InstanceVariable: Sendable, Equatable {
    public var name: String
    /// The exact value as plain text (`Value.description`).
    public var text: String
    /// The exact value in LaTeX (matrices as `bmatrix`, rationals as `\frac{p}{q}`).
    public var latex: String
    /// The value's type and size: "integer", "3×2 matrix", "index list of length 2".
    public var type: String
    /// The exact JSON form written to instance files; nil when the value has no exact form (a
    /// real known only through enclosures), in which case the instance cannot be replayed.
    public var exact: ExactJSON?

    public init(name: String, text: String, latex: String, type: String, exact: ExactJSON?) {
        self.name = name
        self.text = text
        self.latex = latex
        self.type = type
        self.exact = exact
    }
}

/// One side of a failing comparison, evaluated on the counterexample.
public struct ComparisonSide: Sendable, Equatable {
    /// The side's expression as written.
    public var expression: String
    /// Its value: exact, or a certified enclosure (`∈ [lo, hi]`, rounded outward).
    public var text: String
    public var latex: String
    /// False when the value is a real known through a certified enclosure.
    public var isExact: Bool

    public init(expression: String, text: String, latex: String, isExact: Bool) {
        self.expression = expression
        self.text = text
        self.latex = latex
        self.isExact = isExact
    }
}

/// Which sub-expression of a conclusion decided that it is false on an instance: the conclusion
/// is followed through `and`, `=>`, `all(…)`, conditionals and boolean definitions down to the
/// smallest part that is itself false (usually a comparison, with both sides' values).
public struct FailingSubexpression: Sendable, Equatable {
    /// The false sub-expression, as printed.
    public var expression: String
    /// Where it stands in the claim file (`$.claims.b, expression column 12`).
    public var location: String?
    /// How the conclusion reduces to it, outermost first ("the premise `q < k` holds",
    /// "at i = 2, the first element of 1...q where it is false").
    public var path: [String]
    /// The comparison operator, when the sub-expression is a comparison.
    public var comparison: String?
    public var left: ComparisonSide?
    public var right: ComparisonSide?

    public init(expression: String, location: String?, path: [String], comparison: String?, left: ComparisonSide?, right: ComparisonSide?) {
        self.expression = expression
        self.location = location
        self.path = path
        self.comparison = comparison
        self.left = left
        self.right = right
    }

    /// The explanation as text (the `detail` of a counterexample).
    public var text: String {
        var lines = path.map { "  " + $0 }
        if let l = left, let r = right {
            lines.append("\(expression) is false:")
            lines.append("  left  = " + l.text.replacingOccurrences(of: "\n", with: "\n          "))
            lines.append("  right = " + r.text.replacingOccurrences(of: "\n", with: "\n          "))
        } else {
            lines.append("\(expression) is false")
        }
        return lines.joined(separator: "\n")
    }
}

/// How a counterexample was made smaller (see `Shrinker`).
public struct ShrinkRecord: Sendable, Equatable {
    /// The instance as first found.
    public var original: [InstanceVariable]
    public var originalChoices: [Int]
    public var originalBranch: Int
    public var originalDetail: String
    /// Candidate instances evaluated while shrinking.
    public var evaluations: Int
    /// Candidates accepted (each strictly simpler than the one before).
    public var steps: Int
    /// Why shrinking stopped: "fixed point", "evaluation limit (500)", "time limit (10 s)".
    public var stoppedBy: String
    public var seconds: Double

    public init(original: [InstanceVariable], originalChoices: [Int], originalBranch: Int, originalDetail: String,
                evaluations: Int, steps: Int, stoppedBy: String, seconds: Double) {
        self.original = original
        self.originalChoices = originalChoices
        self.originalBranch = originalBranch
        self.originalDetail = originalDetail
        self.evaluations = evaluations
        self.steps = steps
        self.stoppedBy = stoppedBy
        self.seconds = seconds
    }
}

/// One instance on which a conclusion was false (or could not be evaluated, or was undecided):
/// the quantified variables' values, exactly, and what the conclusion evaluated to.
public struct Counterexample: Sendable {
    public enum Kind: String, Sendable {
        /// The conclusion was decided false (FAILS).
        case fails
        /// Evaluating the instance raised an error (ERROR).
        case error
        /// The conclusion (or a hypothesis) could not be decided on this instance.
        case undecided
    }
    public var kind: Kind
    /// The draw (0-based) of the run.
    public var instanceIndex: Int
    /// The seed of that draw's generator, derived from the run's seed and the draw.
    public var seed: UInt64
    /// The run's seed (`--seed`, or the claim's): `--seed runSeed --instance instanceIndex`
    /// reproduces the draw.
    public var runSeed: UInt64
    /// Which of the draw's exhaustive branches (0-based, depth-first) this instance is.
    public var branch: Int
    /// Every quantified variable, in the order of "given".
    public var instance: [InstanceVariable]
    /// The draw's choice sequence (see `GeneratorContext.choices`); empty for replayed instances.
    public var choices: [Int]
    /// What the conclusion evaluated to, as text.
    public var detail: String
    /// The false sub-expression and both sides' values (for `kind == .fails`).
    public var failing: FailingSubexpression?
    /// Precision (bits) the decision on this instance needed; 0 when it was exact.
    public var bits: Int
    /// The search phase that found the instance (a random draw unless said otherwise).
    public var phase: SearchPhase = .random
    /// Set when this counterexample is the result of shrinking: the original and the search.
    public var shrink: ShrinkRecord?
    /// Why shrinking did not replace the original, when it was tried and did not.
    public var shrinkNote: String?
    /// The instance file written for it (by `--report` or `--save-counterexamples`).
    public var replayFile: String?
    /// The instance file this instance was read from (`--replay`).
    public var replayedFrom: String?

    public init(kind: Kind, instanceIndex: Int, seed: UInt64, runSeed: UInt64, branch: Int, instance: [InstanceVariable],
                choices: [Int], detail: String, failing: FailingSubexpression? = nil, bits: Int = 0) {
        self.kind = kind
        self.instanceIndex = instanceIndex
        self.seed = seed
        self.runSeed = runSeed
        self.branch = branch
        self.instance = instance
        self.choices = choices
        self.detail = detail
        self.failing = failing
        self.bits = bits
    }

    /// Name and exact value (plain text) of each quantified variable, in the order of "given".
    public var variables: [(name: String, value: String)] { instance.map { ($0.name, $0.text) } }

    /// True when every variable has an exact form, so an instance file can be written.
    public var isReplayable: Bool { !instance.isEmpty && instance.allSatisfy { $0.exact != nil } }
}

/// Where a verdict became final: the draw and the exhaustive branch within it. Ordered as the
/// run visits instances, so the merge of shards keeps the earliest, as an unsharded run would.
public struct InstancePosition: Sendable, Equatable, Comparable {
    public var instance: Int
    public var branch: Int
    public init(instance: Int, branch: Int) {
        self.instance = instance
        self.branch = branch
    }
    public static func < (a: InstancePosition, b: InstancePosition) -> Bool {
        (a.instance, a.branch) < (b.instance, b.branch)
    }
}

/// The outcome of one conclusion over all instances.
public struct PartResult: Sendable {
    public var claimID: String
    public var label: String
    public var part: String
    public var verdict: Verdict
    public var expected: Claim.Expectation
    public var method: Method
    /// The statement as printed: the part's own (`statements`) when the claim gives one, else
    /// the claim's.
    public var statement: String = ""
    /// The conclusion's formula as encoded.
    public var formula: String = ""
    /// Instances evaluated (after exhaustive branching), including vacuous ones.
    public var tried = 0
    /// Instances where a hypothesis or the conclusion's premise was false.
    public var vacuous = 0
    public var decidedTrue = 0
    public var decidedFalse = 0
    public var undecided = 0
    /// Of `vacuous`: those discarded by the claim's hypotheses ("assume").
    public var vacuousByHypotheses = 0
    /// Of `vacuous`: those discarded by the premise `P` of a top-level `P => Q`.
    public var vacuousByPremise = 0
    /// Why the verdict is INCONCLUSIVE or ERROR.
    public var reason: String?
    public var counterexample: Counterexample?
    /// The first instance on which this part was undecided (kept for INCONCLUSIVE reports).
    public var undecidedInstance: Counterexample?
    /// Where a FAILS or ERROR verdict became final (nil for static errors and other verdicts).
    public var decidedAt: InstancePosition?
    /// Wall-clock seconds from the claim's start to the end of its run.
    public var seconds: Double = 0
    /// Seconds spent evaluating this conclusion (including the definitions it forced).
    public var evaluationSeconds: Double = 0
    /// Seconds spent shrinking its counterexample (not counted against the claim's budget).
    public var shrinkSeconds: Double = 0
    /// The claim's `measure` for this part over the non-vacuous true instances: certified
    /// bounds on its least and greatest values.
    public var measure: MeasureSummary?
    /// The Markdown report written for this part (`--report`).
    public var reportFile: String?
    /// Instances evaluated by the search phases (small scope, targeted) beside the random draws;
    /// they are not counted in `tried` (a HOLDS rests on the random sample), but a false one is
    /// a counterexample like any other.
    public var searchTried = 0
    /// Counterexamples the search phases found (0 or 1).
    public var searchFound = 0
    /// The least slack the targeted phase reached (approximate), when it ran on this part.
    public var targetedLeastSlack: Double?
    /// The stage of the error behind an ERROR verdict (`.dimension` for an ill-typed formula).
    public var errorStage: ClaimError.Stage?
    /// True when the claim's draws make no random choice, so its whole (finite) domain was
    /// enumerated by one draw: a HOLDS is then a proof over that domain, exempt from
    /// `min_decided`.
    public var enumerated = false

    public init(claimID: String, label: String, part: String, verdict: Verdict, expected: Claim.Expectation, method: Method) {
        self.claimID = claimID
        self.label = label
        self.part = part
        self.verdict = verdict
        self.expected = expected
        self.method = method
    }

    /// What a HOLDS rests on, in words: the whole enumerated domain (a proof over it), or the
    /// number of random instances decided. Empty for other verdicts.
    public var evidence: String {
        guard verdict == .holds else { return "" }
        if enumerated { return "proof over the enumerated domain (\(decidedTrue) instance(s), \(vacuous) vacuous)" }
        return "\(decidedTrue) random instance(s) decided"
    }

    /// True when the verdict is the recorded expectation.
    public var meetsExpectation: Bool {
        switch expected {
        case .holds: verdict == .holds
        case .fails: verdict == .fails
        case .illTyped: verdict == .error && errorStage == .dimension
        }
    }

    /// The share of instances discarded as vacuous (nil when none were tried).
    public var discardRatio: Double? { tried > 0 ? Double(vacuous) / Double(tried) : nil }

    /// Fewest instances for the vacuity warning to be meaningful.
    public static let warningMinimumTried = 5

    /// A warning when hypotheses (or the premise) discard more than 80% of the instances: the
    /// generator should produce instances that satisfy them by construction.
    public var vacuityWarning: String? {
        guard tried >= PartResult.warningMinimumTried, vacuous * 5 > tried * 4 else { return nil }
        let percent = Int((Double(vacuous) * 100 / Double(tried)).rounded())
        var by: [String] = []
        if vacuousByHypotheses > 0 { by.append("\(vacuousByHypotheses) by \"assume\"") }
        if vacuousByPremise > 0 { by.append("\(vacuousByPremise) by the premise") }
        return "\(vacuous) of \(tried) instances (\(percent)%) were discarded as vacuous (\(by.joined(separator: ", "))): the generator should construct, not filter"
    }
}

/// Everything the verifier found for one claim file.
public struct ClaimResult: Sendable {
    public var file: String
    public var claimID: String?
    public var label: String?
    /// A load error (malformed file): no parts were checked.
    public var loadError: String?
    public var parts: [PartResult]
    public var seconds: Double
    /// The paper key and the statement as printed.
    public var paper: String?
    public var statement: String?
    /// The run's seed and number of draws requested.
    public var seed: UInt64 = 0
    public var instances: Int = 0
    /// Draws actually made (fewer when every part was decided early, the budget ran out, or
    /// the run was restricted to some instances).
    public var draws = 0
    /// The claim's `min_decided` and budget, and whether the budget ran out: what a merge of
    /// shards needs to decide the verdict from summed counts.
    public var minimumDecided = 1
    /// Why the claim asks for fewer than the default `min_decided`, when it does.
    public var minimumDecidedReason: String?
    public var budgetSeconds: Double = 0
    public var budgetExhausted = false
    /// True when one draw enumerated the claim's whole domain (see `PartResult.enumerated`).
    public var enumerated = false
    /// Set when this result covers only the instances of one shard (`--shard i/n`).
    public var shard: Shard?
    /// Set when the run replayed an instance file instead of drawing.
    public var replayedFrom: String?

    public init(file: String, claimID: String?, label: String?, loadError: String?, parts: [PartResult], seconds: Double) {
        self.file = file
        self.claimID = claimID
        self.label = label
        self.loadError = loadError
        self.parts = parts
        self.seconds = seconds
    }

    public var meetsExpectation: Bool { loadError == nil && parts.allSatisfy(\.meetsExpectation) }
}

/// What a part's `measure` expression took over the instances: the least value lies in
/// [leastLower, leastUpper] and the greatest in [greatestLower, greatestUpper] (certified
/// enclosures; equal endpoints when exact). Rationals are printed exactly.
public struct MeasureSummary: Sendable, Equatable {
    public var expression: String
    public var instances: Int
    public var leastLower: Rational
    public var leastUpper: Rational
    public var greatestLower: Rational
    public var greatestUpper: Rational
    /// Why the measure could not be evaluated on some instance, if it could not.
    public var error: String?

    public init(expression: String, instances: Int, leastLower: Rational, leastUpper: Rational,
                greatestLower: Rational, greatestUpper: Rational, error: String? = nil) {
        self.expression = expression
        self.instances = instances
        self.leastLower = leastLower
        self.leastUpper = leastUpper
        self.greatestLower = greatestLower
        self.greatestUpper = greatestUpper
        self.error = error
    }

    /// `min ∈ [a, b], max ∈ [c, d]`, or exact values.
    public var description: String {
        func show(_ lo: Rational, _ hi: Rational) -> String {
            lo == hi ? lo.description : "[\(Real.decimal(lo, digits: 6, up: false)), \(Real.decimal(hi, digits: 6, up: true))]"
        }
        var s = "\(expression): least \(show(leastLower, leastUpper)), greatest \(show(greatestLower, greatestUpper)) over \(instances) instance(s)"
        if let e = error { s += " (not evaluated on some instances: \(e))" }
        return s
    }
}
