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

targets += [
    // libusb-1.0 for the USB bulk transport; variadic functions are wrapped in shim.h.
    .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
    .target(name: "IDCardReader", dependencies: ["KioskDomain", "CLibUSB"]),
    // The reader side of the SAM protocol (scripted cards, pty runner): tests, `kioskctl reader
    // simulate` and `kioskd --demo` all drive the same code.
    .target(name: "IDCardSimulator", dependencies: ["IDCardReader", "KioskDomain", "CPTY"]),
    // openpty(3) for the simulator (<pty.h> is not in Swift's Glibc module).
    .systemLibrary(name: "CPTY"),
    .testTarget(name: "IDCardReaderTests", dependencies: ["IDCardReader", "IDCardSimulator", "KioskDomain", "KioskTesting"]),
    .executableTarget(name: "bench-reader", dependencies: ["IDCardReader", "IDCardSimulator", "KioskDomain"]),
]
products += [.library(name: "IDCardReader", targets: ["IDCardReader", "IDCardSimulator"])]
kioskctlDependencies += ["IDCardReader", "IDCardSimulator"]
testingDependencies += ["IDCardReader", "IDCardSimulator"]

// MARK: - PhotoCheck — JPEG probing, photo rules, face detection, fixer

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
