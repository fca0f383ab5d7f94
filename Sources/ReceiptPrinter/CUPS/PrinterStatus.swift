/// What the receipt queue can do right now, for the veteran's screen (`message`, Chinese), the
/// technician (`remedy`) and status output. Contains no personal data.
public struct PrinterStatus: Sendable, Equatable, Codable {
    /// The single most important condition, in the order a technician should fix them.
    public enum Condition: String, Sendable, Codable, CaseIterable {
        case ready
        case mediaLow = "media-low"
        case mediaEmpty = "media-empty"
        case coverOpen = "cover-open"
        case offline
        case paused
        case notAccepting = "not-accepting"
        case queueMissing = "queue-missing"
        case schedulerDown = "scheduler-down"
        case error
        case unknown
    }

    public var condition: Condition
    /// Whether a job submitted now is expected to print (ready or merely media-low).
    public var canPrint: Bool { condition == .ready || condition == .mediaLow }
    public var queue: String?
    public var server: String
    /// `idle`, `processing`, `stopped`, or nil when unknown.
    public var printerState: String?
    public var reasons: [String]
    public var accepting: Bool?
    public var stateMessage: String?
    public var deviceURI: String?

    public init(condition: Condition, queue: String?, server: String, printerState: String? = nil, reasons: [String] = [],
                accepting: Bool? = nil, stateMessage: String? = nil, deviceURI: String? = nil) {
        self.condition = condition
        self.queue = queue
        self.server = server
        self.printerState = printerState
        self.reasons = reasons
        self.accepting = accepting
        self.stateMessage = stateMessage
        self.deviceURI = deviceURI
    }

    /// Classifies what the scheduler reports. Reasons come with `-error`/`-warning`/`-report`
    /// suffixes; `media-low-report` persists until the backend clears it and does not block.
    public static func classify(state: Int?, reasons: [String], accepting: Bool?) -> Condition {
        let bare = Set(reasons.map(Self.bareReason))
        // A backend that finds no paper or an open cover exits with "stop": the printer is
        // stopped. The reason stays listed after `cupsenable` until the next job's backend
        // clears it; on an enabled printer it no longer blocks (that job re-checks the device).
        let stoppedOrUnknown = state == nil || state == 5
        if stoppedOrUnknown, bare.contains("media-empty") || bare.contains("media-needed") { return .mediaEmpty }
        if stoppedOrUnknown, bare.contains("cover-open") || bare.contains("door-open") { return .coverOpen }
        // offline-report is current while a job runs (the backend waits for the device); on an
        // idle printer it is left over from a canceled job and the next backend re-checks.
        if state != 3, bare.contains("offline") || bare.contains("connecting-to-device") && state == 5 { return .offline }
        if bare.contains("paused") || state == 5 { return .paused }
        if accepting == false { return .notAccepting }
        if stoppedOrUnknown, reasons.contains(where: { $0.hasSuffix("-error") }) { return .error }
        if bare.contains("media-low") { return .mediaLow }
        return .ready
    }

    /// `media-empty-error` → `media-empty`.
    static func bareReason(_ reason: String) -> String {
        for suffix in ["-error", "-warning", "-report"] where reason.hasSuffix(suffix) {
            return String(reason.dropLast(suffix.count))
        }
        return reason
    }

    /// For the veteran, on screen: what happened and what to do now.
    public var message: String {
        switch condition {
        case .ready: "打印机正常。"
        case .mediaLow: "打印机纸张即将用完，回执仍可打印。"
        case .mediaEmpty: "打印机缺纸，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .coverOpen: "打印机盖未关好，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .offline: "打印机未连接，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .paused: "打印机已暂停，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .notAccepting: "打印机暂停接收打印任务，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .queueMissing, .schedulerDown: "打印服务暂不可用，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        case .error, .unknown: "打印机故障，回执未能打印。请联系大厅工作人员，您的申请已保存，可稍后补打回执。"
        }
    }

    /// For the technician (status output, diagnostics report): the likely fix.
    public var remedy: String {
        let q = queue ?? "<queue>"
        return switch condition {
        case .ready: "无需处理。"
        case .mediaLow: "近纸尽：尽快更换热敏纸卷（80mm）。更换后由后端清除 media-low-report。"
        case .mediaEmpty: "缺纸：更换纸卷、合上纸仓盖，然后执行 cupsenable \(q)，再用 kioskctl receipt print --sample 打印测试页。"
        case .coverOpen: "纸仓盖打开：合上盖子，执行 cupsenable \(q)，打印测试页确认。"
        case .offline: "打印机离线：检查电源和USB线（lsusb），确认设备地址 \(deviceURI ?? "?") 存在，然后执行 cupsenable \(q)。"
        case .paused: "队列已停止\(stateMessage.map { "（\($0)）" } ?? "")：排除故障后执行 cupsenable \(q)。"
        case .notAccepting: "队列拒收作业：执行 cupsaccept \(q)。"
        case .queueMissing: "队列 \(q) 不存在：运行 Devices/cups/setup-receipt-queue.sh 创建，或检查 --queue / 配置。"
        case .schedulerDown: "CUPS 服务（\(server)）未运行：systemctl restart cups，检查 CUPS_SERVER。"
        case .error: "打印机报告错误（\(reasons.joined(separator: ","))）：查看 /var/log/cups/error_log，排除后执行 cupsenable \(q)。"
        case .unknown: "状态未知：执行 kioskctl printer status \(queue.map { "--queue \($0)" } ?? "") 重新检查。"
        }
    }

    /// A short title for lists and the diagnostics report.
    public var title: String {
        switch condition {
        case .ready: "正常"
        case .mediaLow: "纸将尽"
        case .mediaEmpty: "缺纸"
        case .coverOpen: "纸仓盖打开"
        case .offline: "离线"
        case .paused: "已暂停"
        case .notAccepting: "拒收作业"
        case .queueMissing: "队列不存在"
        case .schedulerDown: "打印服务未运行"
        case .error: "故障"
        case .unknown: "未知"
        }
    }

    static func stateName(_ state: Int?) -> String? {
        switch state {
        case 3: "idle"
        case 4: "processing"
        case 5: "stopped"
        default: nil
        }
    }
}
