import Foundation
import KioskApp
import KioskDomain
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// The real `kioskd --demo` in a pseudo-terminal, driven by SGR touches and keys as a veteran
/// at the touchscreen: home → card → items → questions → the one form → materials → review →
/// submit → printed receipt → 请取走您的身份证 → home. Asserts on the screens, on the printed
/// receipt and on central-sim's stored case.
@Suite(.serialized, .realTime(.kiosk)) struct KioskdJourneyTests {
    static let size = Size(columns: 127, rows: 26)

    /// kioskd in a pty (`TerminalSession`) with its data folder and the region's tables.
    final class Kiosk {
        let session: TerminalSession
        let dataDir: URL
        let context: KioskContext
        /// The status API's port (a free one for the demo, so runs never collide).
        let statusPort: Int
        var screens: [String] = []
        var pty: PseudoTerminal { session.pty }
        var screen: VTScreen { session.screen }
        var touches: Int { session.touches }

        /// `kioskd --demo` for `region` in a new data folder, or kioskd with `arguments` (then
        /// `dataDir` is the caller's).
        init(region: String, arguments: [String]? = nil, dataDir: URL? = nil, environment: [String: String] = [:],
             extraArguments: [String] = []) throws {
            self.dataDir = try dataDir ?? RepositoryPaths.temporaryDirectory("kioskd-journey")
            let port = try FreePort.pick()
            statusPort = port
            context = try KioskContext.load(region: region, terminal: .init(id: "T", hall: "H"), assets: RepositoryPaths.assets)
            session = try TerminalSession(try BuiltProducts.path("kioskd"),
                                          arguments: arguments ?? ["--demo", "--region", region, "--data-dir", self.dataDir.path,
                                                                   "--assets", RepositoryPaths.root.appendingPathComponent("Assets").path,
                                                                   "--status", "127.0.0.1:\(port)"] + extraArguments,
                                          environment: environment, size: KioskdJourneyTests.size)
        }

        func sync() { session.sync() }

        /// Waits until the screen (between frames) shows `text`. A timeout also shows the end of
        /// kioskd's event log (device changes, central contact, screens; no personal data), so a
        /// screen that never came can be told from a device that went away.
        @discardableResult
        func wait(for text: String, timeout: Duration = TerminalSession.patience) async throws -> String {
            do {
                return try await session.wait(for: text, timeout: timeout)
            } catch {
                throw KioskWaitFailure(wait: "\(error)", eventLog: eventLogTail())
            }
        }

        /// The last lines of `<data>/events.jsonl`, or why there are none.
        func eventLogTail(lines: Int = 20) -> String {
            let file = dataDir.appendingPathComponent("events.jsonl")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { return "(no event log at \(file.path))" }
            return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
        }

        /// Lets the program settle and returns the screen.
        func settle() async -> String { await session.settle() }

        /// A finger tap on `text` (the occurrence chosen by `pick`), then a moment to draw.
        func tap(_ text: String, pick: ([Point]) -> Point? = { $0.first }) async throws {
            try await session.tap(text, offset: 1, pick: pick)
            _ = await settle()
        }

        /// A tap that always changes the screen (a page turn, 下一步): waits for the change before
        /// settling, so the next look is at the answer and a slow frame never gets a second tap.
        func turn(_ text: String, pick: ([Point]) -> Point? = { $0.first }) async throws {
            let before = screen.screenText
            try await session.tap(text, offset: 1, pick: pick)
            try? await session.wait("the screen to answer \(text)", timeout: .seconds(20)) { $0.screenText != before }
            _ = await settle()
        }

        func type(_ text: String) async throws {
            try session.type(text)
            _ = await settle()
        }

        func capture(_ name: String) { screens.append("── \(name) ──\n" + screen.screenText) }
    }

    @Test(arguments: ["chongqing", "sichuan", "jiangxi", "hebei", "ordos"])
    func theWholeJourney(region: String) async throws {
        let kiosk = try Kiosk(region: region)
        defer { if ProcessInfo.processInfo.environment["KIOSKD_KEEP"] == nil { try? FileManager.default.removeItem(at: kiosk.dataDir) } }
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        kiosk.capture("home")
        try await kiosk.tap("开始办理")
        try await kiosk.wait(for: "请将身份证放在感应区")
        kiosk.capture("identify")
        // The demo lays the card on the simulated reader a moment later; the reader reads it.
        var text = try await kiosk.wait(for: kiosk.context.profile.categories.count > 1 ? "请选择您的退役类型" : "请选择要办理的事项")
        if text.contains("请选择您的退役类型") {
            kiosk.capture("category")
            try await kiosk.tap(kiosk.context.profile.categories[0].name)
            text = try await kiosk.wait(for: "请选择要办理的事项")
        }
        kiosk.capture("items")
        #expect(text.contains("退役报到") || text.contains("报到"))
        try await kiosk.turn("下一步", pick: { $0.last })
        try await answerQuestions(kiosk)
        try await fillForm(kiosk)
        text = await kiosk.settle()
        if text.contains("选择制卡照片") {
            kiosk.capture("photo")
            try await kiosk.tap("IMG_0001.jpg")
            // The checks' lines arrive once the photo has been checked (not the ✔ of the chosen file).
            try await kiosk.wait(for: "照片文件可以正常读取", timeout: .seconds(30))
            _ = await kiosk.settle()
            try await kiosk.tap("使用这张照片", pick: { $0.last })
        }
        try await kiosk.wait(for: "请携带以下材料到窗口")
        kiosk.capture("materials")
        try await kiosk.tap("下一步", pick: { $0.last })
        try await kiosk.wait(for: "本人承诺")
        kiosk.capture("review")
        // Personal values are masked on the review screen.
        #expect(!kiosk.screen.screenText.contains("王小明"))
        try await kiosk.tap("我已阅读并同意，提交申请")
        text = try await kiosk.wait(for: "回执已打印", timeout: .seconds(40))
        kiosk.capture("outcome")
        #expect(text.contains("受理编号") || text.contains("不予受理"))
        try await kiosk.tap("完成", pick: { $0.last })
        if !text.contains("不予受理") {
            // 好差评 is offered after printing and skipped in one touch.
            try await kiosk.wait(for: "请对本次服务进行评价")
            try await kiosk.tap("跳过", pick: { $0.last })
        }
        try await kiosk.wait(for: "请取走您的身份证")
        kiosk.capture("take card")
        // The demo's hand takes the card: home again, nothing of the veteran left.
        text = try await kiosk.wait(for: "开始办理", timeout: .seconds(20))
        #expect(!text.contains("王"))

        // The status API (kioskctl status, /metrics) shows the session ended and no personal value.
        await kiosk.pty.read(for: .seconds(1))
        let report = try await ProcessRunner.run(URL(fileURLWithPath: try BuiltProducts.path("kioskctl")), ["status", "--json", "--url", "http://127.0.0.1:\(kiosk.statusPort)"])
        #expect(report.status == 0, "\(report.stdoutText)\(report.stderrText)")
        #expect(report.stdoutText.contains("\"home\""))
        let metrics = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "http://127.0.0.1:\(kiosk.statusPort)/metrics"])
        #expect(metrics.stdoutText.contains("kiosk_outbox_pending"))
        // The reader that read the card is reported up, for the operator and in the event log.
        #expect(metrics.stdoutText.contains("kiosk_device_up{device=\"reader\"} 1"), "\(metrics.stdoutText)")
        for personal in ["王小明", "示范路", "13800138000", "11010519491231002X", "6222020200112233445"] {
            #expect(!report.stdoutText.contains(personal) && !metrics.stdoutText.contains(personal), "\(personal) in status output")
        }

        // The printed receipt: ESC/POS bytes and their text, masked.
        let receipts = kiosk.dataDir.appendingPathComponent("receipts")
        let files = try FileManager.default.contentsOfDirectory(atPath: receipts.path)
        #expect(files.contains { $0.hasSuffix(".escpos") }, "\(files)")
        let texts = files.filter { $0.hasSuffix(".txt") }
        #expect(texts.count == 1)
        if let name = texts.first {
            let receipt = try String(contentsOf: receipts.appendingPathComponent(name), encoding: .utf8)
            #expect(receipt.contains("受理回执") || receipt.contains("回执"))
            #expect(!receipt.contains("王小明"))
        }

        // central-sim stored the case: only the plan's fields, each routed to departments.
        let submission = try await storedSubmission(kiosk.dataDir)
        let fields = submission["fields"] as? [[String: Any]] ?? []
        #expect(!fields.isEmpty)
        #expect(fields.allSatisfy { ($0["departments"] as? [String])?.isEmpty == false })
        #expect((submission["materials"] as? [Any])?.isEmpty == false)
        #expect((submission["items"] as? [[String: Any]])?.isEmpty == false)

        kiosk.pty.signal(SIGTERM)
        let status = try await kiosk.pty.waitForExit(timeout: .seconds(20))
        #expect(status == .exited(0))
        #expect(try kiosk.pty.isCookedMode())
        try? Data(kiosk.screens.joined(separator: "\n").utf8)
            .write(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kioskd-journey-\(region).txt"))
        print("journey \(region): \(kiosk.touches) touches")
    }

    func answerQuestions(_ kiosk: Kiosk) async throws {
        var text = await kiosk.settle()
        guard text.contains("请回答以下问题") else { return }
        kiosk.capture("questions")
        for _ in 0..<12 {
            text = await kiosk.settle()
            if !text.contains("请回答以下问题") { return }
            // Wait for the answer to 下一步 (the next screen, or a warning naming what is missing)
            // before reading it: a loaded machine answers later than a settle lasts.
            let before = kiosk.screen.screenText
            try await kiosk.tap("下一步", pick: { $0.last })
            try? await kiosk.session.wait("the answer to 下一步", timeout: .seconds(15)) {
                $0.screenText != before && (!$0.screenText.contains("请回答以下问题") || $0.screenText.contains("⚠"))
            }
            text = await kiosk.settle()
            guard text.contains("请回答以下问题"), let line = text.split(separator: "\n").last(where: { $0.contains("⚠") }) else { continue }
            let label = line.components(separatedBy: "：").last?.trimmingCharacters(in: .whitespaces) ?? ""
            guard let question = kiosk.context.profile.questions.first(where: { $0.label == label }) ?? kiosk.context.profile.questions.first(where: { line.contains($0.label) }) else {
                // A prerequisite's message: answer its question with the accepted value.
                guard let prerequisite = kiosk.context.profile.prerequisites.first(where: { line.contains($0.message.prefix(12)) }),
                      let question = kiosk.context.profile.questions.first(where: { $0.code == prerequisite.question }),
                      let option = question.options.first(where: { prerequisite.accepted.contains($0.value) }) else { return }
                try await tapOption(option.label, kiosk)
                continue
            }
            try await showQuestion(question.label, kiosk)
            // A yes-like answer whose whole label is on screen (long labels are shortened).
            let option = question.options.first(where: { $0.value != "no" && kiosk.screen.screenText.contains($0.label) }) ?? question.options[0]
            try await tapOption(option.label, kiosk)
        }
    }

    /// Turns question pages (from the first) until `label` shows.
    func showQuestion(_ label: String, _ kiosk: Kiosk) async throws {
        for _ in 0..<3 where kiosk.screen.screenText.range(of: #"第 [2-9]/"#, options: .regularExpression) != nil {
            try await kiosk.turn("上一页", pick: { $0.first })
        }
        for _ in 0..<3 where !kiosk.screen.findAll(label).contains(where: { $0.y < KioskdJourneyTests.size.rows - 2 }) {
            try await kiosk.turn("下一页", pick: { $0.last })
        }
    }

    /// Taps an answer button, turning question pages until it shows (from the first page).
    func tapOption(_ label: String, _ kiosk: Kiosk) async throws {
        for _ in 0..<3 where kiosk.screen.screenText.range(of: #"第 [2-9]/"#, options: .regularExpression) != nil {
            try await kiosk.turn("上一页", pick: { $0.first })
        }
        for _ in 0..<4 {
            let hits = kiosk.screen.findAll(label).filter { $0.y < KioskdJourneyTests.size.rows - 2 }
            if let hit = hits.last {
                try await kiosk.tap(label, pick: { _ in hit })
                return
            }
            try await kiosk.turn("下一页", pick: { $0.last })
        }
    }

    /// Fills the form page by page; `first` may take a screen (true: it did something) before
    /// the usual filling does.
    func fillForm(_ kiosk: Kiosk, first: (String) async throws -> Bool = { _ in false }) async throws {
        for _ in 0..<200 {
            let text = await kiosk.settle()
            guard text.contains("填写信息 ·") else { return }
            if try await first(text) { continue }
            if text.contains("请填写 ✎") {
                try await kiosk.tap("请填写 ✎")
                // The editor (a heavy ┏━ frame) is filled once it shows, and the loop goes on
                // once it has closed: a loaded machine answers a touch later than a settle lasts.
                try await kiosk.session.wait("a field editor") { $0.screenText.contains("┏━ ") }
                try await fillOpenEditor(kiosk)
                try await kiosk.session.wait("the form after the editor") { !$0.screenText.contains("┏━ ") }
                continue
            }
            if let page = text.range(of: #"第 (\d+)/(\d+) 页"#, options: .regularExpression).map({ String(text[$0]) }),
               let parts = Optional(page.filter { $0.isNumber || $0 == "/" }.split(separator: "/")), parts.count == 2, parts[0] != parts[1] {
                try await kiosk.turn("下一页", pick: { $0.last })
                continue
            }
            try await kiosk.turn("下一步", pick: { $0.last })
        }
    }

    /// Fills the editor that is open, by the field's kind (from the same tables kioskd uses).
    func fillOpenEditor(_ kiosk: Kiosk) async throws {
        let text = kiosk.screen.screenText
        guard let titleLine = text.split(separator: "\n").first(where: { $0.contains("┏━ ") }) else { return }
        let title = titleLine.components(separatedBy: "┏━ ").last?.components(separatedBy: " ━").first?.trimmingCharacters(in: .whitespaces) ?? ""
        let field = kiosk.context.profile.fields.first { $0.label == title }
        let entry = kiosk.context.fields.entry(for: field?.code ?? "")
        switch entry.kind {
        case .idNumber: try await kiosk.type("11010519491231002X\r")
        case .phone: try await kiosk.type("13800138000\r")
        case .bankCard:
            // The card number fails the Luhn check on purpose: the warning asks to confirm.
            try await kiosk.type("6222020200112233445\r")
            try? await kiosk.session.wait("the bank card's warning or the form", timeout: .seconds(15)) {
                $0.screenText.contains("校验未通过") || !$0.screenText.contains("┏━ ")
            }
            if kiosk.screen.screenText.contains("校验未通过") { try await kiosk.type("\r") }
        case .digits: try await kiosk.type("400000\r")
        case .date: try await kiosk.type("20210910\r")
        case .month: try await kiosk.type("202109\r")
        case .choice:
            let options = field.map { $0.choices.isEmpty ? (entry.options ?? []) : $0.choices } ?? []
            if let first = options.first { try await kiosk.tap(first, pick: { $0.last(where: Self.inEditor) }) }
        case .place:
            // Each level is touched once the picker shows it (its trail: 请选择省份, then
            // 北京市 ›), and on a button of its own: a place already chosen for another field
            // ("北京市东城区" in the list beside) carries the same name.
            var path: [String] = []
            for _ in 0..<3 {
                guard let next = PlacePicker.choices(after: path, divisions: kiosk.context.divisions).first else { break }
                let trail = path.isEmpty ? "请选择省份" : path.compactMap { kiosk.context.divisions.name(of: $0) }.joined(separator: " › ") + " ›"
                try await kiosk.session.wait("the place picker at \(trail)") { $0.screenText.contains(trail) }
                let screen = kiosk.screen
                try await kiosk.tap(next.name, pick: { points in
                    points.last { Self.inEditor($0) && Self.standsAlone(next.name, at: $0, on: screen) }
                })
                path.append(next.code)
            }
        case .text, .card:
            try await kiosk.type("示范文本\r")
        }
    }

    /// The editor panel is the right half at 127 columns (the field list is the left half).
    static func inEditor(_ point: Point) -> Bool { point.x > size.columns / 2 }

    /// Whether `label` at `point` is a whole label (blank or a border before and after it), as on
    /// a button, not part of a longer text.
    static func standsAlone(_ label: String, at point: Point, on screen: VTScreen) -> Bool {
        let end = point.x + DisplayWidth.of(label)
        let before = point.x > 0 ? screen.buffer[point.x - 1, point.y].character : " "
        let after = end < size.columns ? screen.buffer[end, point.y].character : " "
        return before == " " && (after == " " || after == "│")
    }

    /// The submission central-sim stored for the demo terminal (JSON).
    func storedSubmission(_ dir: URL) async throws -> [String: Any] {
        let db = dir.appendingPathComponent("central-sim.sqlite").path
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, "SELECT submission FROM cases LIMIT 1;"])
        #expect(result.status == 0, "\(result.stderrText)")
        return (try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]) ?? [:]
    }
}

/// A screen that did not come, with what kioskd logged meanwhile.
struct KioskWaitFailure: Error, CustomStringConvertible {
    let wait: String
    let eventLog: String
    var description: String { "\(wait)\nkioskd's event log, last lines:\n\(eventLog)" }
}
