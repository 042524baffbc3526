import Foundation

/// Finds claim files: each path is a file, or a folder searched recursively for `*.json`
/// (except `papers.json`, the bibliography). Sorted, so runs are reproducible.
public enum ClaimDiscovery {
    public static func files(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for p in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
                throw DiscoveryError.missing(p)
            }
            if isDir.boolValue {
                guard let e = fm.enumerator(atPath: p) else { continue }
                var found: [String] = []
                while let f = e.nextObject() as? String {
                    if f.hasSuffix(".json") && !f.hasSuffix("papers.json") { found.append((p as NSString).appendingPathComponent(f)) }
                }
                out += found.sorted()
            } else {
                out.append(p)
            }
        }
        return out
    }

    public enum DiscoveryError: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self { case let .missing(p): "no such file or folder: \(p)" }
        }
    }
}
