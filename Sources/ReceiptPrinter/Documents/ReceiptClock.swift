import Foundation
import KioskTime

/// Formats instants for receipts in China Standard Time (UTC+8, no daylight saving), whatever
/// the machine's time zone, so a receipt printed on a misconfigured terminal still shows hall time.
public enum ReceiptTime {
    /// `2026年11月23日 14:05`
    public static func format(_ date: Date) -> String {
        let c = ChinaTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%d年%d月%d日 %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
