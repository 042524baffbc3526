import Foundation
import ClaimLanguage

/// An exact instance of a claim, saved so it can be re-evaluated later (`verify CLAIM --replay
/// FILE`). Format `mfcheck-instance`, version 1 (docs/ci.md):
///
/// ```json
/// {
///   "format": "mfcheck-instance",
///   "version": 1,
///   "claim": "valavi2020.theorem3.4",
///   "claim_file": "claims/theorem3_4.json",
///   "part": "b.maximal",
///   "found": "FAILS",
///   "origin": { "seed": "34", "instance": 4, "branch": 2, "shrunk": true, "choices": [0, 3, 1] },
///   "variables": { "m": "2", "sigma": [["4"], ["1/4"]], "I": [1] }
/// }
/// ```
///
/// Only `format`, `version` and `variables` are required. `variables` gives every quantified
/// variable of the claim (the names of "given", a destructured tuple by its names) in the exact
/// JSON form of `ValueCoding`. The instance's values are stored, not a seed, so a replay does not
/// depend on the generators of the version that wrote the file. `claim` and `part`, when present,
/// must name the claim and one of its parts; `origin` is informative.
public struct InstanceFile: Sendable {
    public static let format = "mfcheck-instance"
    public static let version = 1

    public struct Variable: Sendable {
        public var name: String
        public var value: Value
        public var location: SourceLocation
    }

    public var path: String
    public var claimID: String?
    public var claimFile: String?
    public var part: String?
    public var found: String?
    public var origin: ExactJSON?
    public var variables: [Variable]
    /// Where the "variables" object stands (for errors about missing names).
    public var variablesLocation: SourceLocation

    /// The JSON text of an instance file for a counterexample; nil when a value has no exact form.
    public static func render(claimID: String, claimFile: String, part: String, verdict: Verdict, counterexample c: Counterexample) -> String? {
        guard c.isReplayable else { return nil }
        var origin: [(String, ExactJSON?)] = []
        if c.replayedFrom == nil {
            origin = [("seed", .string(String(c.runSeed))), ("instance", .int(c.instanceIndex)), ("branch", .int(c.branch)),
                      ("shrunk", .bool(c.shrink != nil)), ("choices", .array(c.choices.map { .int($0) }))]
        } else {
            origin = [("replayed_from", .string(c.replayedFrom!))]
        }
        let doc = ExactJSON.object([
            ("format", .string(format)), ("version", .int(version)),
            ("claim", .string(claimID)), ("claim_file", .string(claimFile)), ("part", .string(part)),
            ("found", .string(verdict.rawValue)),
            ("origin", .object(origin)),
            ("variables", .object(c.instance.map { ($0.name, $0.exact) })),
        ])
        return doc.rendered() + "\n"
    }

    public static func read(path: String) throws(ClaimError) -> InstanceFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ClaimError(.load, "cannot read the instance file", at: SourceLocation(file: path, jsonPath: "$", line: 0, column: 0))
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ClaimError) -> InstanceFile {
        let json = try JSONReader.read(text, file: file)
        guard case .object = json else {
            throw ClaimError(.load, "an instance file holds one JSON object, not \(json.kindName)", at: json.location)
        }
        guard let f = json["format"], f.stringValue == format else {
            throw ClaimError(.load, "not an instance file: \"format\" must be \"\(format)\"", at: json["format"]?.location ?? json.location)
        }
        guard let v = json["version"], case let .number(vt, _) = v, let ver = Int(vt) else {
            throw ClaimError(.load, "missing or malformed \"version\" (an integer)", at: json["version"]?.location ?? json.location)
        }
        guard ver >= 1 && ver <= version else {
            throw ClaimError(.load, "instance file version \(ver) is not supported (this verifier reads version \(version))", at: v.location)
        }
        func optionalString(_ key: String) throws(ClaimError) -> String? {
            guard let x = json[key] else { return nil }
            guard let s = x.stringValue else { throw ClaimError(.load, "\"\(key)\" must be a string, not \(x.kindName)", at: x.location) }
            return s
        }
        guard let vars = json["variables"] else {
            throw ClaimError(.load, "missing \"variables\": the values of the claim's quantified variables", at: json.location)
        }
        guard case let .object(members, varsLoc) = vars else {
            throw ClaimError(.load, "\"variables\" must be an object from variable names to exact values, not \(vars.kindName)", at: vars.location)
        }
        var variables: [Variable] = []
        for m in members {
            variables.append(Variable(name: m.key, value: try ValueCoding.decode(m.value), location: m.value.location))
        }
        return InstanceFile(path: file, claimID: try optionalString("claim"), claimFile: try optionalString("claim_file"),
                            part: try optionalString("part"), found: try optionalString("found"),
                            origin: json["origin"].map(ExactJSON.init), variables: variables, variablesLocation: varsLoc)
    }

    /// A file name for a claim part's instance: the claim id and part, with anything but letters,
    /// digits, `.`, `_` and `-` replaced by `_`.
    public static func fileName(claimID: String, part: String, suffix: String) -> String {
        func clean(_ s: String) -> String {
            String(s.unicodeScalars.map { c in
                (c.properties.isAlphabetic && c.isASCII) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-" ? Character(c) : "_"
            })
        }
        return clean(claimID) + "--" + clean(part) + suffix
    }
}
