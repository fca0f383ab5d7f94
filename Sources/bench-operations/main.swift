// bench-operations: the status API alone, fed with a terminal's typical state, for the load
// benchmark (docs/benchmarks/operations.md), the Prometheus scrape check and schemathesis
// (scripts/check-monitoring, scripts/check-status-api).
//
//   bench-operations [--listen HOST:PORT] [--token-file FILE] [--assets DIR]
//
// Prints `listening on http://HOST:PORT` once the port is bound; SIGTERM/SIGINT stop it.
import KioskTime
import Foundation
import KioskDomain
import KioskOperations
import Logging
import ServiceLifecycle

var listen = "127.0.0.1:0"
var tokenFile: String?
var assetsPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--listen": listen = arguments.popFirst() ?? listen
    case "--token-file": tokenFile = arguments.popFirst()
    case "--assets": assetsPath = arguments.popFirst()
    default:
        FileHandle.standardError.write(Data("bench-operations: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}
guard let (host, port) = KioskConfiguration.StatusListener.parseListen(listen) else {
    FileHandle.standardError.write(Data("bench-operations: --listen: expected HOST:PORT\n".utf8))
    exit(2)
}
let specification: Data
do {
    let assets = try AssetDirectory.locate(explicit: assetsPath)
    specification = try Data(contentsOf: assets.url("api/status.yaml"))
} catch {
    FileHandle.standardError.write(Data("bench-operations: \(error)\n".utf8))
    exit(2)
}

let log = EventLog(logger: Logger(label: "kioskd") { JSONLinesLogHandler(label: $0, level: .notice) })
let board = StatusBoard(version: "bench", region: "chongqing", terminal: "CQ-YB-01", centralURL: "http://127.0.0.1:8480",
                        dataDirectory: "/var/lib/kioskd", log: log)
await board.device("reader", state: "ok", model: "CVR-100U")
await board.device("printer", state: "no_paper", model: "EPSON TM-T82III", error: "paper end sensor", remedy: "装入 80mm 热敏纸")
await board.device("camera", state: "ok", model: "UVC 1080p")
await board.outbox(.init(pending: 3, oldestAgeSeconds: 420, refused: 0))
await board.storage(freeBytes: 40 << 30, databaseBytes: 12 << 20)
await board.preflight(failures: [])
await board.centralContact(reachable: true, heartbeatAt: SystemClock().wallTime)
await board.session(active: true, screen: "form")

var listener = KioskConfiguration.StatusListener()
listener.host = host
listener.port = port
listener.tokenFile = tokenFile
let server = StatusServer(listener: listener, source: board, metrics: StatusMetrics(), specification: specification, log: log,
                          onListening: { bound in
                              let shown = host.contains(":") ? "[\(host)]" : host
                              FileHandle.standardOutput.write(Data("listening on http://\(shown):\(bound)\n".utf8))
                          })
let group = ServiceGroup(configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: log.logger))
try await group.run()
