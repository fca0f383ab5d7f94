// swift-tools-version:6.1
// OneStop Kiosk's benchmarks, in their own package so the product build and every CI test run do
// not carry them. They depend on the kiosk's modules through the root package.
//
//     swift build -c release --package-path Benchmarks
//     Benchmarks/.build/release/bench-store --cases 200
//
// Every bench reports a ratio against a baseline measured in the same run (docs/benchmarks/).
import PackageDescription

let package = Package(
    name: "OneStopKioskBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OneStopKiosk", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Medians and percentiles, computed one way for every bench.
        .target(name: "BenchSupport", path: "BenchSupport"),
        .executableTarget(name: "bench-domain", dependencies: [
            "BenchSupport", .product(name: "KioskDomain", package: "OneStopKiosk"),
        ], path: "bench-domain"),
        .executableTarget(name: "bench-reader", dependencies: [
            "BenchSupport", .product(name: "IDCardReader", package: "OneStopKiosk"),
            .product(name: "KioskDomain", package: "OneStopKiosk"),
        ], path: "bench-reader"),
        .executableTarget(name: "bench-photo", dependencies: [
            "BenchSupport", .product(name: "PhotoCheck", package: "OneStopKiosk"),
            .product(name: "KioskTesting", package: "OneStopKiosk"),
        ], path: "bench-photo"),
        .executableTarget(name: "bench-receipt", dependencies: [
            "BenchSupport", .product(name: "ReceiptPrinter", package: "OneStopKiosk"),
            .product(name: "KioskDomain", package: "OneStopKiosk"), .product(name: "KioskTesting", package: "OneStopKiosk"),
        ], path: "bench-receipt"),
        .executableTarget(name: "bench-terminal-ui", dependencies: [
            "BenchSupport", .product(name: "TerminalUI", package: "OneStopKiosk"),
        ], path: "bench-terminal-ui"),
        // The keyboard inside the kiosk's form: frame and keystroke time against the keyboard alone.
        .executableTarget(name: "bench-form-keyboard", dependencies: [
            "BenchSupport", .product(name: "KioskApp", package: "OneStopKiosk"), .product(name: "KioskDomain", package: "OneStopKiosk"),
            .product(name: "TerminalUI", package: "OneStopKiosk"), .product(name: "RimePinyin", package: "OneStopKiosk"),
        ], path: "bench-form-keyboard"),
        // Keyboard frame time and engine start-up (docs/benchmarks/pinyin-keyboard.md).
        .executableTarget(name: "bench-keyboard", dependencies: [
            "BenchSupport", .product(name: "TerminalUI", package: "OneStopKiosk"), .product(name: "RimePinyin", package: "OneStopKiosk"),
        ], path: "bench-keyboard"),
        .executableTarget(name: "bench-store", dependencies: [
            "BenchSupport", .product(name: "KioskStore", package: "OneStopKiosk"),
            .product(name: "KioskDomain", package: "OneStopKiosk"), .product(name: "KioskTesting", package: "OneStopKiosk"),
        ], path: "bench-store"),
        .executableTarget(name: "bench-central", dependencies: [
            "BenchSupport",
            .product(name: "CentralService", package: "OneStopKiosk"), .product(name: "CentralSim", package: "OneStopKiosk"),
            .product(name: "KioskDomain", package: "OneStopKiosk"), .product(name: "KioskStore", package: "OneStopKiosk"),
            .product(name: "KioskTesting", package: "OneStopKiosk"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ], path: "bench-central"),
        // 查询办理进度 from touch to screen against central-sim (docs/benchmarks/progress-query.md).
        .executableTarget(name: "bench-progress", dependencies: [
            "BenchSupport",
            .product(name: "CentralService", package: "OneStopKiosk"), .product(name: "CentralSim", package: "OneStopKiosk"),
            .product(name: "KioskApp", package: "OneStopKiosk"), .product(name: "KioskHost", package: "OneStopKiosk"),
            .product(name: "KioskDomain", package: "OneStopKiosk"), .product(name: "KioskStore", package: "OneStopKiosk"),
            .product(name: "ReceiptPrinter", package: "OneStopKiosk"), .product(name: "TerminalUI", package: "OneStopKiosk"),
            .product(name: "KioskTesting", package: "OneStopKiosk"), .product(name: "Logging", package: "swift-log"),
        ], path: "bench-progress"),
    ],
    swiftLanguageModes: [.v6]
)
