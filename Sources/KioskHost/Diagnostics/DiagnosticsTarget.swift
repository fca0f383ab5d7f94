import CentralService
import Foundation
import IDCardReader
import KioskDomain
import KioskStore
import KioskTime
import PhotoCheck
import ReceiptPrinter

/// What a diagnostics run looks at. kioskd hands in the devices it owns (the reader through its
/// bridge, so the run never opens the port under the running reader); `kioskctl diag` without
/// a running kioskd hands in devices it opens itself. A part left nil is reported as "not
/// configured" rather than skipped silently.
public struct DiagnosticsTarget: Sendable {
    /// How the reader is reached.
    public enum Reader: Sendable {
        /// kioskd's running reader: its status, and the next card it reads.
        case owned(ReaderBridge)
        /// No one holds the reader: open it, handshake, try one read, close.
        case device(CardReader.Connector)
    }

    public var terminalID: String
    public var region: String
    public var assets: AssetDirectory
    public var clock: any KioskClock

    public var reader: Reader?
    /// The reader model as configured (`auto`, a descriptor's name).
    public var readerModel = "SAM_V"
    public var verifier: CardVerifier?
    /// Lays a test card on the reader (the demo's simulated hand); nil on a real terminal,
    /// where the technician places one.
    public var presentTestCard: (@Sendable () async -> Void)?
    public var removeTestCard: (@Sendable () async -> Void)?
    /// How long the live read waits for a card.
    public var readWait: Duration = .seconds(2)

    public var receipts: ReceiptService?
    /// The touchscreen's terminal: the file descriptor kioskd draws on and its TERM.
    public var terminal: TerminalFacts?
    public var photos: PhotoDesk?

    public var store: CaseStore?
    public var databasePath: String?
    public var keyFilePath: String?
    /// Free bytes kept in reserve on the data file system; a closure so the demo's "disk nearly
    /// full" fault can raise it while running.
    public var reserveBytes: @Sendable () -> Int64 = { 512 << 20 }
    /// WAL size above which the storage check warns (a checkpoint is not keeping up).
    public var walWarnBytes: Int64 = 64 << 20

    public var drainer: OutboxDrainer?
    public var central: CentralClient?
    /// The allowed clock difference to the central service (its signature window is ±300 s).
    public var skewWarnSeconds: Double = 60
    public var skewFailSeconds: Double = 240

    public var speechCommand: String?

    public init(terminalID: String, region: String, assets: AssetDirectory, clock: any KioskClock) {
        self.terminalID = terminalID
        self.region = region
        self.assets = assets
        self.clock = clock
    }
}

/// The terminal the touchscreen UI runs on.
public struct TerminalFacts: Sendable {
    public var fileDescriptor: Int32
    public var term: String

    public init(fileDescriptor: Int32, term: String) {
        self.fileDescriptor = fileDescriptor
        self.term = term
    }
}
