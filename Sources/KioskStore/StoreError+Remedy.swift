import KioskDomain

extension StoreError: PersonReadableError {
    /// What the technician does next.
    public var remedy: String {
        switch self {
        case .diskFull: "清理磁盘空间（旧日志、临时文件），确认待报送案件已送达后再恢复服务"
        case .databaseMissing, .notADatabase, .integrityCheckFailed, .corruptRecord:
            "停止 kioskd，从备份恢复案件数据库；切勿删除数据库，未报送的案件只在本机"
        case .keyFileMissing, .keyFileInvalid, .wrongKey, .keyCheckMissing:
            "恢复生成该数据库时的原密钥文件（store.key）；切勿生成新密钥覆盖"
        case .keyFilePermissions: "执行 chmod 600 修正密钥文件权限，属主应为 kioskd 运行用户"
        case .keyFileUnusable: "检查数据目录的属主和权限（kioskd 用户可读写）"
        case .caseNotFound: "核对受理编号或案件编号是否输入正确"
        case .duplicateCase, .duplicateLocalReference, .conflictingAcknowledgement:
            "导出诊断信息并联系开发人员，原记录已保留"
        case .personalDataPurged, .alreadyDelivered: "无需处理"
        case .unsealFailed: "数据可能被篡改：保留现场，导出诊断信息并联系安全负责人"
        case .database: "查看 kioskd 日志中的 SQLite 错误码，检查磁盘和文件系统"
        }
    }
}
