import Foundation
import KioskDomain
import TerminalUI

/// The visit after filing: where the cases stand (查询办理进度), an acknowledgement printed again
/// (补打回执), and 好差评. The applicant is identified by card, by ID number on the keypad, or by
/// a case number typed or scanned from the receipt's QR code.
extension JourneyReducer {
    /// From the home screen: a new session for a progress or 补打 visit.
    func startVisit(_ state: inout JourneyState, purpose: ProgressVisit.Purpose) -> [KioskEffect] {
        guard state.screen == .home else { return [] }
        var session = Session()
        session.visit = ProgressVisit(purpose: purpose)
        state.session = session
        return enterVisit(.lookup, &state) + [.announce(strings("progress.lookup.title"))]
    }

    /// Every event while a progress screen shows.
    func reduceProgress(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        guard case .progress(let step) = state.screen, state.session?.visit != nil else { return [] }
        switch (step, event) {
        case (.lookup, .keypad(let key)):
            let draft = KeypadEditing.apply(key, to: state.session?.visit?.draft ?? "", limit: 64)
            state.session?.visit?.draft = draft
        case (.lookup, .typed(let text)):
            // A scanner types the whole payload; a person one character at a time.
            let draft = (state.session?.visit?.draft ?? "") + text.filter { !$0.isNewline }
            state.session?.visit?.draft = String(draft.suffix(256))
            if text.contains(where: \.isNewline) { return lookUp(&state) }
        case (.lookup, .erase):
            if state.session?.visit?.draft.isEmpty == false { state.session?.visit?.draft.removeLast() }
        case (.lookup, .next), (.lookup, .fieldDone):
            return lookUp(&state)
        case (.lookup, .progressUseCard):
            return enterVisit(.card, &state)
        case (.card, .cardReading):
            state.session?.reading = true
            state.session?.message = strings("identify.reading")
        case (.card, .cardRejected(let why)):
            state.session?.reading = false
            state.session?.message = why
        case (.card, .cardRead(let holder)):
            state.session?.cardPresent = true
            state.session?.reading = false
            return query(.idNumber(holder.idNumber), &state)
        case (_, .cardRead):
            state.session?.cardPresent = true
        case (.loading, .progressLoaded(let report)):
            state.session?.visit?.report = report
            if state.session?.visit?.purpose == .reprint, let key = state.session?.visit?.key {
                return [.listReprints(key)]
            }
            return enterVisit(.result(page: 0), &state)
        case (.loading, .progressFailed(let why)):
            if state.session?.visit?.purpose == .reprint, let key = state.session?.visit?.key { return [.listReprints(key)] }
            _ = enterVisit(.lookup, &state)
            state.session?.message = why
        case (.loading, .reprintsListed(let choices)), (.result, .reprintsListed(let choices)):
            state.session?.visit?.reprints = choices
            return enterVisit(.reprints, &state)
        case (.result, .pickerPage(let page)):
            state.screen = .progress(.result(page: max(0, page)))
        case (.result, .printProgressSlip):
            guard let report = state.session?.visit?.report, state.session?.visit?.slip != .printing else { break }
            state.session?.visit?.slip = .printing
            return [.printProgressSlip(report), .announce(strings("print.printing"))]
        case (_, .slipPrinted(let result)):
            state.session?.visit?.slip = result
        case (.result, .showReprints):
            guard let key = state.session?.visit?.key else { break }
            return [.listReprints(key)]
        case (.result, .rateCase(let number)):
            guard state.session?.visit?.report?.cases.contains(where: { $0.caseNumber == number && $0.isFinished }) == true else { break }
            return beginRating(number, returnTo: step, &state)
        case (.reprints, .reprint(let id)):
            guard state.session?.printing != .printing,
                  let choice = state.session?.visit?.reprints?.first(where: { $0.id == id }) else { break }
            state.session?.printing = .printing
            state.session?.visit?.rating = CaseRating(caseNumber: choice.caseNumber, score: 0, reasons: [])
            return [.reprint(id), .announce(strings("print.printing"))]
        case (.reprints, .printed(let result)):
            state.session?.printing = result
            guard result == .printed, let number = state.session?.visit?.rating?.caseNumber else { break }
            return [.announce(strings("print.done"))] + beginRating(number, returnTo: .done, &state)
        case (.rating, .rate(let score)):
            guard (1...5).contains(score) else { break }
            if state.session?.visit?.rating?.score != score { state.session?.visit?.rating?.reasons = [] }
            state.session?.visit?.rating?.score = score
        case (.rating, .rateReason(let reason)):
            guard let score = state.session?.visit?.rating?.score, RatingScale.reasons(for: score).contains(reason),
                  var reasons = state.session?.visit?.rating?.reasons else { break }
            if let index = reasons.firstIndex(of: reason) { reasons.remove(at: index) } else { reasons.append(reason) }
            state.session?.visit?.rating?.reasons = reasons
        case (.rating, .submitRating):
            guard let rating = state.session?.visit?.rating, (1...5).contains(rating.score) else { break }
            return [.submitRating(rating), .announce(strings("rating.thanks"))] + leaveRating(&state)
        case (.rating, .skipRating):
            return leaveRating(&state)
        case (.done, .next):
            return finishVisit(&state)
        case (_, .back):
            return goBackInVisit(step, &state)
        default:
            break
        }
        return []
    }

    /// 好差评 after the acknowledgement of a case just filed was printed (一事一评). Nil when
    /// there is nothing to rate (not printed, refused, already offered).
    func offerRatingAfterFiling(_ state: inout JourneyState) -> [KioskEffect]? {
        guard state.session?.visit == nil, state.session?.printing == .printed, let filed = state.session?.filed else { return nil }
        if case .refused = state.session?.submission { return nil }
        var visit = ProgressVisit(purpose: .progress)
        visit.rating = CaseRating(caseNumber: filed.centralCaseNumber ?? filed.localReference, score: 0, reasons: [])
        state.session?.visit = visit
        return beginRating(visit.rating!.caseNumber, returnTo: .done, &state)
    }

    private func beginRating(_ caseNumber: String, returnTo: ProgressStep, _ state: inout JourneyState) -> [KioskEffect] {
        state.session?.visit?.rating = CaseRating(caseNumber: caseNumber, score: 0, reasons: [])
        state.session?.visit?.afterRating = returnTo
        return enterVisit(.rating, &state) + [.announce(strings("rating.title"))]
    }

    private func leaveRating(_ state: inout JourneyState) -> [KioskEffect] {
        let next = state.session?.visit?.afterRating ?? .done
        state.session?.visit?.rating = nil
        return next == .done ? finishVisit(&state) : enterVisit(next, &state)
    }

    /// The end of a visit: take the card if it is on the reader, else home.
    private func finishVisit(_ state: inout JourneyState) -> [KioskEffect] {
        if state.session?.cardPresent == true {
            return enter(.takeCard, &state) + [.askToTakeCard]
        }
        return wipe(&state)
    }

    private func lookUp(_ state: inout JourneyState) -> [KioskEffect] {
        guard let key = ProgressLookupKey.parse(state.session?.visit?.draft ?? "", today: CivilDate(state.now), divisions: context.divisions) else {
            state.session?.message = strings("progress.lookup.invalid")
            return []
        }
        return query(key, &state)
    }

    private func query(_ key: ProgressLookupKey, _ state: inout JourneyState) -> [KioskEffect] {
        state.session?.visit?.key = key
        state.session?.visit?.draft = ""
        return enterVisit(.loading, &state) + [.queryProgress(key)]
    }

    func enterVisit(_ step: ProgressStep, _ state: inout JourneyState) -> [KioskEffect] {
        let leaving = state.screen
        state.screen = .progress(step)
        state.session?.message = nil
        state.session?.reading = false
        var effects: [KioskEffect] = []
        if leaving == .progress(.card), step != .card { effects.append(.disarmReader) }
        if step == .card { effects += [.armReader, .announce(strings("identify.title"))] }
        return effects
    }

    private func goBackInVisit(_ step: ProgressStep, _ state: inout JourneyState) -> [KioskEffect] {
        switch step {
        case .card: return enterVisit(.lookup, &state)
        case .reprints where state.session?.visit?.purpose == .progress: return enterVisit(.result(page: 0), &state)
        case .rating: return leaveRating(&state)
        case .loading: return []
        default: return finishVisit(&state)
        }
    }
}

/// 好差评's five grades (非常满意 … 非常不满意) and the standard reasons offered for each side.
public enum RatingScale {
    /// Score 5…1 and its name.
    public static let grades: [(score: Int, name: String)] = [(5, "非常满意"), (4, "满意"), (3, "基本满意"), (2, "不满意"), (1, "非常不满意")]

    /// The national 好差评 platform's reasons: praise for 4–5, complaints for 1–3.
    public static func reasons(for score: Int) -> [String] {
        score >= 4 ? ["办事便捷高效", "一次办成", "指引清晰易懂", "服务热情周到", "材料精简"]
            : ["操作复杂", "等待时间长", "材料要求不清楚", "设备故障", "需要多次跑", "办理结果不满意"]
    }

    public static func name(of score: Int) -> String { grades.first { $0.score == score }?.name ?? "" }
}
