#if canImport(Glibc)
import Glibc
#endif
import TerminalUITesting
import KioskTime
import TestSupport
import Testing
import TestTraits
import TerminalUI

/// `kioskctl ui demo` in a real pseudo-terminal: what it draws is replayed into the terminal
/// model, touches arrive as SGR mouse reports, keys as bytes, resizes as TIOCSWINSZ + SIGWINCH.
@Suite("kioskctl ui demo in a pseudo-terminal", .serialized, .realTime(.kiosk))
struct DemoEndToEndTests {
    /// The running demo and the terminal model fed from its output.
    /// `kioskctl ui demo` in a pty.
    static func session(size: Size) throws -> TerminalSession {
        try TerminalSession(try BuiltProducts.path("kioskctl"), arguments: ["ui", "demo"], size: size)
    }

    static let modesOn = [1049, 1000, 1002, 1006, 2004]

    @Test("The demo starts, draws, takes taps, keys and a resize, and SIGTERM restores the terminal")
    func fullSession() async throws {
        let session = try Self.session(size: Size(columns: 100, rows: 30))
        // The status bar is the last row drawn: once it is there, the first frame is complete.
        try await session.wait("first frame") { $0.screenText.contains("TerminalUI 组件演示") && $0.screenText.contains("按 q 退出") }
        #expect(Set(Self.modesOn).isSubset(of: session.screen.privateModes))
        #expect(!session.screen.privateModes.contains(25)) // cursor hidden
        #expect(!session.screen.privateModes.contains(7)) // no autowrap
        #expect(try !session.pty.isCookedMode()) // raw mode

        // The demo asked whether synchronized output is supported; the session answered as foot
        // does (supported, off), so the following frames are wrapped in it.
        #expect(session.pty.outputText.contains("\u{1B}[?2026$p"))
        let beforeTap = session.pty.output.count
        try await session.tap("确认")
        try await session.wait("tap result") { $0.screenText.contains("提示：已点按：确认") }
        #expect(String(decoding: session.pty.output[beforeTap...], as: UTF8.self).contains("\u{1B}[?2026h"))

        // A lone ESC becomes the Escape key after the decoder's timeout: back from the picker.
        try await session.tap("选择县区")
        try await session.wait("picker") { $0.screenText.contains("共 300 个") }
        try await session.tap("下一页")
        try await session.wait("page 2") { $0.screenText.contains("第 2/") }
        try session.pty.write("\u{1B}")
        try await session.wait("back on the first screen") { $0.screenText.contains("姓名（可用输入法）") }

        try await session.tap("下一步")
        try await session.wait("step change") { $0.screenText.contains("第3步/共6步：核对信息") }

        try session.pty.write("1101")
        try await session.tap("X")
        try await session.wait("typed digits and keypad X") { $0.screenText.contains("┃ 1101X") }
        try session.pty.write("\t王小明") // UTF-8 as an input method sends it
        try await session.wait("Chinese in the name field") { $0.screenText.contains("┃ 王小明") }

        // A press that slides off the button before release must not act.
        guard let quit = session.screen.find("退出") else { Issue.record("no 退出"); return }
        try session.pty.write("\u{1B}[<0;\(quit.x + 1);\(quit.y + 1)M\u{1B}[<32;2;2M\u{1B}[<0;2;2m")
        try await session.tap("打开对话框")
        try await session.wait("dialog") { $0.screenText.contains("【确认提交】") }
        try await session.tap("取消", pick: { $0.last })
        try await session.wait("dialog closed") { $0.screenText.contains("已点按：对话框 取消") }

        try session.resize(to: Size(columns: 120, rows: 40))
        try await session.wait("repaint at the new size") { $0.line(39).contains("120x40") && $0.screenText.contains("退出") }
        #expect(session.screen.screenText.contains("第3步/共6步"))

        session.pty.signal(SIGTERM)
        let status = try await session.pty.waitForExit()
        session.sync()
        #expect(status == .exited(128 + SIGTERM))
        assertRestored(session)
    }

    @Test("q, the 退出 button, SIGINT and SIGHUP all restore the terminal", arguments: ["q", "button", "INT", "HUP"])
    func otherExits(way: String) async throws {
        let session = try Self.session(size: Size(columns: 100, rows: 30))
        try await session.wait("first frame") { $0.screenText.contains("按 q 退出") }
        switch way {
        case "q": try session.pty.write("q")
        case "button": try await session.tap("退出")
        case "INT": session.pty.signal(SIGINT)
        default: session.pty.signal(SIGHUP)
        }
        let status = try await session.pty.waitForExit()
        session.sync()
        let expected: PseudoTerminal.ExitStatus = switch way {
        case "INT": .exited(128 + SIGINT)
        case "HUP": .exited(128 + SIGHUP)
        default: .exited(0)
        }
        #expect(status == expected)
        assertRestored(session)
    }

    func assertRestored(_ session: TerminalSession) {
        let screen = session.screen
        #expect(!screen.isAlternateScreen, "still on the alternate screen")
        #expect(screen.privateModes.isDisjoint(with: Self.modesOn), "modes left on: \(screen.privateModes.sorted())")
        #expect(screen.privateModes.contains(25), "cursor left hidden")
        #expect(screen.privateModes.contains(7), "autowrap left off")
        #expect(screen.style == .plain)
        #expect(!screen.screenText.contains("组件演示"), "the main screen shows the demo")
        #expect((try? session.pty.isCookedMode()) == true, "termios not restored")
    }
}
