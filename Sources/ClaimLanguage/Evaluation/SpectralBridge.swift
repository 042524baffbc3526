import Numbers
import Matrices

// The evaluator's single door to the exact core: every decision a verdict rests on goes through
// these functions, which choose the purely exact algorithms (no floating-point certificate).

/// Exact inertia (symmetric LDLᵀ over ℤ/ℚ). - Precondition: symmetric.
func exactInertia(_ a: Matrix<Rational>) -> Inertia { a.inertia(method: .exactLDL) }

/// Exact determinant (Bareiss). - Precondition: square.
func exactDeterminant(_ a: Matrix<Rational>) -> Rational { try! a.det(method: .bareiss) }

/// Exact rank.
func exactRank(_ a: Matrix<Rational>) -> Int { a.rank }

/// An exact basis of {x : Ax = 0}, as the columns of an n × (n − rank) matrix.
func exactNullspace(_ a: Matrix<Rational>) -> Matrix<Rational> { a.nullspace }

/// Coefficients c₀, …, c_n of det(xI − A) (c_n = 1). - Precondition: square.
func exactCharpoly(_ a: Matrix<Rational>) -> [Rational] {
    let p = try! a.charpoly()
    return (0...a.rows).map { $0 < p.coefficients.count ? p.coefficients[$0] : 0 }
}
