import Foundation

/// Technician mode (维护模式): the hidden gesture on home, the PIN page in front of the host's
/// audited gate, and the pages behind it. Entered only from home with no session; left by
/// 退出维护 or idleness, back to a home with nothing of the mode on it.
extension JourneyReducer {
    /// Taps on home's hidden corner that open the PIN page (within `KioskDelays.gestureWindow`).
    public static let gestureTaps = 5
    /// The longest PIN the keypad takes (the gate accepts 4–12 digits).
    static let pinLength = 4...12

    func reduceTechnician(_ state: inout JourneyState, _ event: TechnicianEvent) -> [KioskEffect] {
        let atRest = state.screen == .home && state.session == nil && state.technician == nil
        switch event {
        case .cornerTap:
            guard atRest else { return [] }
            state.hiddenGesture.taps += 1
            if state.hiddenGesture.taps >= Self.gestureTaps {
                state.hiddenGesture = HiddenGesture(generation: state.hiddenGesture.generation + 1)
                return [.technician(.requestEntry)]
            }
            guard state.hiddenGesture.taps == 1 else { return [] }
            return [.after(delays.gestureWindow, .technician(.gestureExpired(generation: state.hiddenGesture.generation)))]
        case .gestureExpired(let generation):
            if generation == state.hiddenGesture.generation {
                state.hiddenGesture = HiddenGesture(generation: generation + 1)
            }
            return []
        case .requestEntry:
            return atRest ? [.technician(.requestEntry)] : []
        case .entryOpened:
            guard atRest else { return [] }
            state.technician = TechnicianState()
            state.screen = .technician
            return touched(&state)
        default:
            guard state.technician != nil, state.screen == .technician else { return [] }
            return reduceOpenMode(&state, event)
        }
    }

    private func reduceOpenMode(_ state: inout JourneyState, _ event: TechnicianEvent) -> [KioskEffect] {
        guard var mode = state.technician else { return [] }
        var effects: [KioskEffect] = []
        switch event {
        case .pinKey(let key):
            guard mode.page == .pin, !mode.checking else { break }
            switch key {
            case .digit(let d) where mode.pin.count < Self.pinLength.upperBound: mode.pin.append(String(d))
            case .delete: mode.pin = String(mode.pin.dropLast())
            case .clear: mode.pin = ""
            default: break
            }
            mode.message = nil
        case .pinSubmit:
            guard mode.page == .pin, !mode.checking else { break }
            guard Self.pinLength.contains(mode.pin.count) else {
                mode.message = strings("tech.pin.short")
                break
            }
            effects.append(.technician(.checkPIN(mode.pin)))
            mode.pin = ""
            mode.checking = true
            mode.message = strings("tech.pin.checking")
        case .pinVerdict(let verdict):
            guard mode.page == .pin else { break }
            mode.checking = false
            switch verdict {
            case .accepted:
                mode.page = .menu
                mode.message = nil
            case .refused(let remaining):
                mode.message = remaining > 0 ? strings("tech.pin.wrong", "\(remaining)") : strings("tech.pin.lockedNow")
            case .locked(let seconds):
                mode.message = strings("tech.pin.locked", Self.waitText(seconds))
            }
        case .open(let page):
            guard mode.page != .pin, page != .pin else { break }
            if mode.running, page.startsRun { break }
            mode.page = page
            switch page {
            case .diagnostics, .reader, .printer, .report:
                mode.running = true
                mode.checks = []
                effects.append(.technician(page.runEffect))
            case .touchTest:
                mode.touch = TouchTest()
                effects.append(.technician(.touchTestStarted))
            case .outbox:
                mode.outbox = nil
                effects.append(.technician(.loadOutbox))
            case .preflight:
                mode.preflight = nil
                effects.append(.technician(.loadPreflight))
            case .menu, .pin:
                break
            }
        case .check(let check):
            if mode.running { mode.checks.append(check) }
        case .runFinished:
            mode.running = false
        case .touchTarget(let index):
            guard mode.page == .touchTest, !mode.touch.isComplete, TouchTest.Target(rawValue: index) != nil else { break }
            mode.touch.hits.insert(index)
            if mode.touch.isComplete { effects.append(.technician(.touchTestFinished)) }
        case .touchMiss:
            guard mode.page == .touchTest, !mode.touch.isComplete else { break }
            mode.touch.misses += 1
        case .touchRestart:
            guard mode.page == .touchTest else { break }
            mode.touch = TouchTest()
            effects.append(.technician(.touchTestStarted))
        case .touchTimed(let milliseconds):
            mode.touch.elapsedMilliseconds = milliseconds
        case .outbox(let outbox):
            mode.outbox = outbox
        case .retryRefused(let kind):
            guard mode.page == .outbox, mode.outbox?.refused.contains(where: { $0.kind == kind }) == true else { break }
            effects.append(.technician(.retryRefused(kind)))
        case .preflight(let failures):
            mode.preflight = failures
        case .leave:
            return leaveTechnician(&state, reason: "leave")
        case .idle(let generation):
            guard generation == mode.generation else { break }
            // A run in progress keeps the mode open; the watch starts again.
            guard mode.running else { return leaveTechnician(&state, reason: "idle") }
            state.technician = mode
            return [.after(delays.technicianIdle, .technician(.idle(generation: generation)))]
        case .cornerTap, .gestureExpired, .requestEntry, .entryOpened:
            break
        }
        state.technician = mode
        return effects + (event.isTechnicianAction ? touched(&state) : [])
    }

    /// A touch in the mode: a new idle generation and its timer.
    private func touched(_ state: inout JourneyState) -> [KioskEffect] {
        guard state.technician != nil else { return [] }
        state.technician?.generation += 1
        return [.after(delays.technicianIdle, .technician(.idle(generation: state.technician?.generation ?? 0)))]
    }

    /// Back to home: the mode's state goes in one assignment, the host audits the leaving.
    func leaveTechnician(_ state: inout JourneyState, reason: String) -> [KioskEffect] {
        state.technician = nil
        state.screen = .home
        state.hiddenGesture = HiddenGesture(generation: state.hiddenGesture.generation + 1)
        return [.technician(.left(reason: reason))]
    }

    /// `2 分 05 秒`, `30 秒`.
    static func waitText(_ seconds: Int) -> String {
        seconds >= 60 ? String(format: "%d 分 %02d 秒", seconds / 60, seconds % 60) : "\(max(0, seconds)) 秒"
    }
}

extension TechnicianState.Page {
    /// Pages that start a run of the diagnostics engine.
    var startsRun: Bool { [.diagnostics, .reader, .printer, .report].contains(self) }

    var runEffect: TechnicianEffect {
        switch self {
        case .reader: .readerTest
        case .printer: .printTestPage
        case .report: .printReport
        default: .runDiagnostics
        }
    }
}

extension TechnicianEvent {
    /// The technician's own touches and keys (they restart the mode's idle watch).
    var isTechnicianAction: Bool {
        switch self {
        case .pinKey, .pinSubmit, .open, .touchTarget, .touchMiss, .touchRestart, .retryRefused: true
        default: false
        }
    }
}
