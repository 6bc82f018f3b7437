// swift-tools-version: 6.2
import PackageDescription

// Tools version 6.2: from it on, SwiftPM lets another package depend on CVKit by version although its
// targets use the unsafe flags below (with 6.1 it refused: "contains unsafe build flags").
// scripts/check-consumer proves it in CI.
//
// The numeric kernels are written for 8-lane vectors. On x86-64, compile for Haswell-class CPUs (AVX2 + FMA,
// every x86 server and desktop CPU since 2013–2015); the baseline (SSE2) splits each vector in two
// and computes square roots lane by lane. Other architectures keep their defaults.
//
// Release builds also turn off the run-time exclusivity checks (Swift's `-enforce-exclusivity=
// unchecked`; the compile-time ones stay): in the CSV loader and the batch loop they cost a
// quarter of the time (perf: swift_beginAccess, AccessSet::insert). Debug builds and tests keep them.
let releaseSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
#if arch(x86_64)
let vectorSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])] + releaseSettings
#else
let vectorSettings: [SwiftSetting] = releaseSettings
#endif
// The C kernels (CKernels.h says why they are C): vectorizable square roots, no fused multiply-add
// (results stay bit for bit those of the formulas), and the same instruction set as the Swift code.
#if arch(x86_64)
let kernelFlags: [CSetting] = [.unsafeFlags(["-O3", "-mavx2", "-mfma", "-ffp-contract=off", "-fno-math-errno"])]
#else
let kernelFlags: [CSetting] = [.unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"])]
#endif

let package = Package(
    name: "cvkit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CVKit", targets: ["CVKit"]),
        // The binary is `cvkit`; its target is `CVKitCLI` because targets `CVKit` and `cvkit`
        // would collide on case-insensitive disks (swiftlang/swift-package-manager#4746).
        .executable(name: "cvkit", targets: ["CVKitCLI"]),
        .executable(name: "cvkit-bench", targets: ["CVKitBench"]),
        // libFuzzer target for the CSV loader (scripts/fuzz, Tests/Fuzz/README.md); a plain build is a replayer.
        .executable(name: "cvkit-fuzz", targets: ["CVKitFuzz"]),
        // `make coverage`: the empirical coverage of the accuracy intervals (docs/coverage.md).
        .executable(name: "cvkit-coverage", targets: ["CVKitCoverage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation --target CVKit` (the DocC catalog in Sources/CVKit/CVKit.docc).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - System libraries
        // libcsv ships no pkg-config file (Debian libcsv-dev): header and library on default paths.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]),
        .systemLibrary(
            name: "CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),

        .target(name: "CKernels", cSettings: kernelFlags),

        // MARK: - Public API
        .target(
            name: "CVKit",
            dependencies: [
                "CLibCSV",
                "CKernels",
                .target(name: "CBLAS", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: vectorSettings,
            linkerSettings: [.linkedFramework("Accelerate", .when(platforms: [.macOS]))]),
        .executableTarget(
            name: "CVKitCLI",
            dependencies: [
                "CVKit",
                "CKernels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(
            name: "CVKitBench",
            dependencies: [
                "CVKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .executableTarget(name: "CVKitFuzz", dependencies: ["CVKit"]),
        .executableTarget(name: "CVKitCoverage", dependencies: ["CVKit"]),

        // MARK: - Tests
        .testTarget(
            name: "CVKitTests",
            dependencies: [
                "CVKit",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["CVKitCLI"],
            exclude: ["Fixtures"]),
    ]
)
