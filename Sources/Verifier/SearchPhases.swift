import Foundation
import Numbers
import ClaimLanguage

/// Which phase of the search found an instance.
public enum SearchPhase: String, Sendable, Equatable {
    /// A random draw of the run (`--seed S --instance I` redraws it).
    case random
    /// The small-scope phase: the simplest instances, by choice sequences of small values.
    case smallScope = "small-scope"
    /// The targeted phase: a hill climb on the choice sequence toward a negative slack.
    case targeted
}

/// Limits of the search phases beside the random draws (Hypothesis-style: every phase works on
/// choice sequences, so whatever it finds is replayed, shrunk and saved like a random draw).
public struct SearchOptions: Sendable {
    /// Choice sequences tried by the small-scope phase before the random draws (0: off).
    public var smallScope = 24
    /// Candidate instances per part in the targeted phase after the random draws (0: off).
    public var targeted = 48
    public init(smallScope: Int = 24, targeted: Int = 48) {
        self.smallScope = smallScope
        self.targeted = targeted
    }
}

extension ClaimRunner {
    // MARK: Small scope

    /// The choice sequences of the small-scope phase, simplest first: the first half are the
    /// shortest sequences over {0, 1, 2} in shortlex order (`GeneratorContext.smallScopeChoices`:
    /// the rest of each draw replays as zeros, the simplest option of every generator — smallest
    /// dimensions, zero matrices, range ends — so these vary the first few decisions: dimensions
    /// and modes), the second half sparse sequences of 256 choices drawn from `seed`, each 0 with
    /// probability 1/2 and 1 or 2 with 1/4 (small dimensions, entries mostly 0, the others ±1).
    static func smallScopeSequences(count: Int, seed: UInt64) -> [[Int]] {
        let enumerated = (count + 1) / 2
        var out = (0..<enumerated).map(GeneratorContext.smallScopeChoices)
        var rng = SplitMix64(seed: seed ^ 0x5EED_5A11)
        while out.count < count {
            // 0 with probability 1/2, 1 and 2 with 1/4 each: sparse instances (many entries 0,
            // the others ±1) are where zero products, nilpotents and rank drops live.
            out.append((0..<256).map { _ in let r = Int(rng.uniform(upTo: 3)); return r < 2 ? 0 : r - 1 })
        }
        return out
    }

    // MARK: Targeted

    /// A part's slack on an instance: for a conclusion (or the consequence of its top-level
    /// implication) that is a comparison a ≤ b, a < b (b − a) or a ≥ b, a > b (a − b), or a
    /// conjunction of such (the least), a number that is negative exactly where the comparison
    /// is false. Approximate (an enclosure's midpoint): it only steers the search, never decides.
    /// Nil when the part has no such form or the value is not a number.
    func slack(_ c: Claim.Conclusion, _ scope: Scope, _ ev: Evaluator) -> Double? {
        var body = c.expr
        if case let .binary(.implies, _, q) = c.expr.kind { body = q }
        return slack(of: body, scope, ev)
    }

    func slack(of e: Expr, _ scope: Scope, _ ev: Evaluator) -> Double? {
        switch e.kind {
        case let .binary(.and, p, q):
            let a = slack(of: p, scope, ev), b = slack(of: q, scope, ev)
            switch (a, b) {
            case let (x?, y?): return min(x, y)
            default: return a ?? b
            }
        case let .binary(op, a, b) where [.lessEqual, .less, .greaterEqual, .greater].contains(op):
            guard let x = approximate(a, scope, ev), let y = approximate(b, scope, ev) else { return nil }
            return op == .lessEqual || op == .less ? y - x : x - y
        default:
            return nil
        }
    }

    func approximate(_ e: Expr, _ scope: Scope, _ ev: Evaluator) -> Double? {
        guard let v = try? ev.eval(e, scope) else { return nil }
        switch v {
        case let .scalar(q): return BigFloat(q, precision: 53).approximateDouble
        case let .real(x):
            let (lo, hi) = x.enclosure(20)
            return (BigFloat(lo, precision: 53).approximateDouble + BigFloat(hi, precision: 53).approximateDouble) / 2
        case let .matrix(m) where m.rows == 1 && m.columns == 1: return BigFloat(m[0, 0], precision: 53).approximateDouble
        default: return nil
        }
    }

    /// One step's mutation of a choice sequence (deterministic given the generator state).
    static func mutate(_ choices: [Int], _ rng: inout SplitMix64) -> [Int] {
        var c = choices
        if c.isEmpty { return [Int(rng.uniform(upTo: 3))] }
        let edits = 1 + Int(rng.uniform(upTo: 2))
        for _ in 0..<edits {
            let i = Int(rng.uniform(upTo: UInt64(c.count - 1)))
            let v = c[i]
            // Inserting or deleting a choice re-aligns the rest of the sequence when an edit
            // opens or closes a branch of a generator (which then reads more or fewer choices).
            if rng.uniform(upTo: 7) == 0 {
                if rng.uniform(upTo: 1) == 0 { c.insert(Int(rng.uniform(upTo: 9)), at: i) } else if c.count > 1 { c.remove(at: i) }
                continue
            }
            switch rng.uniform(upTo: 6) {
            case 0: c[i] = 0
            case 1: c[i] = v / 2
            case 2: c[i] = max(0, v - 1)
            case 3: c[i] = v + 1
            case 4: c[i] = Int(rng.uniform(upTo: UInt64(2 * min(v, 1 << 20) + 8)))
            case 5: c[i] = c[Int(rng.uniform(upTo: UInt64(c.count - 1)))]
            default: c[i] = v * 2 + 1
            }
        }
        return c
    }
}
