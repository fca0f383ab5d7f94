import Testing
import TestTraits
import TerminalUI

/// Text snapshots of each widget drawn headless. The dumps are the screen as a user sees it.
@Suite("Widget snapshots", .computeBound)
struct WidgetSnapshotTests {
    enum M: Sendable, Equatable { case ok, key(KeypadKey), index(Int), page(Int) }

    @Test("Button: normal, pressed, disabled; 3 rows, with a shape cue for the pressed state")
    func button() {
        let normal: String = Headless.render(size: Size(columns: 12, rows: 3)) { (f: inout Frame<M>) in
            Button("确认", id: "ok", message: .ok).draw(into: &f, in: Rect(x: 0, y: 0, width: 12, height: 1))
        }
        #expect(normal == "\n    确认\n") // a filled block: no frame characters
        let pressed: String = Headless.render(size: Size(columns: 12, rows: 3), pressedID: "ok") { (f: inout Frame<M>) in
            Button("确认", id: "ok", message: .ok).draw(into: &f, in: Rect(x: 0, y: 0, width: 12, height: 3))
        }
        #expect(pressed == "\n  ▸ 确认 ◂\n") // the shape cue: markers around the label
        let disabled: Frame<M> = Headless.frame(size: Size(columns: 12, rows: 3)) { f in
            Button("下一步", id: "n", message: .ok, isEnabled: false).draw(into: &f, in: Rect(x: 0, y: 0, width: 12, height: 3))
        }
        #expect(disabled.buffer.textDump() == "┌┄┄┄┄┄┄┄┄┄┄┐\n┆  下一步  ┆\n└┄┄┄┄┄┄┄┄┄┄┘")
        #expect(disabled.hitRegions.isEmpty)
    }

    @Test("Numeric keypad: 3×4 with X, 0 and 删除; one target per key")
    func keypad() {
        let frame: Frame<M> = Headless.frame(size: Size(columns: 24, rows: 12)) { f in
            NumericKeypad(id: "k") { .key($0) }.draw(into: &f, in: Rect(x: 0, y: 0, width: 24, height: 12))
        }
        // Filled keys, no frame characters: each digit centred on its key's middle row.
        let rows = (0..<12).map { frame.buffer.line($0).trimmingCharacters(in: .whitespaces) }
        #expect(rows[1] == "1       2       3")
        #expect(rows[4] == "4       5       6")
        #expect(rows[7] == "7       8       9")
        #expect(rows[10] == "X       0     删除")
        #expect(rows[0].isEmpty)
        // Touching rows of keys are kept apart by a one-eighth line along each key's foot.
        #expect(rows[2].contains("▁▁▁▁▁▁▁") && rows[2].allSatisfy { $0 == "▁" || $0 == " " })
        #expect(rows[11].isEmpty)

        #expect(frame.hitRegions.count == 12)
        #expect(frame.hitRegion(at: Point(x: 2, y: 10))?.message == .key(.x))
        #expect(frame.hitRegion(at: Point(x: 17, y: 10))?.message == .key(.delete))
        #expect(frame.hitRegion(at: Point(x: 7, y: 10)) == nil) // the gap between keys
        let digitsOnly: Frame<M> = Headless.frame(size: Size(columns: 24, rows: 12)) { f in
            NumericKeypad(id: "k", allowsX: false) { .key($0) }.draw(into: &f, in: Rect(x: 0, y: 0, width: 24, height: 12))
        }
        #expect(digitsOnly.buffer.line(10).hasPrefix(" 清空      0     删除"))
    }

    @Test("List picker: a page of entries, the selection marked in words, paging buttons")
    func picker() {
        let frame: Frame<M> = Headless.frame(size: Size(columns: 40, rows: 12)) { f in
            ListPicker(id: "c", items: (1...25).map { "县区\($0)" }, page: 1, selected: 9, columns: 2,
                       select: { .index($0) }, turnPage: { .page($0) }).draw(into: &f, in: f.bounds)
        }
        let lines = (0..<12).map { frame.buffer.line($0) }
        #expect(lines[0].hasPrefix("╭─────────────────╮ ╭─────────────────╮"))
        #expect(lines[1].hasPrefix("│ 县区7           │ │ 县区8           │"))
        #expect(lines[3].hasPrefix("╭─────────────────╮ ┏━━━━━━━━━━━━━━━━━┓")) // the selection: heavy edge
        #expect(lines[4].hasPrefix("│ 县区9           │ ┃ 【已选】县区10  ┃")) // and in words
        #expect(lines[10].contains("上一页") && lines[10].contains("2/5页") && lines[10].contains("下一页"))

        #expect(frame.hitRegion(at: Point(x: 25, y: 4))?.message == .index(9))
        #expect(frame.hitRegion(at: Point(x: 3, y: 10))?.message == .page(0))
        #expect(frame.hitRegion(at: Point(x: 35, y: 10))?.message == .page(2))
        let last: Frame<M> = Headless.frame(size: Size(columns: 40, rows: 12)) { f in
            ListPicker(id: "c", items: (1...25).map { "县区\($0)" }, page: 99, columns: 2,
                       select: { .index($0) }, turnPage: { .page($0) }).draw(into: &f, in: f.bounds)
        }
        #expect(last.buffer.line(1).contains("县区25"))
        #expect(!last.hitRegions.contains { $0.id == "c.next" }) // last page: 下一页 disabled
    }

    @Test("Checkbox list: checked and locked items in words; locked items cannot be touched")
    func checkboxes() {
        let frame: Frame<M> = Headless.frame(size: Size(columns: 30, rows: 6)) { f in
            CheckboxList(id: "m", items: [CheckboxItem("身份证", isChecked: true, isLocked: true), CheckboxItem("户口簿")]) { .index($0) }
                .draw(into: &f, in: f.bounds)
        }
        #expect(frame.buffer.textDump() == "\n [x] 身份证（必选）\n\n\n [ ] 户口簿\n")
        #expect(frame.hitRegions.map(\.id) == ["m.1"])
        #expect(frame.hitRegions[0].rect.height == 3)
    }

    @Test("Text field, dialog, progress, status bar and step indicator")
    func others() {
        let field: String = Headless.render(size: Size(columns: 24, rows: 4)) { (f: inout Frame<M>) in
            TextField(id: "t", label: "姓名", state: TextFieldState(text: "王小明"), focus: .ok).draw(into: &f, in: f.bounds)
        }
        #expect(field == "姓名\n┏━━━━━━━━━━━━━━━━━━━━━━┓\n┃ 王小明               ┃\n┗━━━━━━━━━━━━━━━━━━━━━━┛")
        let dialog: Frame<M> = Headless.frame(size: Size(columns: 44, rows: 12)) { f in
            Button("背后", id: "behind", message: .ok).draw(into: &f, in: Rect(x: 0, y: 0, width: 10, height: 3))
            Dialog(title: "提示", message: "确定要提交吗？提交后不能修改。",
                   buttons: [Button("确定", id: "y", message: .ok), Button("取消", id: "n", message: .ok)]).draw(into: &f, in: f.bounds)
        }
        #expect(dialog.buffer.textDump().contains("┃               【提示】               ┃"))
        #expect(dialog.buffer.textDump().contains("┃  确定要提交吗？提交后不能修改。      ┃"))
        #expect(dialog.hitRegions.map(\.id) == ["y", "n"]) // modal: the button behind is gone
        let misc: String = Headless.render(size: Size(columns: 40, rows: 3)) { (f: inout Frame<M>) in
            ProgressIndicator(label: "上传", fraction: 0.5).draw(into: &f, in: Rect(x: 0, y: 0, width: 30, height: 1))
            StatusBar(left: "就绪", right: "12:00").draw(into: &f, in: Rect(x: 0, y: 1, width: 40, height: 1))
            StepIndicator(steps: ["一", "二", "三"], current: 1).draw(into: &f, in: Rect(x: 0, y: 2, width: 40, height: 1))
        }
        #expect(misc == "上传 ████████         50%\n 就绪                             12:00\n第2步/共3步：二")
    }

    @Test("Text field state: typing, IME text, paste sanitised and filtered, backspace, limit")
    func textFieldState() {
        var id = TextFieldState(maxLength: 18, allowed: Set("0123456789X"))
        id.apply(.paste("11010519491231002X\u{1B}[31m99"))
        #expect(id.text == "11010519491231002X")
        id.apply(.key(KeyEvent(.backspace)))
        id.apply(.character("a"))
        id.apply(.character("9"))
        #expect(id.text == "110105194912310029")
        var name = TextFieldState(maxLength: 4)
        for c in "张\u{202E}三丰" { name.apply(.character(c)) }
        name.apply(.character("e"))
        name.apply(.character("\u{301}")) // an input method's combining accent joins the e
        #expect(name.text == "张三丰é")
        let changed = name.apply(.key(KeyEvent(.character("c"), modifiers: .control)))
        #expect(!changed)
    }

    @Test("Wrapping and truncation count cells, not characters")
    func layout() {
        #expect(TextLayout.wrap("请携带身份证原件和复印件", width: 10) == ["请携带身份", "证原件和复", "印件"])
        #expect(TextLayout.wrap("ID card 身份证", width: 8) == ["ID card", "身份证"])
        #expect(TextLayout.truncate("中华人民共和国", width: 9) == "中华人...")
        #expect(TextLayout.truncate("abc", width: 3) == "abc")
    }
}
