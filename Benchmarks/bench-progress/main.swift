// bench-progress: 查询办理进度 from touch to screen against central-sim on loopback — the card's
// ID number into the reducer, the visit desk's signed search and per-case progress requests,
// the answer back into the reducer, the progress screen laid out and diffed into terminal bytes.
// Baselines in the same run: the same path answered from the kiosk's own store (no network), and
// one bare signed GET /v1/cases/{caseNumber}.
//
// Usage: bench-progress [--queries N] [--cases-per-applicant K]   (figures: docs/benchmarks/progress-query.md)
import CentralService
import CentralSim
import Foundation
import KioskApp
import KioskDomain
import KioskHost
import KioskStore
import KioskTesting
import Logging
import ReceiptPrinter
import TerminalUI
import BenchSupport

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int { arguments.firstIndex(of: name).flatMap { Int(arguments[$0 + 1]) } ?? fallback }
let queries = option("--queries", 300)
let perApplicant = option("--cases-per-applicant", 3)
let quiet: Logger = { var logger = Logger(label: "bench"); logger.logLevel = .critical; return logger }()

let directory = try RepositoryPaths.temporaryDirectory("bench-progress")
defer { try? FileManager.default.removeItem(at: directory) }
let terminal = "CQ-YB-01"
let secret = TerminalSecret.generate()
let sim = try await CentralSimServer.start(CentralSimConfiguration(
    port: 0, databasePath: directory.appendingPathComponent("central.sqlite").path, assets: RepositoryPaths.assets,
    terminals: [terminal: secret], refusalRate: 0.2), logger: quiet)
let client = try CentralClient(configuration: .init(baseURL: sim.baseURL, terminalID: terminal), secret: secret)

// One applicant with K cases filed at this terminal, delivered to central-sim, among 20 others.
let store = try CaseStore(configuration: StoreConfiguration(
    databasePath: directory.appendingPathComponent("cases.sqlite").path,
    keyFilePath: directory.appendingPathComponent("store.key").path, reservedPages: 0, reservedDiskBytes: 0))
let applicant = CaseFixtures.chongqing(index: 500).applicant
for index in 0..<(20 + perApplicant) {
    var filed = CaseFixtures.chongqing(index: 600 + index)
    filed.terminalID = terminal
    if index < perApplicant { filed.applicant = applicant }
    try await store.confirm(filed)
}
_ = try await OutboxDrainer(store: store, submitter: client, logger: quiet).run(untilEmpty: true)

let context = try KioskContext.load(region: "chongqing", terminal: .init(id: terminal, hall: "基准大厅"), assets: RepositoryPaths.assets)
let receipts = try ReceiptService(model: .standard80mm, submitter: JobSubmitter(queue: try FilePrinterQueue(folder: directory.appendingPathComponent("receipts"))),
                                  assets: RepositoryPaths.assets)
let online = VisitDesk(store: store, central: client, receipts: receipts, context: context, clock: SystemClock(), logger: quiet)
let offline = VisitDesk(store: store, central: nil, receipts: receipts, context: context, clock: SystemClock(), logger: quiet)
let reducer = JourneyReducer(context: context)
let view = KioskView(context: context)
let holder = CardHolder(name: applicant.name, idNumber: applicant.idNumber, fromCard: true)
let size = Size(columns: 127, rows: 26)

/// Collects the event a desk sends back for one effect.
final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [KioskEvent] = []
    func send(_ event: KioskEvent) { lock.withLock { events.append(event) } }
    var first: KioskEvent? { lock.withLock { events.first } }
}

/// One touch to screen: the card's answer into the reducer, the query, the answer into the
/// reducer, the frame laid out and diffed against the card screen's frame.
func touchToScreen(_ desk: VisitDesk) async -> (Duration, Int) {
    var state = JourneyState(now: Date())
    _ = reducer.reduce(&state, .queryProgress)
    _ = reducer.reduce(&state, .progressUseCard)
    var renderer = DiffRenderer()
    _ = renderer.render(view.frame(state, in: ViewContext(size: size)).buffer)
    let start = ContinuousClock.now
    let effects = reducer.reduce(&state, .cardRead(holder))
    let answer = Answer()
    for effect in effects { if case .queryProgress = effect { await desk.perform(effect, send: answer.send) } }
    if let event = answer.first { _ = reducer.reduce(&state, event) }
    let bytes = renderer.render(view.frame(state, in: ViewContext(size: size)).buffer)
    let elapsed = ContinuousClock.now - start
    precondition(state.screen == .progress(.result(page: 0)), "the query did not reach the result screen: \(state.screen)")
    return (elapsed, bytes.count)
}

let caseNumber = try await client.search(idNumber: applicant.idNumber).cases[0].caseNumber
for _ in 0..<20 { _ = await touchToScreen(online); _ = await touchToScreen(offline); _ = try await client.progress(caseNumber: caseNumber) }

var centralTimes: [Duration] = [], storeTimes: [Duration] = [], bareTimes: [Duration] = []
var bytes = 0
for _ in 0..<queries {
    let (central, written) = await touchToScreen(online)
    centralTimes.append(central)
    bytes = written
    storeTimes.append(await touchToScreen(offline).0)
    let start = ContinuousClock.now
    _ = try await client.progress(caseNumber: caseNumber)
    bareTimes.append(ContinuousClock.now - start)
}
let central = Samples(durations: centralTimes), local = Samples(durations: storeTimes), bare = Samples(durations: bareTimes)
func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
print("bench-progress: \(queries) queries, \(perApplicant) cases for the applicant (1 search + \(perApplicant) progress requests each), frame \(bytes) bytes")
print("touch to screen, central-sim on loopback:  p50 \(ms(central.median))  p99 \(ms(central.percentile(0.99)))")
print("touch to screen, the store only (baseline): p50 \(ms(local.median))  p99 \(ms(local.percentile(0.99)))")
print("one signed GET /v1/cases/{n} (baseline):    p50 \(ms(bare.median))  p99 \(ms(bare.percentile(0.99)))")
print(String(format: "ratio central / store: p50 %.1f×, p99 %.1f×;  central / one GET: p50 %.1f× (%d requests)",
             central.median / local.median, central.percentile(0.99) / local.percentile(0.99), central.median / bare.median, 1 + perApplicant))
try? await client.shutdown()
await sim.stop()
