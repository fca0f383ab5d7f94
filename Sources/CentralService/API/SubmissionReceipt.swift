import Foundation
import KioskDomain

/// The central service's answer to an accepted submission (HTTP 201, or the same document
/// again for a replay of the same Idempotency-Key).
public struct SubmissionReceipt: Codable, Sendable, Equatable {
    public var caseId: UUID
    /// The central case number (统一受理编号), printed on the receipt once known.
    public var caseNumber: String
    public var acceptedAt: Date
    public var items: [Item]

    /// Where one item went and by when it is due.
    public struct Item: Codable, Sendable, Equatable {
        public var code: String
        public var department: String
        /// Nil when the limit is "以部门通知为准" or the calendar does not cover the period.
        public var dueDate: CivilDate?
        public var limitText: String

        public init(code: String, department: String, dueDate: CivilDate?, limitText: String) {
            self.code = code
            self.department = department
            self.dueDate = dueDate
            self.limitText = limitText
        }
    }

    public init(caseId: UUID, caseNumber: String, acceptedAt: Date, items: [Item]) {
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.acceptedAt = acceptedAt
        self.items = items
    }
}
