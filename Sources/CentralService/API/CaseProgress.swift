import Foundation
import KioskDomain

/// `GET /v1/cases/{caseNumber}`: where each item of a case stands.
public struct CaseProgress: Codable, Sendable, Equatable {
    public var caseId: UUID
    public var caseNumber: String
    public var acceptedAt: Date
    public var items: [ItemProgress]

    public init(caseId: UUID, caseNumber: String, acceptedAt: Date, items: [ItemProgress]) {
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.acceptedAt = acceptedAt
        self.items = items
    }

    public struct ItemProgress: Codable, Sendable, Equatable {
        public var code: String
        public var title: String
        public var department: String
        public var state: ItemState
        public var dueDate: CivilDate?
        /// Codes of the items that must be completed first.
        public var dependsOn: [String]
        /// For 不予受理: why, and the rule it rests on.
        public var reason: String?
        public var basis: String?
        /// When the item last changed state.
        public var updatedAt: Date

        public init(code: String, title: String, department: String, state: ItemState, dueDate: CivilDate?,
                    dependsOn: [String], reason: String? = nil, basis: String? = nil, updatedAt: Date) {
            self.code = code
            self.title = title
            self.department = department
            self.state = state
            self.dueDate = dueDate
            self.dependsOn = dependsOn
            self.reason = reason
            self.basis = basis
            self.updatedAt = updatedAt
        }
    }
}

/// The state of one item, as the departments report it.
public enum ItemState: String, Codable, Sendable, CaseIterable {
    /// 已受理
    case accepted
    /// 办理中
    case processing
    /// 已办结
    case completed
    /// 不予受理
    case refused

    public var chinese: String {
        switch self {
        case .accepted: "已受理"
        case .processing: "办理中"
        case .completed: "已办结"
        case .refused: "不予受理"
        }
    }

    /// Completed and refused items do not change any more.
    public var isFinal: Bool { self == .completed || self == .refused }
}
