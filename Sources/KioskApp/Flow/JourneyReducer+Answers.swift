import KioskDomain

extension JourneyReducer {
    /// Drops the answers no rule of the plan reads — a question that stopped applying when the
    /// items or another answer changed — so they are neither kept in the session nor shown under
    /// 情形 (the plan lists only the answers it read). Called when the veteran moves on from the
    /// items or the questions; going back asks again whatever applies again.
    func dropInapplicableAnswers(_ state: inout JourneyState) {
        guard let plan = plan(state), let answers = state.session?.answers else { return }
        let applicable = Set(plan.answers.map(\.question))
        state.session?.answers = answers.filter { applicable.contains($0.key) }
    }
}
