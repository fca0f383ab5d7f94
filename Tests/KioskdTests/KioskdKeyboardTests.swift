import Foundation
import KioskApp
import KioskDomain
import KioskTesting
import TerminalUI
import Testing
import TestTraits

/// The on-screen pinyin keyboard inside the real `kioskd --demo`, in a pseudo-terminal at the
/// kiosk's 127×26, through the real librime engine: the Chongqing journey's 联系地址 is typed by
/// SGR touches on the keyboard's keys and candidates only, the case is filed, and central-sim's
/// stored case carries the address. Every touch on the keyboard is counted
/// (docs/benchmarks/pinyin-keyboard.md compares it with the keyboard alone). The same run
/// speaks through `--speech-command` (a script that appends each prompt to a file): the
/// journey's prompts arrive in order.
@Suite(.serialized, .realTime(.kiosk)) struct KioskdKeyboardTests {
    static let address = "渝北区龙溪街道金龙路88号3栋2单元501"
    /// The librime tests' user data directory: the schema is compiled once per checkout.
    static let rimeUserData = RepositoryPaths.root.appendingPathComponent(".build/rime-test-data").path

    /// Rows of the short (80×24 … 127×26) keyboard layout: field and buttons on rows 1–3, the
    /// syllable line on row 4, the candidate bar below it, then five rows of keys.
    static let syllableRow = 4
    static var rowHeight: Int { PinyinKeyboard<Never>.rowHeight(for: KioskdJourneyTests.size.rows - 5) }
    static var barRows: Range<Int> { (syllableRow + 1)..<(syllableRow + 1 + rowHeight) }
    static var keyRows: Range<Int> { barRows.upperBound..<(barRows.upperBound + 5 * rowHeight) }

    /// Taps on the keyboard (keys and candidates), counted apart from the journey's touches.
    final class Keyboard {
        let kiosk: KioskdJourneyTests.Kiosk
        var touches = 0
        init(_ kiosk: KioskdJourneyTests.Kiosk) { self.kiosk = kiosk }

        /// Where `label` stands alone (blank on both sides, as on a key face) within `rows`.
        func find(_ label: String, in rows: Range<Int>) -> Point? {
            kiosk.sync()
            return Self.find(label, in: rows, on: kiosk.screen)
        }

        static func find(_ label: String, in rows: Range<Int>, on screen: VTScreen) -> Point? {
            screen.findAll(label).first { point in
                guard rows.contains(point.y) else { return false }
                let end = point.x + DisplayWidth.of(label)
                let left = point.x > 0 ? screen.buffer[point.x - 1, point.y].character : " "
                let right = end < KioskdJourneyTests.size.columns ? screen.buffer[end, point.y].character : " "
                return left == " " && right == " "
            }
        }

        func tap(_ label: String, in rows: Range<Int>) async throws {
            // A key not on screen yet may be on the next frame (a loaded machine draws late).
            var found = find(label, in: rows)
            if found == nil {
                try? await kiosk.session.wait("key \(label)", timeout: .seconds(10)) { screen in
                    found = Self.find(label, in: rows, on: screen)
                    return found != nil
                }
            }
            guard let point = found else {
                throw PseudoTerminalError.timedOut("key \(label) on the keyboard", output: kiosk.screen.screenText)
            }
            let before = kiosk.screen.screenText
            try kiosk.pty.write("\u{1B}[<0;\(point.x + 1);\(point.y + 1)M\u{1B}[<0;\(point.x + 1);\(point.y + 1)m")
            touches += 1
            // The next key is looked for on the screen that answers this one: wait for it to
            // change (a loaded machine can take longer than a settle), then let it settle.
            try? await kiosk.session.wait("the screen to answer \(label)", timeout: .seconds(10)) { $0.screenText != before }
            _ = await kiosk.settle()
        }

        func keys(_ labels: String) async throws {
            for label in labels { try await tap(String(label), in: KioskdKeyboardTests.keyRows) }
        }

        /// Taps candidate `text`, turning the bar's pages with 下页 until it shows.
        func choose(_ text: String) async throws {
            for _ in 0..<15 {
                if find(text, in: KioskdKeyboardTests.barRows) != nil { return try await tap(text, in: KioskdKeyboardTests.barRows) }
                try await tap("下页", in: KioskdKeyboardTests.barRows)
            }
            Issue.record("\(text) not among the candidates:\n\(kiosk.screen.screenText)")
        }
    }

    @Test func anAddressTypedOnTheKeyboardIsFiled() async throws {
        let speech = try Self.speechScript()
        defer { try? FileManager.default.removeItem(at: speech.deletingLastPathComponent()) }
        let kiosk = try Self.kiosk(["--rime-user-data", Self.rimeUserData, "--speech-command", "\(speech.path) {text}"])
        defer { try? FileManager.default.removeItem(at: kiosk.dataDir) }
        let journey = KioskdJourneyTests()
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await kiosk.tap("开始办理")
        var text = try await kiosk.wait(for: "请选择")
        if text.contains("请选择您的退役类型") {
            try await kiosk.tap(kiosk.context.profile.categories[0].name)
            text = try await kiosk.wait(for: "请选择要办理的事项")
        }
        try await kiosk.turn("下一步", pick: { $0.last })
        try await journey.answerQuestions(kiosk)

        // The form as the journey test fills it, but 联系地址 by the keyboard.
        let keyboard = Keyboard(kiosk)
        var captured = ""
        try await journey.fillForm(kiosk) { text in
            guard captured.isEmpty, text.contains("联系地址") else { return false }
            captured = try await Self.typeAddress(kiosk, keyboard)
            return true
        }
        #expect(!captured.isEmpty, "the form never showed 联系地址")
        // Within 1.5× a phone keyboard's 63 touches (KeyboardEndToEndTests counts them), the
        // tap that opens the field included.
        #expect(Double(keyboard.touches) <= 1.5 * 63)
        text = await kiosk.settle()
        if text.contains("选择制卡照片") {
            try await kiosk.tap("IMG_0001.jpg")
            try await kiosk.wait(for: "照片文件可以正常读取", timeout: .seconds(30))
            _ = await kiosk.settle()
            try await kiosk.tap("使用这张照片", pick: { $0.last })
        }
        try await kiosk.wait(for: "请携带以下材料到窗口")
        try await kiosk.tap("下一步", pick: { $0.last })
        try await kiosk.wait(for: "本人承诺")
        try await kiosk.tap("我已阅读并同意，提交申请")
        let outcome = try await kiosk.wait(for: "回执已打印", timeout: .seconds(40))
        try await kiosk.tap("完成", pick: { $0.last })
        if !outcome.contains("不予受理") {
            // 好差评 is offered after printing and skipped in one touch.
            try await kiosk.wait(for: "请对本次服务进行评价")
            try await kiosk.tap("跳过", pick: { $0.last })
        }
        try await kiosk.wait(for: "开始办理", timeout: .seconds(20))

        // central-sim's stored case carries the address exactly as typed on the glass.
        let submission = try await journey.storedSubmission(kiosk.dataDir)
        let fields = submission["fields"] as? [[String: Any]] ?? []
        let stored = fields.first { $0["code"] as? String == "contact_address" }?["value"] as? String
        #expect(stored == Self.address)

        // The prompts the journey spoke, in the order it reached them.
        let spoken = try String(contentsOf: speech.deletingLastPathComponent().appendingPathComponent("spoken.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expected = ["请将身份证放在感应区", "读卡成功", "请核对信息", "正在打印回执", "请取走您的身份证和回执"]
        #expect(spoken.filter(expected.contains) == expected, "\(spoken)")

        kiosk.pty.signal(SIGTERM)
        // The engine's session is closed before kioskd exits: librime's exit would crash on it.
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))
        #expect(try kiosk.pty.isCookedMode())
        let note = "── kioskd --demo 127×26, 联系地址 on the on-screen keyboard (jin long lu composing) ──\n" + captured
            + "\ntouches on the keyboard for the address (field tap included): \(keyboard.touches)\n"
        try? Data(note.utf8).write(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("kioskd-keyboard.txt"))
        print("kioskd keyboard: \(keyboard.touches) touches for the address")
    }

    /// A speech command that fails on every prompt: kioskd goes on (card read, items), each
    /// prompt is still tried, and the failure never reaches the veteran's screen.
    @Test func aFailingSpeechCommandIsTolerated() async throws {
        let speech = try Self.speechScript(exitStatus: 3)
        defer { try? FileManager.default.removeItem(at: speech.deletingLastPathComponent()) }
        let kiosk = try Self.kiosk(["--speech-command", "\(speech.path) {text}"])
        defer { try? FileManager.default.removeItem(at: kiosk.dataDir) }
        try await kiosk.wait(for: "开始办理", timeout: .seconds(60))
        try await kiosk.tap("开始办理")
        try await kiosk.wait(for: "请选择")
        await kiosk.pty.read(for: .seconds(1))
        let spoken = (try? String(contentsOf: speech.deletingLastPathComponent().appendingPathComponent("spoken.txt"), encoding: .utf8)) ?? ""
        #expect(spoken.contains("请将身份证放在感应区") && spoken.contains("读卡成功"), "\(spoken)")
        #expect(!kiosk.pty.outputText.contains("语音播报失败"))
        // The test terminal answered kioskd's query as foot does: its frames are then wrapped in
        // synchronized output, so no wait above judged a half-drawn frame.
        #expect(kiosk.pty.outputText.contains("\u{1B}[?2026h"))
        kiosk.pty.signal(SIGTERM)
        #expect(try await kiosk.pty.waitForExit(timeout: .seconds(20)) == .exited(0))
    }

    /// Opens 联系地址 and types the address on the keyboard only; returns the screen while
    /// 金龙路 is being composed (the report's picture of the keyboard in the form).
    static func typeAddress(_ kiosk: KioskdJourneyTests.Kiosk, _ keyboard: Keyboard) async throws -> String {
        try await kiosk.tap("联系地址")
        keyboard.touches += 1
        try await kiosk.wait(for: "拼音：请点按字母")
        // The first letter waits for librime's opening (seconds on a fresh machine, where the
        // schema is compiled first).
        try await keyboard.keys("y")
        try await kiosk.wait(for: "拼音：y", timeout: .seconds(120))
        #expect(!kiosk.screen.screenText.contains("拼音输入法不可用"))
        var captured = ""
        for (pinyin, phrase) in [("ubeiqu", "渝北区"), ("longxi", "龙溪"), ("jiedao", "街道"), ("jinlonglu", "金龙路")] {
            try await keyboard.keys(pinyin)
            if pinyin == "jinlonglu" { captured = try await kiosk.wait(for: "拼音：jin long lu") }
            try await keyboard.choose(phrase)
        }
        for (keys, phrase) in [("88hao", "号"), ("3dong", "栋"), ("2danyuan", "单元")] {
            try await keyboard.keys(keys)
            try await keyboard.choose(phrase)
        }
        try await keyboard.keys("501")
        try await kiosk.wait(for: address + "▏")
        // 确认 with nothing composing finishes the field, like Enter.
        try await keyboard.tap("确认", in: keyRows)
        try await kiosk.wait(for: "填写信息 ·")
        #expect(!kiosk.screen.screenText.contains("拼音："))
        return captured
    }

    /// `kioskd --demo` for Chongqing with `extra` arguments, a new data folder and a free status port.
    static func kiosk(_ extra: [String]) throws -> KioskdJourneyTests.Kiosk {
        let dataDir = try RepositoryPaths.temporaryDirectory("kioskd-keyboard")
        return try KioskdJourneyTests.Kiosk(region: "chongqing", arguments: [
            "--demo", "--region", "chongqing", "--data-dir", dataDir.path, "--assets", RepositoryPaths.root.appendingPathComponent("Assets").path,
            "--status", "127.0.0.1:\(try FreePort.pick())"] + extra, dataDir: dataDir)
    }

    /// A speech command for tests: appends each prompt to `spoken.txt` beside it.
    static func speechScript(exitStatus: Int = 0) throws -> URL {
        let folder = try RepositoryPaths.temporaryDirectory("kioskd-speech")
        let script = folder.appendingPathComponent("say")
        try Data("#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$(dirname \"$0\")/spoken.txt\"\nexit \(exitStatus)\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }
}
