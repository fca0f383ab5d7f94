import IDCardSimulator
import KioskOperations
import KioskTime

/// The demo's one hand on the simulated card: lays it on the reader when a card prompt (or a
/// self-test's live read) asks, takes it away when the kiosk asks for it back.
///
/// The kiosk asks in quick succession (a journey ends with "请取走您的身份证" and the next
/// visitor's prompt may follow within seconds), so each new motion replaces the one still
/// waiting: an old "take it away in 2 s" never removes the card a newer prompt asked for. A
/// card still on the reader when a prompt asks is lifted and laid again, because the reader
/// reports a card once: one it has already read would never be read for the new prompt.
public actor DemoHand {
    private let engine: SAMReaderEngine
    private let card: ScriptedCard
    private let clock: any KioskClock
    private let events: EventLog?
    private var pending: Task<Void, Never>?

    /// How long a lifted card stays off the reader: two of the reader's 300 ms polls, so it
    /// sees the card leave before it comes back.
    public static let lift = Duration.milliseconds(650)

    public init(engine: SAMReaderEngine, card: ScriptedCard, clock: any KioskClock, events: EventLog? = nil) {
        self.engine = engine
        self.card = card
        self.clock = clock
        self.events = events
    }

    /// Lays the card on the reader after `delay` (lifting it first if it is still there);
    /// `reason` says for the event log who asked (`prompt`, `test`).
    public func offer(after delay: Duration = .milliseconds(1500), reason: String = "prompt") {
        pending?.cancel()
        var wait = delay
        if engine.isCardPresent {
            move(.removed, reason: "lift")
            wait = max(delay, Self.lift)
        }
        pending = Task {
            guard await pause(wait) else { return }
            move(.placed, reason: reason)
        }
    }

    /// Takes the card away after `delay`; `reason` says for the event log why (`take`, `wipe`).
    public func withdraw(after delay: Duration, reason: String) {
        pending?.cancel()
        pending = nil
        guard delay > .zero else {
            if engine.isCardPresent { move(.removed, reason: reason) }
            return
        }
        pending = Task {
            guard await pause(delay), engine.isCardPresent else { return }
            move(.removed, reason: reason)
        }
    }

    /// Waits for the motion still pending, if any.
    public func settled() async {
        await pending?.value
    }

    private enum Motion: String { case placed, removed }

    private func move(_ motion: Motion, reason: String) {
        switch motion {
        case .placed: try? engine.place(card)
        case .removed: engine.removeCard()
        }
        events?.log(.demoCardMoved, ["motion": motion.rawValue, "reason": reason])
    }

    /// Sleeps on the kiosk's clock; false when a newer motion cancelled this one.
    private func pause(_ duration: Duration) async -> Bool {
        do {
            try await clock.sleep(for: duration)
        } catch {
            return false
        }
        return !Task.isCancelled
    }
}
