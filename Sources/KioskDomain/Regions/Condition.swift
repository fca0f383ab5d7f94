/// When something applies (an item, a material, a field, a fee): every named question must be
/// answered with one of the listed values. `{"settlement": ["spouse"]}` reads "when the
/// settlement type is 随配偶落户".
///
/// Conditions only name questions the profile declares, with values those questions accept —
/// the loader checks both — so a rule in the data can never silently refer to nothing.
public struct Condition: Codable, Sendable, Equatable {
    /// Question code → accepted answer values.
    public var requirements: [String: [String]]

    public init(_ requirements: [String: [String]]) { self.requirements = requirements }

    public init(from decoder: any Decoder) throws {
        requirements = try decoder.singleValueContainer().decode([String: [String]].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(requirements)
    }

    /// The questions this condition reads, in a stable order.
    public var questions: [String] { requirements.keys.sorted() }

    /// Evaluation against the answers given so far.
    public enum Outcome: Equatable, Sendable {
        case holds
        case fails
        /// The listed questions have not been answered yet.
        case unanswered([String])
    }

    public func evaluate(_ answers: [String: String]) -> Outcome {
        var missing: [String] = []
        var fails = false
        for question in questions {
            guard let answer = answers[question] else { missing.append(question); continue }
            if !(requirements[question] ?? []).contains(answer) { fails = true }
        }
        if fails { return .fails }
        return missing.isEmpty ? .holds : .unanswered(missing)
    }
}

extension Optional where Wrapped == Condition {
    /// No condition always holds.
    func evaluate(_ answers: [String: String]) -> Condition.Outcome {
        self?.evaluate(answers) ?? .holds
    }
}
