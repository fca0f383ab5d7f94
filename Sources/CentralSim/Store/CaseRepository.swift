import CentralService
import Foundation
import GRDB
import KioskDomain

/// The cases central-sim holds: accepting one (idempotently), and reading progress, lists and
/// department views back. The only place of central-sim that knows SQL for cases.
struct CaseRepository: Sendable {
    let database: SimDatabase
    let regions: RegionDirectory
    let simulator: ProgressSimulator
    let dueDates: DueDates

    enum SubmitResult: Sendable {
        /// Stored now; the receipt document as sent.
        case created(Data)
        /// The same case again: the original receipt document.
        case replayed(Data)
        /// Same case UUID, different content.
        case conflict
    }

    /// Stores a valid submission exactly once. The lookup, the case number and the insert run in
    /// one immediate transaction committed with `synchronous = FULL`, so two racing requests with
    /// the same key cannot both create it and an acknowledged case survives a crash.
    func submit(_ submission: CaseSubmission, digest: String, canonical: Data, now: Date) async throws -> SubmitResult {
        try await database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var result = SubmitResult.conflict
            try db.inTransaction(.immediate) {
                result = try insert(submission, digest: digest, canonical: canonical, now: now, db: db)
                return .commit
            }
            return result
        }
    }

    private func insert(_ submission: CaseSubmission, digest: String, canonical: Data, now: Date,
                        db: Database) throws -> SubmitResult {
        let key = submission.caseId.uuidString.lowercased()
        if let row = try Row.fetchOne(db, sql: "SELECT submission_digest, receipt FROM cases WHERE case_id = ?",
                                      arguments: [key]) {
            let stored: String = row["submission_digest"]
            return stored == digest ? .replayed(row["receipt"]) : .conflict
        }
        let acceptedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let acceptedOn = DueDates.chinaDate(acceptedAt)
        let division = regions.region(submission.region)?.divisionCode ?? "000000"
        let prefix = "YJS-\(division)-\(acceptedOn.description.replacingOccurrences(of: "-", with: ""))"
        try db.execute(sql: """
            INSERT INTO case_counters (prefix, last) VALUES (?, 1)
            ON CONFLICT(prefix) DO UPDATE SET last = last + 1
            """, arguments: [prefix])
        let sequence = try Int.fetchOne(db, sql: "SELECT last FROM case_counters WHERE prefix = ?", arguments: [prefix]) ?? 1
        let caseNumber = prefix + "-" + String(format: "%06d", sequence)

        let codes = Set(submission.items.map(\.code))
        let indexByCode = Dictionary(submission.items.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let prerequisites = submission.items.map { item in
            regions.prerequisites(of: item.code, region: submission.region, among: codes).compactMap { indexByCode[$0] }
        }
        let plans = simulator.plan(caseID: submission.caseId, items: submission.items, prerequisites: prerequisites)
        let dues = submission.items.map { dueDates.dueDate(limitText: $0.limitText, acceptedOn: acceptedOn) }
        let receipt = SubmissionReceipt(
            caseId: submission.caseId, caseNumber: caseNumber, acceptedAt: acceptedAt,
            items: zip(submission.items, dues).map {
                .init(code: $0.code, department: $0.department, dueDate: $1, limitText: $0.limitText)
            })
        let receiptData = try Wire.encoder().encode(receipt)
        try db.execute(sql: """
            INSERT INTO cases (case_id, case_number, terminal_id, region, local_reference, id_number_digest,
                               submission, submission_digest, accepted_at, receipt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [key, caseNumber, submission.terminalId, submission.region, submission.localReference,
                             Self.idDigest(submission.applicant.idNumber), String(decoding: canonical, as: UTF8.self),
                             digest, acceptedAt.timeIntervalSince1970, receiptData])
        for (position, item) in submission.items.enumerated() {
            let plan = plans[position]
            try db.execute(sql: """
                INSERT INTO items (case_id, position, code, title, department, limit_text, due_date, depends_on,
                                   starts_after, completes_after, refused_reason, refused_basis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, position, item.code, item.title, item.department, item.limitText,
                                 dues[position]?.description, plan.dependsOn.joined(separator: ","), plan.startsAfter,
                                 plan.completesAfter, plan.refusal?.reason, plan.refusal?.basis])
        }
        return .created(receiptData)
    }

    static func idDigest(_ idNumber: String) -> String {
        RequestSignature.sha256Hex(Data(idNumber.uppercased().utf8))
    }
}
