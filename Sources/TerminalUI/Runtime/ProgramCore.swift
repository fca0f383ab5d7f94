/// The runtime's logic without any I/O: the model, the current frame, and touch handling.
///
/// Touch semantics (a finger is the left button): a press on a target shows it pressed (the view
/// is asked again with `pressedID` set); dragging off the target removes the pressed look and
/// dragging back restores it; the target's message is sent on release, and only if the release is
/// inside the same target it was pressed on. So a finger that slides off a button cancels it, as
/// on a phone. Presses outside any target do nothing.
///
/// The terminal runtime and the headless test backend both drive this type, so tests exercise
/// exactly what the real program does.
public struct ProgramCore<App: TerminalApp> {
    public let app: App
    public private(set) var model: App.Model
    public private(set) var size: Size
    public private(set) var frame: Frame<App.Message>
    /// The target a finger went down on, while it is down.
    public private(set) var pressTarget: String?
    /// Whether the finger is currently inside ``pressTarget`` (drives the pressed look).
    public private(set) var pressInside = false
    /// Set when the frame changed and should be rendered.
    public private(set) var needsRender = true

    public init(app: App, model: App.Model, size: Size) {
        self.app = app
        self.model = model
        self.size = size
        self.frame = app.view(model, in: ViewContext(size: size))
    }

    public var context: ViewContext {
        ViewContext(size: size, pressedID: pressInside ? pressTarget : nil)
    }

    /// The app's start effects; call once before the first event.
    public func start() -> [Effect<App.Message>] { app.start(model) }

    /// Handles one input event; returns the effects of any messages it produced.
    public mutating func handle(_ input: InputEvent) -> [Effect<App.Message>] {
        if case .mouse(let mouse) = input, mouse.action != .wheel {
            return handleTouch(mouse)
        }
        guard let message = app.message(for: input, model: model) else { return [] }
        return dispatch(message)
    }

    /// Sends a message to `update` and re-renders the view.
    public mutating func dispatch(_ message: App.Message) -> [Effect<App.Message>] {
        let effects = app.update(&model, with: message)
        redraw()
        return effects
    }

    /// The terminal changed size: the next frame is a full repaint at the new size.
    public mutating func resize(to newSize: Size) {
        size = newSize
        redraw()
    }

    /// Called after the frame was written out.
    public mutating func didRender() { needsRender = false }

    private mutating func handleTouch(_ mouse: MouseEvent) -> [Effect<App.Message>] {
        switch (mouse.action, mouse.button) {
        case (.press, .left):
            pressTarget = frame.hitRegion(at: mouse.position)?.id
            pressInside = pressTarget != nil
            if pressTarget != nil { redraw() }
            return []
        case (.drag, _):
            guard let target = pressTarget else { return [] }
            let inside = frame.hitRegion(at: mouse.position)?.id == target
            if inside != pressInside {
                pressInside = inside
                redraw()
            }
            return []
        case (.release, _):
            guard let target = pressTarget else { return [] }
            pressTarget = nil
            pressInside = false
            if let region = frame.hitRegion(at: mouse.position), region.id == target {
                return dispatch(region.message)
            }
            redraw()
            return []
        default:
            return []
        }
    }

    private mutating func redraw() {
        frame = app.view(model, in: context)
        needsRender = true
    }
}
