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
        if let target = KeyboardTarget(state, fields: context.fields) {
            KeyboardScreen(chrome: chrome, target: target, label: label(of: target, in: state)).draw(into: &frame)
        } else {
            screen(state, chrome: chrome, into: &frame)
        }
        if let seconds = state.idle.countdown {
            IdleOverlay(chrome: chrome, seconds: seconds).draw(into: &frame)
        }
        return frame
    }

    /// The field's name above the keyboard.
    private func label(of target: KeyboardTarget, in state: JourneyState) -> String {
        switch target {
        case .field(let code): reducer.plan(state)?.fields.first { $0.code == code }?.label ?? code
        case .manualName: context.strings("manual.name")
        }
    }

    private func screen(_ state: JourneyState, chrome: Chrome, into frame: inout Frame<KioskEvent>) {
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
        case .progress(let step): ProgressScreens(chrome: chrome, step: step).draw(into: &frame)
        case .technician: TechnicianScreen(chrome: chrome).draw(into: &frame)
        }
    }
}
