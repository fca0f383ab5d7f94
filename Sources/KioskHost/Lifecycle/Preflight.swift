import Foundation
import KioskApp
import KioskDomain
import KioskOperations
import KioskStore
import KioskTime

/// The checks a terminal must pass before it may take a case, as MOSIP's registration client
/// runs them before each registration: a case taken on a terminal that cannot keep it (store
/// broken, disk full, key readable by others) or date it (clock unset, no calendar for the year)
/// would be a case lost or a deadline wrong. Any failure puts home in 暂停服务 with the reason;
/// the status API and `kioskctl status` show the technician the remedy.
///
/// Printer and reader faults are not here: the kiosk still serves without them (the number is
/// shown on screen, the ID number can be typed), so they are banners, not a pause.
public struct Preflight: Sendable {
    /// One check's name in the status API (`check`) and the pause reason it maps to on home.
    public enum Check: String, Sendable, CaseIterable {
        case storage, integrity, keyFile = "key_file", disk, clock, calendar

        var pause: JourneyState.PauseReason {
            switch self {
            case .storage, .integrity, .keyFile: .store
            case .disk: .disk
            case .clock: .clock
            case .calendar: .calendar
            }
        }
    }

    public var dataDirectory: URL
    public var store: CaseStore?
    public var calendar: WorkingDayCalendar
    public var clock: any KioskClock
    /// Free space below this stops new cases (a case with its photo is well under 1 MiB; the
    /// reserve keeps the store's journal and the outbox writable).
    public var reserveBytes: @Sendable () -> Int64
    /// Secret files whose mode must keep other users out: configuration key → path.
    public var secretFiles: [(key: String, path: String)]

    public init(dataDirectory: URL, store: CaseStore?, calendar: WorkingDayCalendar, clock: any KioskClock,
                reserveBytes: @escaping @Sendable () -> Int64 = { 512 << 20 }, secretFiles: [(key: String, path: String)] = []) {
        self.dataDirectory = dataDirectory
        self.store = store
        self.calendar = calendar
        self.clock = clock
        self.reserveBytes = reserveBytes
        self.secretFiles = secretFiles
    }

    /// Runs every check; an empty answer means the terminal may serve.
    public func run() async -> [StatusSnapshot.Preflight.Failure] {
        var failures: [StatusSnapshot.Preflight.Failure] = []
        func fail(_ check: Check, _ reason: String, _ remedy: String) {
            failures.append(.init(check: check.rawValue, reason: reason, remedy: remedy))
        }
        if !FileManager.default.isWritableFile(atPath: dataDirectory.path) {
            fail(.storage, "数据目录不可写：\(dataDirectory.path)", "检查数据目录的属主和权限（kioskd 用户可读写）")
        }
        if let store {
            do {
                let problems = try await store.integrityProblems()
                if !problems.isEmpty {
                    fail(.integrity, "案件库完整性检查未通过（\(problems.count) 处问题）", "停止 kioskd，备份数据目录后运行 kioskctl cases verify，并联系运维")
                }
            } catch {
                fail(.integrity, "案件库无法读取：\((error as? any PersonReadableError)?.chineseMessage ?? "\(type(of: error))")",
                     (error as? any PersonReadableError)?.remedy ?? "检查数据目录与磁盘")
            }
        }
        for (key, path) in secretFiles {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                fail(.keyFile, "密钥文件不存在：\(key)", "按 docs/deploy.md 生成密钥文件（权限 0600）")
                continue
            }
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            if mode & 0o007 != 0 {
                fail(.keyFile, "密钥文件 \(key) 其他用户可读（权限 \(String(mode, radix: 8))）", "chmod 600 \(path)")
            }
        }
        let free = Self.freeBytes(dataDirectory)
        let reserve = reserveBytes()
        if let free, free < reserve {
            fail(.disk, "可用空间 \(free >> 20) MiB，低于保留的 \(reserve >> 20) MiB", "清理磁盘空间")
        }
        let today = clock.today
        if today.year < 2025 {
            fail(.clock, "系统时间未设置（\(today)）", "配置 NTP 或手动设置系统时间")
        }
        if (try? calendar.isWorkingDay(today)) == nil {
            fail(.calendar, "\(today.year) 年的工作日历未配置", "更新 Assets/calendar 并重启 kioskd")
        }
        return failures
    }

    /// What home shows for these failures: the first failed check's reason, or nil to serve.
    public static func pause(for failures: [StatusSnapshot.Preflight.Failure]) -> JourneyState.PauseReason? {
        failures.lazy.compactMap { Check(rawValue: $0.check)?.pause }.first
    }

    static func freeBytes(_ directory: URL) -> Int64? {
        (try? FileManager.default.attributesOfFileSystem(forPath: directory.path)[.systemFreeSize] as? NSNumber)?.int64Value
    }
}
