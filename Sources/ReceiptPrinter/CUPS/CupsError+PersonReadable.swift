import KioskDomain

extension CupsError: PersonReadableError {
    public var chineseMessage: String { "本机暂时无法打印回执，请记下受理编号" }
    public var technicalDescription: String { description }
    public var remedy: String {
        switch self {
        case .schedulerUnreachable: "启动打印服务（systemctl start cups），确认 CUPS_SERVER 配置正确"
        case .queueNotFound, .noDefaultQueue: "用 Devices/cups 中的脚本创建回执打印队列，并在配置中填写队列名"
        case .notAccepting: "运行 cupsaccept 和 cupsenable 恢复打印队列"
        case .ipp: "查看 CUPS 错误日志（/var/log/cups/error_log），必要时重启打印机"
        }
    }
}
