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

targets += [
    // Debian's libcups2-dev ships no cups.pc, so no pkgConfig here (naming one only warns).
    .systemLibrary(name: "CCups", path: "Sources/CCups"),
    .target(name: "ReceiptPrinter", dependencies: ["KioskDomain", "CCups"]),
    .testTarget(name: "ReceiptPrinterTests", dependencies: ["ReceiptPrinter", "KioskDomain", "KioskTesting"]),
    // Benchmark: encoding one acknowledgement, submit-to-completed through a private cupsd.
    .executableTarget(name: "bench-receipt", dependencies: ["ReceiptPrinter", "KioskDomain", "KioskTesting"],
                      path: "Sources/bench-receipt"),
]
products += [.library(name: "ReceiptPrinter", targets: ["ReceiptPrinter"])]
kioskctlDependencies += ["ReceiptPrinter"]
testingDependencies += ["ReceiptPrinter"]

// MARK: - TerminalUI — cells, diff renderer, input, widgets

targets += [
    .target(name: "TerminalUI"),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "KioskTesting"]),
    .executableTarget(name: "bench-terminal-ui", dependencies: ["TerminalUI"], path: "Sources/bench-terminal-ui"),
]
products += [.library(name: "TerminalUI", targets: ["TerminalUI"])]
kioskctlDependencies += ["TerminalUI"]
testingDependencies += ["TerminalUI"]

// MARK: - KioskStore and CentralService — cases, outbox, central API, central-sim

// KioskStore: the case store (SQLite through GRDB on the system libsqlite3, sealed personal data).
dependencies += [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
]
targets += [
    .target(name: "KioskStore", dependencies: [
        "KioskDomain",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
    ]),
    .testTarget(name: "KioskStoreTests", dependencies: ["KioskStore", "KioskDomain", "KioskTesting"]),
    .executableTarget(name: "bench-store", dependencies: ["KioskStore", "KioskDomain", "KioskTesting"]),
    // The process the store's crash test kills with SIGKILL.
    .executableTarget(name: "store-crash-writer", dependencies: ["KioskStore", "KioskTesting"]),
]
products += [.library(name: "KioskStore", targets: ["KioskStore"])]
kioskctlDependencies += ["KioskStore"]
testingDependencies += ["KioskStore"]

// CentralService (API contract, signing, client, outbox drainer) and central-sim (reference server).
// GRDB and swift-crypto come from the KioskStore lines above.
dependencies += [
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
]
targets += [
    .target(name: "CentralService", dependencies: [
        "KioskDomain", "KioskStore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .target(name: "CentralSim", dependencies: [
        "KioskDomain", "CentralService",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
    ]),
    .executableTarget(name: "central-sim", dependencies: [
        "CentralSim", .product(name: "ArgumentParser", package: "swift-argument-parser"),
    ]),
    .executableTarget(name: "bench-central", dependencies: [
        "CentralService", "CentralSim", "KioskDomain", "KioskStore", "KioskTesting",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .testTarget(name: "CentralServiceTests", dependencies: ["CentralService", "CentralSim", "KioskStore", "KioskTesting"]),
]
products += [
    .library(name: "CentralService", targets: ["CentralService"]),
    .library(name: "CentralSim", targets: ["CentralSim"]),
    .executable(name: "central-sim", targets: ["central-sim"]),
]
kioskctlDependencies += ["CentralService"]
testingDependencies += ["CentralService", "CentralSim", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                        .product(name: "NIOFoundationCompat", package: "swift-nio")]

// MARK: - KioskOperations — configuration, event log, status API, metrics, heartbeat, systemd notify

// Hummingbird, swift-log, swift-service-lifecycle and swift-nio come from the CentralService lines.
dependencies += [
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
]
targets += [
    .target(name: "KioskOperations", dependencies: [
        "KioskDomain", "KioskStore", "CentralService",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "CoreMetrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
    ]),
    .testTarget(name: "KioskOperationsTests", dependencies: [
        "KioskOperations", "KioskTesting", "CentralService", "CentralSim",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    ]),
    // Load generator target for docs/benchmarks/operations.md: serves the status API alone.
    .executableTarget(name: "bench-operations", dependencies: [
        "KioskOperations", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
    ]),
]
products += [.library(name: "KioskOperations", targets: ["KioskOperations"])]
kioskctlDependencies += ["KioskOperations"]
testingDependencies += ["KioskOperations", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                        .product(name: "Logging", package: "swift-log"),
                        .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]

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
