import Foundation
import ClaimLanguage
import Verifier

/// Runs one claim file in a child process of this executable, so that nothing a claim does —
/// an internal failure, a runaway allocation, a computation that ignores its budget — can take
/// the other claims' results with it.
///
/// The child is `verify check FILE --format json --output TMP --isolate none` with the run's
/// options, under an address-space limit (`ulimit -v`) and a wall-clock limit of the claim's
/// budget plus `grace` seconds (the claim itself stops at its budget; the grace covers starting
/// the process and writing its report). Its JSON report is read back with the reader `verify merge`
/// uses, so every field survives. If the child does not produce a report:
/// - it was stopped at the wall-clock limit: every part is INCONCLUSIVE, naming the limit;
/// - it crashed or exceeded the memory limit: every part is ERROR ("internal failure"), naming
///   the signal or exit status; the report names the claim.
/// A claim file that cannot be loaded is reported by the parent directly (no child).
struct IsolatedRunner: Sendable {
    /// The executable to start (this program).
    var executable: String
    /// Options passed to the child (instances, seed, shard, shrinking, search).
    var passThrough: [String]
    /// Address-space limit of the child, in bytes.
    var memoryLimit: UInt64
    /// Seconds allowed beyond the claim's budget (for shrinking, reports and process start).
    var grace: Double
    /// Every claim's wall-clock limit ends no later than this instant, when set.
    var runDeadline: Date?

    func run(path: String, fileIndex: Int) -> ClaimResult {
        let start = Date()
        let claim: Claim
        do { claim = try ClaimLoader.load(path: path) } catch {
            return ClaimResult(file: path, claimID: nil, label: nil, loadError: error.description, parts: [], seconds: 0)
        }
        var limit = claim.budgetSeconds + grace
        if let end = runDeadline {
            let left = end.timeIntervalSinceNow
            if left <= 0 { return stopped(claim, start: start, why: "the run's time limit (--time-limit) was reached before this claim started") }
            limit = min(limit, left)
        }
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("mfcheck-\(ProcessInfo.processInfo.processIdentifier)-\(fileIndex)-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let kilobytes = max(1, memoryLimit / 1024)
        // The path goes after "--", so a file named like an option ("-a.json") is still a file.
        process.arguments = ["-c", "ulimit -v \(kilobytes) 2>/dev/null; exec \"$0\" \"$@\"", executable, "check",
                             "--format", "json", "--output", output, "--isolate", "none", "--jobs", "1",
                             "--file-index", String(fileIndex)] + passThrough + ["--", path]
        var environment = ProcessInfo.processInfo.environment
        // A crash is reported by its signal; the child need not spend seconds on a backtrace.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let collected = ErrorText()
        errors.fileHandleForReading.readabilityHandler = { h in collected.append(h.availableData) }
        do { try process.run() } catch {
            return failed(claim, start: start, why: "the checker could not start a process for this claim: \(error.localizedDescription)")
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        var timedOut = false
        if finished.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        errors.fileHandleForReading.readabilityHandler = nil
        if timedOut {
            return stopped(claim, start: start, why: "the claim ran past its wall-clock limit (budget \(claim.budgetSeconds) s + \(grace) s) and was stopped")
        }
        if let text = try? String(contentsOfFile: output, encoding: .utf8),
           let doc = try? JSONReport.parse(text, file: output), let r = doc.results.first {
            return r
        }
        let status = process.terminationStatus
        let how = process.terminationReason == .uncaughtSignal ? "was killed by signal \(status)" : "exited with status \(status)"
        let lines = collected.text.split(separator: "\n")
        let tail = (lines.first { $0.contains("Fatal error") || $0.contains("error:") } ?? lines.last).map(String.init) ?? ""
        return failed(claim, start: start, why: "internal failure: the checker \(how) on this claim (memory limit \(memoryLimit >> 20) MiB)" + (tail.isEmpty ? "" : ": \(tail)"))
    }

    func parts(_ claim: Claim, _ verdict: Verdict, _ why: String) -> [PartResult] {
        claim.conclusions.map { c in
            var p = PartResult(claimID: claim.id, label: claim.label, part: c.name, verdict: verdict, expected: c.expect, method: .exact)
            p.statement = c.statement ?? claim.statement
            p.formula = c.expr.description
            p.reason = why
            return p
        }
    }

    func stopped(_ claim: Claim, start: Date, why: String) -> ClaimResult {
        var r = ClaimResult(file: claim.file, claimID: claim.id, label: claim.label, loadError: nil,
                            parts: parts(claim, .inconclusive, "resource limit (time): " + why), seconds: Date().timeIntervalSince(start))
        r.paper = claim.paper
        r.statement = claim.statement
        r.budgetSeconds = claim.budgetSeconds
        r.budgetExhausted = true
        return r
    }

    func failed(_ claim: Claim, start: Date, why: String) -> ClaimResult {
        var r = ClaimResult(file: claim.file, claimID: claim.id, label: claim.label, loadError: nil,
                            parts: parts(claim, .error, why), seconds: Date().timeIntervalSince(start))
        r.paper = claim.paper
        r.statement = claim.statement
        r.budgetSeconds = claim.budgetSeconds
        return r
    }
}

/// The child's standard error, collected from another thread.
final class ErrorText: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func append(_ d: Data) {
        lock.lock(); defer { lock.unlock() }
        if data.count < 1 << 16 { data.append(d) }
    }
    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
