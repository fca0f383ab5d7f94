/// Runs a ``TerminalApp`` without a terminal, for tests: the same ``ProgramCore`` the real
/// runtime uses, a virtual clock that only moves when the test says so, and the screen as text.
///
/// Taps go through the same touch logic as real SGR mouse reports (press, optional drag,
/// release); ``tap(_:)`` finds a target by id in the current frame, as a user would find a button.
public struct HeadlessProgram<App: TerminalApp> {
    public private(set) var core: ProgramCore<App>
    /// Virtual time since start; ``advance(by:)`` moves it and delivers due timers.
    public private(set) var now: Duration = .zero
    private var timers: [(due: Duration, order: Int, message: App.Message)] = []
    private var timerCount = 0
    private var tasks: [@Sendable () async -> App.Message?] = []
    public private(set) var didQuit = false

    public init(app: App, model: App.Model, size: Size = Size(columns: 80, rows: 24)) {
        core = ProgramCore(app: app, model: model, size: size)
        perform(core.start())
    }

    public var model: App.Model { core.model }
    public var frame: Frame<App.Message> { core.frame }

    /// The screen as text, one line per row, trailing blanks trimmed.
    public var screen: String { core.frame.buffer.textDump() }

    /// Ids of the touch targets on screen, topmost last.
    public var targetIDs: [String] { core.frame.hitRegions.map(\.id) }

    public mutating func send(_ input: InputEvent) { perform(core.handle(input)) }

    public mutating func send(_ message: App.Message) { perform(core.dispatch(message)) }

    /// Types text as the terminal would deliver it: one character event per character.
    public mutating func type(_ text: String) {
        for character in text { send(.character(character)) }
    }

    public mutating func press(_ key: Key, modifiers: Modifiers = []) { send(.key(KeyEvent(key, modifiers: modifiers))) }

    /// A finger down and up at a cell.
    public mutating func tap(at point: Point) {
        send(.mouse(MouseEvent(.press, .left, at: point)))
        send(.mouse(MouseEvent(.release, .left, at: point)))
    }

    /// Taps the centre of the target with `id`; returns false when no such target is on screen.
    @discardableResult
    public mutating func tap(_ id: String) -> Bool {
        guard let region = core.frame.hitRegions.last(where: { $0.id == id }) else { return false }
        tap(at: Point(x: region.rect.x + region.rect.width / 2, y: region.rect.y + region.rect.height / 2))
        return true
    }

    public mutating func resize(to size: Size) { core.resize(to: size) }

    /// Moves virtual time forward, delivering every timer that falls due, in order.
    public mutating func advance(by duration: Duration) {
        let target = now + duration
        while let next = timers.enumerated().min(by: { ($0.element.due, $0.element.order) < ($1.element.due, $1.element.order) }),
              next.element.due <= target {
            timers.remove(at: next.offset)
            now = next.element.due
            send(next.element.message)
        }
        now = target
    }

    /// Runs the asynchronous effects started so far and delivers their messages.
    public mutating func runTasks() async {
        while !tasks.isEmpty {
            let work = tasks.removeFirst()
            if let message = await work() { send(message) }
        }
    }

    public var pendingTimerCount: Int { timers.count }

    private mutating func perform(_ effects: [Effect<App.Message>]) {
        for effect in effects {
            switch effect {
            case .quit:
                didQuit = true
            case .after(let delay, let message):
                timerCount += 1
                timers.append((now + delay, timerCount, message))
            case .run(let work):
                tasks.append(work)
            }
        }
    }
}

/// Draws into a frame without any program around it, for widget snapshot tests.
public enum Headless {
    /// The frame after `draw` ran on a blank frame of `size`.
    public static func frame<Message>(size: Size, pressedID: String? = nil, _ draw: (inout Frame<Message>) -> Void) -> Frame<Message> {
        var frame = Frame<Message>(size: size, pressedID: pressedID)
        draw(&frame)
        return frame
    }

    /// The text of that frame.
    public static func render<Message>(size: Size, pressedID: String? = nil, _ draw: (inout Frame<Message>) -> Void) -> String {
        frame(size: size, pressedID: pressedID, draw).buffer.textDump()
    }
}
