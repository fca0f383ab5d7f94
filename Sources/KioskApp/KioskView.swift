import KioskDomain
import TerminalUI

/// The view of the whole kiosk: the screen for the state, and the idle warning over it.
public struct KioskView: Sendable {
    public let context: KioskContext
    let reducer: JourneyReducer

    public init(context: KioskContext) {
        self.context = context
        reducer = JourneyReducer(context: context)
    }

    public func frame(_ state: JourneyState, in viewContext: ViewContext) -> Frame<KioskEvent> {
        var frame = Frame<KioskEvent>(context: viewContext, background: Theme.standard.screen)
        let chrome = Chrome(context: context, state: state)
        switch state.screen {
        case .home: HomeScreen(chrome: chrome).draw(into: &frame)
        case .identify: IdentifyScreen(chrome: chrome).draw(into: &frame)
        case .manualID: ManualIDScreen(chrome: chrome).draw(into: &frame)
        case .category: CategoryScreen(chrome: chrome).draw(into: &frame)
        case .items: ItemsScreen(chrome: chrome).draw(into: &frame)
        case .questions: QuestionsScreen(chrome: chrome, plan: reducer.plan(state)).draw(into: &frame)
        case .form(let page):
            FormScreen(chrome: chrome, pages: reducer.formPages(state), page: page, value: { reducer.value(of: $0, in: state) }).draw(into: &frame)
        case .photo: PhotoScreen(chrome: chrome).draw(into: &frame)
        case .materials: MaterialsScreen(chrome: chrome, plan: reducer.plan(state)).draw(into: &frame)
        case .review: ReviewScreen(chrome: chrome, plan: reducer.plan(state), value: { reducer.value(of: $0, in: state) }).draw(into: &frame)
        case .outcome: OutcomeScreen(chrome: chrome).draw(into: &frame)
        case .takeCard: TakeCardScreen(chrome: chrome).draw(into: &frame)
        case .technician: TechnicianScreen(chrome: chrome).draw(into: &frame)
        }
        if let seconds = state.idle.countdown {
            IdleOverlay(chrome: chrome, seconds: seconds).draw(into: &frame)
        }
        return frame
    }
}
