import Foundation

/// Finds claim files: each path is a file, or a folder searched recursively for `*.json` files
/// (except those named exactly `papers.json`, the bibliography). Sorted, so runs are reproducible.
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
                    // Only a file named exactly `papers.json` is the registry (`mypapers.json` is a claim).
                    guard f.hasSuffix(".json"), (f as NSString).lastPathComponent != "papers.json" else { continue }
                    let full = (p as NSString).appendingPathComponent(f)
                    var isFolder: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue { continue }
                    found.append(full)
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
