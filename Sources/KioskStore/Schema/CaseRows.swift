import Foundation
import GRDB
import KioskDomain

/// Writes a `FiledCase` into the case tables and reads it back, sealing exactly the personal
/// parts: the applicant (name, ID number, sex, ethnicity, birth date, phone, address), the photo
/// and every field marked `personal`. Everything else is stored in clear columns.
enum CaseRows {
    /// One decoder for every JSON column: making one per column was a noticeable part of
    /// reading a case back for delivery (JSONDecoder is thread-safe for decoding).
    private static let jsonDecoder = JSONDecoder()

    /// The sealed parts of one case, prepared before the write transaction so the lock is held
    /// only for the inserts.
    struct Sealed {
        /// The case's new data key and its wrapped form, stored with the case.
        var caseKey: CaseKey
        var wrappedKey: Data
        /// Which master key wrapped it.
        var masterFingerprint: String
        var applicant: Data
        /// The ID number's lookup tag (`Sealer.applicantTag`).
        var applicantTag: Data
        var photo: Data?
        /// Sealed value per field position, for personal fields only.
        var fields: [Int: Data]
    }

    static func seal(_ filed: FiledCase, with sealer: Sealer) throws -> Sealed {
        let caseKey = CaseKey.generate()
        var applicant = filed.applicant
        applicant.photo = nil
        let applicantJSON = try JSONEncoder().encode(applicant)
        var fields: [Int: Data] = [:]
        for (position, field) in filed.fields.enumerated() where field.personal {
            fields[position] = try sealer.seal(Data(field.value.utf8), .field(filed.id, position: position), with: caseKey)
        }
        return Sealed(caseKey: caseKey, wrappedKey: try caseKey.wrapped(by: sealer.key, caseID: filed.id),
                      masterFingerprint: sealer.key.fingerprint,
                      applicant: try sealer.seal(applicantJSON, .applicant(filed.id), with: caseKey),
                      applicantTag: sealer.applicantTag(idNumber: filed.applicant.idNumber),
                      photo: try filed.applicant.photo.map { try sealer.seal($0, .photo(filed.id), with: caseKey) },
                      fields: fields)
    }

    static func insert(_ filed: FiledCase, sealed: Sealed, storedAt: Date, _ db: Database) throws {
        let id = filed.id.uuidString
        let materials = String(decoding: try JSONEncoder().encode(filed.materials), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO cases (id, local_reference, central_case_number, region, category, category_title,
                filed_at, filed_on, terminal_id, hall, overall_due_date, overall_limit_text, materials_json,
                delivery, consultation_phone, sealed_applicant, applicant_tag, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, filed.localReference, filed.centralCaseNumber, filed.region, filed.category,
                             filed.categoryTitle, filed.filedAt.timeIntervalSince1970, filed.filedOn.description,
                             filed.terminalID, filed.hall, filed.overallDueDate?.description, filed.overallLimitText,
                             materials, filed.delivery, filed.consultationPhone, sealed.applicant,
                             sealed.applicantTag, storedAt.timeIntervalSince1970])
        try CaseKeys.insert(caseID: filed.id, key: sealed.caseKey, wrapped: sealed.wrappedKey,
                            masterFingerprint: sealed.masterFingerprint, db)
        for (position, item) in filed.items.enumerated() {
            try db.execute(sql: """
                INSERT INTO case_items (case_id, position, code, title, department, due_date, limit_text, display_only)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, item.code, item.title, item.department, item.dueDate?.description,
                                 item.limitText, item.displayOnly ? 1 : 0])
        }
        for (position, field) in filed.fields.enumerated() {
            let departments = String(decoding: try JSONEncoder().encode(field.departments), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO case_fields (case_id, position, code, label, departments_json, personal, clear_value, sealed_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, position, field.code, field.label, departments, field.personal ? 1 : 0,
                                 field.personal ? nil : field.value, sealed.fields[position]])
        }
        if let photo = sealed.photo {
            try db.execute(sql: "INSERT INTO case_photos (case_id, sealed_photo) VALUES (?, ?)", arguments: [id, photo])
        }
    }

    /// Reads a whole case and opens its sealed parts; `personalDataPurged` once they are purged.
    static func load(id: UUID, sealer: Sealer, _ db: Database) throws -> FiledCase {
        try load(id: id, sealer: sealer, allowingPurged: false, db).0
    }

    /// Reads a whole case; when `allowingPurged` and the personal data was purged, returns the
    /// metadata with an empty applicant and empty personal field values, and the purge time.
    static func load(id: UUID, sealer: Sealer, allowingPurged: Bool, _ db: Database) throws -> (FiledCase, Date?) {
        let key = id.uuidString
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cases WHERE id = ?"), arguments: [key]) else {
            throw StoreError.caseNotFound(key)
        }
        let purgedAt = (row["purged_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        if let purgedAt, !allowingPurged { throw StoreError.personalDataPurged(id: id, purgedAt: purgedAt) }
        let filed = try loadBody(row, id: id, sealer: sealer, purged: purgedAt != nil, db)
        return (filed, purgedAt)
    }

    private static func loadBody(_ row: Row, id: UUID, sealer: Sealer, purged: Bool, _ db: Database) throws -> FiledCase {
        let key = id.uuidString
        let caseKey = purged ? nil : try CaseKeys.load(caseID: id, master: sealer.key, db)
        var applicant = FiledCase.Applicant(name: "", idNumber: "")
        if !purged {
            guard let sealedApplicant = row["sealed_applicant"] as Data?,
                  let applicantJSON = sealer.open(sealedApplicant, .applicant(id), caseKey: caseKey) else {
                throw StoreError.unsealFailed(id: id, what: "applicant")
            }
            applicant = try decode(FiledCase.Applicant.self, applicantJSON, column: "cases.sealed_applicant")
        }
        if !purged, let photo = try Data.fetchOne(db.cachedStatement(sql: "SELECT sealed_photo FROM case_photos WHERE case_id = ?"), arguments: [key]) {
            guard let opened = sealer.open(photo, .photo(id), caseKey: caseKey) else { throw StoreError.unsealFailed(id: id, what: "photo") }
            applicant.photo = opened
        }
        let items = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_items WHERE case_id = ? ORDER BY position"), arguments: [key])
            .map { item in
                FiledCase.Item(code: item["code"], title: item["title"], department: item["department"],
                               dueDate: try civilDate(item["due_date"], column: "case_items.due_date"),
                               limitText: item["limit_text"], displayOnly: (item["display_only"] as Int) == 1)
            }
        let fields = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM case_fields WHERE case_id = ? ORDER BY position"), arguments: [key])
            .map { field in try loadField(field, id: id, sealer: sealer, caseKey: caseKey, purged: purged) }
        let materials = try decode([FiledCase.MaterialToHandIn].self, Data((row["materials_json"] as String).utf8),
                                   column: "cases.materials_json")
        guard let filedOn = try civilDate(row["filed_on"], column: "cases.filed_on") else {
            throw StoreError.corruptRecord(table: "cases", column: "filed_on", detail: "missing date")
        }
        return FiledCase(
            id: id, localReference: row["local_reference"], centralCaseNumber: row["central_case_number"],
            region: row["region"], category: row["category"], categoryTitle: row["category_title"],
            filedAt: Date(timeIntervalSince1970: row["filed_at"]), filedOn: filedOn,
            terminalID: row["terminal_id"], hall: row["hall"], applicant: applicant, items: items,
            overallDueDate: try civilDate(row["overall_due_date"], column: "cases.overall_due_date"),
            overallLimitText: row["overall_limit_text"], materials: materials, fields: fields,
            delivery: row["delivery"], consultationPhone: row["consultation_phone"])
    }

    private static func loadField(_ field: Row, id: UUID, sealer: Sealer, caseKey: CaseKey?,
                                  purged: Bool) throws -> FiledCase.FieldValue {
        let position: Int = field["position"]
        let personal = (field["personal"] as Int) == 1
        let value: String
        if personal, purged {
            value = ""
        } else if personal {
            guard let sealed = field["sealed_value"] as Data?, let opened = sealer.open(sealed, .field(id, position: position), caseKey: caseKey) else {
                throw StoreError.unsealFailed(id: id, what: "field \(field["code"] as String)")
            }
            value = String(decoding: opened, as: UTF8.self)
        } else {
            value = field["clear_value"]
        }
        let departments = try decode([String].self, Data((field["departments_json"] as String).utf8),
                                     column: "case_fields.departments_json")
        return FiledCase.FieldValue(code: field["code"], label: field["label"], value: value,
                                    departments: departments, personal: personal)
    }

    private static func civilDate(_ text: String?, column: String) throws -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) else {
            let parts = column.split(separator: ".")
            throw StoreError.corruptRecord(table: String(parts[0]), column: String(parts[1]), detail: "expected YYYY-MM-DD, found \(text)")
        }
        return date
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, column: String) throws -> T {
        do {
            return try jsonDecoder.decode(type, from: data)
        } catch {
            let parts = column.split(separator: ".")
            throw StoreError.corruptRecord(table: String(parts[0]), column: String(parts[1]), detail: "undecodable JSON: \(error)")
        }
    }
}
