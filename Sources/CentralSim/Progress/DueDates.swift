import Foundation
import KioskDomain

/// Due dates the central service promises per item: 即办 → the day of acceptance,
/// "N个工作日" → N working days later on the official calendar, anything else (以部门通知为准,
/// a year without a published calendar) → no date.
struct DueDates: Sendable {
    var calendar: WorkingDayCalendar?

    func dueDate(limitText: String, acceptedOn: CivilDate) -> CivilDate? {
        if limitText.contains("即办") { return acceptedOn }
        guard let days = Self.workingDays(in: limitText), let calendar else { return nil }
        return try? calendar.adding(workingDays: days, to: acceptedOn)
    }

    /// N from "N个工作日".
    static func workingDays(in text: String) -> Int? {
        guard let range = text.range(of: "个工作日") else { return nil }
        let digits = text[..<range.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }
        return Int(String(digits.reversed()))
    }

    /// The date in China (UTC+8) of an instant.
    static func chinaDate(_ date: Date) -> CivilDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        return CivilDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
