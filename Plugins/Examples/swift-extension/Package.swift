// swift-tools-version: 6.2
import PackageDescription

// An extension package: a Swift evaluator of its own (`time_savings`) and `coopzone-plus`, which is
// CoopZone's command-line tool with that evaluator added to the built-in ones. It depends on
// CoopZone's library products by path, exactly as a package outside this repository would
// (`name:` lets the products name the dependency whatever its folder is called).
let package = Package(
    name: "CoopZoneTimeSavings",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TimeSavingsEvaluator", targets: ["TimeSavingsEvaluator"]),
        .executable(name: "coopzone-plus", targets: ["coopzone-plus"]),
    ],
    dependencies: [
        .package(name: "CoopZone", path: "../../..")
    ],
    targets: [
        .target(name: "TimeSavingsEvaluator", dependencies: [.product(name: "CoopZoneCore", package: "CoopZone")]),
        .executableTarget(
            name: "coopzone-plus",
            dependencies: [
                "TimeSavingsEvaluator",
                .product(name: "CoopZoneCLI", package: "CoopZone"),
                .product(name: "CoopZoneCore", package: "CoopZone"),
            ]
        ),
        .testTarget(
            name: "TimeSavingsEvaluatorTests",
            dependencies: [
                "TimeSavingsEvaluator",
                .product(name: "CoopZoneCore", package: "CoopZone"),
                .product(name: "CoopZoneEvaluators", package: "CoopZone"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
