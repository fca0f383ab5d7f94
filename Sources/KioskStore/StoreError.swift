import Foundation

/// Everything the case store can refuse or fail with, each with a Simplified Chinese message for
/// the screen or the operator and a technical one (file, field, what was expected) for logs.
///
/// No case names personal data: cases are identified by UUID or local reference only.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database (or the disk under it) has no room for a new case. Existing cases and the
    /// queue are untouched.
    case diskFull(database: String, detail: String)
    /// `createIfMissing` is off and there is no database at this path.
    case databaseMissing(path: String)
    /// The file is not an SQLite database, or SQLite reports it corrupt.
    case notADatabase(path: String, detail: String)
    /// `PRAGMA quick_check` found problems at start-up.
    case integrityCheckFailed(path: String, problems: [String])
    /// The database holds sealed data but its key file is absent. Never answered with a new key.
    case keyFileMissing(keyFile: String, database: String)
    /// The key file exists but is not a 32-byte AES-256 key.
    case keyFileInvalid(keyFile: String, expected: String, found: String)
    /// The key file is readable by group or others.
    case keyFilePermissions(keyFile: String, mode: String)
    /// The key file could not be created or read.
    case keyFileUnusable(keyFile: String, detail: String)
    /// The key file does not open this database's key check record.
    case wrongKey(keyFile: String, database: String, expectedFingerprint: String, foundFingerprint: String)
    /// The database holds cases but no key check record: it was damaged or tampered with.
    case keyCheckMissing(database: String)
    /// No case with this UUID, local reference or central case number.
    case caseNotFound(String)
    /// A different case with the same UUID is already stored.
    case duplicateCase(id: UUID)
    /// Another case already uses this local reference.
    case duplicateLocalReference(String)
    /// The case's personal data was purged after acknowledgement; only metadata remains.
    case personalDataPurged(id: UUID, purgedAt: Date)
    /// The central service acknowledged the case twice with different case numbers.
    case conflictingAcknowledgement(id: UUID, existing: String, new: String)
    /// An operator asked to retry a case that has already been delivered.
    case alreadyDelivered(id: UUID)
    /// A sealed value did not open (tampered, or moved from another case).
    case unsealFailed(id: UUID, what: String)
    /// A stored row does not hold what the schema promises.
    case corruptRecord(table: String, column: String, detail: String)
    /// Any other SQLite error, with its result code.
    case database(path: String, code: Int32, detail: String)

    /// What to show a veteran or an operator.
    public var chineseMessage: String {
        switch self {
        case .diskFull: "存储空间已满，暂时无法受理新的申请，请联系工作人员。已保存的申请不受影响。"
        case .databaseMissing(let path): "找不到案件数据库：\(path)"
        case .notADatabase(let path, _): "案件数据库文件损坏或不是数据库：\(path)"
        case .integrityCheckFailed(let path, _): "案件数据库完整性检查未通过：\(path)，请联系技术人员。"
        case .keyFileMissing(let keyFile, _): "找不到数据加密密钥文件：\(keyFile)。数据库中已有加密数据，不会自动生成新密钥，请恢复原密钥文件。"
        case .keyFileInvalid(let keyFile, _, _): "数据加密密钥文件格式不正确：\(keyFile)"
        case .keyFilePermissions(let keyFile, _): "数据加密密钥文件权限过宽：\(keyFile)，应为仅本用户可读写（0600）。"
        case .keyFileUnusable(let keyFile, _): "无法读写数据加密密钥文件：\(keyFile)"
        case .wrongKey(let keyFile, _, _, _): "数据加密密钥与数据库不匹配：\(keyFile)。请使用生成该数据库时的原密钥文件。"
        case .keyCheckMissing(let database): "案件数据库缺少密钥校验记录：\(database)，数据可能已损坏。"
        case .caseNotFound(let key): "未找到该案件：\(key)"
        case .duplicateCase: "该案件已保存，内容不一致，未覆盖原记录。"
        case .duplicateLocalReference(let reference): "本地受理编号已被占用：\(reference)"
        case .personalDataPurged: "该案件已办结归档，个人信息已按规定清除。"
        case .conflictingAcknowledgement: "中心平台对同一案件返回了不同的案件编号，已保留原编号。"
        case .alreadyDelivered: "该案件已成功报送，无需重试。"
        case .unsealFailed: "加密数据无法解密，可能已被篡改。"
        case .corruptRecord(let table, let column, _): "案件数据库记录损坏：\(table).\(column)"
        case .database(let path, _, _): "案件数据库操作失败：\(path)"
        }
    }

    /// What to put in a log or a technician's terminal.
    public var technicalDescription: String {
        switch self {
        case .diskFull(let database, let detail): "SQLITE_FULL or reserve exhausted for \(database): \(detail)"
        case .databaseMissing(let path): "database file \(path) does not exist (createIfMissing is off)"
        case .notADatabase(let path, let detail): "\(path): \(detail)"
        case .integrityCheckFailed(let path, let problems): "PRAGMA quick_check on \(path): " + problems.prefix(5).joined(separator: "; ")
        case .keyFileMissing(let keyFile, let database): "key file \(keyFile) is missing but \(database) holds a key check record; restore the original key"
        case .keyFileInvalid(let keyFile, let expected, let found): "key file \(keyFile): expected \(expected), found \(found)"
        case .keyFilePermissions(let keyFile, let mode): "key file \(keyFile) has mode \(mode); expected 0600 (no group or other access)"
        case .keyFileUnusable(let keyFile, let detail): "key file \(keyFile): \(detail)"
        case .wrongKey(let keyFile, let database, let expected, let found):
            "key file \(keyFile) (fingerprint \(found)) does not open the key check of \(database) (sealed under fingerprint \(expected))"
        case .keyCheckMissing(let database): "\(database) has cases but no key_check row"
        case .caseNotFound(let key): "no case matches \(key)"
        case .duplicateCase(let id): "case \(id.uuidString) is already stored with different content"
        case .duplicateLocalReference(let reference): "local_reference \(reference) is already used by another case"
        case .personalDataPurged(let id, let purgedAt): "case \(id.uuidString): sealed data purged at \(purgedAt.formatted(.iso8601))"
        case .conflictingAcknowledgement(let id, let existing, let new): "case \(id.uuidString) acknowledged as \(existing), now as \(new)"
        case .alreadyDelivered(let id): "case \(id.uuidString) is already delivered"
        case .unsealFailed(let id, let what): "AES-GCM open failed for \(what) of case \(id.uuidString)"
        case .corruptRecord(let table, let column, let detail): "\(table).\(column): \(detail)"
        case .database(let path, let code, let detail): "SQLite error \(code) on \(path): \(detail)"
        }
    }

    public var description: String { "\(chineseMessage) [\(technicalDescription)]" }
}
