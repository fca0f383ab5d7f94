import Foundation
import KioskDomain
import KioskOperations
import KioskStore

/// The case store: a full integrity check, free space against the reserve, the sealing key
/// file's mode (it must be readable by kioskd alone), and the WAL's size (a checkpoint that is
/// not keeping up grows it without bound). Store errors carry their own remedies.
enum StorageDiagnostics {
    static func checks(_ target: DiagnosticsTarget) async -> [DiagnosticCheck] {
        guard let store = target.store else {
            return [.fail("storage.integrity", "数据库完整性", measured: "案件库未打开", expected: "ok",
                          remedy: "检查 data_directory 下的 cases.sqlite 与 store.key 是否存在且属主为 kioskd")]
        }
        var checks: [DiagnosticCheck] = []
        do {
            let problems = try await store.integrityProblems()
            checks.append(problems.isEmpty
                ? .pass("storage.integrity", "数据库完整性", measured: "ok", expected: "ok")
                : .fail("storage.integrity", "数据库完整性", measured: problems.prefix(3).joined(separator: "；"), expected: "ok",
                        remedy: "停止 kioskd，备份数据目录，按 docs/security.md 的恢复步骤处理；不要删除数据库"))
        } catch {
            checks.append(.fail("storage.integrity", "数据库完整性", measured: Self.describe(error), expected: "ok", remedy: Self.remedy(error)))
        }
        let reserve = target.reserveBytes()
        do {
            let room = try await store.room()
            if let free = room.freeDiskBytes {
                let measured = "\(mebibytes(free))（保留 \(mebibytes(reserve))）"
                if free < reserve {
                    checks.append(.fail("storage.free_space", "磁盘可用空间", measured: measured, expected: "≥ \(mebibytes(reserve))",
                                        remedy: "磁盘将满，新案件会被拒收：清理 /var/log 和旧的演示数据，或更换更大的存储；已受理的案件不受影响"))
                } else if free < reserve * 2 {
                    checks.append(.warn("storage.free_space", "磁盘可用空间", measured: measured, expected: "≥ \(mebibytes(reserve * 2))",
                                        remedy: "可用空间不足保留量的两倍：尽快清理磁盘"))
                } else {
                    checks.append(.pass("storage.free_space", "磁盘可用空间", measured: measured, expected: "≥ \(mebibytes(reserve))"))
                }
            } else {
                checks.append(.warn("storage.free_space", "磁盘可用空间", measured: "无法读取", expected: "≥ \(mebibytes(reserve))",
                                    remedy: "检查数据目录所在的文件系统是否已挂载"))
            }
        } catch {
            checks.append(.fail("storage.free_space", "磁盘可用空间", measured: Self.describe(error), expected: "≥ \(mebibytes(reserve))",
                                remedy: Self.remedy(error)))
        }
        if let key = target.keyFilePath { checks.append(keyMode(key)) }
        if let database = target.databasePath { checks.append(wal(database, warnAbove: target.walWarnBytes)) }
        return checks
    }

    static func keyMode(_ path: String) -> DiagnosticCheck {
        let title = "密钥文件权限"
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else {
            return .fail("storage.key_mode", title, measured: "无法读取 \(path)", expected: "0600",
                         remedy: "密钥文件缺失或不可读：从密钥备份恢复 \(path)（没有它已存案件无法解密）")
        }
        let text = String(format: "%04o", mode & 0o7777)
        if mode & 0o077 == 0 || mode & 0o7777 == 0o640 {
            return .pass("storage.key_mode", title, measured: text, expected: "0600 或 0640")
        }
        return .fail("storage.key_mode", title, measured: text, expected: "0600 或 0640",
                     remedy: "执行 chmod 600 \(path)（属主 kioskd）：其他用户不得读取密钥")
    }

    static func wal(_ database: String, warnAbove: Int64) -> DiagnosticCheck {
        let size = ((try? FileManager.default.attributesOfItem(atPath: database + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0
        if size > warnAbove {
            return .warn("storage.wal", "预写日志（WAL）", measured: mebibytes(size), expected: "≤ \(mebibytes(warnAbove))",
                         remedy: "WAL 未及时合并：确认没有其他进程长期打开数据库（如遗留的 kioskctl），然后重启 kioskd")
        }
        return .pass("storage.wal", "预写日志（WAL）", measured: mebibytes(size), expected: "≤ \(mebibytes(warnAbove))")
    }

    static func mebibytes(_ bytes: Int64) -> String {
        bytes >= 10 << 30 ? "\(bytes >> 30) GiB" : bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    static func describe(_ error: any Error) -> String {
        (error as? any PersonReadableError)?.technicalDescription ?? String(describing: error)
    }

    static func remedy(_ error: any Error) -> String {
        (error as? any PersonReadableError)?.remedy ?? "查看 kioskd 日志，联系运维"
    }
}
