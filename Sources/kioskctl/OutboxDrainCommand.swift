import KioskTime
import ArgumentParser
import CentralService
import Foundation
import KioskStore

/// `kioskctl outbox drain --central URL --terminal ID --terminal-key FILE [--db …] [--key …]
/// [--until-empty] [--max-seconds N] [--json]`: submits the queued cases to the central service,
/// oldest first, exactly as kioskd's drainer does. Safe to interrupt or kill at any point: a case
/// the central service already holds is acknowledged again on the next run.
///
/// Exit 0: the queue is empty (or the run was stopped); 1: cases remain refused or undelivered
/// when `--until-empty` or `--max-seconds` ended the run; 2: could not run.
struct OutboxDrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drain",
        abstract: "把待报送案件提交到中心服务 — submit queued cases to the central service.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The central service's base URL: https://…, or http:// to a loopback host only.",
                               valueName: "url"))
    var central: String

    @Option(help: ArgumentHelp("PEM file of the province's CA certificate(s), trusted beside the system's roots.",
                               valueName: "path"))
    var centralCa: String?

    @Flag(help: "Trust only the certificates of --central-ca (pinning): any other authority is refused.")
    var pinCentralCa = false

    @Option(help: ArgumentHelp("This terminal's ID, as registered with the central service.", valueName: "id"))
    var terminal: String

    @Option(help: ArgumentHelp("The terminal's signing secret file (hex).", valueName: "path"))
    var terminalKey: String

    @Flag(help: "Stop when nothing is pending (otherwise keep running until interrupted or --max-seconds).")
    var untilEmpty = false

    @Option(help: "Stop after this many seconds.")
    var maxSeconds: Double?

    @Option(help: "Limit for one request, in seconds.")
    var requestTimeout: Double = 15

    @Option(help: "Submissions in flight at once (1: strictly one after the other, oldest first).")
    var parallel = 1

    func run() async throws {
        guard let url = URL(string: central), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw CLIFailure.usage("--central: expected a URL such as https://central.example:8443, found \(central)")
        }
        let secret: TerminalSecret
        do { secret = try TerminalSecret.load(from: terminalKey) } catch { throw CLIFailure.cannotRun(error.description) }
        let client: CentralClient
        do {
            client = try CentralClient(configuration: .init(baseURL: url, terminalID: terminal,
                                                            requestTimeout: .milliseconds(Int(requestTimeout * 1000)),
                                                            tls: CentralTLS(caFile: centralCa, pinCA: pinCentralCa,
                                                                            caFileKey: "--central-ca", pinKey: "--pin-central-ca"),
                                                            urlKey: "--central"),
                                       secret: secret)
        } catch {
            throw CLIFailure.usage(error.description)
        }
        let caseStore: CaseStore
        do { caseStore = try store.open() } catch {
            try? await client.shutdown()
            throw error
        }
        guard (1...16).contains(parallel) else { throw CLIFailure.usage("--parallel: expected 1 to 16, found \(parallel)") }
        let drainer = OutboxDrainer(store: caseStore, submitter: client, configuration: .init(maxInFlight: parallel),
                                    onAlert: { alert in
            FileHandle.standardError.write(Data("kioskctl: 报送告警 \(alert.kind.rawValue) \(alert.localReference)：\(alert.lastError)\n".utf8))
        })
        let report: DrainReport
        let status: OutboxStatus
        let ratings: Int
        do {
            report = try await storeCall {
                try await drainer.run(untilEmpty: untilEmpty, deadline: maxSeconds.map { SystemClock().wallTime.addingTimeInterval($0) })
            }
            status = try await storeCall { try await drainer.status() }
            // 好差评 ratings go after the cases they rate (a rating waits for its case's number).
            ratings = try await storeCall {
                try await RatingDrainer(store: caseStore, submitter: client)
                    .drainAll(deadline: maxSeconds.map { SystemClock().wallTime.addingTimeInterval($0) })
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        if store.json {
            try printJSON(DrainDocument(report: report, outbox: status, ratingsDelivered: ratings))
        } else {
            print("已报送 \(report.delivered) 件（其中 \(report.replayed) 件为重复确认），失败重试 \(report.retried) 次，拒收 \(report.dead) 件；"
                + "待报送 \(status.pending) 件，拒收待处理 \(status.dead) 件；评价报送 \(ratings) 条")
        }
        if (untilEmpty || maxSeconds != nil) && (status.pending > 0 || status.dead > 0) {
            throw CLIFailure.refused("仍有 \(status.pending) 件待报送、\(status.dead) 件被拒收（kioskctl outbox list 查看）")
        }
    }
}

/// `kioskctl outbox drain --json`.
struct DrainDocument: Encodable {
    var report: DrainReport
    var outbox: OutboxStatus
    /// 好差评 ratings delivered by this run.
    var ratingsDelivered: Int
}
