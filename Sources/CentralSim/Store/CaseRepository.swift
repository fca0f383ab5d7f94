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
    /// Keys the ID-number lookup column (see `IDNumberLookupKey`).
    let lookupKey: IDNumberLookupKey

    enum SubmitResult: Sendable {
        /// Stored now; the receipt document as sent.
        case created(Data)
        /// The same case again: the original receipt document.
        case replayed(Data)
        /// Same case UUID, different content.
        case conflict
        /// The request's nonce was already used: a replayed request, refused (401).
        case replayedNonce
    }

    /// A valid submission on its way into the store.
    struct Submission: Sendable {
        var submission: CaseSubmission
        /// The request body as received; stored, and compared first on a replay.
        var body: Data
        /// SHA-256 (hex) of `body`.
        var digest: String
        /// Recorded in the same transaction as the case, when the signature check left it to us.
        var nonce: SignedNonce?
        var now: Date
    }

    /// Stores valid submissions exactly once, in one immediate transaction committed with
    /// `synchronous = FULL`: an acknowledged case survives a crash, and two racing requests with
    /// the same key cannot both create it (the second, in the same or a later transaction, sees
    /// the first). Each submission runs in its own savepoint, so one that fails does not take
    /// the others with it. `GroupCommitter` gathers the submissions that arrive together.
    func submit(_ batch: [Submission]) async throws -> [Result<SubmitResult, any Error>] {
        try await database.pool.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute()
            defer { try? db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute() }
            var results: [Result<SubmitResult, any Error>] = []
            try db.inTransaction(.immediate) {
                results = batch.map { item in
                    Result {
                        var result = SubmitResult.conflict
                        try db.inSavepoint {
                            if let nonce = item.nonce, try !SimDatabase.useNonce(nonce, db) {
                                result = .replayedNonce
                            } else {
                                result = try insert(item, db: db)
                            }
                            return .commit
                        }
                        return result
                    }
                }
                return .commit
            }
            return results
        }
    }

    /// Content is compared after decoding (the contract: key order and whitespace do not
    /// matter): the same bytes are the same content at once; other bytes are decoded and
    /// re-encoded canonically on both sides, which only a replay from another encoder needs.
    private func sameContent(_ item: Submission, storedDigest: String, storedBody: String) -> Bool {
        if storedDigest == item.digest { return true }
        let encoder = Wire.encoder
        guard let stored = try? Wire.decoder.decode(CaseSubmission.self, from: Data(storedBody.utf8)),
              let storedCanonical = try? encoder.encode(stored),
              let canonical = try? encoder.encode(item.submission) else { return false }
        return storedCanonical == canonical
    }

    private func insert(_ item: Submission, db: Database) throws -> SubmitResult {
        let submission = item.submission
        let now = item.now
        let key = submission.caseId.uuidString.lowercased()
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT submission_digest, submission, receipt FROM cases WHERE case_id = ?"),
                                      arguments: [key]) {
            return sameContent(item, storedDigest: row["submission_digest"], storedBody: row["submission"])
                ? .replayed(row["receipt"]) : .conflict
        }
        let acceptedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let acceptedOn = DueDates.chinaDate(acceptedAt)
        let division = regions.region(submission.region)?.divisionCode ?? "000000"
        let prefix = "YJS-\(division)-\(acceptedOn.description.filter { $0 != "-" })"
        try db.cachedStatement(sql: """
            INSERT INTO case_counters (prefix, last) VALUES (?, 1)
            ON CONFLICT(prefix) DO UPDATE SET last = last + 1
            """).execute(arguments: [prefix])
        let sequence = try Int.fetchOne(db.cachedStatement(sql: "SELECT last FROM case_counters WHERE prefix = ?"),
                                        arguments: [prefix]) ?? 1
        let digits = String(sequence)
        let caseNumber = prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits

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
        let receiptData = try Wire.encoder.encode(receipt)
        try db.cachedStatement(sql: """
            INSERT INTO cases (case_id, case_number, terminal_id, region, local_reference, id_number_digest,
                               submission, submission_digest, accepted_at, receipt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key, caseNumber, submission.terminalId, submission.region, submission.localReference,
                             lookupKey.digest(submission.applicant.idNumber), String(decoding: item.body, as: UTF8.self),
                             item.digest, acceptedAt.timeIntervalSince1970, receiptData])
        for (position, item) in submission.items.enumerated() {
            let plan = plans[position]
            try db.cachedStatement(sql: """
                INSERT INTO items (case_id, position, code, title, department, limit_text, due_date, depends_on,
                                   starts_after, completes_after, refused_reason, refused_basis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [key, position, item.code, item.title, item.department, item.limitText,
                                 dues[position]?.description, plan.dependsOn.joined(separator: ","), plan.startsAfter,
                                 plan.completesAfter, plan.refusal?.reason, plan.refusal?.basis])
        }
        return .created(receiptData)
    }
}
