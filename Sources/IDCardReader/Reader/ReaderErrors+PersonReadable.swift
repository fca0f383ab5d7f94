import KioskDomain

extension TransportError: PersonReadableError {
    public var chineseMessage: String { "读卡器暂时无法使用，请联系工作人员" }
    public var technicalDescription: String { description }
    public var remedy: String {
        switch self {
        case .cannotOpen: "检查读卡器 USB 线和电源，确认设备节点权限（udev 规则 Devices/udev），然后运行 kioskctl reader probe"
        case .disconnected: "重新插好读卡器 USB 线；若反复断开，更换线缆或 USB 口"
        case .io: "拔插读卡器后重试；仍失败请更换读卡器"
        case .closed: "重启 kioskd"
        }
    }
}

extension ReaderFault: PersonReadableError {
    public var technicalDescription: String { description }
    public var remedy: String {
        switch self {
        case let .transport(error): error.remedy
        case .timeout, .notAnswering: "检查读卡器电源和连线，确认型号与配置的波特率一致，然后运行 kioskctl reader probe"
        case .status: "读卡器自检失败：断电重启读卡器；仍失败请更换安全模块（SAM）"
        }
    }
}

extension ReadFailure: PersonReadableError {
    public var technicalDescription: String { description }
    public var remedy: String { "请申请人重新放卡；若多张卡都失败，清洁感应区并运行 kioskctl reader read 检查" }
}

extension CardDataProblem: PersonReadableError {
    public var technicalDescription: String { description }
    public var remedy: String { "证件数据无法识别：请申请人改用手工输入身份证号码，或到窗口办理" }
}
