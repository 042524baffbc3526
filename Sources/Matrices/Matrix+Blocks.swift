import Numbers

extension Matrix {
    /// Assembles a block matrix from rows of blocks, as `[A, B; C, D]`.
    /// - Precondition: blocks in one block row have equal row counts, and every block row has the
    ///   same total column count. Returns nil (rather than trapping) when they do not, so callers
    ///   that handle user input can report the shapes.
    public static func block(_ blocks: [[Matrix]]) -> Matrix? {
        var rowsOut: [Matrix] = []
        for blockRow in blocks {
            guard let r = horizontal(blockRow) else { return nil }
            rowsOut.append(r)
        }
        return vertical(rowsOut)
    }

    /// [A, B, …] side by side; nil when row counts differ. An empty list gives 0×0.
    public static func horizontal(_ parts: [Matrix]) -> Matrix? {
        guard let first = parts.first else { return Matrix.zeros(0, 0) }
        guard parts.allSatisfy({ $0.rows == first.rows }) else { return nil }
        let cols = parts.reduce(0) { $0 + $1.columns }
        var e: [T] = []
        e.reserveCapacity(first.rows * cols)
        for i in 0..<first.rows { for p in parts { e.append(contentsOf: p.row(i)) } }
        return Matrix(rows: first.rows, columns: cols, elements: e)
    }

    /// [A; B; …] stacked; nil when column counts differ. An empty list gives 0×0.
    public static func vertical(_ parts: [Matrix]) -> Matrix? {
        guard let first = parts.first else { return Matrix.zeros(0, 0) }
        guard parts.allSatisfy({ $0.columns == first.columns }) else { return nil }
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, columns: first.columns,
                      elements: parts.flatMap(\.elements))
    }

    /// The submatrix of the listed rows and columns (zero-based, in the given order, repeats allowed).
    /// - Precondition: indices in range.
    public func selecting(rows r: [Int], columns c: [Int]) -> Matrix {
        Matrix(rows: r.count, columns: c.count) { i, j in self[r[i], c[j]] }
    }
    public func selecting(rows r: [Int]) -> Matrix { selecting(rows: r, columns: Array(0..<columns)) }
    public func selecting(columns c: [Int]) -> Matrix { selecting(rows: Array(0..<rows), columns: c) }

    /// vec(A): the columns of A stacked into one mn×1 column (column-major order).
    public var vec: Matrix {
        Matrix(rows: rows * columns, columns: 1) { i, _ in self[i % rows, i / rows] }
    }

    /// The inverse of `vec`: an mn-vector (any shape with mn entries, read column-major)
    /// reshaped to m×n. - Precondition: the entry count is rows·columns.
    public static func unvec(_ v: Matrix, rows: Int, columns: Int) -> Matrix {
        precondition(v.elements.count == rows * columns, "unvec: wrong number of entries")
        let flat = v.vec.elements
        return Matrix(rows: rows, columns: columns) { i, j in flat[j * rows + i] }
    }
}
