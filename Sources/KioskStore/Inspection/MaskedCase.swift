import Foundation
import KioskTime
import GRDB
import KioskDomain

/// A case as an operator may see it (`kioskctl cases show`): personal data masked with
/// `KioskDomain.Masking`, never in clear; the photo only as "present". After the purge the
/// applicant is absent and personal fields are empty.
public struct MaskedCase: Sendable, Equatable, Codable {
    public var id: String
    public var localReference: String
    public var centralCaseNumber: String?
    public var region: String
    public var category: String
    public var categoryTitle: String
    /// ISO 8601 in China time.
    public var filedAt: String
    public var filedOn: String
    public var terminalID: String
    public var hall: String
    /// nil once the personal data was purged.
    public var applicant: Applicant?
    public var items: [FiledCase.Item]
    public var overallDueDate: String?
    public var overallLimitText: String
    public var fields: [Field]
    public var delivery: String?
    public var outbox: OutboxLine
    /// When the sealed personal data was purged (ISO 8601), nil while it is kept.
    public var personalDataPurgedAt: String?

    public struct Applicant: Sendable, Equatable, Codable {
        public var name: String
        public var idNumber: String
        public var phone: String?
        public var address: String?
        public var hasPhoto: Bool
    }

    public struct Field: Sendable, Equatable, Codable {
        public var code: String
        public var label: String
        /// Masked when `personal`.
        public var value: String
        public var personal: Bool
        public var departments: [String]
    }

    public struct OutboxLine: Sendable, Equatable, Codable {
        public var state: OutboxState
        public var attempts: Int
        public var enqueuedAt: String
        public var nextAttemptAt: String
        public var lastError: String?
        public var acknowledgedAt: String?
    }

    init(_ filed: FiledCase, outbox: OutboxEntry, purgedAt: Date?) {
        id = filed.id.uuidString
        localReference = filed.localReference
        centralCaseNumber = filed.centralCaseNumber
        region = filed.region
        category = filed.category
        categoryTitle = filed.categoryTitle
        filedAt = ChinaTime.iso(filed.filedAt)
        filedOn = filed.filedOn.description
        terminalID = filed.terminalID
        hall = filed.hall
        if purgedAt == nil {
            let person = filed.applicant
            applicant = Applicant(name: Masking.name(person.name), idNumber: Masking.idNumber(person.idNumber),
                                  phone: person.phone.map(Masking.phone), address: person.address.map(Masking.address),
                                  hasPhoto: person.photo != nil)
        }
        items = filed.items
        overallDueDate = filed.overallDueDate?.description
        overallLimitText = filed.overallLimitText
        fields = filed.fields.map { field in
            Field(code: field.code, label: field.label,
                  value: field.personal ? Self.mask(code: field.code, value: field.value) : field.value,
                  personal: field.personal, departments: field.departments)
        }
        delivery = filed.delivery
        self.outbox = OutboxLine(state: outbox.state, attempts: outbox.attempts, enqueuedAt: ChinaTime.iso(outbox.enqueuedAt),
                                 nextAttemptAt: ChinaTime.iso(outbox.nextAttemptAt), lastError: outbox.lastError,
                                 acknowledgedAt: outbox.acknowledgedAt.map(ChinaTime.iso))
        personalDataPurgedAt = purgedAt.map(ChinaTime.iso)
    }

    /// Masks a personal field by what its code says it is; anything unrecognised is masked whole.
    static func mask(code: String, value: String) -> String {
        let code = code.lowercased()
        if value.isEmpty { return "" }
        if code.contains("id_number") || code.contains("idnumber") || code.hasSuffix("_id") { return Masking.idNumber(value) }
        if code.contains("phone") || code.contains("mobile") || code.contains("tel") { return Masking.phone(value) }
        if code.contains("bank") || code.contains("account") || code.contains("card") { return Masking.bankCard(value) }
        if code.contains("address") || code.contains("addr") { return Masking.address(value) }
        if code.contains("name") { return Masking.name(value) }
        return String(repeating: "*", count: min(value.count, 8))
    }

    /// The case as text for a technician's terminal (Simplified Chinese labels).
    public var chineseText: String {
        var lines = ["案件 \(localReference)（\(id)）"]
        lines.append("中心案件编号：\(centralCaseNumber ?? "（尚未报送成功）")")
        lines.append("地区：\(region)　类别：\(categoryTitle)（\(category)）")
        lines.append("受理时间：\(filedAt)　终端：\(terminalID)　大厅：\(hall)")
        if let applicant {
            lines.append("申请人：\(applicant.name)　身份证号：\(applicant.idNumber)")
            lines.append("联系电话：\(applicant.phone ?? "—")　地址：\(applicant.address ?? "—")　照片：\(applicant.hasPhoto ? "有" : "无")")
        } else {
            lines.append("申请人：（个人信息已于 \(personalDataPurgedAt ?? "—") 按规定清除）")
        }
        lines.append("办结时限：\(overallLimitText)\(overallDueDate.map { "（\($0)）" } ?? "")　送达方式：\(delivery ?? "—")")
        lines.append("事项：")
        for item in items {
            let due = item.dueDate?.description ?? item.limitText
            lines.append("  · \(item.title) — \(item.department)，\(due)\(item.displayOnly ? "（仅展示）" : "")")
        }
        lines.append("表单：")
        for field in fields { lines.append("  · \(field.label)：\(field.value)") }
        lines.append("报送：\(OutboxState.chinese(outbox.state))，失败次数 \(outbox.attempts)"
                     + (outbox.lastError.map { "，最近错误：\($0)" } ?? ""))
        return lines.joined(separator: "\n")
    }
}

extension OutboxState {
    /// The state as an operator reads it.
    public static func chinese(_ state: OutboxState) -> String {
        switch state {
        case .pending: "待报送"
        case .delivered: "已报送"
        case .dead: "被拒收，待处理"
        }
    }
}

extension CaseStore {
    /// One case, masked, with its outbox line; purged cases show their metadata only.
    public func maskedCase(id: UUID) throws -> MaskedCase {
        try mapping {
            try pool.read { db in
                let (filed, purgedAt) = try CaseRows.load(id: id, sealer: sealer, allowingPurged: true, db)
                guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM outbox o JOIN cases c ON c.id = o.case_id WHERE o.case_id = ?",
                                                 arguments: [id.uuidString]) else {
                    throw StoreError.corruptRecord(table: "outbox", column: "case_id", detail: "no outbox entry for \(id.uuidString)")
                }
                return MaskedCase(filed, outbox: try Self.entry(row), purgedAt: purgedAt)
            }
        }
    }
}
