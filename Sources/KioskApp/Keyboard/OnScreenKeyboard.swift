import KioskDomain
import TerminalUI

/// A touch on the kiosk's on-screen pinyin keyboard, or the manual-ID name field asking for it.
/// The program (not the reducer) handles these: it runs them through the engine and hands the
/// finished text to the reducer as `typed`/`erase`/`fieldDone` — the path a hardware keyboard
/// or a system input method takes.
public enum KeyboardInput: Sendable, Equatable {
    case key(PinyinKey)
    /// Manual ID: the name field was tapped; the keyboard covers the keypad until 确认.
    case editName
    /// Manual ID: the name is done; the keypad comes back.
    case closeName
    /// The engine was opened off the UI loop (nil) or could not be (why, for the syllable line).
    case engineChecked(PinyinEngineUnavailable?)
}

/// The keyboard's part of a session: the widget's state (mode, the engine's composition, the
/// candidate page) and why there is no engine. It lives in the session because a composition
/// is what someone is typing — wiping the session drops it with the rest.
public struct OnScreenKeyboard: Sendable, Equatable {
    public var keys = PinyinKeyboardState()
    /// Set once the engine was asked for and could not be opened (shown on the syllable line).
    public var unavailable: PinyinEngineUnavailable?
    /// Manual ID: the name field has the keyboard (the form's text fields have it while edited).
    public var editingName = false

    public init() {}
}

/// The text a keyboard writes into: a free-text field of the form, or the manual-ID name.
enum KeyboardTarget: Equatable {
    case field(String)
    case manualName

    /// Where the keyboard types now, or nil when no free-text field is being edited (digits
    /// and dates keep the keypad, choices their buttons).
    init?(_ state: JourneyState, fields: FieldInputs) {
        guard let session = state.session else { return nil }
        switch state.screen {
        case .form:
            guard let code = session.editing, fields.entry(for: code).kind == .text else { return nil }
            self = .field(code)
        case .manualID where session.keyboard.editingName:
            self = .manualName
        default:
            return nil
        }
    }

    /// The text the target holds now.
    func text(in state: JourneyState) -> String {
        switch self {
        case .field: state.session?.draft ?? ""
        case .manualName: state.session?.manualName ?? ""
        }
    }
}
