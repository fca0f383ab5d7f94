// bench-central: drain throughput of 1,000 queued cases from the kiosk's SQLite store to
// central-sim on loopback, against the same client's rate on a no-op endpoint in the same run.
//
// Usage: bench-central [--cases N]   (figures: docs/benchmarks/central-service.md)
// Each run is measured with 1, 4 and 8 submissions in flight (1 is the drainer's default).
import CentralService
import CentralSim
import Foundation
import Hummingbird
import KioskDomain
import KioskStore
import KioskTesting
import Logging

let arguments = CommandLine.arguments
let count = arguments.firstIndex(of: "--cases").flatMap { Int(arguments[$0 + 1]) } ?? 1000
let quiet: Logger = {
    var logger = Logger(label: "bench")
    logger.logLevel = .critical
    return logger
}()

let directory = try RepositoryPaths.temporaryDirectory("bench-central")
defer { try? FileManager.default.removeItem(at: directory) }
let terminal = "CQ-YB-01"
let secret = TerminalSecret.generate()
let cases = (0..<count).map { CaseFixtures.chongqing(index: 10_000 + $0) }

/// A store with `count` cases confirmed and queued; each run gets its own cases (`first`), so
/// central-sim never answers a run with replays of an earlier one.
func queuedStore(_ name: String, first: Int) async throws -> CaseStore {
    let store = try CaseStore(configuration: StoreConfiguration(
        databasePath: directory.appendingPathComponent("\(name).sqlite").path,
        keyFilePath: directory.appendingPathComponent("\(name).key").path, reservedPages: 0, reservedDiskBytes: 0))
    for index in first..<(first + count) { try await store.confirm(CaseFixtures.chongqing(index: index)) }
    return store
}

func client(_ url: URL) throws -> CentralClient {
    try CentralClient(configuration: .init(baseURL: url, terminalID: terminal), secret: secret)
}

func rate(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

// The no-op endpoint: answers every submission 201 with a receipt echoing the Idempotency-Key,
// without reading the body, checking the signature or touching a disk — the client's limit.
let noop = try await NoOpCentral.start(itemsLike: cases[0])
let sim = try await CentralSimServer.start(CentralSimConfiguration(
    port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path, assets: RepositoryPaths.assets,
    terminals: [terminal: secret]), logger: quiet)

let noopClient = try client(noop.baseURL)
let simClient = try client(sim.baseURL)

/// The client alone (no store) against `client`'s endpoint, `inFlight` submissions at a time:
/// against the no-op endpoint this is the limit; against central-sim it isolates the server's
/// share of a drain from the store's.
func clientRate(_ client: CentralClient, inFlight: Int, cases: [FiledCase]) async throws -> Double {
    try await rate {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<inFlight {
                group.addTask {
                    for filed in cases[worker...].enumerated().filter({ $0.offset % inFlight == 0 }).map(\.element) {
                        guard case .accepted = await client.submit(filed) else { throw CancellationError() }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// A store with the 1,000 cases queued, drained to `url` with `inFlight` submissions at a time.
func drainRate(_ name: String, to submitter: CentralClient, inFlight: Int, first: Int) async throws -> Double {
    let store = try await queuedStore(name, first: first)
    return try await rate {
        let drainer = OutboxDrainer(store: store, submitter: submitter,
                                    configuration: .init(maxInFlight: inFlight), logger: quiet)
        let report = try await drainer.run(untilEmpty: true)
        guard report.delivered == count else { throw CancellationError() }
    }
}

var rows: [String] = []
for inFlight in [1, 4, 8] {
    let limit = try await clientRate(noopClient, inFlight: inFlight, cases: cases)
    let simAlone = try await clientRate(simClient, inFlight: inFlight,
                                        cases: (0..<count).map { CaseFixtures.chongqing(index: 200_000 + inFlight * 10_000 + $0) })
    let drainNoop = try await drainRate("noop-\(inFlight)", to: noopClient, inFlight: inFlight, first: 20_000)
    let drainSim = try await drainRate("sim-\(inFlight)", to: simClient, inFlight: inFlight, first: 30_000 + inFlight * 10_000)
    func row(_ label: String, _ value: Double) -> String {
        "| \(inFlight) | \(label) | \(String(format: "%.0f", value)) | \(String(format: "%.0f", value / limit * 100)) % |"
    }
    rows += [row("client → no-op endpoint (the limit)", limit), row("client → central-sim (no store)", simAlone),
             row("store + drainer → no-op endpoint", drainNoop), row("store + drainer → central-sim", drainSim)]
}
let held = try await simClient.listCases(terminalID: terminal).cases.count

print("""
    cases: \(count) per run (central-sim holds \(held), each case once)
    | in flight | run | cases/s | vs. limit |
    |---:|---|---:|---:|
    \(rows.joined(separator: "\n"))
    """)
try? await noopClient.shutdown()
try? await simClient.shutdown()
await sim.stop()
await noop.stop()
