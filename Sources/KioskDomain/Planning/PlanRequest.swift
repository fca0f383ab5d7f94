/// What the veteran (or `kioskctl plan`) asks: region, category, selected items, the answers to
/// the profile's conditional questions, and the filing date.
public struct PlanRequest: Sendable, Equatable {
    public var region: String
    public var category: String
    /// Canonical item codes as selected; mandatory items are added by the planner.
    public var items: [String]
    /// Question code → answer value (`["settlement": "spouse"]`).
    public var answers: [String: String]
    public var filingDate: CivilDate

    public init(region: String, category: String, items: [String], answers: [String: String] = [:], filingDate: CivilDate) {
        self.region = region
        self.category = category
        self.items = items
        self.answers = answers
        self.filingDate = filingDate
    }
}

/// A request the planner cannot answer, worded for the technician (`description`) and for the
/// veteran (`chineseMessage`).
public enum PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownRegion(String, known: [String])
    case unknownCategory(String, region: String, known: [String])
    case unknownItem(String, known: [String])
    /// The same item twice in one selection: a caller's mistake that would file it twice.
    case duplicateItem(String)
    /// The item exists in the region but this category may not choose it (Sichuan's guides).
    case itemNotOffered(item: String, itemName: String, category: String, categoryName: String)
    case unknownQuestion(String, known: [String])
    case invalidAnswer(question: String, value: String, accepted: [String])
    case nothingSelected

    public var description: String {
        switch self {
        case let .unknownRegion(r, known): "unknown region \"\(r)\" (known: \(known.joined(separator: ", ")))"
        case let .unknownCategory(c, region, known): "unknown category \"\(c)\" for \(region) (known: \(known.joined(separator: ", ")))"
        case let .unknownItem(i, known): "unknown item \"\(i)\" (known: \(known.joined(separator: ", ")))"
        case let .duplicateItem(i): "item \"\(i)\" is selected more than once"
        case let .itemNotOffered(item, _, category, _): "item \(item) is not offered to category \(category)"
        case let .unknownQuestion(q, known): "unknown question \"\(q)\" (this region asks: \(known.isEmpty ? "nothing" : known.joined(separator: ", ")))"
        case let .invalidAnswer(q, v, accepted): "answer \"\(v)\" to \(q): expected one of \(accepted.joined(separator: ", "))"
        case .nothingSelected: "no item selected (and no mandatory item)"
        }
    }

    /// Whether the request was wrong (bad arguments) rather than a clear "no" from the policy.
    public var isUsageError: Bool {
        if case .itemNotOffered = self { return false }
        return true
    }

    public var chineseMessage: String {
        switch self {
        case let .unknownRegion(r, _): "未知地区：\(r)"
        case let .unknownCategory(c, _, _): "本地区不受理该退役类型：\(c)"
        case let .unknownItem(i, _): "本地区无此事项：\(i)"
        case let .duplicateItem(i): "事项重复选择：\(i)"
        case let .itemNotOffered(_, itemName, _, categoryName): "\(categoryName)不可选择“\(itemName)”"
        case let .unknownQuestion(q, _): "本地区无此问题：\(q)"
        case let .invalidAnswer(q, v, accepted): "“\(q)”的回答“\(v)”无效，可选：\(accepted.joined(separator: "、"))"
        case .nothingSelected: "请至少选择一个办理事项"
        }
    }
}
