import Numbers

/// A seeded, deterministic random source for the floating-point and interval tests (SplitMix64),
/// so every run draws the same numbers.
public struct FloatTestRandom: RandomNumberGenerator {
    private var base: SplitMix64

    public init(seed: UInt64) { base = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { base.next() }

    /// A rational p/q with |p| ≤ numeratorBound and 1 ≤ q ≤ denominatorBound.
    public mutating func rational(numeratorBound: Int = 1000, denominatorBound: Int = 97) -> Rational {
        let p = Int.random(in: -numeratorBound...numeratorBound, using: &self)
        let q = Int.random(in: 1...denominatorBound, using: &self)
        return Rational(p, q)
    }

    /// A nonzero rational drawn like `rational(numeratorBound:denominatorBound:)`.
    public mutating func nonzeroRational(numeratorBound: Int = 1000, denominatorBound: Int = 97) -> Rational {
        while true {
            let r = rational(numeratorBound: numeratorBound, denominatorBound: denominatorBound)
            if !r.isZero { return r }
        }
    }
}
