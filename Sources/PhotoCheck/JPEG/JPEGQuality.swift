/// Estimates the IJG quality factor (1…100) from the luma quantisation table.
///
/// The IJG encoder scales the Annex K table by S = q < 50 ? 5000/q : 200 − 2q (percent); the
/// estimate inverts that scale from the mean ratio of the stored table to Annex K. The 社保卡
/// requirement names quality 70, so this is reported, not enforced: a different encoder's tables
/// only approximate an IJG quality.
public enum JPEGQuality {
    /// ITU-T T.81 Annex K.1 luminance table, in zig-zag order (the order DQT stores).
    static let annexKLuma: [Int] = [
        16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40,
        26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51,
        56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87,
        95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
    ]

    public static func estimate(lumaTable table: [Int]) -> Int? {
        guard table.count == 64 else { return nil }
        var ratio = 0.0
        for k in 0..<64 { ratio += Double(table[k]) / Double(annexKLuma[k]) }
        let scale = ratio / 64 * 100                            // percent
        if table.allSatisfy({ $0 == 1 }) { return 100 }
        let quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale
        return max(1, min(100, Int(quality.rounded())))
    }
}
