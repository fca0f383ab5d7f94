/// The answer the kiosk is built around: for this region, category, selection and circumstances,
/// which items go to which departments in which order and by when, which papers to bring
/// (一套材料), and which fields to fill (一张表单). Computed by `Planner`; a value, so screens,
/// receipts and the central submission all show the same thing.
public struct Plan: Codable, Sendable, Equatable {
    public var region: String
    public var regionName: String
    public var category: String
    public var categoryName: String
    public var filingDate: CivilDate
    /// Items to submit, in processing order (predecessors first).
    public var items: [PlannedItem]
    /// Display-only items of the selection or catalog: shown, never submitted.
    public var displayOnly: [ListedItem]
    /// Selected items that do not apply in the veteran's circumstances, with the reason.
    public var skipped: [ListedItem]
    /// Questions that must be answered (or prerequisites met) before the case can be filed.
    public var blocking: [BlockingQuestion]
    /// Things the veteran should know that do not stop filing (中文), e.g. the window is only
    /// open in March and September.
    public var warnings: [String]
    /// The bundle's due date (办结时限).
    public var overallDue: DueDate
    public var overallLimit: TimeLimit
    /// 一套材料: one line per paper.
    public var materials: [MaterialLine]
    /// 一张表单: the union of the fields, each with the departments that receive it.
    public var fields: [PlanField]
    public var fees: [PlanFee]
    /// The answers the plan was computed with, worded.
    public var answers: [Answer]
    public var delivery: [DeliveryOption]
    public var phones: [ContactPhone]
    /// The region's departments, for naming the receivers of `fields`.
    public var departments: [Department]

    /// Nothing blocks: the case can be filed as planned.
    public var isReady: Bool { blocking.isEmpty }

    /// Item code → item name, for every item the plan mentions (included, skipped, display-only).
    var itemNames: [String: String] {
        var names: [String: String] = [:]
        for item in items { names[item.code] = item.name }
        for item in skipped + displayOnly { names[item.code] = item.name }
        return names
    }

    /// The names of the departments with these codes (a code without a department stays as is).
    func departmentNames(_ codes: [String]) -> [String] {
        codes.map { code in departments.first { $0.code == code }?.name ?? code }
    }

    public struct Answer: Codable, Sendable, Equatable {
        public var question: String
        public var questionLabel: String
        public var value: String
        public var label: String
    }
}

/// One item of the plan.
public struct PlannedItem: Codable, Sendable, Equatable {
    public var code: String
    /// The region's wording.
    public var name: String
    public var department: String
    public var departmentName: String
    public var channel: ServiceItem.Channel
    public var limit: TimeLimit
    /// Always in the case (e.g. Jiangxi's 退役报到); `true` also when the veteran did not pick it.
    public var mandatory: Bool
    /// Added because it is mandatory, not because it was selected.
    public var addedAsMandatory: Bool
    /// Items of this plan it waits for.
    public var after: [String]
    /// When the department can start: the filing date, or when its predecessors are due.
    public var starts: DueDate
    public var due: DueDate
    public var note: String?
}

/// An item listed but not submitted (display-only or skipped), with why.
public struct ListedItem: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var reason: String
}

/// A question the veteran must answer, or a prerequisite not met, before filing.
public struct BlockingQuestion: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// The question has not been answered; `options` lists the accepted answers.
        case unanswered
        /// A prerequisite is answered "no": it must be done first (e.g. at the 人武部).
        case prerequisiteNotMet
    }
    public var kind: Kind
    public var question: String
    public var label: String
    public var options: [Question.Option]
    /// The items it concerns; empty means the whole case.
    public var items: [String]
    /// What the veteran is told (中文).
    public var message: String
}

/// 一套材料: one paper (or photo) with every item that needs it.
public struct MaterialLine: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var form: Material.Form
    public var onlineForm: Material.Form?
    public var count: Int
    public var unit: String
    /// The material's remark and every use's remark, deduplicated.
    public var notes: [String]
    /// Item codes that need it; empty when every case needs it (公共材料).
    public var neededBy: [String]
    public var forEveryItem: Bool
    public var photo: Material.PhotoRequirement?
}

/// 一张表单: one field with the departments that receive it.
public struct PlanField: Codable, Sendable, Equatable {
    public var code: String
    public var label: String
    public var group: FormField.Group
    public var choices: [String]
    public var personal: Bool
    /// Department codes, in the profile's department order.
    public var departments: [String]
    /// Item codes that need it; empty when only the common form asks it.
    public var items: [String]
}

/// A fee that applies to the plan.
public struct PlanFee: Codable, Sendable, Equatable {
    public var item: String
    public var label: String
    public var yuan: Int
    public var basis: String?
}
