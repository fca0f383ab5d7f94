import Foundation

/// Masking of personal data on screens and paper (GB/T 35273 §7.2 展示限制).
///
/// The birth-date digits of an ID number never show; phones keep 3 + 4; cards keep the last 4;
/// names keep the surname. Applied by whoever renders, never left to the printer.
public enum Masking {
    /// `110***********002X` — first 3 and last 4 characters.
    public static func idNumber(_ value: String) -> String {
        keep(value, head: 3, tail: 4)
    }

    /// `138****8000` — first 3 and last 4 digits.
    public static func phone(_ value: String) -> String {
        keep(value, head: 3, tail: 4)
    }

    /// `****1234` — last 4 digits only.
    public static func bankCard(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 4 else { return String(repeating: "*", count: chars.count) }
        return "****" + String(chars.suffix(4))
    }

    /// `王**` — the surname (two characters for compound surnames such as 欧阳) and one `*` for
    /// every other character.
    public static func name(_ value: String) -> String {
        let chars = Array(value.trimmingCharacters(in: .whitespaces))
        guard chars.count > 1 else { return chars.isEmpty ? "" : "*" }
        let surnameLength = chars.count >= 3 && compoundSurnames.contains(String(chars[0..<2])) ? 2 : 1
        return String(chars[0..<surnameLength]) + String(repeating: "*", count: chars.count - surnameLength)
    }

    /// `重庆市渝北区****` — a free-text address keeps its first 6 characters (city and district).
    public static func address(_ value: String) -> String {
        let chars = Array(value)
        guard chars.count > 6 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(6)) + "****"
    }

    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "南宫", "西门", "独孤",
    ]

    private static func keep(_ value: String, head: Int, tail: Int) -> String {
        let chars = Array(value)
        guard chars.count > head + tail else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(head)) + String(repeating: "*", count: chars.count - head - tail) + String(chars.suffix(tail))
    }
}
