import Foundation
import KioskTime

extension CivilDate {
    /// China Standard Time (UTC+8, no daylight saving): the time zone every deadline is counted in.
    public static var chinaTimeZone: TimeZone { ChinaTime.timeZone }

    /// The calendar date of an instant in the given time zone (China Standard Time by default).
    public init(_ instant: Date, timeZone: TimeZone = CivilDate.chinaTimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self = CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
