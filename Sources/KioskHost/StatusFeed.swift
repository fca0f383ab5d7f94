import CentralService
import Foundation
import IDCardReader
import KioskApp
import KioskDomain
import KioskOperations
import KioskTime
import ReceiptPrinter
import Synchronization

/// Keeps the status API's board current from the running kiosk: the reader's and the printer's
/// state, the outbox, storage, and which screen is showing (never what is on it). Device states reach the board only
/// when they change (the board logs changes).
public final class StatusFeed: Sendable {
    public let board: StatusBoard
    private let lastScreen = Mutex<String?>(nil)

    public init(board: StatusBoard) { self.board = board }

    /// For `KioskDaemon(observe:)`: the screen name whenever it changes.
    public func observe(_ state: JourneyState) {
        let name = state.screenName
        let changed = lastScreen.withLock { last -> Bool in
            defer { last = name }
            return last != name
        }
        guard changed else { return }
        let active = state.hasPersonalData
        let board = self.board
        Task { await board.session(active: active, screen: name) }
    }

    /// Polls the devices every `interval` until cancelled. Pre-flight reaches the board from
    /// `KioskDaemon`, which runs it because its outcome also pauses the flow.
    public func run(receipts: ReceiptService, reader: ReaderBridge?, drainer: OutboxDrainer?, dataDirectory: URL,
                    clock: any KioskClock, interval: Duration = .seconds(5)) async {
        while !Task.isCancelled {
            if let reader { await report(await reader.readerStatus()) }
            let printer = await receipts.status()
            await board.device("printer", state: printer.canPrint ? "ok" : printer.condition.rawValue, model: printer.queue,
                               error: printer.canPrint ? nil : printer.message, remedy: printer.canPrint ? nil : printer.remedy)
            if let drainer, let outbox = try? await drainer.status() {
                await board.outbox(.init(pending: outbox.pending, oldestAgeSeconds: outbox.oldestPendingSeconds.map(Double.init),
                                         refused: outbox.dead))
                await board.centralContact(reachable: outbox.lastError == nil && outbox.pausedUntil == nil, error: outbox.lastError)
            }
            let free = Preflight.freeBytes(dataDirectory)
            let database = (try? FileManager.default.attributesOfItem(atPath: dataDirectory.appendingPathComponent("cases.sqlite").path)[.size] as? NSNumber)?.int64Value
            await board.storage(freeBytes: free, databaseBytes: database)
            try? await clock.sleep(for: interval)
        }
    }

    /// The reader as an operator needs it: ok with its model and SAM, or why it is down (the
    /// fault's text names commands and devices, never a card's data). Not yet connected once is
    /// not reported, so a kiosk still starting is not counted degraded.
    private func report(_ status: ReaderStatus) async {
        switch status {
        case .unknown:
            break
        case .connected(let connection):
            await board.device("reader", state: "ok", model: connection.description)
        case .disconnected(let fault):
            await board.device("reader", state: "disconnected", error: fault.description, remedy: fault.remedy)
        }
    }
}
