import Foundation
import KioskDomain

/// The kiosk's flow as a pure function: `(state, event) → (state, effects)`. No clock, no device,
/// no store: the host performs the effects and feeds the answers back as events, so every
/// transition — back from any step, idle at any step, a card pulled mid-read, a printer fault,
/// the central service down, a refusal — is a test of values.
public struct JourneyReducer: Sendable {
    public let context: KioskContext

    public init(context: KioskContext) { self.context = context }

    var strings: Strings { context.strings }
    var delays: KioskDelays { context.delays }

    public func reduce(_ state: inout JourneyState, _ event: KioskEvent) -> [KioskEffect] {
        var effects: [KioskEffect] = []
        if event.isPersonAction, state.session != nil {
            // Any touch proves someone is there: a new idle generation, the warning gone.
            state.idle.generation += 1
            state.idle.countdown = nil
        }
        switch event {
        case .tick(let now):
            state.now = now
        case .healthChanged(let health):
            state.health = health
        case .readerStatus(let ready):
            state.health.readerReady = ready
        case .start:
            guard state.screen == .home, state.health.pause == nil else { break }
            state.session = Session()
            effects += enter(.identify, &state)
        case .queryProgress, .reprintReceipts:
            guard state.health.pause == nil else { break }
            effects += startVisit(&state, purpose: event == .queryProgress ? .progress : .reprint)
        case .home, .cancel:
            effects += wipe(&state)
        case .idleTimeout(let generation):
            guard generation == state.idle.generation, state.session != nil, !state.isWaitingForService else { break }
            state.idle.countdown = delays.warningSeconds
            effects.append(.after(.seconds(1), .countdownTick(generation: generation)))
        case .countdownTick(let generation):
            guard generation == state.idle.generation, let left = state.idle.countdown else { break }
            if left <= 1 {
                effects += wipe(&state)
            } else {
                state.idle.countdown = left - 1
                effects.append(.after(.seconds(1), .countdownTick(generation: generation)))
            }
        case .keepGoing:
            break
        case .technician(let event):
            effects += reduceTechnician(&state, event)
        case .cardRemoved:
            state.session?.cardPresent = false
            state.session?.reading = false
            if state.screen == .takeCard { effects += wipe(&state) }
        default:
            guard state.session != nil else { break }
            if case .progress = state.screen { effects += reduceProgress(&state, event); break }
            effects += reduceSession(&state, event)
        }
        if event.isPersonAction, state.session != nil {
            effects.append(.after(state.screen.isForm ? delays.formIdle : delays.idle, .idleTimeout(generation: state.idle.generation)))
        }
        return effects
    }

    /// Moves to `screen` and starts what it needs.
    func enter(_ screen: JourneyState.Screen, _ state: inout JourneyState) -> [KioskEffect] {
        let leaving = state.screen
        state.screen = screen
        state.session?.message = nil
        state.session?.pickerPage = 0
        var effects: [KioskEffect] = []
        if leaving == .identify, screen != .identify { effects.append(.disarmReader) }
        switch screen {
        case .identify:
            effects += [.armReader, .announce(strings("identify.title"))]
        case .manualID:
            state.session?.draft = ""
        case .items:
            if state.session?.category == nil, let first = context.profile.categories.first {
                state.session?.category = first.code
                state.session?.items = defaultItems(category: first.code)
            }
        case .photo:
            effects.append(.listPhotos)
        case .review:
            effects.append(.announce(strings("review.title")))
        case .takeCard:
            effects.append(.announce(state.session?.printing == .printed ? strings("takeCard.receipt") : strings("takeCard.title")))
        default:
            break
        }
        return effects
    }

    /// Ends the session: personal data leaves the state; the host drops its copies.
    func wipe(_ state: inout JourneyState) -> [KioskEffect] {
        let wasReading = state.screen == .identify
        state.session = nil
        state.screen = .home
        state.idle.countdown = nil
        state.idle.generation += 1
        return (wasReading ? [.disarmReader] : []) + [.wipe]
    }
}

extension JourneyState {
    /// Waiting for the store or the central service: the idle watch does not wipe mid-commit.
    var isWaitingForService: Bool {
        screen == .outcome && (session?.submission == .sending || session?.filed == nil && session?.submission == .notSent)
    }
}

extension JourneyState.Screen {
    var isForm: Bool { if case .form = self { true } else { false } }
}

extension KioskEvent {
    /// Events that come from a person's touch or key (they restart the idle watch).
    var isPersonAction: Bool {
        switch self {
        case .start, .back, .next, .manualEntry, .chooseCategory, .toggleItem, .answer, .editField, .keypad, .typed, .erase,
             .choose, .pickPlace, .pickerPage, .placePage, .fieldDone, .fieldCancel, .choosePhoto, .fixPhoto, .usePhoto, .accept, .keepGoing:
            true
        default:
            isVisitTouch
        }
    }
}

extension KioskEvent {
    /// The touches of the progress, 补打 and 好差评 screens.
    var isVisitTouch: Bool {
        switch self {
        case .queryProgress, .reprintReceipts, .progressUseCard, .printProgressSlip, .showReprints, .reprint, .rateCase, .rate,
             .rateReason, .submitRating, .skipRating:
            true
        default:
            false
        }
    }
}
