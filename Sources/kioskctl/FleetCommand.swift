import KioskTime
import ArgumentParser
import CentralService
import Foundation
import KioskDomain
import KioskOperations

/// `kioskctl fleet --central URL --operator NAME --key-file F [--stale-after S] [--json]`: every
/// terminal the central service knows, with stale ones flagged. The central service answers only
/// signed requests: an operator's key reads the whole fleet; a terminal's key (`--terminal ID`)
/// reads only that terminal's own entry, so a key kept on a hall's kiosk reveals nothing of others.
/// Exit 0 every terminal fresh and ok, 1 any stale or unhealthy, 2 the central service unreachable.
struct FleetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet", abstract: "全部终端心跳 — every terminal the central service knows.")

    @Option(help: "The central service's base URL.")
    var central: String
    @Option(help: "The operator name to sign as (central-sim --operator NAME=KEYFILE): the whole fleet.")
    var `operator`: String?
    @Option(help: "Or a terminal id to sign as: that terminal's own entry only.")
    var terminal: String?
    @Option(help: "The operator's or terminal's key file (64 hex characters).")
    var keyFile: String
    @Option(help: "Seconds without a heartbeat after which a terminal is flagged stale (3 missed beats).")
    var staleAfter = 180
    @Flag(help: "Print the fleet as one JSON document.")
    var json = false

    func run() async throws {
        guard let base = URL(string: central), base.scheme == "http" || base.scheme == "https" else {
            throw CLIFailure.usage("--central: expected an http:// or https:// URL, found \(central)")
        }
        guard staleAfter > 0 else { throw CLIFailure.usage("--stale-after: expected a positive number of seconds") }
        let secret: TerminalSecret
        do { secret = try TerminalSecret.load(from: keyFile) } catch { throw CLIFailure.cannotRun(error.description) }
        let client: CentralClient
        do {
            let configuration: CentralClient.Configuration
            switch (self.operator, terminal) {
            case (let name?, nil): configuration = .init(baseURL: base, operator: name, urlKey: "--central")
            case (nil, let id?): configuration = .init(baseURL: base, terminalID: id, urlKey: "--central")
            default: throw CLIFailure.usage("give one of --operator NAME or --terminal ID")
            }
            client = try CentralClient(configuration: configuration, secret: secret)
        } catch let failure as CLIFailure {
            throw failure
        } catch { throw CLIFailure.usage("\(error)") }
        let list: TerminalList
        do {
            list = try await client.terminals()
            try? await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw CLIFailure.cannotRun("中心服务 \(central) 无法查询终端列表: \(error)")
        }
        let report = FleetReport(list: list, now: SystemClock().wallTime, staleAfter: .seconds(staleAfter))
        if json { try printJSON(report, encoder: StatusSnapshot.prettyEncoder) } else { print(report.text, terminator: "") }
        if !report.allHealthy {
            throw CLIFailure.refused("有终端失联或状态异常")
        }
    }
}
