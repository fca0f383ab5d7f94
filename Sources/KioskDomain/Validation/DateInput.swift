/// Dates typed by the veteran (入伍时间, 退役时间 …): `2021-09-10`, `2021/9/10`, `2021.9.10`,
/// `20210910` or `2021年9月10日`, checked to be real and, where the field says so, not in the future.
public enum DateInput {
    public static func parse(_ raw: String, today: CivilDate, allowFuture: Bool = false) throws(DateProblem) -> CivilDate {
        let text = ResidentIDNumber.normalise(raw)
        guard !text.isEmpty else { throw .empty }
        var parts: [String] = []
        var current = ""
        for c in text {
            if c.isASCIIDigit { current.append(c) } else {
                guard "-/.年月日".contains(c) else { throw .unrecognised }
                if !current.isEmpty { parts.append(current); current = "" }
            }
        }
        if !current.isEmpty { parts.append(current) }
        if parts.count == 1, parts[0].count == 8 {
            let p = parts[0]
            parts = [String(p.prefix(4)), String(p.dropFirst(4).prefix(2)), String(p.suffix(2))]
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { throw .unrecognised }
        guard let date = CivilDate(year: y, month: m, day: d) else { throw .notARealDate }
        if !allowFuture, date > today { throw .inFuture }
        return date
    }
}

public enum DateProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case empty, unrecognised, notARealDate, inFuture

    public var code: String {
        switch self {
        case .empty: "empty"
        case .unrecognised: "unrecognised"
        case .notARealDate: "not_a_real_date"
        case .inFuture: "in_future"
        }
    }

    public var chineseMessage: String {
        switch self {
        case .empty: "请输入日期"
        case .unrecognised: "日期格式应为 年-月-日，例如 2021-09-10"
        case .notARealDate: "该日期不存在，请核对"
        case .inFuture: "日期不能晚于今天"
        }
    }

    public var description: String {
        switch self {
        case .empty: "empty input"
        case .unrecognised: "expected YYYY-MM-DD"
        case .notARealDate: "not a real calendar date"
        case .inFuture: "date is after today"
        }
    }
}
