import Foundation

/// The words the progress screen and the progress slip share: what to do next in each state,
/// and how old the kiosk's own records are.
public enum ProgressWording {
    /// What the applicant does next for an item in its state.
    public static func nextStep(_ item: ProgressReport.Item, strings s: Strings) -> String {
        switch item.state {
        case .accepted:
            item.waitsFor.isEmpty ? s("progress.next.accepted") : s("progress.next.waiting", item.waitsFor.joined(separator: "、"))
        case .processing: s("progress.next.processing")
        case .completed: s("progress.next.completed")
        case .refused: s("progress.next.refused")
        }
    }

    /// "3 分钟", "5 小时", "2 天": how old the kiosk's own knowledge is.
    public static func age(from then: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        if seconds < 3600 { return "\(max(1, seconds / 60)) 分钟" }
        if seconds < 86_400 { return "\(seconds / 3600) 小时" }
        return "\(seconds / 86_400) 天"
    }
}
