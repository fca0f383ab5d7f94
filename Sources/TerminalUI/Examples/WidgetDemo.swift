/// The example program behind `kioskctl ui demo`: every widget on two screens, for technicians
/// checking a touchscreen and for the end-to-end tests. Tapping any button writes what was tapped
/// on the 提示 line; `q` (outside the name field) or the 退出 button quits.
public struct WidgetDemo: TerminalApp {
    public enum Screen: Sendable { case widgets, picker }
    public enum Field: Sendable { case name, id }

    public struct Model: Sendable {
        public var screen: Screen = .widgets
        public var notice = "请点按任意按钮试一试"
        public var focus: Field = .id
        public var name = TextFieldState(maxLength: 20)
        public var id = TextFieldState(maxLength: 18, allowed: Set("0123456789X"))
        public var materials = [
            CheckboxItem("居民身份证", isChecked: true, isLocked: true),
            CheckboxItem("退役证件", isChecked: true),
            CheckboxItem("户口簿"),
            CheckboxItem("银行卡"),
        ]
        public var step = 1
        public var phase = 0
        public var page = 0
        public var county: Int?
        public var dialogOpen = false
        public init() {}
    }

    public enum Message: Sendable {
        case tapped(String), keypad(KeypadKey), focus(Field), toggle(Int), typed(InputEvent)
        case step(Int), showPicker, showWidgets, turnPage(Int), pick(Int), openDialog, closeDialog(Bool), tick, quit
    }

    public static let steps = ["阅读须知", "读取身份证", "核对信息", "选择事项", "上传材料", "提交"]
    public static let counties: [String] = {
        let first = Array("安宝长大东丰高和华嘉建江金康乐临龙南宁平青庆瑞山石顺泰天通万")
        let second = Array("阳平安宁江山城河")
        let kinds = ["县", "区", "市"]
        return (0..<300).map { i in String(first[i % first.count]) + String(second[(i / first.count) % second.count]) + kinds[i % 3] }
    }()
    /// Interval of the progress animation timer.
    public static let tickInterval: Duration = .seconds(1)

    public let theme: Theme
    public init(theme: Theme = .standard) { self.theme = theme }

    public func start(_ model: Model) -> [Effect<Message>] { [.after(Self.tickInterval, .tick)] }

    public func message(for input: InputEvent, model: Model) -> Message? {
        if case .key(let key) = input {
            if key.key == .character("c"), key.modifiers == .control { return .quit }
            if key.key == .character("q"), key.modifiers.isEmpty, model.focus != .name || model.screen == .picker { return .quit }
            if key.key == .tab { return .focus(model.focus == .id ? .name : .id) }
            if key.key == .escape { return model.dialogOpen ? .closeDialog(false) : .showWidgets }
            if model.screen == .picker, key.key == .pageDown { return .turnPage(model.page + 1) }
            if model.screen == .picker, key.key == .pageUp { return .turnPage(model.page - 1) }
        }
        if case .mouse(let mouse) = input, model.screen == .picker {
            return .turnPage(model.page + (mouse.button == .wheelDown ? 1 : -1))
        }
        if case .modeReport = input { return nil }
        return .typed(input)
    }

    public func update(_ model: inout Model, with message: Message) -> [Effect<Message>] {
        switch message {
        case .tapped(let label): model.notice = "已点按：" + label
        case .keypad(let key):
            model.focus = .id
            switch key {
            case .digit(let d): model.id.insert(String(d))
            case .x: model.id.insert("X")
            case .delete: if !model.id.text.isEmpty { model.id.text.removeLast() }
            case .clear: model.id.text = ""
            }
            model.notice = "已点按：键盘 " + NumericKeypad<Message>.label(key)
        case .focus(let field): model.focus = field
        case .toggle(let index):
            model.materials[index].isChecked.toggle()
            model.notice = (model.materials[index].isChecked ? "已勾选：" : "已取消：") + model.materials[index].label
        case .typed(let input):
            switch model.focus {
            case .name: model.name.apply(input)
            case .id:
                if case .key(let key) = input, case .character(let c) = key.key, c == "x" {
                    model.id.insert("X")
                } else {
                    model.id.apply(input)
                }
            }
        case .step(let delta):
            model.step = min(Self.steps.count - 1, max(0, model.step + delta))
            model.notice = "已点按：" + (delta > 0 ? "下一步" : "上一步")
        case .showPicker: model.screen = .picker
        case .showWidgets: model.screen = .widgets
        case .turnPage(let page): model.page = min(max(0, page), 1000)
        case .pick(let index):
            model.county = index
            model.notice = "已选择：" + Self.counties[index]
        case .openDialog: model.dialogOpen = true
        case .closeDialog(let confirmed):
            model.dialogOpen = false
            model.notice = confirmed ? "已点按：对话框 确定" : "已点按：对话框 取消"
        case .tick:
            model.phase += 1
            return [.after(Self.tickInterval, .tick)]
        case .quit: return [.quit]
        }
        return []
    }

    public func view(_ model: Model, in context: ViewContext) -> Frame<Message> {
        var frame = Frame<Message>(context: context, background: theme.screen)
        let screen = frame.bounds
        frame.centered("TerminalUI 组件演示", in: screen, y: 0, style: theme.title)
        switch model.screen {
        case .widgets: drawWidgets(model, into: &frame)
        case .picker: drawPicker(model, into: &frame)
        }
        let county = model.county.map { "  县区：" + Self.counties[$0] } ?? ""
        StatusBar(left: "提示：" + model.notice + county, right: "按 q 退出  \(screen.width)x\(screen.height)", theme: theme)
            .draw(into: &frame, in: Rect(x: 0, y: screen.maxY - 1, width: screen.width, height: 1))
        if model.dialogOpen {
            Dialog(title: "确认提交", message: "这是演示对话框。点按「确定」或「取消」关闭它，对话框打开时下面的按钮不会响应。", buttons: [
                Button("确定", id: "dialog.ok", message: .closeDialog(true), kind: .primary, theme: theme),
                Button("取消", id: "dialog.cancel", message: .closeDialog(false), theme: theme),
            ], theme: theme).draw(into: &frame, in: screen)
        }
        return frame
    }

    private func drawWidgets(_ model: Model, into frame: inout Frame<Message>) {
        let screen = frame.bounds
        StepIndicator(steps: Self.steps, current: model.step, theme: theme).draw(into: &frame, in: Rect(x: 2, y: 1, width: screen.width - 4, height: 2))
        let leftWidth = min(40, (screen.width - 6) / 2)
        let left = Rect(x: 2, y: 4, width: leftWidth, height: screen.height - 5)
        let right = Rect(x: left.maxX + 4, y: 4, width: screen.width - left.maxX - 6, height: screen.height - 5)
        TextField(id: "field.name", label: "姓名（可用输入法）", state: model.name, placeholder: "请输入姓名",
                  isFocused: model.focus == .name, focus: .focus(.name), theme: theme)
            .draw(into: &frame, in: Rect(x: left.x, y: left.y, width: left.width, height: 4))
        TextField(id: "field.id", label: "身份证号（18位）", state: model.id, placeholder: "请用下方键盘输入",
                  isFocused: model.focus == .id, focus: .focus(.id), theme: theme)
            .draw(into: &frame, in: Rect(x: left.x, y: left.y + 4, width: left.width, height: 4))
        NumericKeypad(id: "keypad", theme: theme) { .keypad($0) }
            .draw(into: &frame, in: Rect(x: left.x, y: left.y + 9, width: min(left.width, 36), height: 12))
        CheckboxList(id: "materials", items: model.materials, theme: theme) { .toggle($0) }
            .draw(into: &frame, in: Rect(x: right.x, y: right.y, width: right.width, height: 12))
        let done = Double(model.step) / Double(Self.steps.count - 1)
        ProgressIndicator(label: "办理进度", fraction: done, theme: theme)
            .draw(into: &frame, in: Rect(x: right.x, y: right.y + 13, width: right.width, height: 1))
        ProgressIndicator(label: "正在连接", fraction: nil, phase: model.phase, theme: theme)
            .draw(into: &frame, in: Rect(x: right.x, y: right.y + 14, width: right.width, height: 1))
        let buttons: [[Button<Message>]] = [
            [Button("确认", id: "confirm", message: .tapped("确认"), kind: .primary, theme: theme),
             Button("上一步", id: "prev", message: .step(-1), isEnabled: model.step > 0, theme: theme),
             Button("下一步", id: "next", message: .step(1), isEnabled: model.step + 1 < Self.steps.count, theme: theme)],
            [Button("选择县区", id: "picker", message: .showPicker, theme: theme),
             Button("打开对话框", id: "dialog", message: .openDialog, theme: theme),
             Button("退出", id: "quit", message: .quit, kind: .danger, theme: theme)],
        ]
        let slot = right.width / 3
        for (row, line) in buttons.enumerated() {
            for (column, button) in line.enumerated() {
                button.draw(into: &frame, in: Rect(x: right.x + column * slot, y: right.y + 16 + row * 4, width: slot - 2, height: 3))
            }
        }
    }

    private func drawPicker(_ model: Model, into frame: inout Frame<Message>) {
        let screen = frame.bounds
        frame.text("请选择您的户籍所在县区（共 \(Self.counties.count) 个，可翻页）", at: Point(x: 2, y: 2), style: theme.title)
        ListPicker(id: "county", items: Self.counties, page: model.page, selected: model.county, columns: 3, theme: theme,
                   select: { .pick($0) }, turnPage: { .turnPage($0) })
            .draw(into: &frame, in: Rect(x: 2, y: 4, width: screen.width - 4, height: screen.height - 9))
        Button("返回", id: "back", message: .showWidgets, theme: theme)
            .draw(into: &frame, in: Rect(x: 2, y: screen.maxY - 4, width: 14, height: 3))
    }
}
