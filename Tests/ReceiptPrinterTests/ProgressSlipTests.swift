import Foundation
import KioskDomain
import KioskDomainTesting
import ReceiptPrinter
import TestSupport
import Testing
import TestTraits

/// The progress slip and the acknowledgement's QR code: the slip states a refusal's reason and
/// basis, says when it shows the kiosk's own (older) records, masks the ID number; the QR code
/// carries the configured progress URL with the case number.
@Suite(.computeBound) struct ProgressSlipTests {
    static func service(progressURL: String? = nil) throws -> ReceiptService {
        let folder = try RepositoryPaths.temporaryDirectory("progress-slip")
        let submitter = JobSubmitter(queue: try FilePrinterQueue(folder: folder))
        if let progressURL {
            return try ReceiptService(model: .standard80mm, submitter: submitter, assets: RepositoryPaths.assets, progressLookupBase: progressURL)
        }
        return try ReceiptService(model: .standard80mm, submitter: submitter, assets: RepositoryPaths.assets)
    }

    static let slip = ProgressSlip(
        applicantIDNumber: "11010519491231002X",
        cases: [.init(caseNumber: "YJS-500000-20261123-000042", category: "自主就业退役士兵", acceptedOn: CivilDate(year: 2026, month: 11, day: 23)!, items: [
            .init(title: "退役士兵安置落户", department: "区公安分局", state: "办理中", dueDate: CivilDate(year: 2026, month: 11, day: 24), next: "部门正在办理"),
            .init(title: "一次性经济补助金给付", department: "区退役军人事务局", state: "不予受理", dueDate: nil, next: "补正后重新申请",
                  reason: "申请材料不齐全", basis: "《中华人民共和国行政许可法》第三十二条"),
        ])],
        localAge: "3 小时", hall: "测试大厅", consultationPhone: "023-12345", printedAt: Date(timeIntervalSince1970: 1_795_400_000))

    @Test func theSlipStatesEachItemTheRefusalOnceAndTheAgeOfLocalRecords() async throws {
        let text = try await Self.service().progressSlipText(Self.slip)
        for expected in ["办理进度单", "YJS-500000-20261123-000042", "【办理中】退役士兵安置落户", "区公安分局", "2026年11月24日",
                         "不予受理理由：申请材料不齐全", "依据：《中华人民共和国行政许可法》第三十二条", "3 小时前"] {
            #expect(text.contains(expected), "\(expected) missing:\n\(text)")
        }
        #expect(text.components(separatedBy: "不予受理理由").count == 2)
        #expect(!text.contains("11010519491231002X") && text.contains("110***********002X"), "the ID number is masked:\n\(text)")
    }

    @Test func theAcknowledgementsQRCarriesTheConfiguredURLAndTheCaseNumber() async throws {
        var filed = CaseFixtures.chongqing(index: 3)
        filed.centralCaseNumber = "YJS-500000-20261123-000042"
        // The text copy wraps the payload at the paper's width; the QR code holds it whole.
        let text = try await Self.service(progressURL: "https://progress.hall.example/q?no=").acknowledgementText(filed, printedAt: Date())
            .replacingOccurrences(of: "\n", with: "")
        #expect(text.contains("https://progress.hall.example/q?no=YJS-500000-20261123-000042"), "\(text)")
        let placeholder = try await Self.service().acknowledgementText(filed, printedAt: Date()).replacingOccurrences(of: "\n", with: "")
        #expect(placeholder.contains(AcknowledgementReceipt.defaultProgressLookupBase + "YJS-500000-20261123-000042"))
    }
}
