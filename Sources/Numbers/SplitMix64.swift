/// SplitMix64, the 64-bit pseudo-random generator of Steele, Lea and Flood: a Weyl sequence
/// (state advanced by the odd constant 0x9E3779B97F4A7C15) passed through a bijective mixing
/// function.
///
/// - Invariant: the output sequence is a pure function of the seed, computed with wrapping
///   64-bit integer arithmetic only, so it is identical on every platform, compiler and
///   standard-library version (unlike the standard library's default generator).
/// - Complexity: O(1) per output, 8 bytes of state.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The Weyl-sequence state; the next output mixes `state + 0x9E3779B97F4A7C15`.
    public private(set) var state: UInt64

    /// A generator whose first output is the mix of `seed + 0x9E3779B97F4A7C15`, as in the
    /// reference implementation (every seed is valid, including 0).
    public init(seed: UInt64) { state = seed }

    /// The next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniformly distributed integer in 0...bound, without modulo bias (rejection of the
    /// incomplete last block of 2⁶⁴ mod (bound + 1) values).
    ///
    /// - Invariant: a pure function of the state; consumes one or (rarely) more outputs.
    /// - Precondition: none; `bound == UInt64.max` returns one raw output.
    public mutating func uniform(upTo bound: UInt64) -> UInt64 {
        if bound == .max { return next() }
        let size = bound + 1
        // 2⁶⁴ mod size: outputs below it would make the low residues more likely.
        let threshold = (0 &- size) % size
        while true {
            let r = next()
            if r >= threshold { return r % size }
        }
    }
}
