import Foundation
import KioskDomain
import TerminalUI

/// Performs the flow's effects against the world (devices, store, outbox) and answers with
/// events. kioskd's host implements it; tests can too.
public protocol KioskEffectPerformer: Sendable {
    /// Performs one effect; the events it produces come back through `send`.
    func perform(_ effect: KioskEffect, send: @escaping @Sendable (KioskEvent) -> Void) async
}

/// The kiosk as a TerminalUI program: the reducer for `update`, the screens for `view`, the
/// performer for every effect that is not a timer.
public struct KioskProgram: TerminalApp {
    public typealias Model = JourneyState
    public typealias Message = KioskEvent

    public let reducer: JourneyReducer
    public let view: KioskView
    public let performer: any KioskEffectPerformer
    /// Outside events (device callbacks) reach the loop through this; set by the host at start.
    public let inbox: InboxBox
    /// Sees the state after every event (the status API's "session active, on which screen").
    /// It must not keep personal data: it gets the state only to read the screen.
    public let observe: @Sendable (JourneyState) -> Void
    /// The on-screen keyboard's engine, owned by the host; nil shows the keyboard without one.
    public let pinyin: (any PinyinEngineSource)?
    /// The card's and the reader's effects, one at a time in the reducer's order.
    private let ordered = OrderedEffects()

    public init(context: KioskContext, performer: any KioskEffectPerformer, inbox: InboxBox = InboxBox(),
                pinyin: (any PinyinEngineSource)? = nil, observe: @escaping @Sendable (JourneyState) -> Void = { _ in }) {
        self.pinyin = pinyin
        reducer = JourneyReducer(context: context)
        view = KioskView(context: context)
        self.performer = performer
        self.inbox = inbox
        self.observe = observe
    }

    public func update(_ model: inout JourneyState, with message: KioskEvent) -> [Effect<KioskEvent>] {
        if case .keyboard(let input) = message { return keyboard(input, &model) }
        let target = KeyboardTarget(model, fields: reducer.context.fields)
        let effects = reducer.reduce(&model, message).compactMap(translate) + followKeyboard(from: target, &model)
        observe(model)
        return effects
    }

    public func view(_ model: JourneyState, in context: ViewContext) -> Frame<KioskEvent> {
        view.frame(model, in: context)
    }

    public func message(for input: InputEvent, model: JourneyState) -> KioskEvent? {
        switch input {
        case .key(let key):
            return Self.message(for: key, model: model)
        case .paste(let text):
            return .typed(text)
        default:
            return nil
        }
    }

    public func start(_ model: JourneyState) -> [Effect<KioskEvent>] {
        []
    }

    /// Keys: digits go to the keypad, text to the field, Enter is 完成/下一步, Escape is back.
    static func message(for key: KeyEvent, model: JourneyState) -> KioskEvent? {
        if let event = technicianMessage(for: key, model: model) { return .technician(event) }
        switch key.key {
        case .character(let c):
            if case .form = model.screen, model.session?.editing == nil { return nil }
            if let d = c.wholeNumberValue, c.isASCII, model.screen == .manualID || model.session?.editing != nil {
                return .keypad(.digit(d))
            }
            if (c == "x" || c == "X"), model.screen == .manualID { return .keypad(.x) }
            return .typed(String(c))
        case .enter:
            return model.session?.editing != nil || model.screen == .manualID ? .fieldDone : .next
        case .backspace:
            if case .progress(.lookup) = model.screen { return .erase }
            return model.screen == .manualID && !(model.session?.draft.isEmpty ?? true) ? .keypad(.delete)
                : (model.session?.editing != nil ? .erase : nil)
        case .escape:
            return .back
        default:
            return nil
        }
    }

    /// A runtime effect for `effect`; nil when it went to the ordered queue instead.
    private func translate(_ effect: KioskEffect) -> Effect<KioskEvent>? {
        let performer = self.performer
        let inbox = self.inbox
        switch effect {
        case .after(let delay, let event):
            return .after(delay, event)
        case _ where effect.isOrdered:
            ordered.enqueue { await performer.perform(effect) { inbox.send($0) } }
            return nil
        default:
            return .run {
                await performer.perform(effect) { inbox.send($0) }
                return nil
            }
        }
    }
}

/// Holds the runtime's inbox once the program starts, so effects performed later can send
/// their answers into the loop.
public final class InboxBox: @unchecked Sendable {
    private let lock = NSLock()
    private var inbox: MessageInbox<KioskEvent>?
    private var early: [KioskEvent] = []
    private var stopRequested = false

    public init() {}

    public func attach(_ inbox: MessageInbox<KioskEvent>) {
        let (pending, stop): ([KioskEvent], Bool) = lock.withLock {
            self.inbox = inbox
            defer { early.removeAll() }
            return (early, stopRequested)
        }
        for event in pending { inbox.send(event) }
        if stop { inbox.stop() }
    }

    /// Asks the running UI to stop (the host's SIGTERM); remembered if it has not started yet.
    public func stopRuntime() {
        let target: MessageInbox<KioskEvent>? = lock.withLock {
            if inbox == nil { stopRequested = true }
            return inbox
        }
        target?.stop()
    }

    public func send(_ event: KioskEvent) {
        let target: MessageInbox<KioskEvent>? = lock.withLock {
            if inbox == nil { early.append(event) }
            return inbox
        }
        target?.send(event)
    }
}
