import Foundation
import KioskDomain

/// Submitting, the answer, printing, and taking the card.
extension JourneyReducer {
    func reduceOutcome(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        var effects: [KioskEffect] = []
        switch event {
        case .caseStored(let filed):
            state.session?.filed = filed
            if state.session?.submission != .sending { effects += startPrinting(&state) }
        case .caseNotStored(let why):
            state.session?.submission = .failed(why)
        case .submitted(let result):
            // The patience timer's `.queued` must not overwrite an answer that came first.
            if result == .queued, state.session?.submission != .sending { break }
            if case .accepted(let number) = result { state.session?.filed?.centralCaseNumber = number }
            state.session?.submission = result
            if case .refused = result { effects.append(.announce(strings("submit.refused"))) }
            if state.session?.filed != nil { effects += startPrinting(&state) }
        case .printed(let result):
            state.session?.printing = result
            if result == .printed { effects.append(.announce(strings("print.done"))) }
        case .next:
            guard state.session?.printing != .printing, state.session?.submission != .sending else { break }
            if let rating = offerRatingAfterFiling(&state) { effects += rating; break }
            if state.session?.cardPresent == true {
                effects += enter(.takeCard, &state)
                effects.append(.askToTakeCard)
            } else {
                effects += wipe(&state)
            }
        default:
            break
        }
        return effects
    }

    /// Prints once per case: the acknowledgement, or the 不予受理 notice.
    func startPrinting(_ state: inout JourneyState) -> [KioskEffect] {
        guard state.session?.printing == .notStarted, let filed = state.session?.filed,
              let submission = state.session?.submission, submission != .sending else { return [] }
        state.session?.printing = .printing
        if case .refused(let reason, let basis) = submission {
            return [.printRefusal(filed.id, reason: reason, basis: basis), .announce(strings("print.printing"))]
        }
        return [.printAcknowledgement(filed.id), .announce(strings("print.printing"))]
    }

    /// The case as the veteran confirmed it: the plan's items, dates and materials as shown, only
    /// the plan's fields, the card's identity. The host gives it its id and local reference.
    func assembleCase(_ state: JourneyState) -> FiledCase? {
        guard let session = state.session, let holder = session.holder, let plan = plan(state) else { return nil }
        var values: [String: String] = [:]
        for field in plan.fields { if let v = value(of: field.code, in: state) { values[field.code] = v } }
        let phone = ["phone", "mobile", "recipient_phone"].lazy.compactMap { values[$0] }.first
        let applicant = FiledCase.Applicant(name: holder.name, idNumber: holder.idNumber, sex: holder.sex, ethnicity: holder.ethnicity,
                                            birthDate: holder.birthDate, phone: phone,
                                            address: holder.address ?? values["residence_address"] ?? values["contact_address"],
                                            photo: session.photo.accepted)
        let filedOn = CivilDate(state.now)
        return FiledCase(id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), localReference: "", region: context.profile.code,
                         category: plan.category, categoryTitle: plan.categoryName, filedAt: state.now, filedOn: filedOn,
                         terminalID: context.terminal.id, hall: context.terminal.hall, applicant: applicant,
                         items: plan.filedItems, overallDueDate: plan.overallDue.date, overallLimitText: plan.overallLimitText,
                         materials: plan.materialsToHandIn, fields: plan.fieldValues(values),
                         delivery: values["household_register_delivery"] ?? values["idcard_delivery"],
                         consultationPhone: context.consultationPhone)
    }
}
