import Numbers

/// A dense m×n matrix over a ring, stored row-major in a Swift array (copy-on-write value
/// semantics: mutating one copy never changes another).
///
/// Shapes may be empty (0×n, m×0); every operation handles them (the product of m×0 and 0×n
/// is the m×n zero matrix, the trace of 0×0 is 0).
public struct Matrix<T: Ring>: Sendable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// Row-major entries: entry (i, j) is `elements[i * columns + j]`.
    public var elements: [T] { _elements }
    @usableFromInline internal var _elements: [T]

    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [T]) {
        precondition(rows >= 0 && columns >= 0 && elements.count == rows * columns, "matrix shape mismatch")
        self.rows = rows
        self.columns = columns
        self._elements = elements
    }

    public init(rows: Int, columns: Int, repeating value: T) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// Builds a matrix from its rows. - Precondition: all rows have the same length.
    /// An empty list gives the 0×0 matrix.
    public init(_ rowList: [[T]]) {
        let n = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == n }, "ragged rows")
        self.init(rows: rowList.count, columns: n, elements: rowList.flatMap { $0 })
    }

    /// Entry (i, j), zero-based.
    public init(rows: Int, columns: Int, entry: (Int, Int) -> T) {
        var e: [T] = []
        e.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { e.append(entry(i, j)) } }
        self.init(rows: rows, columns: columns, elements: e)
    }

    public static func zeros(_ rows: Int, _ columns: Int) -> Matrix { Matrix(rows: rows, columns: columns, repeating: .zero) }

    public static func identity(_ n: Int) -> Matrix {
        Matrix(rows: n, columns: n) { i, j in i == j ? .one : .zero }
    }

    /// The square diagonal matrix with the given diagonal.
    public static func diagonal(_ d: [T]) -> Matrix {
        Matrix(rows: d.count, columns: d.count) { i, j in i == j ? d[i] : .zero }
    }

    /// A column vector.
    public static func column(_ v: [T]) -> Matrix { Matrix(rows: v.count, columns: 1, elements: v) }
    /// A row vector.
    public static func row(_ v: [T]) -> Matrix { Matrix(rows: 1, columns: v.count, elements: v) }

    public var shape: (rows: Int, columns: Int) { (rows, columns) }
    public var isSquare: Bool { rows == columns }
    public var isEmpty: Bool { rows == 0 || columns == 0 }

    /// Entry (i, j), zero-based. - Precondition: indices in range.
    @inlinable public subscript(i: Int, j: Int) -> T {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "index out of range")
            return _elements[i * columns + j]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "index out of range")
            _elements[i * columns + j] = newValue
        }
    }

    /// The main diagonal, min(rows, columns) entries.
    public var diagonalEntries: [T] { (0..<Swift.min(rows, columns)).map { self[$0, $0] } }

    public func row(_ i: Int) -> [T] { Array(elements[i * columns ..< (i + 1) * columns]) }
    public func column(_ j: Int) -> [T] { (0..<rows).map { self[$0, j] } }

    public func map<U: Ring>(_ f: (T) throws -> U) rethrows -> Matrix<U> {
        Matrix<U>(rows: rows, columns: columns, elements: try elements.map(f))
    }

    public var isZero: Bool { elements.allSatisfy { $0.isZero } }
    public var isSymmetric: Bool {
        guard isSquare else { return false }
        for i in 0..<rows { for j in (i + 1)..<Swift.max(i + 1, columns) where self[i, j] != self[j, i] { return false } }
        return true
    }
}

extension Matrix: Equatable {
    public static func == (a: Matrix, b: Matrix) -> Bool {
        a.rows == b.rows && a.columns == b.columns && a.elements == b.elements
    }
}

extension Matrix: Hashable where T: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rows); hasher.combine(columns); hasher.combine(elements)
    }
}

extension Matrix: CustomStringConvertible {
    /// Rows in brackets, entries separated by spaces, one row per line.
    public var description: String {
        if isEmpty { return "[](\(rows)×\(columns))" }
        let cells = elements.map { $0.description }
        let width = cells.map(\.count).max() ?? 0
        return (0..<rows).map { i in
            "[" + (0..<columns).map { j in
                let c = cells[i * columns + j]
                return String(repeating: " ", count: width - c.count) + c
            }.joined(separator: " ") + "]"
        }.joined(separator: "\n")
    }
}
