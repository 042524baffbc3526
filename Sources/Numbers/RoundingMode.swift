import CGMP

/// The direction in which a rounded operation moves a result that is not representable at the
/// target precision.
///
/// Every `BigFloat` operation that rounds is *correctly rounded*: its result is the representable
/// number that the mode selects from the exact result (not merely a nearby one). The directed
/// modes are what makes interval arithmetic honest: rounding a lower bound `.down` and an upper
/// bound `.up` keeps the exact value between them.
public enum RoundingMode: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// To the nearest representable number; ties go to the one with an even last bit.
    case toNearest
    /// Toward −∞: the result is ≤ the exact value.
    case down
    /// Toward +∞: the result is ≥ the exact value.
    case up
    /// Toward zero: the result has magnitude ≤ the exact value's.
    case towardZero

    /// The mode that rounds in the other direction (`.down` ↔ `.up`); the symmetric modes
    /// `.toNearest` and `.towardZero` are their own opposites.
    public var opposite: RoundingMode {
        switch self {
        case .down: .up
        case .up: .down
        case .toNearest, .towardZero: self
        }
    }

    public var description: String {
        switch self {
        case .toNearest: "toNearest"
        case .down: "down"
        case .up: "up"
        case .towardZero: "towardZero"
        }
    }

    /// The corresponding MPFR rounding mode.
    @usableFromInline var mpfr: mpfr_rnd_t {
        switch self {
        case .toNearest: MPFR_RNDN
        case .down: MPFR_RNDD
        case .up: MPFR_RNDU
        case .towardZero: MPFR_RNDZ
        }
    }
}
