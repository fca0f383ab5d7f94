import ArgumentParser
import CentralService
import CentralSim
import Foundation
import Synchronization
import KioskDomain

/// `central-sim [--listen HOST:PORT] [--db FILE]`: the reference central service, for
/// development, demos and tests. Prints `central-sim listening on http://HOST:PORT` once ready.
@main
struct CentralSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central-sim",
        abstract: "一体化政务服务平台参考实现 — reference implementation of the central service API.")

    @Option(help: "Address to listen on, HOST:PORT (port 0 picks a free one).")
    var listen = "127.0.0.1:8480"
    @Option(help: "SQLite file of received cases (created if missing).")
    var db = "central-sim.sqlite"
    @Option(name: .customLong("terminal"), help: "A terminal allowed to sign requests: ID=KEYFILE (repeatable).")
    var terminals: [String] = []
    @Option(name: .customLong("department"),
            help: "A department allowed to read its department views: NAME=KEYFILE (repeatable; NAME as items name it).")
    var departments: [String] = []
    @Option(name: .customLong("operator"),
            help: "An operator allowed to read the fleet (every terminal's heartbeat, no case): NAME=KEYFILE (repeatable).")
    var operators: [String] = []
    @Flag(help: "Create a terminal's, department's or operator's key file (mode 0600) when it does not exist yet.")
    var createKeys = false
    @Option(help: "Assets folder (api/central.yaml, calendar/); found automatically when omitted.")
    var assets: String?
    @Option(help: "Allowed clock difference for signed requests, in seconds.")
    var signatureWindow: Double = 300
    @Option(help: "Simulated seconds per real second for department progress.")
    var speed: Double = 1440
    @Option(help: "Seed of the progress simulation.")
    var seed: UInt64 = 1
    @Option(help: "Probability that a department refuses an item (不予受理).")
    var refusalRate: Double = 0.03
    @Option(name: .customLong("refuse-item"), help: "An item code always refused at intake (repeatable).")
    var refuseItems: [String] = []
    @Option(help: "Fault: share of requests answered 500/502/504.")
    var errorRate: Double = 0
    @Option(help: "Fault: share of requests held without answer for --hang-seconds.")
    var timeoutRate: Double = 0
    @Option(help: "Fault: how long a timed-out request is held.")
    var hangSeconds: Double = 30
    @Option(help: "Fault: share of requests whose connection is dropped.")
    var dropRate: Double = 0
    @Option(help: "Fault: share of requests answered 503 with Retry-After.")
    var unavailableRate: Double = 0
    @Option(help: "Fault: Retry-After seconds sent with a 503.")
    var retryAfter: Int = 2
    @Option(help: "Fault: added latency per request, in milliseconds.")
    var latencyMs: Double = 0
    @Option(help: "Fault: random extra latency up to this many milliseconds.")
    var latencyJitterMs: Double = 0
    @Option(help: "Fault: share of answers whose body is trickled.")
    var slowBodyRate: Double = 0
    @Option(help: "Fault: pause between trickled 16-byte chunks, in milliseconds.")
    var slowBodyDelayMs: Double = 50
    @Option(help: "Seed of the fault injection.")
    var faultSeed: UInt64 = 1

    func run() async throws {
        let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let port = Int(parts.last!), (0...65535).contains(port) else {
            throw ValidationError("--listen: expected HOST:PORT, found \(listen)")
        }
        let host = parts.dropLast().joined(separator: ":")
        let secrets = try keys(terminals, option: "--terminal", name: "ID")
        let departmentSecrets = try keys(departments, option: "--department", name: "NAME")
        let operatorSecrets = try keys(operators, option: "--operator", name: "NAME")
        if secrets.isEmpty {
            FileHandle.standardError.write(Data("central-sim: no --terminal given; every signed request will be refused\n".utf8))
        }
        let directory = try AssetDirectory.locate(explicit: assets)
        var settings = CentralSimConfiguration(
            host: host.isEmpty ? "127.0.0.1" : host, port: port, databasePath: db, assets: directory, terminals: secrets,
            departments: departmentSecrets,
            signatureWindow: signatureWindow, speed: speed, seed: seed, refusalRate: refusalRate,
            faults: FaultInjection(errorRate: errorRate, timeoutRate: timeoutRate, hang: hangSeconds, dropRate: dropRate,
                                   unavailableRate: unavailableRate, retryAfter: retryAfter, latency: latencyMs / 1000,
                                   latencyJitter: latencyJitterMs / 1000, slowBodyRate: slowBodyRate,
                                   slowBodyDelay: slowBodyDelayMs / 1000, seed: faultSeed))
        settings.operators = operatorSecrets
        settings.refuseItems = Set(refuseItems)
        let configuration = settings
        let server = try CentralSimServer(configuration: configuration)
        let listening = Mutex(false)
        do {
            try await server.run { port in
                listening.withLock { $0 = true }
                FileHandle.standardOutput.write(Data("central-sim listening on http://\(configuration.host):\(port)\n".utf8))
            }
        } catch where !listening.withLock({ $0 }) {
            // Most often the port is taken (another central-sim, or a kioskd's status port).
            FileHandle.standardError.write(Data("central-sim: cannot listen on \(configuration.host):\(configuration.port): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// `NAME=KEYFILE` entries → secrets, creating missing key files with `--create-keys`.
    private func keys(_ entries: [String], option: String, name: String) throws -> [String: TerminalSecret] {
        var secrets: [String: TerminalSecret] = [:]
        for entry in entries {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("\(option): expected \(name)=KEYFILE, found \(entry)")
            }
            let id = String(entry[..<equals])
            let file = String(entry[entry.index(after: equals)...])
            if createKeys, !FileManager.default.fileExists(atPath: file) {
                try TerminalSecret.generate().write(to: file)
            }
            secrets[id] = try TerminalSecret.load(from: file)
        }
        return secrets
    }
}
