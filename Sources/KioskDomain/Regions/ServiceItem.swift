/// One item (事项) of the bundle as a region runs it: a canonical code shared across regions, the
/// region's wording, the department that handles it, how it is applied for, its time limit,
/// what it must wait for (串并联), and the materials and form fields it needs.
public struct ServiceItem: Codable, Sendable, Equatable {
    /// Canonical code (see `ItemCode` and `Assets/regions/README.md`).
    public var code: String
    /// The region's own wording, shown on screens and receipts.
    public var name: String
    /// Department code (see `RegionProfile.departments`).
    public var department: String
    public var channel: Channel
    public var limit: TimeLimit
    /// Always part of the case, whatever the selection (Jiangxi: 退役报到, 预备役登记).
    public var mandatory: Bool
    /// Items whose completion this item waits for, when both are in the case (串联).
    public var after: [String]
    /// The item only applies when this holds (Hebei: 户口登记 only if the household was cancelled).
    public var when: Condition?
    /// Why the item is skipped when `when` fails (中文), e.g. `户口未注销的退役士兵不需要重新办理落户`.
    public var skippedBecause: String?
    public var materials: [MaterialUse]
    public var fields: [FieldUse]
    /// Remarks from the seed worth showing (中文).
    public var note: String?
    /// The seed sentence the item is encoded from.
    public var seed: String

    /// 办理方式.
    public enum Channel: String, StrictStringEnum {
        /// 线上办理 (全程网办).
        case online
        /// 线上申请、线下办理.
        case onlineApplyOfflineHandle = "online-apply-offline-handle"
        /// 线下办理 (at the window, often with on-site capture).
        case offline
        /// 仅展示: listed so the veteran knows it exists, never submitted.
        case displayOnly = "display-only"

        public var chinese: String {
            switch self {
            case .online: "线上办理"
            case .onlineApplyOfflineHandle: "线上申请、线下办理"
            case .offline: "线下办理"
            case .displayOnly: "仅展示，无需办理"
            }
        }
    }

    public var isDisplayOnly: Bool { channel == .displayOnly }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, name, department, channel, limit, mandatory, after, when, skippedBecause, materials, fields, note, seed
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        department = try c.decode(String.self, forKey: .department)
        channel = try c.decode(Channel.self, forKey: .channel)
        limit = try c.decode(TimeLimit.self, forKey: .limit)
        mandatory = try c.decodeIfPresent(Bool.self, forKey: .mandatory) ?? false
        after = try c.list(.after)
        when = try c.decodeIfPresent(Condition.self, forKey: .when)
        skippedBecause = try c.decodeIfPresent(String.self, forKey: .skippedBecause)
        materials = try c.list(.materials)
        fields = try c.list(.fields)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        seed = try c.decode(String.self, forKey: .seed)
    }
}

/// 办结时限: how long a department has, as the seed states it.
public struct TimeLimit: Codable, Sendable, Equatable {
    public var kind: Kind
    /// Working days, for `.workingDays`.
    public var days: Int?
    /// What the limit does not include (不含…), in the seed's words.
    public var excludes: [String]
    /// When the count starts if not at filing or at the predecessors' completion
    /// (Jiangxi: `转移基金匹配到账后`) — shown, since the kiosk cannot know that date.
    public var startsWhen: String?
    /// `startsWhen` is an outside event the kiosk cannot date (funds arriving): the due date is
    /// then "N working days after that event", never a computed date.
    public var startsOnEvent: Bool

    public enum Kind: String, StrictStringEnum {
        /// N working days (工作日).
        case workingDays
        /// 即时办结 / 当场办理.
        case instant
        /// No limit in the seed: 按照各部门明确的时限办理 / 以部门通知为准.
        case perDepartment
        /// No limit of its own; bound by the bundle's overall limit (Sichuan, Hebei, Ordos).
        case overall
    }

    public init(kind: Kind, days: Int? = nil, excludes: [String] = [], startsWhen: String? = nil, startsOnEvent: Bool = false) {
        self.kind = kind
        self.days = days
        self.excludes = excludes
        self.startsWhen = startsWhen
        self.startsOnEvent = startsOnEvent
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case kind, days, excludes, startsWhen, startsOnEvent }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try c.decode(Kind.self, forKey: .kind),
                  days: try c.decodeIfPresent(Int.self, forKey: .days),
                  excludes: try c.list(.excludes),
                  startsWhen: try c.decodeIfPresent(String.self, forKey: .startsWhen),
                  startsOnEvent: try c.decodeIfPresent(Bool.self, forKey: .startsOnEvent) ?? false)
    }

    /// The limit as worded for people: `3个工作日`, `即时办结`, `以部门通知为准`, `在总时限内`.
    public var chinese: String {
        var text: String
        switch kind {
        case .workingDays: text = "\(days ?? 0)个工作日"
        case .instant: text = "即时办结"
        case .perDepartment: text = "按各部门明确的时限（以部门通知为准）"
        case .overall: text = "在总办结时限内"
        }
        if let startsWhen { text = startsWhen + text }
        if !excludes.isEmpty { text += "（不含" + excludes.joined(separator: "、") + "）" }
        return text
    }
}
