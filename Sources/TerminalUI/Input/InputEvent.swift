/// Modifier keys reported with a key or mouse event.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let control = Modifiers(rawValue: 4)
}

/// A key, after decoding the terminal's byte sequences.
public enum Key: Hashable, Sendable {
    /// Text typed or produced by the input method (one Unicode scalar as a `Character`).
    case character(Character)
    case enter, tab, backTab, backspace, escape
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    /// F1…F12.
    case function(Int)
}

public struct KeyEvent: Hashable, Sendable {
    public var key: Key
    public var modifiers: Modifiers
    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }
}

public enum MouseButton: Hashable, Sendable {
    case left, middle, right
    /// Motion with no button held (mode 1003) or a release whose button is not reported.
    case none
    case wheelUp, wheelDown
}

public enum MouseAction: Hashable, Sendable {
    case press, release, drag, wheel
}

/// A mouse report. A finger on the touchscreen arrives as a left-button press, drags and a
/// release. `position` is 0-based (the terminal's SGR report is 1-based).
public struct MouseEvent: Hashable, Sendable {
    public var action: MouseAction
    public var button: MouseButton
    public var position: Point
    public var modifiers: Modifiers

    public init(_ action: MouseAction, _ button: MouseButton, at position: Point, modifiers: Modifiers = []) {
        self.action = action
        self.button = button
        self.position = position
        self.modifiers = modifiers
    }
}

/// Everything the input decoder can produce.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    /// Bracketed paste: the text between `CSI 200~` and `CSI 201~`, unsanitised.
    case paste(String)
    /// A DECRQM answer `CSI ? mode ; value $ y` (value 1/2: set/reset, 0: unknown mode).
    case modeReport(mode: Int, value: Int)

    public static func character(_ c: Character) -> InputEvent { .key(KeyEvent(.character(c))) }
}
