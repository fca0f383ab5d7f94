/// An error that can reach a person: the veteran on the screen or on paper, the technician in
/// diagnostics, a printed report or `kioskctl`. Every such error says three things, each for its
/// reader, so no screen ever shows a technician's text to a veteran or leaves a technician
/// without a next step.
public protocol PersonReadableError: Error, Sendable {
    /// For the veteran: plain Simplified Chinese, no codes, ending in what to do.
    var chineseMessage: String { get }
    /// For the technician and the log: what failed, with the codes and names needed to find it.
    /// Never personal data.
    var technicalDescription: String { get }
    /// For the technician, in Chinese: the next step that clears it.
    var remedy: String { get }
}

extension DataFileError: PersonReadableError {
    public var chineseMessage: String { "本机配置数据有误，暂停服务，请联系工作人员" }
    public var technicalDescription: String { description }
    public var remedy: String { "修正文件 \(file) 中的 \(key.isEmpty ? "内容" : key)（应为：\(expected)），然后重启 kioskd" }
}

extension WorkingDayCalendar.CalendarError: PersonReadableError {
    public var technicalDescription: String { description }
    public var remedy: String { "更新 Assets/calendar 中的工作日历（国务院办公厅节假日安排），然后重启 kioskd" }
}

extension PlanError: PersonReadableError {
    public var technicalDescription: String { description }
    public var remedy: String { "核对办理事项与地区配置（Assets/regions）是否一致" }
}
