import Foundation
import KioskDomain
import KioskDomainTesting
import ReceiptPrinter
import ReceiptPrinterTesting
import TestSupport
import Testing
import TestTraits

/// The technician's readiness report (终端就绪报告) printed through a real, private cupsd: every
/// check with its result, the remedy under each that is not a pass, the conclusion — and no
/// applicant's data even when a measurement came from a read card.
@Suite(.realTime) struct ReadinessReportTests {
    @Test func theReportOfARunIsPrintedThroughCupsWithRemediesAndNoPersonalData() async throws {
        try PrivateCupsd.requireInstalled()
        let cupsd = try await PrivateCupsd.start()
        defer { cupsd.stop() }
        try await cupsd.addQueue("kiosk", errorPolicy: "abort-job")
        let service = try ReceiptService(model: .standard80mm,
                                         submitter: JobSubmitter(queue: try await CupsPrinterQueue.open(queue: "kiosk", server: cupsd.server)),
                                         assets: RepositoryPaths.assets)
        let filed = CaseFixtures.chongqing(index: 2)
        let report = ReadinessReport(terminalID: "CQ-YB-01", technician: "T-07", runAt: Date(timeIntervalSince1970: 1_795_400_000), lines: [
            .init(status: "pass", title: "读卡器连接", measured: "已连接 /dev/ttyUSB0", remedy: nil),
            .init(status: "pass", title: "实时读卡", measured: "居民身份证 \(Masking.idNumber(filed.applicant.idNumber))", remedy: nil),
            .init(status: "fail", title: "纸张", measured: "缺纸", remedy: "更换纸卷、合上纸仓盖，然后执行 cupsenable kiosk"),
            .init(status: "warn", title: "工作日历", measured: "2027-01-01 起未覆盖", remedy: "更新 Assets/calendar"),
        ])
        let outcome = try await service.printReadiness(report)
        #expect(outcome.printed)
        let job = try #require(outcome.jobID)
        let bytes = try #require(cupsd.receivedJob(job, queue: "kiosk"))
        let text = try #require(ReceiptTextEncoding.gb18030.decode(ESCPOSStrip.text(of: [UInt8](bytes))))
        #expect(text.contains("终端就绪报告"))
        #expect(text.contains("未就绪"))
        #expect(text.contains("通过 2 项，注意 1 项，故障 1 项"))
        #expect(text.contains("[故障] 纸张：缺纸"))
        #expect(text.contains("处理：更换纸卷"))
        #expect(text.contains("T-07"))
        #expect(!text.contains(filed.applicant.idNumber) && !text.contains(filed.applicant.name))
    }
}
