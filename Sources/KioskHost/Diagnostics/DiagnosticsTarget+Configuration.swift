import CentralService
import Foundation
import IDCardReader
import KioskDomain
import KioskOperations
import KioskStore
import KioskTime
import PhotoCheck
import ReceiptPrinter

extension DiagnosticsTarget {
    /// The target `kioskctl diag` checks when no kioskd runs: the devices named in the
    /// configuration, opened by the run itself. The store is opened read-mostly (nothing is
    /// created); a part that cannot be opened stays nil and its check says so with the remedy.
    public static func direct(configuration: KioskConfiguration, assets: AssetDirectory,
                              clock: any KioskClock) async -> DiagnosticsTarget {
        var target = DiagnosticsTarget(terminalID: configuration.terminal.id, region: configuration.region, assets: assets, clock: clock)
        let setting = configuration.devices.reader
        let missing: CardReader.Connector = { () throws(TransportError) -> any SAMTransport in
            throw .cannotOpen(device: setting, reason: "no reader descriptors (Devices/readers) to open it by")
        }
        target.reader = .device((try? ConfiguredReader.connector(for: setting)) ?? missing)
        target.readerModel = configuration.devices.reader
        target.verifier = (try? DivisionCodes.load(from: assets)).map(CardVerifier.init(divisions:))
        if let queue = try? await CupsPrinterQueue.open(queue: configuration.devices.printerQueue) {
            target.receipts = try? ReceiptService(model: .standard80mm, submitter: JobSubmitter(queue: queue, clock: clock), assets: assets)
        }
        if let checker = try? PhotoCheckSetup.checker(region: configuration.region, assets: assets.root.path) {
            target.photos = PhotoDesk(folder: URL(fileURLWithPath: configuration.devices.photoFolder), checker: checker)
        }
        let data = URL(fileURLWithPath: configuration.dataDirectory)
        let database = data.appendingPathComponent("cases.sqlite").path
        let key = data.appendingPathComponent("store.key").path
        target.databasePath = database
        target.keyFilePath = key
        let store = try? CaseStore(configuration: StoreConfiguration(databasePath: database, keyFilePath: key, purgeOnOpen: false,
                                                                     createIfMissing: false, clock: clock))
        target.store = store
        if let secret = try? TerminalSecret.load(from: configuration.terminal.keyFile) {
            let tls = CentralTLS(caFile: configuration.central.caFile)
            let client = try? CentralClient(configuration: .init(baseURL: configuration.central.url, terminalID: configuration.terminal.id,
                                                                 connectTimeout: .seconds(2), requestTimeout: .seconds(3), tls: tls),
                                            secret: secret, clock: clock)
            target.central = client
            if let store, let client {
                target.drainer = OutboxDrainer(store: store, submitter: client, clock: clock)
            }
        }
        target.speechCommand = configuration.speech.command
        return target
    }
}
