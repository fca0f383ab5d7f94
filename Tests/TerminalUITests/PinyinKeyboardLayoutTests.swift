import Testing
import TestTraits
import TerminalUI

/// The keyboard screen (`kioskctl ui keyboard`'s program) laid out at the kiosk's three sizes,
/// and its behaviour without an engine.
@Suite("Pinyin keyboard layout", .computeBound)
struct PinyinKeyboardLayoutTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 160, rows: 50)]

    @Test("Every key is a target of at least 8 columns × 3 rows, on screen, none overlapping",
          arguments: sizes)
    func targets(size: Size) {
        let program = HeadlessProgram(app: KeyboardDemo(engine: nil), model: KeyboardDemo.Model(), size: size)
        let regions = program.frame.hitRegions
        #expect(regions.count == 43) // 10 digits, 26 letters, 删除, 3 marks, 中英 空格 确认
        for region in regions {
            #expect(region.rect.width >= 8 && region.rect.height >= 3, "\(region) too small at \(size)")
            #expect(Rect(size: size).intersection(region.rect) == region.rect, "\(region) clipped at \(size)")
        }
        for (i, a) in regions.enumerated() {
            for b in regions[(i + 1)...] {
                #expect(a.rect.intersection(b.rect).isEmpty, "\(a) overlaps \(b)")
            }
        }
        // The whole keyboard is visible: the bottom row sits above the status line.
        let confirm = regions.first { $0.id == "keyboard.确认" }
        #expect(confirm.map { $0.rect.maxY <= size.rows - 1 } == true)
        #expect(program.screen.contains("确认") && program.screen.contains("Esc 退出"))
    }

    @Test("Keys are drawn as filled blocks with rounded box-drawing rims")
    func look() {
        let program = HeadlessProgram(app: KeyboardDemo(engine: nil), model: KeyboardDemo.Model(), size: Size(columns: 80, rows: 24))
        guard let q = program.frame.hitRegions.first(where: { $0.id == "keyboard.q" }) else { Issue.record("no q key"); return }
        let buffer = program.frame.buffer
        #expect(buffer.line(q.rect.y).contains("╭──────╮"))
        #expect(buffer[q.rect.x + 3, q.rect.y + 1].character == "q")
        #expect(buffer[q.rect.x + 1, q.rect.y + 1].style.background == HighContrastPalette.keyGrey.color)
    }

    @Test("Without an engine the keyboard says so and still types letters, digits and marks; 确认 ends")
    func noEngine() {
        let missing = PinyinEngineUnavailable(message: "未安装拼音输入引擎", detail: "librime.so.1: not found")
        var program = HeadlessProgram(app: KeyboardDemo(engine: nil, unavailable: missing), model: KeyboardDemo.Model(),
                                      size: Size(columns: 80, rows: 24))
        #expect(program.screen.contains("拼音输入法不可用：未安装拼音输入引擎"))
        for id in ["keyboard.l", "keyboard.i", "keyboard.5", "keyboard.－", "keyboard.删除", "keyboard.0"] {
            let tapped = program.tap(id)
            #expect(tapped, "\(id)")
        }
        program.type("号") // a system input method's finished text
        #expect(program.model.field.text == "li50号")
        let toggled = program.tap("keyboard.中→英")
        #expect(toggled)
        let tappedA = program.tap("keyboard.A")
        #expect(tappedA)
        #expect(program.model.field.text == "li50号A")
        let confirmed = program.tap("keyboard.确认")
        #expect(confirmed)
        #expect(program.didQuit && program.model.confirmed)
        #expect(program.model.keyboard.keyPresses == 9)
    }
}
