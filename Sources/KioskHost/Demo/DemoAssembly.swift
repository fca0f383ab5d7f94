import CentralService
import Foundation
import IDCardReader
import KioskApp
import KioskDomain
import KioskStore
import KioskTime
import Logging
import PhotoCheck
import KioskOperations
import ReceiptPrinter
import VoiceGuidance

/// Wires the demo world into a running kiosk: store in the demo folder, the outbox drainer to
/// the embedded central-sim, the file printer, the reader on the simulator's pty, the photo desk.
public enum DemoAssembly {
    /// What the demo takes from kioskd's command line and configuration.
    public struct Options: Sendable {
        public var region: String
        public var directory: URL?
        public var delays = KioskDelays()
        public var configuredCentral: DemoEnvironment.ConfiguredCentral?
        public var voice: VoiceGuide?
        /// Demo knobs for tests and practice: items always refused, the network down.
        public var demo = DemoOptions()
        /// The receipt QR's progress page (the case number is appended).
        public var progressURL: String?
        /// The on-screen keyboard's engine (kioskd closes it when the UI ends).
        public var pinyin: PinyinEngineHost?
        public init(region: String, directory: URL? = nil) {
            self.region = region
            self.directory = directory
        }
    }

    public static func make(_ options: Options, assets: AssetDirectory, clock: any KioskClock, status: StatusFeed? = nil,
                            onPreflight: @escaping @Sendable ([StatusSnapshot.Preflight.Failure]) async -> Void = { _ in },
                            logger: Logger) async throws -> (KioskDaemon, DemoEnvironment) {
        let region = options.region
        let demo = try await DemoEnvironment(region: region, assets: assets, clock: clock, directory: options.directory,
                                             configuredCentral: options.configuredCentral, logger: logger, options: options.demo)
        let context = try KioskContext.load(region: region, terminal: .init(id: demo.terminalID, hall: "示范政务服务中心"),
                                            assets: assets, delays: options.delays)
        let storeKey = demo.directory.appendingPathComponent("store.key").path
        let store = try CaseStore(configuration: StoreConfiguration(
            databasePath: demo.databasePath, keyFilePath: storeKey, reservedDiskBytes: 0, clock: clock))
        let client = try demo.client(clock: clock)
        let drainer = OutboxDrainer(store: store, submitter: client, clock: clock, logger: logger)
        let receipts = try ReceiptService(model: .standard80mm, submitter: JobSubmitter(queue: demo.printer, clock: clock), assets: assets,
                                          progressLookupBase: options.progressURL ?? AcknowledgementReceipt.defaultProgressLookupBase)
        var readerConfiguration = CardReader.Configuration()
        readerConfiguration.pollInterval = .milliseconds(300)
        let reader = CardReader(connector: { () throws(TransportError) -> any SAMTransport in try SerialPort(path: demo.readerDevicePath) },
                                verifier: CardVerifier(divisions: context.divisions), configuration: readerConfiguration, clock: clock)
        let checker = try PhotoCheckSetup.checker(region: region, assets: assets.root.path)
        let receiptsFolder = demo.receipts
        let host = try await KioskHost(
            context: context,
            devices: .init(store: store, drainer: drainer, receipts: receipts, reader: ReaderBridge(reader: reader, events: EventLog(logger: logger)),
                           photos: PhotoDesk(folder: demo.photos, checker: checker), central: client),
            clock: clock, logger: logger,
            receiptText: { reference, text in
                try? Data(text.utf8).write(to: receiptsFolder.appendingPathComponent("\(reference).txt"))
            }, voice: options.voice)
        // The demo folder is temporary: no disk reserve (a laptop's /tmp may be small).
        let preflight = Preflight(dataDirectory: demo.directory, store: store, calendar: context.planner.calendar, clock: clock,
                                  reserveBytes: { demo.reserveBytes(normal: 64 << 20) }, secretFiles: [("store key", storeKey)])
        let daemon = KioskDaemon(context: context, host: host, clock: clock, performer: DemoPerformer(host: host, demo: demo), pinyin: options.pinyin,
                                 preflight: preflight, onPreflight: onPreflight,
                                 observe: { state in status?.observe(state) })
        return (daemon, demo)
    }
}
