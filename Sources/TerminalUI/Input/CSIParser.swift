/// Interprets a complete CSI sequence (parameter and intermediate bytes plus the final byte).
/// Split from ``InputDecoder`` so the state machine stays about bytes and this about meaning.
enum CSIParser {
    /// The event for `CSI <parameters> <final>`, or nil for sequences the toolkit ignores.
    /// `.paste("")` signals the start of a bracketed paste (`CSI 200~`).
    static func parse(parameters: [UInt8], final: UInt8) -> InputEvent? {
        if parameters.first == 0x3C { // '<': SGR mouse
            return mouse(Array(parameters.dropFirst()), final: final)
        }
        if parameters.first == 0x3F { // '?': private reply
            guard final == 0x79, parameters.last == 0x24 else { return nil } // "$y": DECRPM
            let numbers = numbers(Array(parameters.dropFirst().dropLast()))
            guard numbers.count == 2, let mode = numbers[0], let value = numbers[1] else { return nil }
            return .modeReport(mode: mode, value: value)
        }
        guard parameters.allSatisfy({ (0x30...0x3B).contains($0) }) else { return nil }
        let numbers = numbers(parameters)
        let modifiers = modifierParameter(numbers.count > 1 ? numbers[1] : nil)
        if let key = InputDecoder.finalKey(final), final != 0x4D {
            return .key(KeyEvent(key, modifiers: modifiers))
        }
        switch final {
        case 0x5A: // Z
            return .key(KeyEvent(.backTab))
        case 0x50...0x53: // P Q R S with parameters: F1–F4 with modifiers
            return .key(KeyEvent(.function(Int(final) - 0x50 + 1), modifiers: modifiers))
        case 0x7E: // ~
            guard let first = numbers.first, let code = first else { return nil }
            if code == 200 { return .paste("") }
            guard let key = tildeKey(code) else { return nil }
            return .key(KeyEvent(key, modifiers: modifiers))
        default:
            return nil
        }
    }

    private static func tildeKey(_ code: Int) -> Key? {
        switch code {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(code - 10)
        case 17...21: return .function(code - 11)
        case 23, 24: return .function(code - 12)
        default: return nil
        }
    }

    /// xterm's modifier parameter: 1 + (shift 1 | alt 2 | control 4).
    private static func modifierParameter(_ value: Int??) -> Modifiers {
        guard let value = value ?? nil, value > 1, value <= 16 else { return [] }
        return Modifiers(rawValue: UInt8((value - 1) & 7))
    }

    /// `CSI < b ; x ; y M|m`: button code, 1-based column and row; M press/drag, m release.
    private static func mouse(_ parameters: [UInt8], final: UInt8) -> InputEvent? {
        guard final == 0x4D || final == 0x6D else { return nil }
        let numbers = numbers(parameters)
        guard numbers.count == 3, let code = numbers[0], let column = numbers[1], let row = numbers[2],
              column >= 1, row >= 1 else { return nil }
        let position = Point(x: column - 1, y: row - 1)
        var modifiers: Modifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.control) }
        if code & 64 != 0 {
            guard final == 0x4D, code & 3 < 2 else { return nil } // horizontal wheel: ignored
            return .mouse(MouseEvent(.wheel, code & 1 == 0 ? .wheelUp : .wheelDown, at: position, modifiers: modifiers))
        }
        let button: MouseButton = [.left, .middle, .right, .none][code & 3]
        let action: MouseAction = final == 0x6D ? .release : (code & 32 != 0 ? .drag : .press)
        return .mouse(MouseEvent(action, button, at: position, modifiers: modifiers))
    }

    /// Splits `1;2;3` into numbers; an empty field is nil, an unparsable one makes the list empty.
    static func numbers(_ bytes: [UInt8]) -> [Int?] {
        var result: [Int?] = []
        var current: Int?
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                let next = (current ?? 0) * 10 + Int(byte - 0x30)
                guard next < 1_000_000 else { return [] }
                current = next
            case 0x3B:
                result.append(current)
                current = nil
            default:
                return []
            }
        }
        result.append(current)
        return result
    }
}
