import TerminalUI

/// The on-screen keyboard's glue between the host's engine and the pure reducer. A tap runs
/// through the engine here; whatever it finishes reaches the reducer as `typed` (inserted text),
/// `erase` (deleted characters) or `fieldDone` (确认 on an empty composition) — exactly what a
/// hardware keyboard or a system input method sends — so validation, limits and the case stay
/// the reducer's. Taps that only change the composition send `keepGoing` (the idle watch).
extension KioskProgram {
    /// Longest text the keyboard writes into a field (an address fits easily).
    static var keyboardTextLimit: Int { 200 }

    /// Shown when the host gave no engine at all (a build or test without RimePinyin).
    static let noEngine = PinyinEngineUnavailable(message: "未配置拼音输入引擎", detail: "no PinyinEngineSource given to KioskProgram")

    func keyboard(_ input: KeyboardInput, _ model: inout JourneyState) -> [Effect<KioskEvent>] {
        let fields = reducer.context.fields
        switch input {
        case .editName:
            guard model.screen == .manualID, model.session != nil else { return [] }
            model.session?.keyboard = OnScreenKeyboard()
            model.session?.keyboard.editingName = true
            return update(&model, with: .keepGoing) + openEngine(&model)
        case .closeName:
            guard model.screen == .manualID, model.session?.keyboard.editingName == true else { return [] }
            _ = pinyin?.openedEngine?.reset()
            model.session?.keyboard.keys = PinyinKeyboardState()
            model.session?.keyboard.editingName = false
            return update(&model, with: .keepGoing)
        case .engineChecked(let reason):
            guard model.session != nil else { return [] }
            model.session?.keyboard.unavailable = reason
            return []
        case .key(let key):
            guard let target = KeyboardTarget(model, fields: fields) else { return [] }
            let before = target.text(in: model)
            var field = TextFieldState(text: before, maxLength: Self.keyboardTextLimit)
            let engine = prepareEngine(&model)
            guard let outcome = model.session?.keyboard.keys.press(key, engine: engine, field: &field) else { return [] }
            var events = Self.edits(from: before, to: field.text)
            if outcome == .confirmed {
                if target == .manualName {
                    model.session?.keyboard.editingName = false
                } else {
                    events.append(.fieldDone)
                }
            }
            if events.isEmpty { events = [.keepGoing] }
            return events.flatMap { update(&model, with: $0) }
        }
    }

    /// After the reducer ran: when the keyboard's target changed (a field opened, closed or was
    /// committed, the screen left, the session wiped), the engine drops any composition and the
    /// keyboard starts fresh; a keyboard that just appeared has the engine opened.
    func followKeyboard(from before: KeyboardTarget?, _ model: inout JourneyState) -> [Effect<KioskEvent>] {
        if model.screen != .manualID { model.session?.keyboard.editingName = false }
        let after = KeyboardTarget(model, fields: reducer.context.fields)
        guard after != before else { return [] }
        if before != nil { _ = pinyin?.openedEngine?.reset() }
        model.session?.keyboard.keys = PinyinKeyboardState()
        return after != nil ? openEngine(&model) : []
    }

    /// Opens the engine off the UI loop (librime's first start compiles its schema: seconds), so
    /// the keyboard shows at once; a key tapped before it is ready waits for the same opening.
    private func openEngine(_ model: inout JourneyState) -> [Effect<KioskEvent>] {
        guard let pinyin else {
            model.session?.keyboard.unavailable = Self.noEngine
            return []
        }
        return [.run {
            switch pinyin.engine() {
            case .success: .keyboard(.engineChecked(nil))
            case .failure(let reason): .keyboard(.engineChecked(reason))
            }
        }]
    }

    /// The engine for a key press, or nil — the reason is kept for the syllable line, and the
    /// keyboard then types letters as they are.
    @discardableResult
    private func prepareEngine(_ model: inout JourneyState) -> (any PinyinEngine)? {
        guard let pinyin else {
            model.session?.keyboard.unavailable = Self.noEngine
            return nil
        }
        switch pinyin.engine() {
        case .success(let engine):
            model.session?.keyboard.unavailable = nil
            return engine
        case .failure(let reason):
            model.session?.keyboard.unavailable = reason
            return nil
        }
    }

    /// The events that turn `old` into `new` the way a keyboard would: erase back to the common
    /// prefix, then type the rest.
    static func edits(from old: String, to new: String) -> [KioskEvent] {
        let common = zip(old, new).prefix { $0 == $1 }.count
        let erased = old.count - common
        let typed = String(new.dropFirst(common))
        return Array(repeating: KioskEvent.erase, count: erased) + (typed.isEmpty ? [] : [.typed(typed)])
    }
}
