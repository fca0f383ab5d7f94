/// What the kiosk says aloud at the key moments of a veteran's journey (语音播报). The texts are
/// the catalog: short, spoken Mandarin, the same words the screen shows.
public enum Announcement: Hashable, Sendable, CustomStringConvertible {
    /// 请将身份证放在感应区
    case placeCard
    /// 读卡成功
    case cardRead
    /// 请核对信息
    case checkDetails
    /// 正在打印回执
    case printingReceipt
    /// 请取走您的身份证和回执
    case takeCardAndReceipt
    /// Something the kiosk cannot do for the veteran, and what to do instead.
    case refusal(Refusal)

    public var text: String {
        switch self {
        case .placeCard: "请将身份证放在感应区"
        case .cardRead: "读卡成功"
        case .checkDetails: "请核对信息"
        case .printingReceipt: "正在打印回执"
        case .takeCardAndReceipt: "请取走您的身份证和回执"
        case .refusal(let refusal): refusal.text
        }
    }

    public var description: String { text }

    /// Every announcement, for the catalog test and for technicians checking the speaker.
    public static var all: [Announcement] {
        [.placeCard, .cardRead, .checkDetails, .printingReceipt, .takeCardAndReceipt] + Refusal.allCases.map { .refusal($0) }
    }
}

/// The refusals of the journey, each with the way forward: the veteran is never left with only
/// a "no".
public enum Refusal: String, CaseIterable, Hashable, Sendable {
    case cardUnreadable
    case cardExpired
    case notEligible
    case photoRejected
    case invalidInput
    case serviceUnavailable
    case printerFailed
    case timedOut

    public var text: String {
        switch self {
        case .cardUnreadable: "未能读取身份证，请重新放置"
        case .cardExpired: "身份证已过期，请到人工窗口办理"
        case .notEligible: "您暂不符合自助办理条件，请到人工窗口咨询"
        case .photoRejected: "照片不符合要求，请按提示重新拍摄"
        case .invalidInput: "输入的信息有误，请按提示修改"
        case .serviceUnavailable: "网络暂时不可用，您的申请已保存，稍后自动提交"
        case .printerFailed: "回执打印失败，请到人工窗口领取"
        case .timedOut: "操作超时，已返回首页"
        }
    }
}
