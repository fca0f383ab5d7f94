import Testing
import TestTraits
import TerminalUI

@Suite("The widget demo, headless", .computeBound)
struct WidgetDemoTests {
    func demo(_ size: Size = Size(columns: 120, rows: 40)) -> HeadlessProgram<WidgetDemo> {
        HeadlessProgram(app: WidgetDemo(), model: .init(), size: size)
    }

    @Test("The first screen shows every widget of that screen")
    func firstScreen() {
        let p = demo()
        for text in ["TerminalUI 组件演示", "第2步/共6步：读取身份证", "【读取身份证】", "姓名（可用输入法）", "身份证号（18位）",
                     "删除", "[x] 居民身份证（必选）", "[ ] 户口簿", "办理进度", "20%", "确认", "退出", "提示：请点按任意按钮试一试"] {
            #expect(p.screen.contains(text), "missing \(text)")
        }
    }

    @Test("Tapping a button changes what the screen says")
    func tapping() {
        var p = demo()
        let found = p.tap("confirm")
        #expect(found)
        #expect(p.screen.contains("提示：已点按：确认"))
        p.tap("next")
        #expect(p.screen.contains("第3步/共6步：核对信息"))
        p.tap("materials.2")
        #expect(p.screen.contains("[x] 户口簿"))
        let lockedTapped = p.tap("materials.0")
        #expect(!lockedTapped) // locked: no target
    }

    @Test("Keypad and typing fill the ID field; Tab moves to the name field which takes Chinese")
    func typing() {
        var p = demo()
        for key in ["keypad.1", "keypad.1", "keypad.0", "keypad.X", "keypad.删除", "keypad.5"] { p.tap(key) }
        p.type("12x")
        #expect(p.model.id.text == "110512X")
        p.press(.tab)
        p.type("王q")
        #expect(p.model.name.text == "王q") // q is text while the name field has focus
        #expect(!p.didQuit)
        p.press(.tab)
        p.type("q")
        #expect(p.didQuit)
    }

    @Test("The picker pages through 300 counties and the choice shows on the status line")
    func picker() {
        var p = demo()
        p.tap("picker")
        #expect(p.screen.contains("共 300 个"))
        p.tap("county.next")
        p.tap("county.item.30")
        #expect(p.screen.contains("【已选】" + WidgetDemo.counties[30]))
        p.tap("back")
        #expect(p.screen.contains("县区：" + WidgetDemo.counties[30]))
    }

    @Test("The dialog is modal and reports which button closed it")
    func dialog() {
        var p = demo()
        p.tap("dialog")
        #expect(p.targetIDs == ["dialog.ok", "dialog.cancel"])
        p.tap("dialog.cancel")
        #expect(p.screen.contains("已点按：对话框 取消"))
        #expect(p.targetIDs.contains("confirm"))
    }

    @Test("The progress animation runs on the injected clock")
    func animation() {
        var p = demo()
        let before = p.screen
        p.advance(by: .seconds(3))
        #expect(p.model.phase == 3)
        #expect(p.screen != before)
    }

    @Test("Small terminals clip without crashing")
    func small() {
        var p = demo(Size(columns: 40, rows: 12))
        p.resize(to: Size(columns: 20, rows: 5))
        p.tap(at: Point(x: 1, y: 1))
        #expect(p.frame.size == Size(columns: 20, rows: 5))
    }
}
