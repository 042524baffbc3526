import Numbers

extension Matrix {
    /// Entrywise sum. - Precondition: equal shapes. - Exactness: as the scalar `+`.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in +")
        return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map { $0 + $1 })
    }

    /// Entrywise difference. - Precondition: equal shapes.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in -")
        return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map { $0 - $1 })
    }

    public static prefix func - (a: Matrix) -> Matrix { a.map { -$0 } }

    /// Scalar multiple.
    public static func * (c: T, a: Matrix) -> Matrix { a.map { c * $0 } }
    public static func * (a: Matrix, c: T) -> Matrix { a.map { $0 * c } }

    /// The matrix product by the classical triple loop, O(m·n·k) scalar operations.
    /// `Matrix<Rational>` has a faster exact product (`rationalProduct`) that `*` selects when the
    /// static type is known.
    /// - Precondition: `a.columns == b.rows`.
    public static func classicalProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "shape mismatch in product: \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns)")
        var out = [T](repeating: .zero, count: a.rows * b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a.elements[i * a.columns + k]
                if aik.isZero { continue }
                for j in 0..<b.columns {
                    out[i * b.columns + j] = out[i * b.columns + j] + aik * b.elements[k * b.columns + j]
                }
            }
        }
        return Matrix(rows: a.rows, columns: b.columns, elements: out)
    }

    public static func * (a: Matrix, b: Matrix) -> Matrix { classicalProduct(a, b) }

    /// The transpose.
    public var transposed: Matrix {
        Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
    }

    /// Sum of the diagonal. - Precondition: square. The trace of 0×0 is 0.
    public var trace: T {
        precondition(isSquare, "trace of a non-square matrix")
        return diagonalEntries.reduce(.zero, +)
    }

    /// ⟨A, B⟩ = trace(AᵀB) = Σ a_ij b_ij. - Precondition: equal shapes.
    public static func frobeniusInner(_ a: Matrix, _ b: Matrix) -> T {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in inner product")
        return zip(a.elements, b.elements).reduce(.zero) { $0 + $1.0 * $1.1 }
    }

    /// ‖A‖_F² = Σ a_ij², exact for exact scalars (no square root taken).
    public var frobeniusNormSquared: T { Matrix.frobeniusInner(self, self) }

    /// Entrywise (Hadamard) product. - Precondition: equal shapes.
    public static func hadamard(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shape mismatch in Hadamard product")
        return Matrix(rows: a.rows, columns: a.columns, elements: zip(a.elements, b.elements).map { $0 * $1 })
    }

    /// The Kronecker product A ⊗ B, of shape (m·p)×(n·q).
    public static func kronecker(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix(rows: a.rows * b.rows, columns: a.columns * b.columns) { i, j in
            a[i / b.rows, j / b.columns] * b[i % b.rows, j % b.columns]
        }
    }

    /// A^e by repeated squaring, e ≥ 0. - Precondition: square.
    public func power(_ e: Int) -> Matrix {
        Cancellation.uncancelled { () throws(Cancellation.Cancelled) in try cancellablePower(e) }
    }

    /// self^e (as `power`), abandoned with `Cancellation.Cancelled` after the deadline (polled
    /// once per squaring). - Precondition: square, e ≥ 0.
    public func cancellablePower(_ e: Int) throws(Cancellation.Cancelled) -> Matrix {
        precondition(isSquare && e >= 0, "matrix power needs a square matrix and e ≥ 0")
        var result = Matrix.identity(rows), base = self, e = e
        while e > 0 {
            try Cancellation.check()
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }
}
