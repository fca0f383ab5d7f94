import Foundation

/// China Standard Time, defined once. Every calendar day, due date and printed time is in
/// UTC+8 whatever the terminal's own time zone setting says: the policy's working days are
/// China's.
public enum ChinaTime {
    /// Asia/Shanghai (no daylight saving since 1991), or a fixed UTC+8 where tzdata is missing.
    public static let timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// A Gregorian calendar in China time.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    private static let isoStyle = Date.ISO8601FormatStyle(timeZone: timeZone)
        .year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)

    /// `2026-11-23T14:05:00+08:00`.
    public static func iso(_ date: Date) -> String { date.formatted(isoStyle) }
}
