// swift-tools-version: 6.2
import PackageDescription

/// The built-in evaluators: each is its own target under `Plugins/<Name>Evaluator`,
/// depending only on the core's public API, exactly as a third-party evaluator would.
let builtInEvaluators = [
    "CostBenefitEvaluator",
    "EmploymentEvaluator",
    "StagedIncentivesEvaluator",
    "TradeEffectsEvaluator",
    "ZoneFitEvaluator",
]

var targets: [Target] = [
    // Debian's libyaml (libyaml-dev, installed by scripts/setup.sh): the loader builds its tree
    // from libyaml's event stream and the exporter writes through its emitter (ADR 0001).
    .systemLibrary(
        name: "CLibYAML",
        pkgConfig: "yaml-0.1",
        providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // Debian's libxlsxwriter (libxlsxwriter-dev, installed by scripts/setup.sh): the reports'
    // Excel workbooks, with native charts (`--format xlsx`).
    .systemLibrary(
        name: "CLibXlsxWriter",
        pkgConfig: "xlsxwriter",
        providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
    ),
    .target(
        name: "CoopZoneCore", dependencies: ["CLibYAML", .product(name: "CSV", package: "CSV.swift")],
        // The message catalogues, one per language (Language, Messages).
        resources: [.copy("Resources/Messages")]
    ),
    .target(
        name: "CoopZoneEvaluators",
        dependencies: ["CoopZoneCore"] + builtInEvaluators.map { .target(name: $0) }
    ),
    .target(name: "CoopZoneReports", dependencies: ["CoopZoneCore", "CLibXlsxWriter"]),
    .target(name: "CoopZoneExternal", dependencies: ["CoopZoneCore"]),
    .target(
        name: "CoopZoneCLI",
        dependencies: [
            "CoopZoneCore", "CoopZoneEvaluators", "CoopZoneReports", "CoopZoneExternal",
            "CoopZoneServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        // The scaffolds of `coopzone new evaluator`, as files (Bundle.module).
        resources: [.copy("Resources")]
    ),
    .target(
        name: "CoopZoneServer",
        dependencies: [
            "CoopZoneCore", "CoopZoneEvaluators", "CoopZoneReports",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
        ],
        // The workshop page's script, stylesheet and icon, as files (Bundle.module).
        resources: [.copy("Resources")]
    ),
    .executableTarget(name: "coopzone", dependencies: ["CoopZoneCLI"]),
    // Where the repository and its shipped scenarios are, for every test target.
    .target(name: "CoopZoneTestSupport", path: "Tests/Support"),
    .testTarget(name: "CoopZoneCoreTests", dependencies: ["CoopZoneCore", "CoopZoneTestSupport"]),
    .testTarget(
        name: "CoopZoneEvaluatorsTests",
        dependencies: ["CoopZoneEvaluators", "CoopZoneCore", "CoopZoneTestSupport"]
    ),
    .testTarget(name: "CoopZoneReportsTests", dependencies: ["CoopZoneReports", "CoopZoneCore", "CoopZoneEvaluators", "CoopZoneTestSupport"]),
    .testTarget(
        name: "CoopZoneExternalTests",
        dependencies: ["CoopZoneExternal", "CoopZoneCore", "CoopZoneEvaluators", "CoopZoneReports", "CoopZoneTestSupport"],
        exclude: ["Fixtures"]
    ),
    .testTarget(
        name: "CoopZoneServerTests",
        dependencies: [
            "CoopZoneServer", "CoopZoneCore", "CoopZoneEvaluators", "CoopZoneReports", "CoopZoneTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]
    ),
    .testTarget(name: "CoopZoneCLITests", dependencies: ["CoopZoneCLI", "CoopZoneCore", "CoopZoneReports", "CoopZoneTestSupport"]),
]

for name in builtInEvaluators {
    targets.append(.target(name: name, dependencies: ["CoopZoneCore"], path: "Plugins/\(name)"))
    targets.append(
        .testTarget(
            name: "\(name)Tests",
            dependencies: [.target(name: name), "CoopZoneCore", "CoopZoneTestSupport"],
            path: "Tests/\(name)Tests"
        )
    )
}

let package = Package(
    name: "CoopZone",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coopzone", targets: ["coopzone"]),
        .library(name: "CoopZoneCore", targets: ["CoopZoneCore"]),
        .library(name: "CoopZoneEvaluators", targets: ["CoopZoneEvaluators"]),
        .library(name: "CoopZoneCLI", targets: ["CoopZoneCLI"]),
        .library(name: "CoopZoneExternal", targets: ["CoopZoneExternal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // `swift package generate-documentation`: the DocC reference of CoopZoneCore (scripts/docs.sh).
        // A command plugin only: nothing of it is linked into a product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
