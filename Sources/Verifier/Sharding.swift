/// One of `count` shards of a run (`--shard index/count`, index from 1).
///
/// The work of a run is the set of units (claim file *j*, draw *k*), with *j* the file's position
/// in the sorted list of claim files and *k* the draw's index. Shard *i* of *n* owns the units
/// with (j + k) mod n = i − 1. So:
/// - the shards of one `n` are **disjoint and cover every unit**, for any number of files and
///   draws (claim files are spread across shards, and so are the draws of one claim);
/// - the assignment depends only on the file list and the draw indices, never on timing, so a
///   shard's output is reproducible;
/// - every shard loads every claim file (static checks and load errors appear in each shard
///   and are merged once).
///
/// A shard's verdicts cover only its own draws; `verify merge` combines the shards' JSON outputs
/// into the verdicts of the whole run (see `Merge`).
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "i/n" with 1 ≤ i ≤ n.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard runs draw `instance` of the claim file at position `fileIndex`.
    public func owns(fileIndex: Int, instance: Int) -> Bool {
        (fileIndex % count + instance % count) % count == index - 1
    }

    /// The draws of a claim (at `fileIndex`, with `instances` draws) that this shard runs.
    public func instances(fileIndex: Int, of instances: Int) -> [Int] {
        (0..<max(0, instances)).filter { owns(fileIndex: fileIndex, instance: $0) }
    }
}
