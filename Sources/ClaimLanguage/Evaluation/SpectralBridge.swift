import Numbers
import Matrices

// The evaluator's single door to the exact core: every decision a verdict rests on goes through
// these functions, which choose the purely exact algorithms (no floating-point certificate).
// The evaluator calls the cancellable ones: they are abandoned (never truncated) once the
// thread's deadline has passed, and the evaluator reports a budget limit.

/// Exact inertia (symmetric LDLᵀ over ℤ/ℚ), run to completion. - Precondition: symmetric.
func exactInertia(_ a: Matrix<Rational>) -> Inertia { a.inertia(method: .exactLDL) }

/// Exact inertia, cancellable. - Precondition: symmetric.
func cancellableInertia(_ a: Matrix<Rational>) throws(Cancellation.Cancelled) -> Inertia {
    try a.cancellableInertia(method: .exactLDL)
}

/// Exact determinant (Bareiss), cancellable. - Precondition: square.
func exactDeterminant(_ a: Matrix<Rational>) throws(Cancellation.Cancelled) -> Rational {
    try a.cancellableDeterminant(method: .bareiss)
}

/// Exact rank, run to completion (for generators).
func exactRank(_ a: Matrix<Rational>) -> Int { a.rank }

/// Exact rank, cancellable.
func cancellableRank(_ a: Matrix<Rational>) throws(Cancellation.Cancelled) -> Int { try a.cancellableRank() }

/// An exact basis of {x : Ax = 0}, as the columns of an n × (n − rank) matrix, cancellable.
func exactNullspace(_ a: Matrix<Rational>) throws(Cancellation.Cancelled) -> Matrix<Rational> { try a.cancellableNullspace() }

/// Coefficients c₀, …, c_n of det(xI − A) (c_n = 1), cancellable. - Precondition: square.
func exactCharpoly(_ a: Matrix<Rational>) throws(Cancellation.Cancelled) -> [Rational] {
    let p = try a.cancellableCharpoly()
    return (0...a.rows).map { $0 < p.coefficients.count ? p.coefficients[$0] : 0 }
}
