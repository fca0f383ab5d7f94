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
        target.reader = .device(readerConnector(configuration.devices.reader))
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

    /// Opens the configured reader: a serial path, `usb:VVVV:PPPP` (by its model descriptor), or
    /// `auto` (the first device that answers the SAM status command).
    static func readerConnector(_ setting: String) -> CardReader.Connector {
        let models = (try? ReaderModelCatalog.load(directory: ReaderModelCatalog.locate(explicit: nil))) ?? []
        return { () throws(TransportError) -> any SAMTransport in
            if setting.hasPrefix("/") { return try SerialPort(path: setting) }
            let usb = try? USBContext()
            if setting.hasPrefix("usb:"), let id = USBID(String(setting.dropFirst(4))) {
                guard let model = models.first(where: { $0.usb == id }), let layout = try? model.endpointLayout() else {
                    throw .cannotOpen(device: setting, reason: "no descriptor in Devices/readers")
                }
                return try ReaderEndpoint.usb(id, layout: layout, interface: Int32(model.interface ?? 0)).open(usb: usb)
            }
            guard let found = ReaderProbe.probe(models: models, usb: usb, ttys: ReaderProbe.defaultTTYs()).first(where: \.answered) else {
                throw .cannotOpen(device: setting, reason: "no reader answered (USB ids of Devices/readers, /dev/ttyUSB*, /dev/ttyACM*)")
            }
            return try found.endpoint.open(usb: usb)
        }
    }
}
