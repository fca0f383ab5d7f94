/// The program behind `kioskctl ui keyboard`: one text field and the on-screen pinyin keyboard,
/// for technicians checking the engine and the touchscreen, and for the end-to-end tests.
///
/// The field takes the keyboard's taps, a hardware keyboard (letters go through the pinyin
/// keyboard like taps, so a technician can type pinyin too) and a system input method or paste
/// (finished text, inserted as it is). 确认 with nothing composing ends the program with the
/// text confirmed; Esc or Ctrl-C ends it without.
public struct KeyboardDemo: TerminalApp {
    public struct Model: Sendable {
        public var field: TextFieldState
        public var keyboard = PinyinKeyboardState()
        public var confirmed = false
        public init(field: TextFieldState = TextFieldState(maxLength: 64)) { self.field = field }
    }

    public enum Message: Sendable {
        case key(PinyinKey)
        /// Finished text from an input method or a paste.
        case insert(String)
        case cancel
    }

    public let engine: (any PinyinEngine)?
    public let unavailable: PinyinEngineUnavailable?
    public let theme: Theme

    public init(engine: (any PinyinEngine)?, unavailable: PinyinEngineUnavailable? = nil, theme: Theme = .highContrast) {
        self.engine = engine
        self.unavailable = unavailable
        self.theme = theme
    }

    public func message(for input: InputEvent, model: Model) -> Message? {
        switch input {
        case .key(let event):
            if event.key == .escape || (event.key == .character("c") && event.modifiers == .control) { return .cancel }
            guard event.modifiers.isDisjoint(with: [.control, .alt]) else { return nil }
            switch event.key {
            case .backspace: return .key(.delete)
            case .enter: return .key(.confirm)
            case .character(let c) where c.isASCII && c.isLetter: return .key(.letter(c))
            case .character(let c) where c.isASCII && c.isNumber: return .key(.digit(c.wholeNumberValue ?? 0))
            case .character(" "): return .key(.space)
            case .character(let c): return .insert(String(c))
            default: return nil
            }
        case .paste(let text):
            return .insert(text)
        default:
            return nil
        }
    }

    public func update(_ model: inout Model, with message: Message) -> [Effect<Message>] {
        switch message {
        case .key(let key):
            if model.keyboard.press(key, engine: engine, field: &model.field) == .confirmed {
                model.confirmed = true
                return [.quit]
            }
        case .insert(let text):
            model.field.insert(text)
        case .cancel:
            return [.quit]
        }
        return []
    }

    public func view(_ model: Model, in context: ViewContext) -> Frame<Message> {
        var frame = Frame<Message>(context: context, background: theme.screen)
        let screen = frame.bounds
        TextField<Message>(id: "field", label: "请输入（屏幕键盘、实体键盘或输入法均可）", state: model.field,
                           placeholder: "点按下方键盘输入", isFocused: true, theme: theme)
            .draw(into: &frame, in: Rect(x: 1, y: 0, width: screen.width - 2, height: TextField<Message>.height))
        let keyboardArea = Rect(x: 0, y: TextField<Message>.height, width: screen.width,
                                height: screen.height - TextField<Message>.height - 1)
        PinyinKeyboard(state: model.keyboard, unavailable: unavailable, theme: theme) { .key($0) }
            .draw(into: &frame, in: keyboardArea)
        let engineName = engine?.name ?? "无拼音引擎"
        StatusBar(left: "\(engineName)　已触按 \(model.keyboard.keyPresses) 次",
                  right: "Esc 退出  \(screen.width)x\(screen.height)", theme: theme)
            .draw(into: &frame, in: Rect(x: 0, y: screen.maxY - 1, width: screen.width, height: 1))
        return frame
    }
}
