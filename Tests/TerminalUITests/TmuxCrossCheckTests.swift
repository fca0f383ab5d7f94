import TerminalUITesting
import KioskTime
import TestSupport
import Testing
import TestTraits
import TerminalUI

/// The demo drawn by a real terminal emulator (tmux) must read exactly like the headless frame:
/// this checks the renderer's bytes and the width table against an independent implementation.
@Suite("Cross-check with tmux", .serialized, .realTime(.kiosk))
struct TmuxCrossCheckTests {
    static let size = Size(columns: 100, rows: 30)

    /// Rows that differ only by the animation phase are left out of the comparison.
    func comparable(_ screen: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.size.rows)
            .map { String($0) }.filter { !$0.contains("正在连接") }
    }

    @Test("tmux shows the same screen as the headless frame, before and after a tap")
    func sameScreen() async throws {
        let tmux = try TmuxSession([try BuiltProducts.path("kioskctl"), "ui", "demo"], size: Self.size)
        defer { tmux.stop() }
        var headless = HeadlessProgram(app: WidgetDemo(), model: .init(), size: Self.size)
        let first = try await tmux.waitFor { $0.contains("退出") && $0.contains("100x30") }
        #expect(try tmux.modes() == "1 1")
        #expect(comparable(first) == comparable(headless.screen))

        guard let region = headless.frame.hitRegions.first(where: { $0.id == "confirm" }) else {
            Issue.record("no confirm button"); return
        }
        let x = region.rect.x + 2, y = region.rect.y + 1
        try tmux.send("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
        headless.tap(at: Point(x: x, y: y))
        let after = try await tmux.waitFor { $0.contains("已点按：确认") }
        #expect(comparable(after) == comparable(headless.screen))

        for id in ["next", "keypad.7", "materials.3"] {
            guard let target = headless.frame.hitRegions.first(where: { $0.id == id }) else { Issue.record("no \(id)"); continue }
            let point = Point(x: target.rect.x + 1, y: target.rect.y + 1)
            try tmux.send("\u{1B}[<0;\(point.x + 1);\(point.y + 1)M\u{1B}[<0;\(point.x + 1);\(point.y + 1)m")
            headless.tap(at: point)
        }
        let expected = comparable(headless.screen)
        var last = ""
        let matched = (try? await tmux.waitFor { last = $0; return comparable($0) == expected }) != nil
        #expect(matched, "tmux:\n\(last)\nheadless:\n\(headless.screen)")
    }
}
