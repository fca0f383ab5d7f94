import KioskTime
import Foundation
import KioskDomain

/// One line of `kioskctl cases list`: the clear metadata and the applicant's masked name (the
/// operator's way to find a veteran's case without seeing the name in clear).
public struct CaseListing: Sendable, Equatable, Codable {
    public var id: String
    public var localReference: String
    public var centralCaseNumber: String?
    public var region: String
    public var categoryTitle: String
    public var filedAt: String
    public var itemCount: Int
    public var maskedName: String?
    public var state: OutboxState
    public var attempts: Int
    public var purged: Bool

    /// The listing as a text table with Chinese headings.
    public static func chineseTable(_ listings: [CaseListing]) -> String {
        var lines = ["本地编号\t中心编号\t申请人\t地区\t类别\t受理时间\t事项\t报送状态\t失败次数"]
        for listing in listings {
            lines.append([listing.localReference, listing.centralCaseNumber ?? "—",
                          listing.purged ? "（已清除）" : (listing.maskedName ?? "—"), listing.region, listing.categoryTitle,
                          listing.filedAt, "\(listing.itemCount)", OutboxState.chinese(listing.state), "\(listing.attempts)"]
                .joined(separator: "\t"))
        }
        if listings.isEmpty { lines.append("（没有案件）") }
        return lines.joined(separator: "\n")
    }
}

extension CaseStore {
    /// Cases newest first, with masked names.
    public func caseListings(limit: Int = 100, offset: Int = 0) throws -> [CaseListing] {
        try caseSummaries(limit: limit, offset: offset).map { summary in
            let name = summary.purged ? nil : try loadCase(id: summary.id).applicant.name
            return CaseListing(id: summary.id.uuidString, localReference: summary.localReference,
                               centralCaseNumber: summary.centralCaseNumber, region: summary.region,
                               categoryTitle: summary.categoryTitle, filedAt: ChinaTime.iso(summary.filedAt),
                               itemCount: summary.itemCount, maskedName: name.map(Masking.name),
                               state: summary.outboxState, attempts: summary.attempts, purged: summary.purged)
        }
    }
}
