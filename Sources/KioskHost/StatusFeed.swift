import CentralService
import Foundation
import KioskApp
import KioskDomain
import KioskOperations
import KioskTime
import ReceiptPrinter
import Synchronization

/// Keeps the status API's board current from the running kiosk: the printer's state, the outbox,
/// storage, and which screen is showing (never what is on it). Device states reach the board only
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

    /// The pre-flight checks a case needs (as MOSIP's registration client runs them): the data
    /// folder writable, the disk reserve, the clock set, today's working-day calendar present.
    public static func preflight(dataDirectory: URL, calendar: WorkingDayCalendar, clock: any KioskClock,
                                 reserveBytes: Int64 = 512 << 20) -> [StatusSnapshot.Preflight.Failure] {
        var failures: [StatusSnapshot.Preflight.Failure] = []
        if !FileManager.default.isWritableFile(atPath: dataDirectory.path) {
            failures.append(.init(check: "storage", reason: "数据目录不可写：\(dataDirectory.path)", remedy: "检查数据目录的属主和权限（kioskd 用户可读写）"))
        }
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: dataDirectory.path)[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
        if free < reserveBytes {
            failures.append(.init(check: "disk", reason: "可用空间 \(free >> 20) MiB，低于保留的 \(reserveBytes >> 20) MiB", remedy: "清理磁盘空间"))
        }
        let today = clock.today
        if today.year < 2025 {
            failures.append(.init(check: "clock", reason: "系统时间未设置（\(today)）", remedy: "配置 NTP 或手动设置系统时间"))
        }
        if (try? calendar.isWorkingDay(today)) == nil {
            failures.append(.init(check: "calendar", reason: "\(today.year) 年的工作日历未配置", remedy: "更新 Assets/calendar 并重启 kioskd"))
        }
        return failures
    }

    /// Polls the devices every `interval` until cancelled; runs the pre-flight first.
    public func run(receipts: ReceiptService, drainer: OutboxDrainer?, dataDirectory: URL, calendar: WorkingDayCalendar,
                    clock: any KioskClock, interval: Duration = .seconds(5)) async {
        await board.preflight(failures: Self.preflight(dataDirectory: dataDirectory, calendar: calendar, clock: clock))
        while !Task.isCancelled {
            let printer = await receipts.status()
            await board.device("printer", state: printer.canPrint ? "ok" : printer.condition.rawValue, model: printer.queue,
                               error: printer.canPrint ? nil : printer.message, remedy: printer.canPrint ? nil : printer.remedy)
            if let drainer, let outbox = try? await drainer.status() {
                await board.outbox(.init(pending: outbox.pending, oldestAgeSeconds: outbox.oldestPendingSeconds.map(Double.init),
                                         refused: outbox.dead))
                await board.centralContact(reachable: outbox.lastError == nil && outbox.pausedUntil == nil, error: outbox.lastError)
            }
            let free = (try? FileManager.default.attributesOfFileSystem(forPath: dataDirectory.path)[.systemFreeSize] as? NSNumber)?.int64Value
            let database = (try? FileManager.default.attributesOfItem(atPath: dataDirectory.appendingPathComponent("cases.sqlite").path)[.size] as? NSNumber)?.int64Value
            await board.storage(freeBytes: free, databaseBytes: database)
            try? await clock.sleep(for: interval)
        }
    }
}
