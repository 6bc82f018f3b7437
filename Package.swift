// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "cvkit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CVKit", targets: ["CVKit"]),
        // The binary is `cvkit`; its target is `CVKitCLI` because targets `CVKit` and `cvkit`
        // would collide on case-insensitive disks (swiftlang/swift-package-manager#4746).
        .executable(name: "cvkit", targets: ["CVKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - System libraries
        // libcsv ships no pkg-config file (Debian libcsv-dev): header and library on default paths.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]),
        .systemLibrary(
            name: "CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),

        // MARK: - Public API
        .target(
            name: "CVKit",
            dependencies: [
                "CLibCSV",
                .target(name: "CBLAS", condition: .when(platforms: [.linux])),
            ],
            linkerSettings: [.linkedFramework("Accelerate", .when(platforms: [.macOS]))]),
        .executableTarget(
            name: "CVKitCLI",
            dependencies: [
                "CVKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

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
