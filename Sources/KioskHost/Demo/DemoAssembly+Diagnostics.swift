import Foundation
import KioskDomain
import KioskOperations
import KioskTime

extension DemoAssembly {
    /// The demo's diagnostics: kioskd's own devices (the reader through its bridge), the demo
    /// card laid on the reader for the live read, the demo's faults honoured (the disk reserve),
    /// and each run shown on the status board.
    public static func diagnostics(daemon: KioskDaemon, demo: DemoEnvironment, assets: AssetDirectory, board: StatusBoard?,
                                   clock: any KioskClock) throws -> DiagnosticsEngine {
        let devices = daemon.host.devices
        var target = DiagnosticsTarget(terminalID: demo.terminalID, region: daemon.context.profile.code,
                                       assets: assets, clock: clock)
        target.reader = devices.reader.map { .owned($0) }
        target.readerModel = "SAM_V 串口读卡器（模拟）"
        // The demo's hand lays the card at once and, when the check is done, takes it away and
        // keeps it away for two of the reader's polls, so the reader sees it leave (a card laid
        // again at once would read as never removed).
        let hand = demo.hand
        target.presentTestCard = {
            await hand.offer(after: .zero, reason: "test")
            await hand.settled()
        }
        target.removeTestCard = {
            await hand.withdraw(after: .zero, reason: "test")
            try? await clock.sleep(for: DemoHand.lift)
        }
        target.receipts = devices.receipts
        target.terminal = TerminalFacts(fileDescriptor: 0, term: ProcessInfo.processInfo.environment["TERM"] ?? "")
        target.photos = devices.photos
        target.store = devices.store
        target.databasePath = demo.databasePath
        target.keyFilePath = demo.directory.appendingPathComponent("store.key").path
        target.reserveBytes = { demo.reserveBytes(normal: 64 << 20) }
        target.drainer = devices.drainer
        target.central = try demo.client(clock: clock)
        return DiagnosticsEngine(target: target, onRun: { run in await board?.diagnostics(run.summary) })
    }
}
