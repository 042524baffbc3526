import Numbers

/// A seeded, deterministic random source for the floating-point and interval tests (SplitMix64),
/// so every run draws the same numbers.
struct FloatTestRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A rational p/q with |p| ≤ numeratorBound and 1 ≤ q ≤ denominatorBound.
    mutating func rational(numeratorBound: Int = 1000, denominatorBound: Int = 97) -> Rational {
        let p = Int.random(in: -numeratorBound...numeratorBound, using: &self)
        let q = Int.random(in: 1...denominatorBound, using: &self)
        return Rational(p, q)
    }

    /// A nonzero rational drawn like `rational(numeratorBound:denominatorBound:)`.
    mutating func nonzeroRational(numeratorBound: Int = 1000, denominatorBound: Int = 97) -> Rational {
        while true {
            let r = rational(numeratorBound: numeratorBound, denominatorBound: denominatorBound)
            if !r.isZero { return r }
        }
    }
}
