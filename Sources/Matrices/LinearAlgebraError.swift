/// Why an exact linear-algebra operation has no answer. Thrown, never trapped, so that code
/// handling user input can report it.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The matrix is singular (or, for `solve`, the system has no unique solution).
    case singular
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// Operand shapes do not fit.
    case shapeMismatch(String)
    /// A long computation was abandoned at the thread's deadline (see `Cancellation`); there is
    /// no answer, and the caller reports the time budget.
    case cancelled

    public var description: String {
        switch self {
        case .singular: "matrix is singular"
        case let .notSquare(r, c): "matrix is \(r)×\(c), not square"
        case let .shapeMismatch(s): "shape mismatch: \(s)"
        case .cancelled: "abandoned at the deadline"
        }
    }
}
