// bench-central: drain throughput of 1,000 queued cases from the kiosk's SQLite store to
// central-sim on loopback, against the same client's rate on a no-op endpoint in the same run.
//
// Usage: bench-central [--cases N]   (figures: docs/benchmarks/central-service.md)
import CentralService
import CentralSim
import Foundation
import Hummingbird
import KioskStore
import KioskTesting
import Logging

let arguments = CommandLine.arguments
let count = arguments.firstIndex(of: "--cases").flatMap { Int(arguments[$0 + 1]) } ?? 1000
var quiet = Logger(label: "bench")
quiet.logLevel = .critical

let directory = try RepositoryPaths.temporaryDirectory("bench-central")
defer { try? FileManager.default.removeItem(at: directory) }
let terminal = "CQ-YB-01"
let secret = TerminalSecret.generate()
let cases = (0..<count).map { CaseFixtures.chongqing(index: 10_000 + $0) }

/// A store with `cases` confirmed and queued.
func queuedStore(_ name: String) async throws -> CaseStore {
    let store = try CaseStore(configuration: StoreConfiguration(
        databasePath: directory.appendingPathComponent("\(name).sqlite").path,
        keyFilePath: directory.appendingPathComponent("\(name).key").path, reservedPages: 0, reservedDiskBytes: 0))
    for filed in cases { try await store.confirm(filed) }
    return store
}

func client(_ url: URL) -> CentralClient {
    CentralClient(configuration: .init(baseURL: url, terminalID: terminal), secret: secret)
}

func rate(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

// The no-op endpoint: answers every submission 201 with a receipt echoing the Idempotency-Key,
// without reading the body, checking the signature or touching a disk — the client's limit.
let noop = try await NoOpCentral.start()
let sim = try await CentralSimServer.start(CentralSimConfiguration(
    port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path, assets: RepositoryPaths.assets,
    terminals: [terminal: secret]), logger: quiet)

let noopClient = client(noop.baseURL)
let limit = try await rate {
    for filed in cases {
        guard case .accepted = await noopClient.submit(filed) else { throw CancellationError() }
    }
}
let noopStore = try await queuedStore("noop")
let drainNoop = try await rate {
    _ = try await OutboxDrainer(store: noopStore, submitter: noopClient, logger: quiet).run(untilEmpty: true)
}
let simClient = client(sim.baseURL)
let simStore = try await queuedStore("sim")
let drainSim = try await rate {
    let report = try await OutboxDrainer(store: simStore, submitter: simClient, logger: quiet).run(untilEmpty: true)
    guard report.delivered == count else { throw CancellationError() }
}
let held = try await simClient.listCases(terminalID: terminal).cases.count

print("""
    cases: \(count) (held by central-sim afterwards: \(held))
    | run | cases/s | vs. limit |
    |---|---:|---:|
    | client → no-op endpoint (the limit) | \(String(format: "%.0f", limit)) | 100 % |
    | store + drainer → no-op endpoint | \(String(format: "%.0f", drainNoop)) | \(String(format: "%.0f", drainNoop / limit * 100)) % |
    | store + drainer → central-sim | \(String(format: "%.0f", drainSim)) | \(String(format: "%.0f", drainSim / limit * 100)) % |
    """)
try? await noopClient.shutdown()
try? await simClient.shutdown()
await sim.stop()
await noop.stop()
