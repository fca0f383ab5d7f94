import Foundation
import KioskDomain
import TerminalUI

extension JourneyReducer {
    /// Events that need a session: identify, choose, answer, fill, photo, review, the outcome.
    func reduceSession(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        var effects: [KioskEffect] = []
        switch (state.screen, event) {
        case (_, .back):
            effects += goBack(&state)
        case (.identify, .manualEntry):
            effects += enter(.manualID, &state)
        case (.identify, .cardReading):
            state.session?.reading = true
            state.session?.message = strings("identify.reading")
        case (.identify, .cardRejected(let why)):
            state.session?.reading = false
            state.session?.message = why
            effects.append(.announce(why))
        case (.identify, .cardRead(let holder)):
            state.session?.holder = holder
            state.session?.cardPresent = true
            state.session?.reading = false
            effects.append(.announce(strings("identify.ok")))
            effects += enter(firstChoiceScreen, &state)
        case (_, .cardRead):
            state.session?.cardPresent = true
        case (.manualID, _):
            effects += reduceManualEntry(&state, event)
        case (.category, .chooseCategory(let code)):
            guard context.profile.categories.contains(where: { $0.code == code }) else { break }
            if state.session?.category != code {
                state.session?.category = code
                state.session?.items = defaultItems(category: code)
            }
            effects += enter(.items, &state)
        case (.items, .pickerPage(let page)), (.questions, .pickerPage(let page)), (.materials, .pickerPage(let page)), (.review, .pickerPage(let page)):
            state.session?.pickerPage = max(0, page)
        case (.items, .toggleItem(let code)):
            toggle(code, &state)
        case (.items, .next):
            guard !(state.session?.items.isEmpty ?? true) else { state.session?.message = strings("form.required"); break }
            dropInapplicableAnswers(&state)
            effects += enter(needsQuestions(state) ? .questions : .form(page: 0), &state)
        case (.questions, .answer(let question, let value)):
            state.session?.answers[question] = value
        case (.questions, .next):
            guard let plan = plan(state) else { break }
            if let block = plan.blocking.first {
                state.session?.message = block.kind == .unanswered ? strings("questions.title") + "：" + block.label : block.message
                break
            }
            dropInapplicableAnswers(&state)
            effects += enter(.form(page: 0), &state)
        case (.form, _):
            effects += reduceForm(&state, event)
        case (.photo, _):
            effects += reducePhoto(&state, event)
        case (.materials, .next):
            effects += enter(.review, &state)
        case (.review, .accept):
            guard let filed = assembleCase(state) else { break }
            state.session?.committed = true
            state.session?.submission = .sending
            effects += enter(.outcome, &state)
            effects += [.file(filed), .after(delays.submitPatience, .submitted(.queued)), .announce(strings("submit.sending"))]
        case (.outcome, _):
            effects += reduceOutcome(&state, event)
        default:
            break
        }
        return effects
    }

    /// After identification: the category when the region has several, else the items.
    var firstChoiceScreen: JourneyState.Screen {
        context.profile.categories.count > 1 ? .category : .items
    }

    /// The items preselected for a category: every item that can be applied for (the bundle is
    /// the point of 一件事); the veteran unticks what he does not need. Display-only items are
    /// shown, never selected.
    func defaultItems(category: String) -> [String] {
        let allowed = context.profile.categories.first { $0.code == category }?.items
        return context.profile.items.filter { !$0.isDisplayOnly && (allowed?.contains($0.code) ?? true) }.map(\.code)
    }

    func toggle(_ code: String, _ state: inout JourneyState) {
        guard let item = context.profile.items.first(where: { $0.code == code }), !item.mandatory, !item.isDisplayOnly,
              var items = state.session?.items else { return }
        if let index = items.firstIndex(of: code) { items.remove(at: index) } else { items.append(code) }
        // Keep the profile's order, so the plan and the screen agree.
        state.session?.items = context.profile.items.map(\.code).filter(items.contains)
    }

    /// The plan for the session's choices today, or nil (the reason goes to the screen).
    public func plan(_ state: JourneyState) -> Plan? {
        guard let session = state.session else { return nil }
        let category = session.category ?? context.profile.categories.first?.code ?? ""
        do {
            return try context.planner.plan(PlanRequest(region: context.profile.code, category: category, items: session.items,
                                                        answers: session.answers, filingDate: CivilDate(state.now)))
        } catch {
            return nil
        }
    }

    func needsQuestions(_ state: JourneyState) -> Bool {
        guard let plan = plan(state) else { return false }
        return !plan.blocking.isEmpty || !plan.answers.isEmpty
    }

    /// Back one step; nothing entered is lost (the session keeps every value).
    func goBack(_ state: inout JourneyState) -> [KioskEffect] {
        switch state.screen {
        case .identify, .manualID:
            return state.screen == .manualID && state.session?.holder == nil ? enter(.identify, &state) : wipe(&state)
        case .category:
            return wipe(&state)
        case .items:
            return context.profile.categories.count > 1 ? enter(.category, &state) : wipe(&state)
        case .questions:
            return enter(.items, &state)
        case .form(let page):
            if state.session?.editing != nil {
                state.session?.editing = nil
                return []
            }
            if page > 0 { return enter(.form(page: page - 1), &state) }
            return enter(needsQuestions(state) ? .questions : .items, &state)
        case .photo:
            return enter(.form(page: max(0, formPages(state).count - 1)), &state)
        case .materials:
            return enter(needsPhoto(state) ? .photo : .form(page: max(0, formPages(state).count - 1)), &state)
        case .review:
            return enter(.materials, &state)
        case .outcome, .takeCard, .home, .progress, .technician:
            return []
        }
    }

    /// The keypad screen for a veteran without a valid card: ID number on the keypad, name typed.
    func reduceManualEntry(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        switch event {
        case .keypad(let key):
            let draft = KeypadEditing.apply(key, to: state.session?.draft ?? "", limit: 18)
            state.session?.draft = draft
        case .typed(let text):
            state.session?.manualName += text.filter { !$0.isWhitespace && !$0.isNewline }
        case .erase:
            if !(state.session?.manualName.isEmpty ?? true) { state.session?.manualName.removeLast() }
        case .fieldDone, .next:
            let name = state.session?.manualName ?? ""
            do {
                let id = try ResidentIDNumber(validating: state.session?.draft ?? "", today: CivilDate(state.now), divisions: context.divisions)
                guard !name.isEmpty else { state.session?.message = strings("form.required") + "：" + strings("manual.name"); return [] }
                state.session?.holder = CardHolder(name: name, idNumber: id.value, sex: id.sex, birthDate: id.birthDate, fromCard: false)
                return enter(firstChoiceScreen, &state)
            } catch {
                state.session?.message = error.chineseMessage
            }
        default:
            break
        }
        return []
    }
}

/// Digits from the on-screen keypad into a draft.
enum KeypadEditing {
    static func apply(_ key: KeypadKey, to draft: String, limit: Int) -> String {
        var text = draft
        switch key {
        case .digit(let d): if text.count < limit { text.append(Character(String(d))) }
        case .x: if text.count < limit { text.append("X") }
        case .delete: if !text.isEmpty { text.removeLast() }
        case .clear: text = ""
        }
        return text
    }
}
