// swift-tools-version:6.1
// OneStop Kiosk — the self-service terminal for 军人退役"一件事一次办".
//
// The manifest is built from one block per module (see docs/ARCHITECTURE.md). Each block appends
// its own targets, its package dependencies and what `kioskctl` / `KioskTesting` need from it, so
// modules can be added or changed without touching each other's lines.
import PackageDescription

var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
]
var targets: [Target] = []
var products: [Product] = []
/// What the `kioskctl` executable links, block by block.
var kioskctlDependencies: [Target.Dependency] = [
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
]
/// What the shared test support module (`KioskTesting`) links, block by block.
var testingDependencies: [Target.Dependency] = []

// MARK: - KioskDomain — pure policy model: regions, items, materials, forms, calendar, validation

targets += [
    .target(name: "KioskDomain"),
    .testTarget(name: "KioskDomainTests", dependencies: ["KioskDomain", "KioskTesting"]),
]
products += [.library(name: "KioskDomain", targets: ["KioskDomain"])]
kioskctlDependencies += ["KioskDomain"]
testingDependencies += ["KioskDomain"]
// Benchmark of profile loading and planning (docs/benchmarks/domain.md).
targets += [.executableTarget(name: "bench-domain", dependencies: ["KioskDomain"])]

// MARK: - IDCardReader — SAM protocol, transports, simulator

// MARK: - PhotoCheck — JPEG probing, photo rules, face detection, fixer

targets += [
    // TurboJPEG reports every libjpeg error as a return value (it owns the setjmp), so no C
    // shim of our own is needed: metadata is read by PhotoCheck's own marker scanner.
    .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg",
                   providers: [.apt(["libturbojpeg0-dev"])]),
    .target(name: "PhotoCheck", dependencies: ["KioskDomain", "CTurboJPEG"]),
    .testTarget(name: "PhotoCheckTests", dependencies: ["PhotoCheck", "KioskTesting"],
                exclude: ["Fixtures"]),
    .executableTarget(name: "bench-photo", dependencies: ["PhotoCheck", "KioskTesting"], path: "Sources/BenchPhoto"),
]
products += [.library(name: "PhotoCheck", targets: ["PhotoCheck"])]
kioskctlDependencies += ["PhotoCheck"]
testingDependencies += ["PhotoCheck"]

// MARK: - ReceiptPrinter — ESC/POS, receipt layout, CUPS transport

// MARK: - TerminalUI — cells, diff renderer, input, widgets

// MARK: - KioskStore and CentralService — cases, outbox, central API, central-sim

// MARK: - KioskTesting — shared test rigs (simulators on ptys, private cupsd, fixture builders)

targets += [
    .target(name: "KioskTesting", dependencies: testingDependencies),
]

// MARK: - Executables — thin wiring only

targets += [
    .executableTarget(name: "kioskctl", dependencies: kioskctlDependencies),
]
products += [.executable(name: "kioskctl", targets: ["kioskctl"])]

let package = Package(
    name: "OneStopKiosk",
    platforms: [.macOS(.v15)],
    products: products,
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
