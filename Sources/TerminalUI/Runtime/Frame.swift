/// A touch target: the rectangle a widget drew and the message a tap on it sends. `id` names the
/// target across frames, so the runtime can show it pressed while the finger is down.
public struct HitRegion<Message>: CustomStringConvertible {
    public var rect: Rect
    public var id: String
    public var message: Message

    public init(rect: Rect, id: String, message: Message) {
        self.rect = rect
        self.id = id
        self.message = message
    }

    public var description: String { "\(id) \(rect)" }
}

/// What a view produces: the cells and the touch targets, from the same drawing pass, so a
/// target can never drift away from the button it belongs to.
///
/// Widgets draw through a frame; `pressedID` is the target under the finger right now (from the
/// runtime), so a widget can draw its pressed look.
public struct Frame<Message> {
    public var buffer: CellBuffer
    public private(set) var hitRegions: [HitRegion<Message>] = []
    public let pressedID: String?

    public init(size: Size, pressedID: String? = nil, background: Style = .plain) {
        self.buffer = CellBuffer(size: size, style: background)
        self.pressedID = pressedID
    }

    public init(context: ViewContext, background: Style = .plain) {
        self.init(size: context.size, pressedID: context.pressedID, background: background)
    }

    public var size: Size { buffer.size }
    public var bounds: Rect { buffer.bounds }

    /// Registers a touch target. Later targets are on top: they win where targets overlap (a
    /// dialog's buttons over the screen below).
    public mutating func addHitRegion(_ rect: Rect, id: String, message: Message) {
        let visible = rect.intersection(bounds)
        guard !visible.isEmpty else { return }
        hitRegions.append(HitRegion(rect: visible, id: id, message: message))
    }

    /// Removes every target registered so far: a modal dialog calls this so the screen beneath
    /// it cannot be touched.
    public mutating func removeHitRegions() { hitRegions.removeAll() }

    /// The topmost target at `point`.
    public func hitRegion(at point: Point) -> HitRegion<Message>? {
        hitRegions.last { $0.rect.contains(point) }
    }

    public func isPressed(_ id: String) -> Bool { pressedID == id }

    /// Writes text (see ``CellBuffer/write(_:at:style:clip:)``).
    @discardableResult
    public mutating func text(_ text: some StringProtocol, at point: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        buffer.write(text, at: point, style: style, clip: clip)
    }

    /// Writes text centred horizontally in `rect` on row `y`.
    public mutating func centered(_ text: String, in rect: Rect, y: Int, style: Style = .plain) {
        let width = DisplayWidth.of(text)
        let x = rect.x + max(0, (rect.width - width) / 2)
        buffer.write(text, at: Point(x: x, y: y), style: style, clip: rect)
    }

    public mutating func fill(_ rect: Rect, style: Style, with character: Character = " ") {
        buffer.fill(rect, style: style, with: character)
    }
}

/// What a view is told about the screen: its size and the target under the finger.
public struct ViewContext: Hashable, Sendable {
    public var size: Size
    public var pressedID: String?
    public init(size: Size, pressedID: String? = nil) {
        self.size = size
        self.pressedID = pressedID
    }
}
