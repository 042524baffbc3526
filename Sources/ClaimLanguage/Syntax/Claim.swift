/// A claim file, parsed: a paper's statement as executable propositions.
public struct Claim: Sendable {
    /// What the claim's author expects of a conclusion: that it holds, that it fails (an erratum,
    /// with the reason), or that it is ill-typed as printed (a dimension error is the finding).
    public enum Expectation: Sendable, Equatable {
        case holds
        case fails(reason: String)
        case illTyped(reason: String)

        public var word: String {
            switch self { case .holds: "holds"; case .fails: "fails"; case .illTyped: "ill-typed" }
        }
    }

    /// One quantified variable (or a destructured tuple of them) and its generator.
    public struct Given: Sendable {
        public var names: [String]
        public var generator: Expr
    }

    /// A named definition; `parameters` non-empty for functions such as `J(W, S)`.
    public struct Definition: Sendable {
        public var name: String
        public var parameters: [String]?
        public var body: Expr
    }

    public struct Conclusion: Sendable {
        public var name: String
        public var expr: Expr
        public var expect: Expectation
        /// The statement of this part as printed, when it differs from the claim's.
        public var statement: String?
        /// A quantity reported next to the verdict (e.g. the slack of an inequality,
        /// `lambda_min(H) + sigma[q+1]`), evaluated on every non-vacuous instance; its least and
        /// greatest values (certified enclosures) are reported.
        public var measure: Expr?
    }

    public var file: String
    public var id: String
    public var paper: String
    public var label: String
    public var statement: String
    public var note: String?
    public var given: [Given]
    public var assume: [Expr]
    public var define: [Definition]
    public var conclusions: [Conclusion]
    public var instances: Int
    public var seed: UInt64
    /// Wall-clock budget for the whole claim, in seconds.
    public var budgetSeconds: Double
    /// Fewest non-vacuous instances for HOLDS; fewer is "gave up" (INCONCLUSIVE). At least
    /// `Claim.defaultMinimumDecided` unless `minimumDecidedReason` says why fewer suffice.
    public var minimumDecided: Int
    /// Why this claim asks for fewer than `defaultMinimumDecided` decided instances.
    public var minimumDecidedReason: String? = nil
    /// Largest matrix dimension an operation may build.
    public var maximumDimension: Int

    /// The default `min_decided`: HOLDS needs at least this many decided non-vacuous random
    /// instances (a claim may ask for fewer only with a stated reason).
    public static let defaultMinimumDecided = 10
}
