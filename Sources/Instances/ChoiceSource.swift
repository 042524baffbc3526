import Numbers

/// The single source of randomness for every instance generator: each random decision is one
/// bounded integer choice, `draw(upTo: n)` ∈ 0...n, recorded in order.
///
/// An instance is therefore a pure function of its choice list, which makes instances
/// reproducible (store the list, replay it) and shrinkable (a shrinker edits the list and
/// replays it; replay accepts any list, so every edit yields a valid instance).
///
/// ## Modes
/// - Generating: choices come from `SplitMix64` seeded with a `UInt64`, uniform in 0...n, so the
///   same seed gives the same instance on every platform.
/// - Replaying: choices come from a stored `[UInt64]`. A recorded value larger than the bound is
///   clamped to the bound; once the list runs out every further draw returns 0 (and `overran`
///   becomes true).
///
/// In both modes the value actually used is appended to `choices`, so after replay `choices` is
/// the normalized list (clamped, padded with the zeros that were used).
///
/// ## The choice convention (followed by every generator in `Draw`)
/// 1. Choice 0 always means the simplest option: the smallest dimension, the integer of least
///    magnitude in a range, 0 for a rational (1 when 0 is excluded), `false`, the first element
///    of a list, the identity permutation, the identity orthogonal matrix, the zero matrix, a
///    spectrum of equal values. Consequently the empty choice list produces the simplest
///    instance of every generator.
/// 2. Smaller choices mean simpler options: an integer's offset grows with its distance from
///    the simplest value, a list index with the position.
/// 3. Every generator makes a number of draws bounded in terms of its parameters (no rejection
///    loops), so replaying any list, in particular all zeros, terminates.
/// 4. Edge cases are reached through dedicated small choices (a "mode" draw selects an
///    endpoint, ±1, a tie, a signed permutation…), so random generation hits them often and a
///    shrinker can reach them by lowering one choice.
///
/// Shrinking a list (deleting choices, lowering values, zeroing a block) therefore moves toward
/// simpler instances; the generators document their own shrink order.
public struct ChoiceSource: Sendable {
    enum Mode: Sendable {
        case generating(SplitMix64)
        case replaying([UInt64])
    }

    private var mode: Mode

    /// Every choice used so far, in order (clamped and zero-padded values in replay mode).
    public private(set) var choices: [UInt64] = []

    /// True once a replay has needed more choices than the stored list holds (the missing ones
    /// were taken to be 0). Always false while generating.
    public private(set) var overran = false

    /// A generating source: choices drawn from `SplitMix64(seed:)`.
    ///
    /// - Invariant: the sequence of choices (hence every instance) is a pure function of the
    ///   seed and of the bounds asked for, identical on every platform.
    /// - Precondition: none; every seed is valid, including 0 and `UInt64.max`.
    public init(seed: UInt64) { mode = .generating(SplitMix64(seed: seed)) }

    /// A replaying source: choices read from `recorded`, clamped to each draw's bound, 0 after
    /// the end of the list.
    ///
    /// - Invariant: replaying the `choices` of any source reproduces its draws exactly.
    /// - Precondition: none; any list is valid (that is what lets a shrinker edit it freely).
    /// - Edge cases: the empty list replays the simplest instance of every generator.
    public init(replaying recorded: [UInt64]) { mode = .replaying(recorded) }

    /// Whether choices come from a stored list rather than a generator.
    public var isReplaying: Bool {
        if case .replaying = mode { return true }
        return false
    }

    /// The number of draws made so far (`choices.count`).
    public var drawCount: Int { choices.count }

    /// One choice, uniform in 0...bound while generating, the next stored value clamped to
    /// `bound` (or 0 past the end) while replaying; the value is recorded.
    ///
    /// - Invariant: the result is in 0...bound; by the convention 0 is the simplest option.
    /// - Precondition: none. `draw(upTo: 0)` returns 0 (and is still recorded, so that the
    ///   positions of later choices do not depend on the bounds of earlier ones).
    public mutating func draw(upTo bound: UInt64) -> UInt64 {
        let value: UInt64
        switch mode {
        case .generating(var rng):
            value = rng.uniform(upTo: bound)
            mode = .generating(rng)
        case .replaying(let recorded):
            let i = choices.count
            if i < recorded.count {
                value = Swift.min(recorded[i], bound)
            } else {
                overran = true
                value = 0
            }
        }
        choices.append(value)
        return value
    }

    /// `draw(upTo:)` for a nonnegative `Int` bound, returning an `Int` in 0...bound.
    ///
    /// - Invariant: records the same choice as `draw(upTo: UInt64(bound))`.
    /// - Precondition: bound ≥ 0.
    /// - Shrink order: 0 is the simplest option.
    public mutating func draw(upTo bound: Int) -> Int {
        precondition(bound >= 0, "negative choice bound \(bound)")
        return Int(draw(upTo: UInt64(bound)))
    }
}

extension ChoiceSource {
    /// Runs `body` on a generating source seeded with `seed`; returns its value and the choice
    /// list that reproduces it with `replay(_:_:)`.
    ///
    /// - Invariant: `replay(generate(seed: s, f).choices, f) == generate(seed: s, f).value` for
    ///   every deterministic `f` that draws only from its source.
    /// - Precondition: `body` takes all its randomness from the source.
    public static func generate<T>(
        seed: UInt64, _ body: (inout ChoiceSource) throws -> T
    ) rethrows -> (value: T, choices: [UInt64]) {
        var source = ChoiceSource(seed: seed)
        let value = try body(&source)
        return (value, source.choices)
    }

    /// Runs `body` on a source replaying `choices`.
    ///
    /// - Invariant: a pure function of `choices`.
    /// - Precondition: `body` takes all its randomness from the source.
    /// - Edge cases: the empty list gives the simplest instance.
    public static func replay<T>(_ choices: [UInt64], _ body: (inout ChoiceSource) throws -> T) rethrows -> T {
        var source = ChoiceSource(replaying: choices)
        return try body(&source)
    }
}
