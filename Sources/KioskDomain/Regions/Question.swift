/// A conditional question (情形) the profile declares: its answer decides which items apply,
/// which materials are needed and which form fields are asked. Labels are the region's wording,
/// so the touchscreen and `kioskctl plan --help` can ask it in Chinese without code knowing it.
public struct Question: Codable, Sendable, Equatable {
    /// Stable code, also the `--answer` key (`settlement`, `household_cancelled`, …).
    public var code: String
    /// The question as asked (中文).
    public var label: String
    public var options: [Option]
    /// Where in the seed the distinction comes from.
    public var seed: String?

    public struct Option: Codable, Sendable, Equatable {
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case value, label }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decode(String.self, forKey: .value)
            label = try c.decode(String.self, forKey: .label)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case code, label, options, seed }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        options = try c.decode([Option].self, forKey: .options)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
    }

    public func option(_ value: String) -> Option? { options.first { $0.value == value } }
}

/// Something that must already be true before the case (or some items of it) can be filed —
/// e.g. Ordos: 预备役登记 done at the 旗区人武部 first; the pension funds already transferred.
/// An unanswered or unmet prerequisite is a blocking question in the plan, never a silent skip.
public struct Prerequisite: Codable, Sendable, Equatable {
    public var code: String
    /// What must be done (中文), e.g. `在旗区人武部完成预备役登记`.
    public var label: String
    /// The question that asks about it and the answers that satisfy it.
    public var question: String
    public var accepted: [String]
    /// What the veteran is told when it is not met (中文).
    public var message: String
    /// Where it is done (e.g. `旗区人武部`); nil when it is not a visit.
    public var doneAt: String?
    /// The items it gates; empty means the whole case.
    public var items: [String]
    public var seed: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case code, label, question, accepted, message, doneAt, items, seed }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        label = try c.decode(String.self, forKey: .label)
        question = try c.decode(String.self, forKey: .question)
        accepted = try c.decode([String].self, forKey: .accepted)
        message = try c.decode(String.self, forKey: .message)
        doneAt = try c.decodeIfPresent(String.self, forKey: .doneAt)
        items = try c.list(.items)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
    }
}
