import Foundation
import KioskDomain
import KioskOperations

/// Configuration and data files: every region profile loads (a broken one would stop kioskd at
/// its next start), this terminal's region is among them, and the working-day calendar covers
/// today and the next 60 days (due dates are counted in working days). And the speech command,
/// when one is configured.
enum ConfigurationDiagnostics {
    static let calendarDays = 60

    static func checks(_ target: DiagnosticsTarget) -> [DiagnosticCheck] {
        var checks: [DiagnosticCheck] = []
        do {
            let catalog = try RegionCatalog.load(from: target.assets)
            if catalog.profile(target.region) != nil {
                checks.append(.pass("configuration.profiles", "地区配置", measured: "\(catalog.codes.count) 个地区，本终端：\(target.region)",
                                    expected: "全部加载，含本终端地区"))
            } else {
                checks.append(.fail("configuration.profiles", "地区配置", measured: "没有地区 \(target.region)", expected: "全部加载，含本终端地区",
                                    remedy: "配置文件的 region 应为 \(catalog.codes.joined(separator: "、")) 之一"))
            }
        } catch {
            checks.append(.fail("configuration.profiles", "地区配置", measured: error.technicalDescription, expected: "全部加载，含本终端地区",
                                remedy: error.remedy))
        }
        let today = target.clock.today
        let last = today.adding(days: calendarDays)
        do {
            let calendar = try WorkingDayCalendar.load(from: target.assets)
            var uncovered: CivilDate?
            for offset in 0...calendarDays where uncovered == nil {
                let day = today.adding(days: offset)
                if (try? calendar.isWorkingDay(day)) == nil { uncovered = day }
            }
            let remedy = "更新 Assets/calendar（国务院办公厅公布的节假日安排）并重启 kioskd"
            if let uncovered, uncovered == today {
                // No due date can be counted today: cases cannot be planned.
                checks.append(.fail("configuration.calendar", "工作日历", measured: "今天（\(today)）未覆盖", expected: "覆盖 \(today) 至 \(last)",
                                    remedy: remedy))
            } else if let uncovered {
                // Today works; due dates reaching past the covered year will not.
                checks.append(.warn("configuration.calendar", "工作日历", measured: "\(uncovered) 起未覆盖（\(uncovered.dayNumber - today.dayNumber) 天后）",
                                    expected: "覆盖 \(today) 至 \(last)", remedy: remedy))
            } else {
                checks.append(.pass("configuration.calendar", "工作日历", measured: "覆盖 \(today) 至 \(last)", expected: "覆盖今天及此后 \(calendarDays) 天"))
            }
        } catch {
            checks.append(.fail("configuration.calendar", "工作日历", measured: error.technicalDescription, expected: "覆盖今天及此后 \(calendarDays) 天",
                                remedy: error.remedy))
        }
        return checks
    }

    static func speech(_ target: DiagnosticsTarget) -> [DiagnosticCheck] {
        guard let command = target.speechCommand?.trimmingCharacters(in: .whitespaces), !command.isEmpty else {
            return [.pass("speech.command", "语音播报", measured: "未启用", expected: "未启用，或命令可执行")]
        }
        let program = String(command.split(separator: " ").first ?? "")
        if let path = resolve(program) {
            return [.pass("speech.command", "语音播报", measured: "\(program) → \(path)", expected: "命令可执行")]
        }
        return [.fail("speech.command", "语音播报", measured: "找不到 \(program)", expected: "命令可执行",
                      remedy: "安装语音程序（apt-get install espeak-ng），或修改配置文件 [speech] command")]
    }

    /// The program as the shell would find it: a path, or the first match on `PATH`.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
