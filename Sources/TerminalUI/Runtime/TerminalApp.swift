/// A program in the Elm style: a model, messages that change it, and a view of it.
///
/// `update` is the only place the model changes; it returns effects (quit, a delayed message,
/// asynchronous work) for the runtime to run, whose results come back as messages. `view` is a
/// pure function of the model. Raw input becomes messages through `message(for:model:)` (keys,
/// paste, wheel), while taps on targets the view registered become the target's message without
/// the app's help (see ``ProgramCore``).
public protocol TerminalApp: Sendable {
    associatedtype Model: Sendable
    associatedtype Message: Sendable

    func update(_ model: inout Model, with message: Message) -> [Effect<Message>]
    func view(_ model: Model, in context: ViewContext) -> Frame<Message>
    /// The message for a key, paste or wheel event, or nil to ignore it.
    func message(for input: InputEvent, model: Model) -> Message?
    /// Effects to start with the program (a first timer, a device poll). Default: none.
    func start(_ model: Model) -> [Effect<Message>]
}

extension TerminalApp {
    public func start(_ model: Model) -> [Effect<Message>] { [] }
}

/// Work `update` asks the runtime to do.
public enum Effect<Message: Sendable>: Sendable {
    /// Stop the program (the terminal is restored).
    case quit
    /// Deliver `message` after `delay` on the runtime's clock (timeouts, ticks). Cancel by
    /// ignoring stale messages (carry a generation number in the message).
    case after(Duration, Message)
    /// Run asynchronous work (a device, the network); its message, if any, comes back to `update`.
    case run(@Sendable () async -> Message?)
}
