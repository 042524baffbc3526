import ArgumentParser
import Foundation
import ClaimLanguage
import Verifier

/// Exit status: 0 when every verdict equals its claim's expectation, 1 when one differs, 2 for
/// usage errors, unloadable claim files (or instance files, or results to merge).
@main
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decide the claims of matrix-factorization papers: HOLDS, FAILS (with an exact counterexample) or INCONCLUSIVE.",
        discussion: "Exit status: 0 when every verdict equals its claim's expectation, 1 when one differs, 2 for usage errors or unloadable claim files.",
        subcommands: [Check.self, MergeResults.self, Explain.self],
        defaultSubcommand: Check.self
    )

    /// Like ArgumentParser's `main`, but usage errors exit with status 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, markdown
}

/// Renders results in a format.
func render(_ results: [ClaimResult], _ format: Format, color: Bool, shard: Shard?) -> String {
    switch format {
    case .text: TextReport.render(results, color: color, shard: shard)
    case .json: JSONReport.render(results, shard: shard)
    case .junit: JUnitReport.render(results)
    case .markdown: MarkdownSummary.render(results, shard: shard)
    }
}

func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("verify: \(message)\n".utf8))
    return ExitCode(2)
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check claim files (the default subcommand: `verify claims` is `verify check claims`).",
        discussion: """
        Exit status: 0 when every verdict equals its claim's expectation, 1 when one differs, 2 for usage errors or \
        unloadable claim files. With --shard the verdicts cover only the shard's draws, so the status is 0 unless a \
        file cannot be loaded; `verify merge` gives the run's status.
        """
    )

    @Argument(help: "Claim files or folders (searched recursively for *.json).")
    var paths: [String] = ["claims"]

    @Option(help: "Instances per claim (overrides the claim's own count).")
    var instances: Int?

    @Option(help: "Seed (overrides the claim's own seed).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Run only draw I (0-based) of each claim: with --seed S, reproduces instance I of that run.", valueName: "I"))
    var instance: Int?

    @Option(help: ArgumentHelp("Re-evaluate the exact instance saved in FILE (one claim file as the path).", valueName: "FILE"))
    var replay: String?

    @Option(help: ArgumentHelp("Run shard i of n (1 ≤ i ≤ n): claim files and draws are split deterministically; merge the JSON outputs with `verify merge`.", valueName: "i/n"))
    var shard: String?

    @Option(help: "Claims checked in parallel (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report format: text, json, junit or markdown.")
    var format: Format = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Write a Markdown report per FAILS / INCONCLUSIVE / ERROR part, an index.md, and an instance file per counterexample into DIR.", valueName: "DIR"))
    var report: String?

    @Option(help: ArgumentHelp("Save an instance file per counterexample into DIR (e.g. .mfcheck/counterexamples).", valueName: "DIR"))
    var saveCounterexamples: String?

    @Flag(help: "Report counterexamples as found, without shrinking them.")
    var noShrink = false

    @Option(help: ArgumentHelp("Most candidate instances evaluated while shrinking one counterexample.", valueName: "N"))
    var shrinkLimit: Int = 500

    @Option(help: ArgumentHelp("Time limit in seconds for shrinking one counterexample.", valueName: "S"))
    var shrinkSeconds: Double = 10

    @Option(help: ArgumentHelp("Choice sequences tried by the small-scope phase before the random draws (0 turns it off).", valueName: "N"))
    var smallScope: Int = SearchOptions().smallScope

    @Option(help: ArgumentHelp("Candidate instances per part in the targeted phase after the random draws (0 turns it off).", valueName: "N"))
    var targeted: Int = SearchOptions().targeted

    @Option(help: ArgumentHelp("Run each claim file in a child process (process, the default) or in this one (none).", valueName: "process|none"))
    var isolate: Isolation?

    @Option(help: ArgumentHelp("Address-space limit of each isolated claim, in MiB.", valueName: "MiB"))
    var memoryLimit: UInt64 = 4096

    @Option(help: ArgumentHelp("Wall-clock limit of the whole run in seconds: claims not started by then are INCONCLUSIVE, and a running claim is stopped at it.", valueName: "S"))
    var timeLimit: Double?

    @Option(help: .hidden)
    var fileIndex: Int?

    @Flag(help: "List the claim files and their parts without checking them.")
    var list = false

    func validate() throws {
        if let s = shard, Shard(s) == nil { throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4") }
        if let i = instance, i < 0 { throw ValidationError("--instance must be 0 or more") }
        if let i = instances, i < 0 || i > Int(ClaimLoader.maximumInstances) {
            throw ValidationError("--instances must be from 0 to \(ClaimLoader.maximumInstances) (the limit a claim file's \"instances\" has)")
        }
        if let i = instance, i > 1_000_000_000 { throw ValidationError("--instance must be from 0 to 1000000000") }
        if replay != nil {
            if shard != nil || instance != nil || instances != nil || seed != nil {
                throw ValidationError("--replay re-evaluates a saved instance: it takes no --shard, --instance, --instances or --seed")
            }
            if paths.count != 1 { throw ValidationError("--replay needs exactly one claim file") }
        }
        if shrinkLimit < 0 || shrinkSeconds < 0 { throw ValidationError("--shrink-limit and --shrink-seconds must be 0 or more") }
        if let t = timeLimit, !(t > 0 && t.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if memoryLimit < 64 || memoryLimit > 1 << 30 { throw ValidationError("--memory-limit must be from 64 MiB to 2^30 MiB") }
        if let k = fileIndex, k < 0 || k > 1_000_000 { throw ValidationError("--file-index must be from 0 to 1000000") }
        if smallScope < 0 || smallScope > 100_000 || targeted < 0 || targeted > 100_000 {
            throw ValidationError("--small-scope and --targeted must be from 0 to 100000")
        }
    }

    mutating func run() throws {
        let shardValue = shard.flatMap(Shard.init)
        let results: [ClaimResult]
        var runner = ClaimRunner(instances: instances, seed: seed)
        runner.onlyInstance = instance
        runner.shard = shardValue
        runner.shrinking = ShrinkOptions(enabled: !noShrink, maxEvaluations: shrinkLimit, maxSeconds: shrinkSeconds)
        runner.search = SearchOptions(smallScope: smallScope, targeted: targeted)
        let isTTY = isatty(2) != 0 && output == nil
        if let file = replay {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDir), !isDir.boolValue else {
                throw fail("--replay needs one claim file, and \(paths[0]) is not a file")
            }
            results = [runner.replay(claimPath: paths[0], instancePath: file)]
        } else {
            let files: [String]
            do { files = try ClaimDiscovery.files(paths) } catch { throw fail("\(error)") }
            if list {
                for f in files { print(f) }
                return
            }
            let runDeadline = timeLimit.map { Date().addingTimeInterval($0) }
            let mode = isolate ?? .process
            var runOne: (@Sendable (String, Int) -> ClaimResult)? = nil
            if mode == .process {
                let isolated = IsolatedRunner(executable: Self.executablePath(), passThrough: passThrough(),
                                              memoryLimit: memoryLimit << 20, grace: 1, runDeadline: runDeadline)
                runOne = { isolated.run(path: $0, fileIndex: $1) }
            } else if let k = fileIndex, files.count == 1 {
                let r = runner
                runOne = { path, _ in r.run(path: path, fileIndex: k) }
            }
            results = Verification.run(files: files, runner: runner, jobs: jobs, runOne: runOne) { done, total in
                if isTTY { FileHandle.standardError.write(Data("\r[\(done)/\(total)] claims checked".utf8)) }
            }
            if isTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
        var withFiles = results
        do {
            if let dir = report {
                try CounterexampleReport.write(&withFiles, to: dir)
            } else if let dir = saveCounterexamples {
                try CounterexampleReport.write(&withFiles, to: dir, instanceFilesOnly: true)
            }
        } catch {
            throw fail("cannot write the report: \(error.localizedDescription)")
        }
        let text = render(withFiles, format, color: format == .text && isTTY && isatty(1) != 0, shard: shardValue)
        if let out = output {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch { throw fail("cannot write \(out)") }
        } else {
            print(text, terminator: "")
        }
        var status = Verification.exitStatus(withFiles)
        if shardValue != nil && status == 1 { status = 0 }
        if status != 0 { throw ExitCode(status) }
    }
}

enum Isolation: String, ExpressibleByArgument {
    case process, none
}

extension Check {
    /// The options a child process needs to run its claim as this run would.
    func passThrough() -> [String] {
        var a: [String] = []
        if let i = instances { a += ["--instances", String(i)] }
        if let s = seed { a += ["--seed", String(s)] }
        if let i = instance { a += ["--instance", String(i)] }
        if let s = shard { a += ["--shard", s] }
        if noShrink { a.append("--no-shrink") }
        a += ["--shrink-limit", String(shrinkLimit), "--shrink-seconds", String(shrinkSeconds),
              "--small-scope", String(smallScope), "--targeted", String(targeted)]
        return a
    }

    /// This program's path (to start children of it).
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

struct MergeResults: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine JSON outputs (`--format json`) of shards, or of disjoint sets of claim files, into one report.",
        discussion: "Exit status as for a whole run: 0 when every merged verdict equals its expectation, 1 when one differs, 2 when an input cannot be read or the shards are incomplete."
    )

    @Argument(help: "JSON outputs to merge (e.g. results-*.json).")
    var files: [String]

    @Option(help: "Report format: text, json, junit or markdown.")
    var format: Format = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Write the Markdown pages, index.md and instance files of the merged results into DIR.", valueName: "DIR"))
    var report: String?

    mutating func run() throws {
        var results: [ClaimResult]
        do { results = try Merge.merge(paths: files) } catch { throw fail("\(error)") }
        if let dir = report {
            do { try CounterexampleReport.write(&results, to: dir) } catch { throw fail("cannot write the report: \(error.localizedDescription)") }
        }
        let text = render(results, format, color: format == .text && output == nil && isatty(1) != 0, shard: nil)
        if let out = output {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch { throw fail("cannot write \(out)") }
        } else {
            print(text, terminator: "")
        }
        let status = Verification.exitStatus(results)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `verify explain CLAIM…`: what the tool understood of each claim file (variables, typed
/// definitions, symbolic gradients, conclusions with expectations), without checking it.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a claim file was understood: variables, typed definitions, symbolic gradients, conclusions."
    )

    @Argument(help: "Claim files.")
    var files: [String]

    mutating func run() throws {
        var failed = false
        for f in files {
            do {
                print(try ClaimExplainer.explain(path: f))
            } catch {
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
