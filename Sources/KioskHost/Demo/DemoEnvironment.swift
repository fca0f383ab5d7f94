import CentralService
import CentralSim
import Foundation
import IDCardReader
import IDCardSimulator
import KioskApp
import KioskDomain
import KioskOperations
import KioskStore
import KioskTime
import Logging
import PhotoCheck
import ReceiptPrinter
import Synchronization

/// Everything `kioskd --demo` runs on instead of a hall's hardware: the reader simulator on a
/// pty with a scripted card (placed when the identify screen asks, taken away when the kiosk asks
/// for it), the file printer (ESC/POS and text receipts), central-sim on loopback with department
/// progress on a fast simulated clock, a photo folder with a sample photo, and a temporary data
/// directory. The same device tiers serve practice and tests.
public final class DemoEnvironment: Sendable {
    public let directory: URL
    public let receipts: URL
    public let photos: URL
    public let databasePath: String
    /// The embedded central-sim (replaced when the "central down" fault is cleared); nil when
    /// the demo reports to a configured central service.
    public var central: RunningCentralSim? { centralBox.withLock { $0 } }
    let centralBox: Mutex<RunningCentralSim?>
    /// What the embedded central-sim was started with, to start it again on the same port.
    let centralConfiguration: CentralSimConfiguration?
    /// The central-sim's port, held while the "central down" fault is on (`PortReservation`).
    let centralPortHold = Mutex<PortReservation?>(nil)
    let logger: Logger
    /// The faults switched on (`DemoEnvironment+Faults.swift`).
    let faults = Mutex<Set<DemoFault>>([])
    public let simulator: PTYReaderSimulator
    public let printer: FilePrinterQueue
    public let card: ScriptedCard
    /// Lays the card on the reader and takes it away as the kiosk asks (`DemoHand`).
    public let hand: DemoHand
    public let terminalID: String

    /// A central service the demo terminal reports to instead of its own central-sim (a fleet
    /// demo: several demo terminals, one central-sim).
    public struct ConfiguredCentral: Sendable {
        public var url: URL
        public var terminalID: String
        public var secret: TerminalSecret
        public init(url: URL, terminalID: String, secret: TerminalSecret) {
            self.url = url
            self.terminalID = terminalID
            self.secret = secret
        }
    }

    /// Builds the demo world for `region` in a new temporary directory (or `directory`).
    public init(region: String, assets: AssetDirectory, clock: any KioskClock, directory: URL? = nil,
                configuredCentral: ConfiguredCentral? = nil,
                logger: Logger = Logger(label: "kioskd.demo"), options: DemoOptions = DemoOptions()) async throws {
        self.options = options
        let dir = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("onestop-kiosk-demo-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        self.directory = dir
        receipts = dir.appendingPathComponent("receipts")
        photos = dir.appendingPathComponent("photos")
        databasePath = dir.appendingPathComponent("cases.sqlite").path
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let sample = assets.url("demo/sample-photo.jpg")
        try? FileManager.default.copyItem(at: sample, to: photos.appendingPathComponent("IMG_0001.jpg"))

        let catalog = try RegionCatalog.load(from: assets)
        guard let profile = catalog.profile(region) else {
            throw DataFileError(file: "--region", key: "region", expected: "one of \(catalog.codes.joined(separator: ", "))", found: region)
        }
        self.logger = logger
        if let configuredCentral {
            terminalID = configuredCentral.terminalID
            secret = configuredCentral.secret
            centralConfiguration = nil
            centralBox = Mutex(nil)
            centralURL = configuredCentral.url
        } else {
            let id = Self.terminalID(region: profile.code)
            let secret = TerminalSecret.generate()
            var centralConfiguration = CentralSimConfiguration(
                host: "127.0.0.1", port: 0, databasePath: dir.appendingPathComponent("central-sim.sqlite").path, assets: assets,
                terminals: [id: secret], speed: 1440, refusalRate: options.refusalRate, clock: clock)
            centralConfiguration.refuseItems = options.refuseItems
            let running = try await CentralSimServer.start(centralConfiguration, logger: logger)
            centralConfiguration.port = running.port
            terminalID = id
            self.secret = secret
            self.centralConfiguration = centralConfiguration
            centralBox = Mutex(running)
            centralURL = running.baseURL
        }

        card = Self.demoCard(profile: profile, divisions: try DivisionCodes.load(from: assets), today: clock.today)
        let engine = try SAMReaderEngine(script: SimulatorScript(cards: [], samDelays: .typical), now: SAMReaderEngine.realTime())
        simulator = try PTYReaderSimulator(engine: engine)
        simulator.start()
        hand = DemoHand(engine: engine, card: card, clock: clock, events: EventLog(logger: logger))
        printer = try FilePrinterQueue(folder: receipts)
    }

    private let secret: TerminalSecret
    /// Where cases and heartbeats go: the embedded central-sim or the configured service.
    public let centralURL: URL
    public let options: DemoOptions

    /// A client of the demo's central service, signed as this terminal.
    public func client(clock: any KioskClock) throws -> CentralClient {
        try CentralClient(configuration: .init(baseURL: options.offline ? DemoOptions.unreachable : centralURL, terminalID: terminalID,
                                               connectTimeout: .seconds(1)), secret: secret, clock: clock)
    }

    /// `CQ-DEMO-01`: the region's plate letters and a demo terminal number.
    public static func terminalID(region: String) -> String {
        let prefix: [String: String] = ["chongqing": "CQ", "sichuan": "SC", "jiangxi": "JX", "hebei": "HE", "ordos": "NM"]
        return "\(prefix[region] ?? "XX")-DEMO-01"
    }

    /// The demo veteran: a synthetic (checksum-valid, not real) number in the region, born 1998,
    /// card valid for another eight years.
    static func demoCard(profile: RegionProfile, divisions: DivisionCodes, today: CivilDate) -> ScriptedCard {
        var fields = ScriptedCard.Fields()
        fields.name = "王小明"
        fields.sex = "male"
        fields.ethnicity = "01"
        let birth = CivilDate(year: 1998, month: 3, day: 15)!
        fields.birthDate = birth
        let prefix = String(profile.divisionCode.prefix(profile.divisionCode.hasSuffix("0000") ? 2 : 4))
        let county = divisions.currentCounties(withPrefix: prefix).first?.code ?? profile.divisionCode
        fields.number = SyntheticNumbers.residentID(division: county, birth: birth, female: false, sequence: 7)
        fields.address = profile.name + "示范路88号"
        fields.authority = profile.name + "公安局"
        fields.validFrom = CivilDate(year: max(2020, today.year - 2), month: 1, day: 1)
        fields.validTo = String(format: "%04d-%02d-%02d", today.year + 8, 1, 1)
        return ScriptedCard(type: .residentID, fields: fields)
    }

    public func stop() async {
        simulator.stop()
        await central?.stop()
        centralPortHold.withLock { $0?.release(); $0 = nil }
    }
}
