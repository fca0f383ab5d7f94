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
    public static func make(region: String, assets: AssetDirectory, clock: any KioskClock,
                            directory: URL? = nil, voice: VoiceGuide? = nil, status: StatusFeed? = nil,
                            pinyin: PinyinEngineHost? = nil, logger: Logger) async throws -> (KioskDaemon, DemoEnvironment) {
        let demo = try await DemoEnvironment(region: region, assets: assets, clock: clock, directory: directory, logger: logger)
        let context = try KioskContext.load(region: region, terminal: .init(id: demo.terminalID, hall: "示范政务服务中心"), assets: assets)
        let store = try CaseStore(configuration: StoreConfiguration(
            databasePath: demo.databasePath, keyFilePath: demo.directory.appendingPathComponent("store.key").path,
            reservedDiskBytes: 0, clock: clock))
        let client = try demo.client(clock: clock)
        let drainer = OutboxDrainer(store: store, submitter: client, clock: clock, logger: logger)
        let receipts = try ReceiptService(model: .standard80mm, submitter: JobSubmitter(queue: demo.printer, clock: clock), assets: assets)
        let path = demo.simulator.devicePath
        var readerConfiguration = CardReader.Configuration()
        readerConfiguration.pollInterval = .milliseconds(300)
        let reader = CardReader(connector: { () throws(TransportError) -> any SAMTransport in try SerialPort(path: path) },
                                verifier: CardVerifier(divisions: context.divisions), configuration: readerConfiguration, clock: clock)
        let checker = try PhotoCheckSetup.checker(region: region, assets: assets.root.path)
        let receiptsFolder = demo.receipts
        let host = try await KioskHost(
            context: context,
            devices: .init(store: store, drainer: drainer, receipts: receipts, reader: ReaderBridge(reader: reader),
                           photos: PhotoDesk(folder: demo.photos, checker: checker)),
            clock: clock, logger: logger,
            receiptText: { reference, text in
                try? Data(text.utf8).write(to: receiptsFolder.appendingPathComponent("\(reference).txt"))
            }, voice: voice)
        let daemon = KioskDaemon(context: context, host: host, clock: clock, performer: DemoPerformer(host: host, demo: demo),
                                 pinyin: pinyin, observe: { state in status?.observe(state) })
        return (daemon, demo)
    }
}
