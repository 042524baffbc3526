import Foundation
import Dispatch

/// Runs many claim files, in parallel across `jobs` threads, keeping the input order.
/// A claim that fails to load or errors never stops the others.
public enum Verification {
    /// Runs `files` (in this order; a file's position is its index for sharding).
    ///
    /// `runOne` runs one file (at its index); by default `runner.run(path:fileIndex:)` in this
    /// process. The command substitutes a runner that isolates each claim in a child process.
    public static func run(files: [String], runner: ClaimRunner, jobs: Int,
                           runOne: (@Sendable (String, Int) -> ClaimResult)? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) -> [ClaimResult] {
        let box = ResultBox(count: files.count)
        let queue = DispatchQueue(label: "mfcheck.verify", attributes: .concurrent)
        let group = DispatchGroup()
        let semaphore = DispatchSemaphore(value: max(1, jobs))
        for (i, f) in files.enumerated() {
            semaphore.wait()
            group.enter()
            queue.async {
                let r = runOne?(f, i) ?? runner.run(path: f, fileIndex: i)
                let n = box.store(r, at: i)
                progress?(n, files.count)
                semaphore.signal()
                group.leave()
            }
        }
        group.wait()
        return box.items.map { $0! }
    }

    /// The command's exit status for these results: 2 when a claim file could not be loaded, 1
    /// when some verdict differs from its expectation, 0 otherwise.
    public static func exitStatus(_ results: [ClaimResult]) -> Int32 {
        if results.contains(where: { $0.loadError != nil }) { return 2 }
        return results.allSatisfy(\.meetsExpectation) ? 0 : 1
    }

    final class ResultBox: @unchecked Sendable {
        var items: [ClaimResult?]
        var finished = 0
        let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func store(_ r: ClaimResult, at i: Int) -> Int {
            lock.lock(); defer { lock.unlock() }
            items[i] = r
            finished += 1
            return finished
        }
    }
}
