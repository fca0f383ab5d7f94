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

// MARK: - KioskTime and TestSupport — the one clock; process and path helpers for tests

targets += [
    // The only source of time in the modules (wall time, China's calendar day, durations), with
    // the manual clock tests and the demo use. No dependencies: every layer can take it.
    .target(name: "KioskTime"),
    .testTarget(name: "KioskTimeTests", dependencies: ["TestTraits", "TestSupport", "KioskTime"]),
    // Starting and waiting for real processes from async tests without holding a thread of the
    // cooperative pool; the checkout's paths. Foundation only.
    .target(name: "TestSupport"),
    // Swift Testing traits for scheduling a parallel run on two cores: `.computeBound` and
    // `.realTime` move a test off the cooperative pool (TestSupport.TestExecutors). Test targets
    // only: it imports Testing.
    .target(name: "TestTraits", dependencies: ["TestSupport"]),
    // Repository-wide rules: the setup script's package list, no stray reading of time.
    .testTarget(name: "RepositoryTests", dependencies: ["TestTraits", "TestSupport"]),
]
products += [.library(name: "KioskTime", targets: ["KioskTime"])]
kioskctlDependencies += ["KioskTime"]
testingDependencies += ["TestSupport", "KioskTime"]

// MARK: - KioskDomain — pure policy model: regions, items, materials, forms, calendar, validation

targets += [
    .target(name: "KioskDomain", dependencies: ["KioskTime"]),
    .target(name: "KioskDomainTesting", dependencies: ["KioskDomain", "TestSupport"]),
    .testTarget(name: "KioskDomainTests", dependencies: ["TestTraits", "KioskDomain", "KioskDomainTesting", "KioskTime", "TestSupport"]),
]
products += [.library(name: "KioskDomain", targets: ["KioskDomain"])]
kioskctlDependencies += ["KioskDomain"]
testingDependencies += ["KioskDomainTesting"]

// MARK: - IDCardReader — SAM protocol, transports, simulator

targets += [
    // libusb-1.0 for the USB bulk transport; variadic functions are wrapped in shim.h.
    .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
    .target(name: "IDCardReader", dependencies: ["KioskDomain", "KioskTime", "CLibUSB"]),
    // The reader side of the SAM protocol (scripted cards, pty runner): tests, `kioskctl reader
    // simulate` and `kioskd --demo` all drive the same code.
    .target(name: "IDCardSimulator", dependencies: ["IDCardReader", "KioskDomain", "CPTY"]),
    // openpty(3) for the simulator (<pty.h> is not in Swift's Glibc module).
    .systemLibrary(name: "CPTY"),
    .target(name: "IDCardReaderTesting", dependencies: ["IDCardReader", "IDCardSimulator", "KioskDomain", "KioskDomainTesting", "TestSupport"]),
    .testTarget(name: "IDCardReaderTests", dependencies: ["TestTraits", "IDCardReader", "IDCardSimulator", "IDCardReaderTesting",
                                                         "KioskDomain", "KioskDomainTesting", "KioskTime", "TestSupport"]),
]
products += [.library(name: "IDCardReader", targets: ["IDCardReader", "IDCardSimulator"])]
kioskctlDependencies += ["IDCardReader", "IDCardSimulator"]
testingDependencies += ["IDCardReaderTesting"]

// MARK: - PhotoCheck — JPEG probing, photo rules, face detection, fixer

targets += [
    // TurboJPEG reports every libjpeg error as a return value (it owns the setjmp), so no C
    // shim of our own is needed: metadata is read by PhotoCheck's own marker scanner.
    .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg",
                   providers: [.apt(["libturbojpeg0-dev"])]),
    .target(name: "PhotoCheck", dependencies: ["KioskDomain", "CTurboJPEG"]),
    .target(name: "PhotoCheckTesting", dependencies: ["PhotoCheck"]),
    .testTarget(name: "PhotoCheckTests", dependencies: ["PhotoCheck", "PhotoCheckTesting", "KioskDomain", "KioskDomainTesting", "KioskTime", "TestSupport", "TestTraits"],
                exclude: ["Fixtures"]),
]
products += [.library(name: "PhotoCheck", targets: ["PhotoCheck"])]
kioskctlDependencies += ["PhotoCheck"]
testingDependencies += ["PhotoCheckTesting"]

// MARK: - ReceiptPrinter — ESC/POS, receipt layout, CUPS transport

targets += [
    // Debian's libcups2-dev ships no cups.pc, so no pkgConfig here (naming one only warns).
    .systemLibrary(name: "CCups", path: "Sources/CCups"),
    .target(name: "ReceiptPrinter", dependencies: ["KioskDomain", "KioskTime", "CCups"]),
    .target(name: "ReceiptPrinterTesting", dependencies: ["ReceiptPrinter", "TestSupport"]),
    .testTarget(name: "ReceiptPrinterTests", dependencies: ["TestTraits", "ReceiptPrinter", "ReceiptPrinterTesting", "KioskDomain",
                                                           "KioskDomainTesting", "KioskTime", "TestSupport"]),
]
products += [.library(name: "ReceiptPrinter", targets: ["ReceiptPrinter"])]
kioskctlDependencies += ["ReceiptPrinter"]
testingDependencies += ["ReceiptPrinterTesting"]

// MARK: - TerminalUI — cells, diff renderer, input, widgets

targets += [
    .target(name: "TerminalUI"),
    .target(name: "TerminalUITesting", dependencies: ["TerminalUI", "TestSupport"]),
    .testTarget(name: "TerminalUITests", dependencies: ["TestTraits", "TerminalUI", "TerminalUITesting", "KioskTime", "TestSupport"]),
]
products += [.library(name: "TerminalUI", targets: ["TerminalUI"])]
kioskctlDependencies += ["TerminalUI"]
testingDependencies += ["TerminalUITesting"]

// MARK: - Pinyin keyboard engine and voice guidance (docs/decisions/0006-pinyin-engine.md)

targets += [
    // librime's C API, types only: RimePinyin opens librime.so.1 with dlopen, so a terminal
    // without the engine still starts and its keyboard says the engine is missing.
    .systemLibrary(name: "CRime", providers: [.apt(["librime-dev", "rime-data-luna-pinyin"])]),
    .target(name: "RimePinyin", dependencies: ["TerminalUI", "CRime"]),
    .testTarget(name: "RimePinyinTests", dependencies: ["TestTraits", "RimePinyin", "TerminalUI", "TerminalUITesting", "TestSupport", "KioskTime"]),
    // Spoken prompts through a configurable speech command (espeak-ng's Mandarin voice).
    .target(name: "VoiceGuidance"),
    .testTarget(name: "VoiceGuidanceTests", dependencies: ["TestTraits", "VoiceGuidance"]),
]
products += [.library(name: "RimePinyin", targets: ["RimePinyin"]),
             .library(name: "VoiceGuidance", targets: ["VoiceGuidance"])]
kioskctlDependencies += ["RimePinyin"]

// MARK: - KioskStore and CentralService — cases, outbox, central API, central-sim

// KioskStore: the case store (SQLite through GRDB on the system libsqlite3, sealed personal data).
dependencies += [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
]
targets += [
    .target(name: "KioskStore", dependencies: [
        "KioskDomain", "KioskTime",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
    ]),
    .target(name: "KioskStoreTesting", dependencies: ["KioskStore", "KioskDomain", "KioskDomainTesting", "KioskTime"]),
    .testTarget(name: "KioskStoreTests", dependencies: ["TestTraits", "KioskStore", "KioskStoreTesting", "KioskDomain", "KioskDomainTesting",
                                                       "KioskTime", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    // The process the store's crash test kills with SIGKILL.
    .executableTarget(name: "store-crash-writer", dependencies: ["KioskStore", "KioskStoreTesting", "KioskDomainTesting"]),
]
products += [.library(name: "KioskStore", targets: ["KioskStore"])]
kioskctlDependencies += ["KioskStore"]
testingDependencies += ["KioskStoreTesting"]

// CentralService (API contract, signing, client, outbox drainer) and central-sim (reference server).
// GRDB and swift-crypto come from the KioskStore lines above.
dependencies += [
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    // TLS configuration of the central client (the province's CA, pinning).
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
]
targets += [
    .target(name: "CentralService", dependencies: [
        "KioskDomain", "KioskStore", "KioskTime",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .target(name: "CentralSim", dependencies: [
        "KioskDomain", "CentralService", "KioskTime",
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
    .target(name: "CentralServiceTesting", dependencies: [
        "CentralService", "CentralSim", "KioskDomain", "KioskDomainTesting", "KioskStore", "KioskTime", "TestSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .testTarget(name: "CentralServiceTests", dependencies: [
        "CentralService", "CentralSim", "CentralServiceTesting", "KioskStore", "KioskStoreTesting", "TestTraits",
        "KioskDomain", "KioskDomainTesting", "KioskTime", "TestSupport",
    ]),
]
products += [
    .library(name: "CentralService", targets: ["CentralService"]),
    .library(name: "CentralSim", targets: ["CentralSim"]),
    .executable(name: "central-sim", targets: ["central-sim"]),
]
kioskctlDependencies += ["CentralService"]
testingDependencies += ["CentralServiceTesting"]

// MARK: - KioskOperations — configuration, event log, status API, metrics, heartbeat, systemd notify

// Hummingbird, swift-log, swift-service-lifecycle and swift-nio come from the CentralService lines.
dependencies += [
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
]
targets += [
    .target(name: "KioskOperations", dependencies: [
        "KioskDomain", "KioskStore", "CentralService", "KioskTime",
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
    .target(name: "KioskOperationsTesting", dependencies: [
        "KioskOperations", "TestSupport", "KioskDomainTesting", "KioskTime", .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
    ]),
    .testTarget(name: "KioskOperationsTests", dependencies: [
        "KioskOperations", "KioskOperationsTesting", "KioskTesting", "CentralService", "KioskDomain", "TestSupport", "TestTraits",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    ]),
    // Load generator target for docs/benchmarks/operations.md: serves the status API alone.
    .executableTarget(name: "bench-operations", dependencies: [
        "KioskOperations", "KioskTime", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
    ]),
]
products += [.library(name: "KioskOperations", targets: ["KioskOperations"])]
kioskctlDependencies += ["KioskOperations"]
testingDependencies += ["KioskOperationsTesting"]

// MARK: - KioskApp and KioskHost — the veteran's journey, and the hands that perform it

targets += [
    // The flow as a pure (State, Event) -> (State, [Effect]) and its screens. Imports no device.
    .target(name: "KioskApp", dependencies: ["KioskDomain", "KioskTime", "TerminalUI"]),
    // Owns the devices, the store and the outbox; performs the flow's effects; the demo world.
    .target(name: "KioskHost", dependencies: [
        "KioskApp", "KioskDomain", "KioskTime", "TerminalUI", "IDCardReader", "IDCardSimulator", "PhotoCheck",
        "ReceiptPrinter", "KioskStore", "CentralService", "CentralSim", "VoiceGuidance", "KioskOperations", "RimePinyin",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        // The technician PIN's slow hash (PBKDF2).
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
    ]),
    .executableTarget(name: "kioskd", dependencies: [
        "KioskHost", "KioskDomain", "KioskTime", "TerminalUI", "VoiceGuidance", "KioskOperations",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .testTarget(name: "KioskAppTests", dependencies: ["KioskApp", "KioskDomain", "KioskDomainTesting", "KioskTime", "TerminalUI", "TestSupport", "TestTraits", "RimePinyin"]),
    .testTarget(name: "KioskdTests", dependencies: ["TestTraits", "KioskTesting", "KioskDomain", "TerminalUI", "KioskApp", "KioskHost", "KioskOperations",
                                                   "KioskStore", .product(name: "Logging", package: "swift-log")]),
]
products += [.executable(name: "kioskd", targets: ["kioskd"])]
// `kioskctl diag` runs the host's diagnostics directly when no kioskd runs.
kioskctlDependencies += ["KioskHost"]
// The flow and its host, for Benchmarks/bench-progress (touch to screen) and bench-form-keyboard
// (the keyboard inside the kiosk's program).
products += [.library(name: "KioskApp", targets: ["KioskApp"]), .library(name: "KioskHost", targets: ["KioskHost"])]

// MARK: - KioskTesting — every module's test rigs in one import, for end-to-end tests and benchmarks
// A module's own tests import only that module's rigs (<Module>Testing), so they link only what
// they use; KioskTesting re-exports them all for tests that cross modules.

targets += [
    .target(name: "KioskTesting", dependencies: testingDependencies),
]
products += [.library(name: "KioskTesting", targets: ["KioskTesting"])]

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
