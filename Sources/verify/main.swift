import ArgumentParser
import Foundation
import Verifier

@main
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decide the claims of matrix-factorization papers: HOLDS, FAILS (with an exact counterexample) or INCONCLUSIVE.",
        discussion: "Exit status: 0 when every verdict equals its claim's expectation, 1 when one differs, 2 for usage errors or unloadable claim files."
    )

    @Argument(help: "Claim files or folders (searched recursively for *.json).")
    var paths: [String] = ["claims"]

    @Option(help: "Instances per claim (overrides the claim's own count).")
    var instances: Int?

    @Option(help: "Seed (overrides the claim's own seed).")
    var seed: UInt64?

    @Option(help: "Claims checked in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report format: text or json.")
    var format: String = "text"

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(help: "List the claim files and their parts without checking them.")
    var list = false

    mutating func run() throws {
        guard ["text", "json"].contains(format) else {
            throw ValidationError("--format must be text or json")
        }
        let files: [String]
        do { files = try ClaimDiscovery.files(paths) } catch {
            FileHandle.standardError.write(Data("verify: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if list {
            for f in files { print(f) }
            return
        }
        let runner = ClaimRunner(instances: instances, seed: seed)
        let isTTY = isatty(2) != 0 && output == nil
        let results = Verification.run(files: files, runner: runner, jobs: jobs) { done, total in
            if isTTY { FileHandle.standardError.write(Data("\r[\(done)/\(total)] claims checked".utf8)) }
        }
        if isTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let report = format == "json" ? JSONReport.render(results) : TextReport.render(results, color: isTTY && isatty(1) != 0)
        if let out = output {
            try report.write(toFile: out, atomically: true, encoding: .utf8)
        } else {
            print(report, terminator: "")
        }
        if results.contains(where: { $0.loadError != nil }) { throw ExitCode(2) }
        if !results.allSatisfy(\.meetsExpectation) { throw ExitCode(1) }
    }
}
