/// Exhaustive enumerations for small parameters (no choices involved): claims quantified over
/// every subset or permutation branch over these lists, in a fixed order whose first element is
/// the simplest, matching the choice convention of `Draw`.
///
/// All values are one-based (subsets and permutations of 1...n).
public enum Enumerate {
    /// Every subset of size q of 1...n, each ascending, in lexicographic order.
    ///
    /// - Invariant: C(n, q) distinct subsets, the first [1, …, q], the last [n−q+1, …, n].
    /// - Precondition: n ≥ 0 (q outside 0...n gives no subset).
    /// - Edge cases: q = 0 gives [[]]; q = n gives [[1, …, n]].
    /// - Complexity: O(q · C(n, q)) time and memory; meant for small n.
    public static func subsets(of n: Int, size q: Int) -> [[Int]] {
        precondition(n >= 0, "subsets of 1...\(n)")
        guard q >= 0 && q <= n else { return [] }
        var out: [[Int]] = []
        var combo = Array(stride(from: 1, through: q, by: 1))
        while true {
            out.append(combo)
            // The rightmost position that can still advance.
            var i = q - 1
            while i >= 0 && combo[i] == n - q + i + 1 { i -= 1 }
            if i < 0 { return out }
            combo[i] += 1
            for j in (i + 1)..<q { combo[j] = combo[j - 1] + 1 }
        }
    }

    /// Every subset of 1...n: by size 0, 1, …, n, lexicographic within a size.
    ///
    /// - Invariant: 2ⁿ distinct ascending subsets, the first [] and the last [1, …, n].
    /// - Precondition: 0 ≤ n ≤ 24 (2²⁴ subsets is already a lot of memory).
    /// - Edge cases: n = 0 gives [[]].
    public static func subsets(of n: Int) -> [[Int]] {
        precondition(n >= 0 && n <= 24, "all subsets of 1...\(n) needs 0 ≤ n ≤ 24")
        return (0...n).flatMap { subsets(of: n, size: $0) }
    }

    /// Every permutation of 1...n in lexicographic order (by the standard next-permutation
    /// step), starting with the identity.
    ///
    /// - Invariant: n! distinct permutations, the first [1, …, n], the last [n, …, 1].
    /// - Precondition: 0 ≤ n ≤ 10.
    /// - Edge cases: n = 0 gives [[]].
    public static func permutations(of n: Int) -> [[Int]] {
        precondition(n >= 0 && n <= 10, "all permutations of 1...\(n) needs 0 ≤ n ≤ 10")
        var p = Array(stride(from: 1, through: n, by: 1))
        var out: [[Int]] = [p]
        while nextPermutation(&p) { out.append(p) }
        return out
    }

    /// Every ordered subset (arrangement) of size q of 1...n: for each subset in lexicographic
    /// order, its permutations in lexicographic order.
    ///
    /// - Invariant: n!/(n−q)! distinct arrangements, the first [1, …, q].
    /// - Precondition: n ≥ 0, q ≤ 10 (q outside 0...n gives none).
    /// - Edge cases: q = 0 gives [[]].
    public static func orderedSubsets(of n: Int, size q: Int) -> [[Int]] {
        precondition(q <= 10, "arrangements of size \(q) need q ≤ 10")
        return subsets(of: n, size: q).flatMap { s in
            permutations(of: s.count).map { perm in perm.map { s[$0 - 1] } }
        }
    }

    /// Advances `a` to the next permutation in lexicographic order; false (and `a` unchanged)
    /// when `a` is the last one.
    static func nextPermutation(_ a: inout [Int]) -> Bool {
        guard a.count > 1 else { return false }
        var i = a.count - 2
        while i >= 0 && a[i] >= a[i + 1] { i -= 1 }
        if i < 0 { return false }
        var j = a.count - 1
        while a[j] <= a[i] { j -= 1 }
        a.swapAt(i, j)
        a[(i + 1)...].reverse()
        return true
    }
}
