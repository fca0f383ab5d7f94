import Foundation
import KioskApp
import KioskDomain
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// After filing, at the real `kioskd --demo` in a pseudo-terminal, against its central-sim whose
/// departments work at 1440× (a day a minute) and refuse the 一次性经济补助金 on demand: the veteran
/// files, rates, comes back and asks where his case stands by card and by case number (typed
/// like a USB scanner types the receipt's QR), sees 已办结 / 办理中 / 已受理 / 不予受理 with the
/// reason and basis, prints a progress slip; then, the network down and kioskd restarted, asks
/// again (the store's knowledge, with its age) and has his receipt printed again (补打, audited).
@Suite(.serialized, .realTime(.kiosk)) struct KioskdProgressTests {
    typealias Kiosk = KioskdJourneyTests.Kiosk
    static let refused = "subsidy"
    static let captures = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kioskd-progress.txt")

    @Test func progressByCardAndCaseNumberThenOfflineAndReprintAfterARestart() async throws {
        let journey = KioskdJourneyTests()
        let dataDir = try RepositoryPaths.temporaryDirectory("kioskd-progress")
        defer { if ProcessInfo.processInfo.environment["KIOSKD_KEEP"] == nil { try? FileManager.default.removeItem(at: dataDir) } }
        var kiosk = try Kiosk(region: "chongqing", dataDir: dataDir,
                              extraArguments: ["--status", "127.0.0.1:0", "--demo-refuse-item", Self.refused])
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await kiosk.wait(for: "补打回执")
        #expect(kiosk.screen.screenText.contains("查询办理进度"))

        // File the case, as in the journey test, and rate it when offered (非常满意, one reason).
        try await kiosk.tap("开始办理")
        try await kiosk.wait(for: "请选择要办理的事项")
        try await kiosk.turn("下一步", pick: { $0.last })
        try await journey.answerQuestions(kiosk)
        try await journey.fillForm(kiosk)
        if await kiosk.settle().contains("选择制卡照片") {
            try await kiosk.tap("IMG_0001.jpg")
            try await kiosk.wait(for: "照片文件可以正常读取", timeout: .seconds(30))
            _ = await kiosk.settle()
            try await kiosk.tap("使用这张照片", pick: { $0.last })
        }
        try await kiosk.wait(for: "请携带以下材料到窗口")
        try await kiosk.tap("下一步", pick: { $0.last })
        try await kiosk.wait(for: "本人承诺")
        try await kiosk.tap("我已阅读并同意，提交申请")
        var text = try await kiosk.wait(for: "回执已打印", timeout: .seconds(40))
        guard let caseNumber = Self.caseNumber(in: text.replacingOccurrences(of: " ", with: "")) else {
            Issue.record("no case number on the outcome screen:\n\(text)"); return
        }
        try await kiosk.tap("完成", pick: { $0.last })
        try await kiosk.wait(for: "请对本次服务进行评价")
        kiosk.capture("rating")
        try await kiosk.tap("非常满意")
        try await kiosk.tap("一次办成")
        try await kiosk.tap("提交评价")
        try await kiosk.wait(for: "开始办理", timeout: .seconds(20))

        // By card: wait on the departments (1440×) until every state shows, the refusal with it.
        var progress = ""
        for _ in 0..<12 {
            try await kiosk.tap("查询办理进度")
            try await kiosk.tap("刷身份证查询")
            progress = try await kiosk.wait(for: "办理进度", timeout: .seconds(20))
            progress = try await kiosk.wait(for: caseNumber, timeout: .seconds(20))
            progress = try await Self.allPages(kiosk)
            if ["已办结", "办理中", "已受理", "不予受理"].allSatisfy(progress.contains) { break }
            try await kiosk.tap("回到首页")
            try await kiosk.wait(for: "开始办理", timeout: .seconds(20))
            await kiosk.pty.read(for: .seconds(2))
        }
        kiosk.capture("progress by card")
        for state in ["已办结", "办理中", "已受理", "不予受理", "不予受理理由：", "依据：", "下一步：", "省一体化政务服务平台"] {
            #expect(progress.contains(state), "\(state) missing:\n\(progress)")
        }
        #expect(progress.components(separatedBy: "不予受理理由").count == 2, "the refusal is stated once")
        #expect(!progress.contains("王小明"))
        let escposBefore = try Self.files(dataDir, suffix: ".escpos").count
        try await kiosk.tap("打印进度单", pick: { $0.last })
        try await kiosk.wait(for: "进度单已打印", timeout: .seconds(20))
        #expect(try Self.files(dataDir, suffix: ".escpos").count == escposBefore + 1)
        try await kiosk.tap("回到首页")
        try await kiosk.wait(for: "开始办理", timeout: .seconds(20))

        // By case number, typed like a USB HID scanner types the receipt's QR payload, then Enter.
        try await kiosk.tap("查询办理进度")
        try await kiosk.type("https://ywtb.example.gov.cn/progress?no=\(caseNumber)\r")
        text = try await kiosk.wait(for: "不予受理理由", timeout: .seconds(20))
        #expect(text.contains(caseNumber))
        kiosk.capture("progress by case number")
        try await kiosk.tap("回到首页")
        try await kiosk.wait(for: "开始办理", timeout: .seconds(20))

        // The rating went to central-sim once (the store marked it delivered).
        #expect(try await Self.sql(dataDir, "cases.sqlite", "SELECT state || ':' || score FROM ratings;") == "delivered:5")
        #expect(try await Self.sql(dataDir, "central-sim.sqlite", "SELECT count(*) || ':' || min(score) FROM ratings;") == "1:5")

        kiosk.pty.signal(SIGTERM)
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))

        // Restarted with the network down: the store's knowledge, said so with its age; 补打.
        let firstRun = kiosk.screens
        kiosk = try Kiosk(region: "chongqing", dataDir: dataDir, extraArguments: ["--status", "127.0.0.1:0", "--demo-offline"])
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await kiosk.tap("查询办理进度")
        try await kiosk.tap("刷身份证查询")
        text = try await kiosk.wait(for: "网络暂时中断：以下为本机保存的记录", timeout: .seconds(30))
        #expect(text.contains(caseNumber) && text.contains("不予受理理由"), "the last central answer is kept:\n\(text)")
        kiosk.capture("progress offline")
        try await kiosk.tap("补打回执")
        try await kiosk.wait(for: "请选择要补打的回执", timeout: .seconds(20))
        kiosk.capture("reprint list")
        try await kiosk.tap(caseNumber)
        try await kiosk.wait(for: "请对本次服务进行评价", timeout: .seconds(30))
        try await kiosk.tap("跳过", pick: { $0.last })
        try await kiosk.wait(for: "开始办理", timeout: .seconds(30))
        #expect(try await Self.sql(dataDir, "cases.sqlite", "SELECT count(*) FROM audit_log WHERE event = 'receipt.reprinted' AND detail = 'printed';") == "1")
        #expect(try Self.files(dataDir, suffix: ".escpos").count == escposBefore + 2, "the acknowledgement, the slip and the 补打 copy")

        kiosk.pty.signal(SIGTERM)
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))
        try Data((firstRun + kiosk.screens).joined(separator: "\n").utf8).write(to: Self.captures)
    }

    /// The result screen's pages, first to last, as one text (the first page stays captured).
    static func allPages(_ kiosk: Kiosk) async throws -> String {
        var text = await kiosk.settle()
        kiosk.capture("progress page 1")
        var page = text
        for _ in 0..<4 {
            guard !kiosk.screen.findAll("下一页").isEmpty else { break }
            // A page turn waits for the screen to change, so a slow frame is not read as the last page.
            try await kiosk.turn("下一页", pick: { $0.last })
            let next = await kiosk.settle()
            if next == page { break }
            page = next
            text += "\n" + next
        }
        return text
    }

    static func caseNumber(in text: String) -> String? {
        text.range(of: #"YJS-[0-9]{6}-[0-9]{8}-[0-9]{6}"#, options: .regularExpression).map { String(text[$0]) }
    }

    static func files(_ dir: URL, suffix: String) throws -> [URL] {
        let receipts = dir.appendingPathComponent("receipts")
        return try FileManager.default.contentsOfDirectory(atPath: receipts.path).filter { $0.hasSuffix(suffix) }
            .map { receipts.appendingPathComponent($0) }
    }

    static func sql(_ dir: URL, _ file: String, _ query: String) async throws -> String {
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [dir.appendingPathComponent(file).path, query])
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
