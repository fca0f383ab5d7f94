import TerminalUI

extension KioskProgram {
    /// A technician's USB keyboard: F12 on home asks for technician mode; in the mode, digits,
    /// Backspace and Enter work the PIN keypad, and Escape goes back to the menu or leaves.
    public static func technicianMessage(for key: KeyEvent, model: JourneyState) -> TechnicianEvent? {
        guard let mode = model.technician, model.screen == .technician else {
            return key.key == .function(12) && model.screen == .home && model.session == nil ? .requestEntry : nil
        }
        switch (key.key, mode.page) {
        case (.character(let c), .pin):
            guard let digit = c.wholeNumberValue, c.isASCII else { return nil }
            return .pinKey(.digit(digit))
        case (.backspace, .pin): return .pinKey(.delete)
        case (.enter, .pin): return .pinSubmit
        case (.escape, .pin), (.escape, .menu): return .leave
        case (.escape, _): return .open(.menu)
        default: return nil
        }
    }
}
