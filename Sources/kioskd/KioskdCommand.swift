import ArgumentParser
import Foundation
import KioskDomain
import KioskHost
import KioskTime
import Logging
import KioskOperations
import TerminalUI
import VoiceGuidance

/// `kioskd [--demo] [--region R] [--config FILE]`: the kiosk daemon. Thin: parses arguments,
/// builds the world (`DemoAssembly` or the configured devices) and runs `KioskDaemon`.
@main
struct KioskdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "军人退役“一件事一次办”自助终端 — the kiosk daemon.",
        discussion: "kioskd --demo runs the whole journey on this terminal with a simulated card reader, a file printer and an embedded central-sim.")

    @Flag(help: "Run with simulated devices and an embedded central-sim in a temporary folder.")
    var demo = false

    @Option(help: "Region profile: chongqing, sichuan, jiangxi, hebei, ordos.")
    var region = "chongqing"

    @Option(help: "The configuration file (see Assets/kioskd.example.toml).")
    var config: String?

    @Option(help: "Folder with the kiosk's Assets (default: found beside the binary or the working directory).")
    var assets: String?

    @Option(help: "The demo's data folder (default: a new temporary folder).")
    var dataDir: String?

    @Flag(help: "Speak the key prompts with espeak-ng's Mandarin voice (语音播报).")
    var speech = false

    @Option(help: ArgumentHelp("Speak the key prompts with this command instead: words split at spaces, {text} is the prompt, {volume} 0–100 (without {text} the prompt goes to its standard input).",
                               valueName: "command"))
    var speechCommand: String?

    @Option(help: "Where librime keeps the schema it compiles for the on-screen keyboard (default: the user's cache).")
    var rimeUserData: String?

    @Option(help: "The status API's address (GET /healthz, /v1/status, /metrics); loopback needs no token.")
    var status = "127.0.0.1:8470"

    func run() async throws {
        guard demo else {
            FileHandle.standardError.write(Data("kioskd: give --demo (simulated devices), or --config FILE for a terminal's devices\n".utf8))
            throw ExitCode(2)
        }
        let assetDirectory: AssetDirectory
        do {
            assetDirectory = try AssetDirectory.locate(explicit: assets)
        } catch {
            FileHandle.standardError.write(Data("kioskd: \(error)\n".utf8))
            throw ExitCode(2)
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["KIOSKD_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
            return handler
        }
        let logger = Logger(label: "kioskd")
        let clock = SystemClock()
        guard let (statusHost, statusPort) = KioskConfiguration.StatusListener.parseListen(status) else {
            FileHandle.standardError.write(Data("kioskd: --status: expected HOST:PORT, found \(status)\n".utf8))
            throw ExitCode(2)
        }
        // The terminal is the UI's: the event log goes nowhere in the demo (journald takes it on a kiosk).
        let events = EventLog(logger: Logger(label: "kioskd") { _ in SwiftLogNoOpLogHandler() })
        let feed = StatusFeed(board: StatusBoard(version: "0.1.0", region: region, terminal: DemoEnvironment.terminalID(region: region), centralURL: "embedded central-sim",
                                                 dataDirectory: dataDir ?? "temporary", log: events))
        // A failing speech command is logged (once, by VoiceGuide), never written over the UI.
        let speechLog: @Sendable (String) -> Void = { logger.warning("\($0)") }
        let voice: VoiceGuide? = if let speechCommand {
            VoiceGuide(settings: SpeechSettings(command: speechCommand.split(separator: " ").map(String.init)), log: speechLog)
        } else {
            speech ? VoiceGuide(settings: .espeakMandarin(), log: speechLog) : nil
        }
        // Opened when a free-text field first shows the keyboard; closed when the UI ends.
        let pinyin = PinyinEngineHost(userDataDirectory: rimeUserData)
        let (daemon, world) = try await DemoAssembly.make(region: region, assets: assetDirectory, clock: clock,
                                                          directory: dataDir.map { URL(fileURLWithPath: $0) },
                                                          voice: voice,
                                                          status: feed, pinyin: pinyin, logger: logger)
        var listener = KioskConfiguration.StatusListener()
        listener.host = statusHost
        listener.port = statusPort
        let specification = (try? Data(contentsOf: assetDirectory.url("api/status.yaml"))) ?? Data()
        let server = StatusServer(listener: listener, source: feed.board, metrics: StatusMetrics(), specification: specification, log: events)
        // A port already taken (a second demo) costs the status API, not the kiosk.
        let statusTask = Task { try? await server.run() }
        let feedTask = Task {
            await feed.run(receipts: daemon.host.devices.receipts, drainer: daemon.host.devices.drainer,
                           dataDirectory: world.directory, calendar: daemon.context.planner.calendar, clock: clock)
        }
        defer {
            statusTask.cancel()
            feedTask.cancel()
        }
        // The host owns SIGTERM/SIGINT/SIGHUP: the UI stops gracefully, the terminal is restored.
        let watcher = SignalWatcher(onTerminate: { _ in daemon.stop() }, onResize: {})
        defer { watcher.cancel() }
        let exit = try await daemon.run()
        pinyin.close()
        await world.stop()
        print("""
            kioskd --demo 已结束（\(exit)）。
              回执（ESC/POS 与文本）：\(world.receipts.path)
              案件数据库：\(world.databasePath)
              演示数据目录：\(world.directory.path)
            """)
    }
}
