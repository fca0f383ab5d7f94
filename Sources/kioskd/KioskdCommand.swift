import ArgumentParser
import Foundation
import KioskDomain
import KioskHost
import KioskOperations
import KioskTime
import Logging
import TerminalUI
import VoiceGuidance

/// `kioskd [--config FILE] [--demo] [--check-config]`: the kiosk daemon. Thin: reads the
/// configuration, builds the world (`DemoAssembly` or `HallAssembly`) and runs `KioskLifecycle`.
@main
struct KioskdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kioskd",
        abstract: "军人退役“一件事一次办”自助终端 — the kiosk daemon.",
        discussion: """
            kioskd --demo runs the whole journey on this terminal with a simulated card reader, a file printer and an \
            embedded central-sim. kioskd --config FILE runs a hall terminal with the devices the file names \
            (Assets/kioskd.example.toml documents every key).
            """)

    @Flag(help: "Run with simulated devices and an embedded central-sim in a temporary folder.")
    var demo = false

    @Option(help: "The configuration file (default \(KioskConfiguration.defaultPath); see Assets/kioskd.example.toml).")
    var config: String?

    @Flag(help: "Check the configuration (and the files it names) and exit: 0 valid, 1 not.")
    var checkConfig = false

    @Flag(help: "With --check-config: print the configuration in force, defaults included.")
    var print = false

    @Option(help: "Region profile (overrides the configuration): chongqing, sichuan, jiangxi, hebei, ordos.")
    var region: String?

    @Option(help: "Folder with the kiosk's Assets (default: KIOSK_ASSETS, beside the binary, or the working directory).")
    var assets: String?

    @Option(help: "The data folder (overrides data_directory; the demo's default is a new temporary folder).")
    var dataDir: String?

    @Flag(help: "Speak the key prompts with espeak-ng's Mandarin voice (语音播报).")
    var speech = false

    @Option(help: ArgumentHelp("Speak the key prompts with this command (overrides [speech] command): words split at spaces, {text} is the prompt, {volume} 0–100.",
                               valueName: "command"))
    var speechCommand: String?

    @Option(help: "Where librime keeps the schema it compiles for the on-screen keyboard (default: the user's cache).")
    var rimeUserData: String?

    @Option(help: "The status API's HOST:PORT (overrides [status] listen; default 127.0.0.1:8470).")
    var status: String?

    @Option(help: "Where the JSON-lines event log goes: a file, - for stdout, or none (default: the journal, else <data>/events.jsonl).")
    var eventLog: String?

    @Option(name: .customLong("fault"), help: ArgumentHelp(
        "Demo only: simulate a fault (\(DemoFault.allCases.map(\.rawValue).joined(separator: ", "))); repeat or separate with commas.",
        valueName: "fault"))
    var faults: [String] = []

    @Option(name: .customLong("demo-refuse-item"),
            help: "Demo: an item code the embedded central-sim always refuses (repeatable); then no other item is refused at random.")
    var demoRefuseItems: [String] = []

    @Flag(help: "Demo: the network is down (the kiosk cannot reach the central service).")
    var demoOffline = false

    @Option(help: "The public progress page the receipt's QR code points to (overrides [central] progress_url).")
    var progressURL: String?

    var demoOptions: DemoOptions {
        var options = DemoOptions()
        options.refuseItems = Set(demoRefuseItems)
        // Refusals asked for by name replace the random ones: a demonstration (or a test) of one
        // 不予受理 must not meet a second one, which would also refuse everything that follows it.
        if !demoRefuseItems.isEmpty { options.refusalRate = 0 }
        options.offline = demoOffline
        return options
    }

    func run() async throws {
        let demoFaults: Set<DemoFault>
        do {
            demoFaults = try DemoFault.parseList(faults.joined(separator: ","))
        } catch {
            fail("\(error)")
        }
        if !demoFaults.isEmpty && !demo {
            fail("--fault simulates a fault of the demo's devices: use it with --demo")
        }
        let assetDirectory: AssetDirectory
        do {
            assetDirectory = try AssetDirectory.locate(explicit: assets)
        } catch {
            fail("\(error)")
        }
        let configuration = try loadConfiguration(assets: assetDirectory)
        if checkConfig {
            Swift.print("kioskd: \(config ?? "defaults"): 配置有效 configuration valid")
            if print { Swift.print(configuration.tomlText, terminator: "") }
            return
        }
        let demoDirectory = dataDir.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("onestop-kiosk-demo-\(UUID().uuidString.prefix(8))")
        let dataDirectory = configuration.demo ? demoDirectory : URL(fileURLWithPath: configuration.dataDirectory)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])

        let destination = EventDestination.choose(explicit: eventLog, uiOnStandardOutput: isatty(STDOUT_FILENO) == 1,
                                                  fallbackFile: dataDirectory.appendingPathComponent("events.jsonl").path)
        let sink = destination.open(fallbackFile: dataDirectory.appendingPathComponent("events.jsonl").path)
        let level = ProcessInfo.processInfo.environment["KIOSKD_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label, level: level, sink: sink) }
        let logger = Logger(label: "kioskd")
        let events = EventLog(logger: logger)
        events.log(.daemonStartInit, ["version": KioskdVersion.current, "config_file": config ?? "defaults"])
        events.log(.configLoaded, ["config_file": config ?? "defaults", "region": configuration.region,
                                   "terminal": configuration.demo && configuration.demoWorld.central == .embedded
                                       ? DemoEnvironment.terminalID(region: configuration.region) : configuration.terminal.id,
                                   "demo": "\(configuration.demo)"])
        let clock = SystemClock()
        let lifecycle = KioskLifecycle(configuration: configuration, events: events, logger: logger, clock: clock)
        // A failing speech command is logged (once, by VoiceGuide), never written over the UI.
        let speechLog: @Sendable (String) -> Void = { logger.warning("\($0)") }
        let voice = (speechCommand ?? configuration.speech.command).map { command in
            VoiceGuide(settings: SpeechSettings(command: command.split(separator: " ").map(String.init), volume: configuration.speech.volume),
                       log: speechLog)
        } ?? (speech ? VoiceGuide(settings: .espeakMandarin(volume: configuration.speech.volume), log: speechLog) : nil)
        // The on-screen keyboard's engine: opened when a free-text field first shows the
        // keyboard, closed when the UI ends.
        let pinyin = PinyinEngineHost(userDataDirectory: rimeUserData)
        defer { pinyin.close() }
        let specification = (try? Data(contentsOf: assetDirectory.url("api/status.yaml"))) ?? Data()

        if configuration.demo {
            var options = DemoAssembly.Options(region: configuration.region, directory: dataDirectory)
            options.delays = configuration.delays
            options.voice = voice
            options.demo = demoOptions
            options.progressURL = progressURL ?? configuration.central.progressURL
            options.pinyin = pinyin
            if configuration.demoWorld.central == .configured {
                options.configuredCentral = try .init(configuration: configuration)
            }
            let terminal = options.configuredCentral?.terminalID ?? DemoEnvironment.terminalID(region: configuration.region)
            let feed = StatusFeed(board: StatusBoard(version: KioskdVersion.current, region: configuration.region, terminal: terminal,
                                                     centralURL: options.configuredCentral?.url.absoluteString ?? "embedded central-sim",
                                                     dataDirectory: dataDirectory.path, log: events))
            let (daemon, world) = try await DemoAssembly.make(options, assets: assetDirectory, clock: clock, status: feed,
                                                              onPreflight: lifecycle.preflightReporter(board: feed.board), logger: logger)
            for fault in demoFaults.sorted(by: { $0.rawValue < $1.rawValue }) { await world.inject(fault) }
            let diagnostics = try DemoAssembly.diagnostics(daemon: daemon, demo: world, assets: assetDirectory, board: feed.board, clock: clock)
            try await daemon.enableTechnicianMode(pinHash: configuration.technician.pinHash, file: config ?? "--demo", diagnostics: diagnostics)
            let exit = try await runLifecycle(lifecycle, .init(daemon: daemon, feed: feed, central: try world.client(clock: clock),
                                                              dataDirectory: dataDirectory, specification: specification,
                                                              diagnostics: diagnostics), events)
            await world.stop()
            Swift.print("""
                kioskd --demo 已结束（\(exit)）。
                  回执（ESC/POS 与文本）：\(world.receipts.path)
                  案件数据库：\(world.databasePath)
                  事件日志：\(destination)
                  演示数据目录：\(world.directory.path)
                """)
        } else {
            let feed = StatusFeed(board: StatusBoard(version: KioskdVersion.current, region: configuration.region,
                                                     terminal: configuration.terminal.id, centralURL: configuration.central.url.absoluteString,
                                                     dataDirectory: dataDirectory.path, log: events))
            let (daemon, world) = try await HallAssembly.make(configuration: configuration, hall: configuration.terminal.id,
                                                              assets: assetDirectory, clock: clock, voice: voice, status: feed, pinyin: pinyin,
                                                              onPreflight: lifecycle.preflightReporter(board: feed.board), logger: logger)
            let diagnostics = HallAssembly.diagnostics(daemon: daemon, world: world, configuration: configuration,
                                                       assets: assetDirectory, board: feed.board, clock: clock)
            try await daemon.enableTechnicianMode(pinHash: configuration.technician.pinHash, file: config ?? KioskConfiguration.defaultPath,
                                                  diagnostics: diagnostics)
            _ = try await runLifecycle(lifecycle, .init(daemon: daemon, feed: feed, central: world.central,
                                                       dataDirectory: dataDirectory, specification: specification,
                                                       diagnostics: diagnostics), events)
        }
    }

    /// Runs the services; a failed service is logged and ends kioskd with status 1 for systemd.
    private func runLifecycle(_ lifecycle: KioskLifecycle, _ parts: KioskLifecycle.Parts, _ events: EventLog) async throws -> RuntimeExit {
        do {
            let exit = try await lifecycle.run(parts)
            events.log(.daemonStopComplete, ["outcome": "success"])
            return exit
        } catch {
            events.log(.serviceFailed, ["service": "kioskd", "error": "\(error)"])
            FileHandle.standardError.write(Data("kioskd: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The configuration file (when given, or the default path outside the demo) with the
    /// command line's overrides; every problem is printed with file and key, exit 1.
    private func loadConfiguration(assets: AssetDirectory) throws -> KioskConfiguration {
        var configuration = KioskConfiguration()
        let path = config ?? (demo ? nil : KioskConfiguration.defaultPath)
        if let path {
            do {
                configuration = try KioskConfiguration.load(path: path)
            } catch {
                if config == nil && !checkConfig {
                    fail("no configuration at \(path): give --config FILE, or --demo for simulated devices", code: 2)
                }
                fail(error.description, code: 1)
            }
        }
        if demo {
            configuration.demo = true
            if config == nil { configuration.region = "chongqing" }
        }
        if let region { configuration.region = region }
        if let dataDir { configuration.dataDirectory = dataDir }
        if let status {
            guard let (host, port) = KioskConfiguration.StatusListener.parseListen(status) else {
                fail("--status: expected HOST:PORT, found \(status)", code: 2)
            }
            configuration.status.host = host
            configuration.status.port = port
            if !configuration.status.isLoopback && configuration.status.tokenFile == nil {
                fail("--status \(status): an address beyond loopback needs [status] token_file in the configuration", code: 2)
            }
        }
        let problems = configuration.validate(file: path ?? "--demo", assets: assets)
        if !problems.isEmpty {
            for problem in problems { FileHandle.standardError.write(Data("kioskd: \(problem.description)\n".utf8)) }
            throw ExitCode(1)
        }
        return configuration
    }

    private func fail(_ message: String, code: Int32 = 2) -> Never {
        FileHandle.standardError.write(Data("kioskd: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

enum KioskdVersion {
    static let current = "0.2.0"
}
