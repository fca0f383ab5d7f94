/// 民族: the two-digit ethnicity codes of GB/T 3304-1991 as stored on the resident ID card.
///
/// The card itself prints the short form ("汉"); screens and forms use the full name ("汉族").
public struct Ethnicity: Sendable, Hashable, CustomStringConvertible {
    /// The two digits as read: "01"…"56", "97", "98".
    public let code: String
    /// The full name, e.g. "汉族"; "97" is 其他, "98" 外国血统中国籍人士.
    public let name: String

    public init?(code: String) {
        guard code.count == 2, let n = Int(code), let name = Ethnicity.names[n] else { return nil }
        self.code = code
        self.name = name
    }

    /// The form printed on the card: the name without the final 族.
    public var shortName: String { name.hasSuffix("族") ? String(name.dropLast()) : name }

    public var description: String { "\(code) \(name)" }

    public static let all: [Ethnicity] = names.keys.sorted().compactMap {
        Ethnicity(code: $0 < 10 ? "0\($0)" : String($0))
    }

    /// Source: GB/T 3304-1991 《中国各民族名称的罗马字母拼写法和代码》, numeric codes.
    static let names: [Int: String] = [
        1: "汉族", 2: "蒙古族", 3: "回族", 4: "藏族", 5: "维吾尔族", 6: "苗族", 7: "彝族", 8: "壮族",
        9: "布依族", 10: "朝鲜族", 11: "满族", 12: "侗族", 13: "瑶族", 14: "白族", 15: "土家族",
        16: "哈尼族", 17: "哈萨克族", 18: "傣族", 19: "黎族", 20: "傈僳族", 21: "佤族", 22: "畲族",
        23: "高山族", 24: "拉祜族", 25: "水族", 26: "东乡族", 27: "纳西族", 28: "景颇族", 29: "柯尔克孜族",
        30: "土族", 31: "达斡尔族", 32: "仫佬族", 33: "羌族", 34: "布朗族", 35: "撒拉族", 36: "毛南族",
        37: "仡佬族", 38: "锡伯族", 39: "阿昌族", 40: "普米族", 41: "塔吉克族", 42: "怒族", 43: "乌孜别克族",
        44: "俄罗斯族", 45: "鄂温克族", 46: "德昂族", 47: "保安族", 48: "裕固族", 49: "京族", 50: "塔塔尔族",
        51: "独龙族", 52: "鄂伦春族", 53: "赫哲族", 54: "门巴族", 55: "珞巴族", 56: "基诺族",
        97: "其他", 98: "外国血统中国籍人士",
    ]
}
