/// An input-method engine that turns typed pinyin letters into Chinese text: the small protocol
/// the on-screen ``PinyinKeyboard`` talks to, so the engine behind it (librime today, see
/// docs/decisions/0006-pinyin-engine.md) can be changed without touching the widget.
///
/// An engine holds one composition at a time. Every call returns the composition as it stands
/// afterwards; text the engine has finished (a candidate that completed the composition, a
/// raw commit) comes back once in ``PinyinComposition/committed`` and the caller inserts it into
/// its text field. Calls take a few milliseconds at most (docs/benchmarks/pinyin-keyboard.md),
/// so the UI makes them directly.
public protocol PinyinEngine: AnyObject, Sendable {
    /// The engine and dictionary, for the technician (status line, `kioskctl ui keyboard`).
    var name: String { get }
    /// Adds one letter a–z to the composition.
    func type(_ letter: Character) -> PinyinComposition
    /// Removes the last letter (or undoes the last partial selection, as the engine decides).
    func deleteBackward() -> PinyinComposition
    /// Chooses candidate `index` (0-based, in ``PinyinComposition/candidates``). A phrase that
    /// covers only the first syllables keeps the rest composing.
    func select(_ index: Int) -> PinyinComposition
    /// Finishes the composition with the engine's preferred text (what the first candidate
    /// would give for the whole input), e.g. before a digit is typed.
    func commitPreferred() -> PinyinComposition
    /// Finishes the composition with the letters as typed (chosen parts stay chosen).
    func commitLetters() -> PinyinComposition
    /// Drops the composition without committing anything.
    func reset() -> PinyinComposition
}

/// What an engine is composing right now.
public struct PinyinComposition: Hashable, Sendable {
    /// The composition as the engine shows it: chosen text followed by the remaining syllables,
    /// separated where the engine segmented them ("欧阳xiao ming").
    public var syllables: String
    /// Candidates in the engine's order, phrases and single characters, at most the engine's
    /// fetch limit.
    public var candidates: [String]
    /// True when the engine has more candidates than were fetched.
    public var hasMoreCandidates: Bool
    /// Text finished by the call that returned this value, to insert into the field ("" if none).
    public var committed: String

    public init(syllables: String = "", candidates: [String] = [], hasMoreCandidates: Bool = false, committed: String = "") {
        self.syllables = syllables
        self.candidates = candidates
        self.hasMoreCandidates = hasMoreCandidates
        self.committed = committed
    }

    /// Nothing composing and nothing committed.
    public static let empty = PinyinComposition()

    public var isComposing: Bool { !syllables.isEmpty }
}

/// Why no engine is available: shown on the keyboard in place of the candidate bar, and the
/// technician's text for the log. The keyboard keeps working for letters, digits and
/// punctuation, and the field still takes a hardware keyboard or system input method.
public struct PinyinEngineUnavailable: Error, Hashable, Sendable, CustomStringConvertible {
    /// One line for the screen, in Chinese.
    public var message: String
    /// What exactly is missing (library path, data directory), for technicians.
    public var detail: String

    public init(message: String, detail: String) {
        self.message = message
        self.detail = detail
    }

    public var description: String { "\(message)（\(detail)）" }
}
