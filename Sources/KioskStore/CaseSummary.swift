import Foundation
import GRDB

/// A case as listed for an operator: clear metadata only, no personal data (the list works for
/// purged cases too; `kioskctl cases show` opens one case and masks it).
public struct CaseSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var localReference: String
    public var centralCaseNumber: String?
    public var region: String
    public var category: String
    public var categoryTitle: String
    public var filedAt: Date
    public var filedOn: String
    public var terminalID: String
    public var itemCount: Int
    public var outboxState: OutboxState
    public var attempts: Int
    public var purged: Bool
}

extension CaseStore {
    /// Cases newest first.
    public func caseSummaries(limit: Int = 100, offset: Int = 0) throws -> [CaseSummary] {
        try mapping {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT c.id, c.local_reference, c.central_case_number, c.region, c.category, c.category_title,
                        c.filed_at, c.filed_on, c.terminal_id, c.purged_at, o.state, o.attempts,
                        (SELECT count(*) FROM case_items i WHERE i.case_id = c.id) AS item_count
                    FROM cases c JOIN outbox o ON o.case_id = c.id
                    ORDER BY c.filed_at DESC, c.id LIMIT ? OFFSET ?
                    """, arguments: [max(0, limit), max(0, offset)]).map { row in
                    let id: String = row["id"]
                    let state: String = row["state"]
                    guard let uuid = UUID(uuidString: id), let outboxState = OutboxState(rawValue: state) else {
                        throw StoreError.corruptRecord(table: "cases", column: "id", detail: "bad id or outbox state for \(id)")
                    }
                    return CaseSummary(id: uuid, localReference: row["local_reference"], centralCaseNumber: row["central_case_number"],
                                       region: row["region"], category: row["category"], categoryTitle: row["category_title"],
                                       filedAt: Date(timeIntervalSince1970: row["filed_at"]), filedOn: row["filed_on"],
                                       terminalID: row["terminal_id"], itemCount: row["item_count"], outboxState: outboxState,
                                       attempts: row["attempts"], purged: (row["purged_at"] as Double?) != nil)
                }
            }
        }
    }

    /// How many cases are stored.
    public func caseCount() throws -> Int {
        try mapping { try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases") ?? 0 } }
    }
}
