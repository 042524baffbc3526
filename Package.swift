// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mfcheck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "verify", targets: ["verify"]),
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "Numbers", targets: ["Numbers"]),
        .library(name: "Matrices", targets: ["Matrices"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - Implementation details
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "mpfr",
            providers: [.apt(["libgmp-dev", "libmpfr-dev"])]
        ),

        // MARK: - Public API
        .target(name: "Numbers", dependencies: ["CGMP"]),
        .target(name: "Matrices", dependencies: ["Numbers", "CGMP"]),
        .target(name: "Instances", dependencies: ["Numbers", "Matrices"]),
        .target(name: "ClaimLanguage", dependencies: ["Numbers", "Matrices", "Instances"]),
        .target(name: "Verifier", dependencies: ["Numbers", "Matrices", "Instances", "ClaimLanguage"]),
        .executableTarget(
            name: "verify",
            dependencies: ["Verifier", "ClaimLanguage", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "bench", dependencies: ["Numbers", "Matrices"]),

        // Seeded draws shared by the test bundles (not part of the API).
        .target(name: "_TestSupport", dependencies: ["Numbers"]),

        // MARK: - Unit test bundles
        .testTarget(name: "NumbersTests", dependencies: ["Numbers", "_TestSupport"]),
        .testTarget(name: "MatricesTests", dependencies: ["Numbers", "Matrices", "_TestSupport"]),
        .testTarget(name: "InstancesTests", dependencies: ["Numbers", "Matrices", "Instances"]),
        .testTarget(name: "ClaimLanguageTests", dependencies: ["ClaimLanguage", "Verifier"]),
        .testTarget(name: "ClaimsTests", dependencies: ["Verifier"]),
    ]
)
