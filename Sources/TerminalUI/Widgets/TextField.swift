/// The editable content of a text field: a value type the app keeps in its model and changes
/// with ``apply(_:)``. Typed characters, input-method text (UTF-8 arrives as characters) and
/// pastes are sanitised and, when `allowed` is set, filtered; backspace deletes one character.
public struct TextFieldState: Hashable, Sendable {
    public var text: String
    public var maxLength: Int
    /// Characters accepted (nil: all printable text).
    public var allowed: Set<Character>?

    public init(text: String = "", maxLength: Int = 64, allowed: Set<Character>? = nil) {
        self.text = text
        self.maxLength = maxLength
        self.allowed = allowed
    }

    /// Applies an input event; returns true when the text changed.
    @discardableResult
    public mutating func apply(_ input: InputEvent) -> Bool {
        switch input {
        case .key(let event) where event.key == .backspace:
            guard !text.isEmpty else { return false }
            text.removeLast()
            return true
        case .key(let event):
            guard case .character(let c) = event.key, event.modifiers.isDisjoint(with: [.control, .alt]) else { return false }
            return insert(String(c))
        case .paste(let pasted):
            return insert(pasted)
        default:
            return false
        }
    }

    /// Inserts outside text at the end, sanitised, filtered and limited to `maxLength`.
    @discardableResult
    public mutating func insert(_ incoming: String) -> Bool {
        // A lone combining mark from an input method is kept: it joins the previous character.
        let isLoneMark = incoming.unicodeScalars.count == 1 && incoming.unicodeScalars.first.map {
            [.nonspacingMark, .enclosingMark, .spacingMark].contains($0.properties.generalCategory)
        } == true
        if isLoneMark, !text.isEmpty {
            let joined = String(text.last!) + incoming
            guard joined.count == 1, allowed.map({ $0.contains(Character(joined)) }) ?? true else { return false }
            text.removeLast()
            text.append(Character(joined))
            return true
        }
        let cleaned = TextSanitizer.clean(incoming)
        let before = text
        for character in cleaned {
            if let allowed, !allowed.contains(character) { continue }
            if text.count >= maxLength { break }
            text.append(character)
        }
        if text.count > maxLength { text = String(text.prefix(maxLength)) }
        return text != before
    }
}

/// A one-line text field in a 3-row box with a label above it. The end of the text shows a
/// reverse-video block as the cursor (the terminal cursor stays hidden); an empty field shows its
/// placeholder dimmed. Tapping it sends `focus` (when given).
public struct TextField<Message> {
    public var id: String
    public var label: String
    public var state: TextFieldState
    public var placeholder: String
    public var isFocused: Bool
    public var focus: Message?
    public var theme: Theme

    public init(id: String, label: String, state: TextFieldState, placeholder: String = "", isFocused: Bool = true,
                focus: Message? = nil, theme: Theme = .standard) {
        self.id = id
        self.label = label
        self.state = state
        self.placeholder = placeholder
        self.isFocused = isFocused
        self.focus = focus
        self.theme = theme
    }

    /// Label row plus a 3-row box.
    public static var height: Int { 4 }

    public func draw(into frame: inout Frame<Message>, in rect: Rect) {
        frame.text(label, at: Point(x: rect.x, y: rect.y), style: theme.title, clip: rect)
        let box = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 3)
        frame.box(box, style: theme.field, border: isFocused ? .heavy : .plain)
        let room = box.width - 4
        let y = box.y + 1
        var shownWidth = 0
        if state.text.isEmpty {
            // After the cursor block, so the cursor never hides the placeholder's first character.
            frame.text(TextLayout.truncate(placeholder, width: room - 2), at: Point(x: box.x + 3, y: y), style: theme.field.with(.dim))
        } else {
            // Show the end of the text: that is where typing happens.
            var shown = state.text
            while DisplayWidth.of(shown) > room - 1 { shown.removeFirst() }
            frame.text(shown, at: Point(x: box.x + 2, y: y), style: theme.field)
            shownWidth = DisplayWidth.of(shown)
        }
        if isFocused {
            frame.text(" ", at: Point(x: box.x + 2 + shownWidth, y: y), style: theme.cursor)
        }
        if let focus { frame.addHitRegion(box, id: id, message: focus) }
    }
}
