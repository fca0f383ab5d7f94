/// A key of the on-screen pinyin keyboard, and what a tap on it means.
public enum PinyinKey: Hashable, Sendable {
    case letter(Character)
    case digit(Int)
    /// A punctuation mark, inserted as it is ("－", "，", "#").
    case punctuation(String)
    /// Candidate `index` in the engine's list (not the index on the page).
    case candidate(Int)
    /// Shows candidate page `n` (the bar's 上页/下页 keys carry the page they lead to).
    case page(Int)
    /// 删除: the last letter while composing, else the last character of the field.
    case delete
    /// 空格: the first candidate while composing (as on a phone), else a space.
    case space
    /// 确认: the letters as typed while composing, else the text is done.
    case confirm
    /// 中/英: Chinese (through the engine) or English letters.
    case toggleMode
}

/// The keyboard's part of an app's model: mode, the engine's composition and the candidate page.
/// ``press(_:engine:field:)`` is the one place a key changes it, and it writes finished text into
/// the same ``TextFieldState`` a hardware keyboard or system input method writes to.
public struct PinyinKeyboardState: Hashable, Sendable {
    public enum Mode: Hashable, Sendable { case chinese, english }
    /// What a key press did for the app.
    public enum Outcome: Hashable, Sendable { case changed, unchanged, confirmed }

    public var mode: Mode
    public private(set) var composition: PinyinComposition = .empty
    /// The candidate page shown (pages are cut by the bar's width, see ``CandidateBar``).
    public private(set) var page = 0
    /// Taps on keys since the state was made: the figure the touch-count tests report.
    public private(set) var keyPresses = 0

    public init(mode: Mode = .chinese) { self.mode = mode }

    /// Applies a tapped key. Without an engine (`nil`), Chinese mode types letters as they are.
    @discardableResult
    public mutating func press(_ key: PinyinKey, engine: (any PinyinEngine)?, field: inout TextFieldState) -> Outcome {
        keyPresses += 1
        let composing = composition.isComposing && engine != nil
        switch key {
        case .letter(let letter):
            if mode == .chinese, let engine {
                update(engine.type(Character(letter.lowercased())), field: &field)
            } else {
                field.insert(String(letter))
            }
        case .candidate(let index):
            guard composing, let engine, composition.candidates.indices.contains(index) else { return .unchanged }
            update(engine.select(index), field: &field)
        case .page(let target):
            guard composing, target >= 0, target != page else { return .unchanged }
            page = target
        case .delete:
            if composing, let engine {
                update(engine.deleteBackward(), field: &field)
            } else {
                guard !field.text.isEmpty else { return .unchanged }
                field.text.removeLast()
            }
        case .space:
            if composing, let engine {
                update(engine.select(0), field: &field)
            } else {
                field.insert(" ")
            }
        case .confirm:
            if composing, let engine {
                update(engine.commitLetters(), field: &field)
            } else {
                return .confirmed
            }
        case .toggleMode:
            if composing, let engine { update(engine.commitLetters(), field: &field) }
            mode = mode == .chinese ? .english : .chinese
        case .digit(let digit):
            if composing, let engine { update(engine.commitPreferred(), field: &field) }
            field.insert(String(digit))
        case .punctuation(let mark):
            if composing, let engine { update(engine.commitPreferred(), field: &field) }
            field.insert(mark)
        }
        return .changed
    }

    private mutating func update(_ next: PinyinComposition, field: inout TextFieldState) {
        if !next.committed.isEmpty { field.insert(next.committed) }
        if next.candidates != composition.candidates { page = 0 }
        composition = next
        composition.committed = ""
    }
}
