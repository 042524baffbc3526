import ClaimLanguage

/// The verdict on one conclusion of a claim.
public enum Verdict: String, Sendable, Codable {
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

    public var description: String {
        switch self {
        case .exact: "exact"
        case let .certified(bits): "certified interval (\(bits) bits)"
        }
    }
}

/// One instance on which a conclusion was false (or undecided): the quantified variables'
/// values, exactly, and what the conclusion evaluated to.
public struct Counterexample: Sendable {
    public var instanceIndex: Int
    public var seed: UInt64
    /// Name and exact value of each quantified variable, in the order of "given".
    public var variables: [(name: String, value: String)]
    public var detail: String
}

/// The outcome of one conclusion over all instances.
public struct PartResult: Sendable {
    public var claimID: String
    public var label: String
    public var part: String
    public var verdict: Verdict
    public var expected: Claim.Expectation
    public var method: Method
    public var tried = 0
    public var vacuous = 0
    public var decidedTrue = 0
    public var decidedFalse = 0
    public var undecided = 0
    /// Why the verdict is INCONCLUSIVE or ERROR.
    public var reason: String?
    public var counterexample: Counterexample?
    public var seconds: Double = 0

    /// True when the verdict is the recorded expectation.
    public var meetsExpectation: Bool {
        switch expected {
        case .holds: verdict == .holds
        case .fails: verdict == .fails
        case .illTyped: verdict == .error && (reason ?? "").contains("dimension error")
        }
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

    public var meetsExpectation: Bool { loadError == nil && parts.allSatisfy(\.meetsExpectation) }
}
