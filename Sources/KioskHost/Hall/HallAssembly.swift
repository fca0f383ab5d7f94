import CentralService
import Foundation
import IDCardReader
import KioskApp
import KioskDomain
import KioskOperations
import KioskStore
import KioskTime
import Logging
import PhotoCheck
import ReceiptPrinter
import VoiceGuidance

/// Wires a hall terminal from its configuration: the case store in `data_directory`, the outbox
/// to `[central] url` signed as `[terminal]`, the CUPS receipt queue, the configured card reader
/// and the photo folder. Devices that are missing at start are not fatal — the reader is looked
/// for again at every connect, the printer's state is polled — because a terminal that cannot
/// start cannot tell anyone what is wrong; the status API and home's banners say it instead.
public enum HallAssembly {
    public struct World: Sendable {
        public var central: CentralClient
        public var dataDirectory: URL
        public var databasePath: String
    }

    public static func make(configuration: KioskConfiguration, hall: String, assets: AssetDirectory, clock: any KioskClock,
                            voice: VoiceGuide?, status: StatusFeed?, pinyin: PinyinEngineHost? = nil,
                            onPreflight: @escaping @Sendable ([StatusSnapshot.Preflight.Failure]) async -> Void,
                            logger: Logger) async throws -> (KioskDaemon, World) {
        let directory = URL(fileURLWithPath: configuration.dataDirectory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let context = try KioskContext.load(region: configuration.region, terminal: .init(id: configuration.terminal.id, hall: hall),
                                            assets: assets, delays: configuration.delays)
        let databasePath = directory.appendingPathComponent("cases.sqlite").path
        let storeKey = directory.appendingPathComponent("store.key").path
        let store = try CaseStore(configuration: StoreConfiguration(databasePath: databasePath, keyFilePath: storeKey, clock: clock))
        let central = try configuration.centralClient(clock: clock)
        let drainer = OutboxDrainer(store: store, submitter: central, clock: clock, logger: logger)
        let printer = try await CupsPrinterQueue.open(queue: configuration.devices.printerQueue)
        let receipts = try ReceiptService(model: .standard80mm, submitter: JobSubmitter(queue: printer, clock: clock), assets: assets,
                                          progressLookupBase: configuration.central.progressURL)
        let reader = CardReader(connector: try ConfiguredReader.connector(for: configuration.devices.reader),
                                verifier: CardVerifier(divisions: context.divisions), clock: clock)
        let checker = try PhotoCheckSetup.checker(region: configuration.region, assets: assets.root.path)
        let host = try await KioskHost(
            context: context,
            devices: .init(store: store, drainer: drainer, receipts: receipts, reader: ReaderBridge(reader: reader, events: EventLog(logger: logger)),
                           photos: PhotoDesk(folder: URL(fileURLWithPath: configuration.devices.photoFolder), checker: checker)),
            clock: clock, logger: logger, voice: voice)
        let preflight = Preflight(dataDirectory: directory, store: store, calendar: context.planner.calendar, clock: clock,
                                  secretFiles: [("terminal.key_file", configuration.terminal.keyFile), ("store key", storeKey)])
        let daemon = KioskDaemon(context: context, host: host, clock: clock, pinyin: pinyin, preflight: preflight, onPreflight: onPreflight,
                                 observe: { state in status?.observe(state) })
        return (daemon, World(central: central, dataDirectory: directory, databasePath: databasePath))
    }
}

extension HallAssembly {
    /// The hall's diagnostics for `kioskctl diag` through the status API: kioskd's own devices
    /// (the reader through its bridge, never opened twice), the store, the outbox and the central
    /// service as kioskd uses them; each run shown on the status board.
    public static func diagnostics(daemon: KioskDaemon, world: World, configuration: KioskConfiguration, assets: AssetDirectory,
                                   board: StatusBoard?, clock: any KioskClock) -> DiagnosticsEngine {
        let devices = daemon.host.devices
        var target = DiagnosticsTarget(terminalID: configuration.terminal.id, region: configuration.region, assets: assets, clock: clock)
        target.reader = devices.reader.map { .owned($0) }
        target.readerModel = configuration.devices.reader
        target.receipts = devices.receipts
        target.terminal = TerminalFacts(fileDescriptor: 0, term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        target.photos = devices.photos
        target.store = devices.store
        target.databasePath = world.databasePath
        target.keyFilePath = world.dataDirectory.appendingPathComponent("store.key").path
        target.drainer = devices.drainer
        target.central = world.central
        target.speechCommand = configuration.speech.command
        return DiagnosticsEngine(target: target, onRun: { run in await board?.diagnostics(run.summary) })
    }
}

extension DemoEnvironment.ConfiguredCentral {
    /// `[central] url` as `[terminal] id`, signed with the key file.
    public init(configuration: KioskConfiguration) throws {
        self.init(url: configuration.central.url, terminalID: configuration.terminal.id,
                  secret: try TerminalSecret.load(from: configuration.terminal.keyFile))
    }
}

extension KioskConfiguration {
    /// The flow's delays with the configured idle timeouts.
    public var delays: KioskDelays {
        var delays = KioskDelays()
        delays.idle = timeouts.idle
        delays.formIdle = timeouts.formIdle
        delays.warningSeconds = Int(timeouts.warning.components.seconds)
        return delays
    }

    /// A client of `[central] url` signed as `[terminal] id` with its key file.
    public func centralClient(clock: any KioskClock) throws -> CentralClient {
        let secret = try TerminalSecret.load(from: terminal.keyFile)
        return try CentralClient(configuration: .init(baseURL: central.url, terminalID: terminal.id,
                                                      tls: CentralTLS(caFile: central.caFile, pinCA: central.pinCA)),
                                 secret: secret, clock: clock)
    }
}
