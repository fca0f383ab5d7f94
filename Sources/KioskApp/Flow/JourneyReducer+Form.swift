import Foundation
import KioskDomain

/// The one form: the plan's fields, grouped as the plan groups them, one group a page. Card
/// fields are prefilled and locked; the rest are edited one at a time in a panel that matches
/// the field (keypad, buttons, place picker, typed text).
extension JourneyReducer {
    /// A page of the form: one group's fields that the veteran fills (card fields are shown on
    /// the first page, locked).
    struct FormPage: Equatable {
        var group: FormField.Group
        var fields: [PlanField]
    }

    func formPages(_ state: JourneyState) -> [FormPage] {
        guard let plan = plan(state) else { return [] }
        var pages: [FormPage] = []
        for field in plan.fields {
            if let last = pages.last, last.group == field.group {
                pages[pages.count - 1].fields.append(field)
            } else {
                pages.append(FormPage(group: field.group, fields: [field]))
            }
        }
        return pages
    }

    /// The value a field has now: typed or chosen, else what the card gave.
    func value(of field: String, in state: JourneyState) -> String? {
        if let typed = state.session?.values[field] { return typed }
        let entry = context.fields.entry(for: field)
        if entry.kind == .card { return state.session?.holder?.value(entry.from) }
        return nil
    }

    func reduceForm(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        guard case .form(let page) = state.screen else { return [] }
        let pages = formPages(state)
        switch event {
        case .editField(let code):
            guard context.fields.entry(for: code).kind != .card else { break }
            state.session?.editing = code
            let existing = state.session?.values[code] ?? ""
            state.session?.draft = existing
            // The field list stays on the page of the field being edited.
            state.session?.placePath = []
            state.session?.placePage = 0
            state.session?.message = nil
        case .fieldCancel:
            state.session?.editing = nil
        case .keypad(let key):
            guard let code = state.session?.editing else { break }
            let draft = KeypadEditing.apply(key, to: state.session?.draft ?? "", limit: Self.limit(context.fields.entry(for: code).kind))
            state.session?.draft = draft
        case .typed(let text):
            guard state.session?.editing != nil else { break }
            state.session?.draft += text.filter { !$0.isNewline }
        case .erase:
            if !(state.session?.draft.isEmpty ?? true) { state.session?.draft.removeLast() }
        case .choose(let value):
            guard let code = state.session?.editing else { break }
            state.session?.values[code] = value
            state.session?.editing = nil
        case .pickerPage(let page):
            state.session?.pickerPage = max(0, page)
        case .placePage(let page):
            state.session?.placePage = max(0, page)
        case .pickPlace(let code):
            pick(code, &state)
        case .fieldDone:
            commitDraft(&state)
        case .next:
            guard state.session?.editing == nil else { commitDraft(&state); break }
            let missing = page < pages.count ? pages[page].fields.filter { value(of: $0.code, in: state)?.isEmpty ?? true } : []
            if let first = missing.first {
                state.session?.message = strings("form.required") + "：" + first.label
                break
            }
            if page + 1 < pages.count { return enter(.form(page: page + 1), &state) }
            return enter(needsPhoto(state) ? .photo : .materials, &state)
        default:
            break
        }
        return []
    }

    static func limit(_ kind: FieldInputs.Kind) -> Int {
        switch kind {
        case .idNumber: 18
        case .phone: 11
        case .bankCard: 19
        case .date: 8
        case .month: 6
        default: 12
        }
    }

    /// Validates the draft with the domain's validators and stores it, or says what is wrong.
    func commitDraft(_ state: inout JourneyState) {
        guard let code = state.session?.editing else { return }
        let draft = state.session?.draft ?? ""
        let today = CivilDate(state.now)
        do {
            let value: String
            switch context.fields.entry(for: code).kind {
            case .idNumber: value = try ResidentIDNumber(validating: draft, today: today, divisions: context.divisions).value
            case .phone: value = try PhoneNumber(validating: draft).value
            case .bankCard:
                let card = try BankCardNumber(validating: draft)
                if !card.passesLuhn, state.session?.message != BankCardNumber.luhnWarning {
                    // A warning, not a refusal: the second 完成 keeps the number.
                    state.session?.message = BankCardNumber.luhnWarning
                    return
                }
                value = card.value
            case .date: value = try DateInput.parse(Self.dashed(draft), today: today).description
            case .month:
                guard draft.count == 6, let parsed = try? DateInput.parse(Self.dashed(draft + "01"), today: today) else {
                    state.session?.message = "请按 年年年年月月 输入六位数字，如 202109"
                    return
                }
                value = String(parsed.description.prefix(7))
            case .digits, .choice, .place, .text, .card:
                value = draft.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { state.session?.message = strings("form.required"); return }
            }
            state.session?.values[code] = value
            state.session?.editing = nil
            state.session?.message = nil
        } catch let problem as any PersonReadableError {
            state.session?.message = problem.chineseMessage
        } catch {
            state.session?.message = "\(error)"
        }
    }

    /// `20210910` → `2021-09-10` (the keypad has no dash).
    static func dashed(_ digits: String) -> String {
        guard digits.count == 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return digits }
        let d = Array(digits)
        return String(d[0..<4]) + "-" + String(d[4..<6]) + "-" + String(d[6..<8])
    }

    /// One step down the place picker: province → prefecture → county; the county completes it.
    func pick(_ code: String, _ state: inout JourneyState) {
        guard let field = state.session?.editing else { return }
        state.session?.placePath.append(code)
        state.session?.placePage = 0
        if PlacePicker.choices(after: state.session?.placePath ?? [], divisions: context.divisions).isEmpty {
            state.session?.values[field] = context.divisions.fullName(of: code) ?? code
            state.session?.editing = nil
        }
    }

    func needsPhoto(_ state: JourneyState) -> Bool {
        plan(state)?.materials.contains { $0.photo != nil } ?? false
    }

    func reducePhoto(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        switch event {
        case .photosListed(let files):
            state.session?.photo.files = files
        case .choosePhoto(let file):
            state.session?.photo.chosen = file
            state.session?.photo.report = nil
            return [.checkPhoto(file, fix: false)]
        case .fixPhoto:
            guard let file = state.session?.photo.chosen else { break }
            return [.checkPhoto(file, fix: true)]
        case .photoChecked(let verdict):
            state.session?.photo.report = verdict
        case .usePhoto, .next:
            guard let verdict = state.session?.photo.report, verdict.accepted else {
                state.session?.message = strings("photo.title")
                break
            }
            state.session?.photo.accepted = verdict.bytes
            return enter(.materials, &state)
        default:
            break
        }
        return []
    }
}

/// The place picker's pages over the current division codes.
public enum PlacePicker {
    /// The choices after `path` (codes chosen so far): provinces, then the province's prefectures
    /// (or its counties for a municipality), then the prefecture's counties; empty when done.
    public static func choices(after path: [String], divisions: DivisionCodes) -> [DivisionCodes.Division] {
        guard let last = path.last else { return divisions.currentUnits(.province, withPrefix: "") }
        if last.hasSuffix("0000") {
            let prefix = String(last.prefix(2))
            let prefectures = divisions.currentUnits(.prefecture, withPrefix: prefix)
            return prefectures.isEmpty ? divisions.currentUnits(.county, withPrefix: prefix) : prefectures
        }
        if last.hasSuffix("00") { return divisions.currentUnits(.county, withPrefix: String(last.prefix(4))) }
        return []
    }
}
