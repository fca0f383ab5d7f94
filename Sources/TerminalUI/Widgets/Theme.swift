/// The styles widgets draw with. The default is high contrast (light on black, dark on light
/// buttons), and every state also has a text or shape cue — border characters, brackets, words —
/// because colour must never be the only cue.
public struct Theme: Sendable {
    public var screen = Style(foreground: .brightWhite, background: .black)
    public var title = Style(foreground: .brightYellow, background: .black, attributes: .bold)
    public var button = Style(foreground: .black, background: .white, attributes: .bold)
    public var buttonPressed = Style(foreground: .brightWhite, background: .blue, attributes: [.bold, .underline])
    public var primaryButton = Style(foreground: .black, background: .ansi(10), attributes: .bold)
    public var dangerButton = Style(foreground: .brightWhite, background: .red, attributes: .bold)
    public var disabled = Style(foreground: .ansi(8), background: .black)
    public var field = Style(foreground: .black, background: .brightWhite)
    public var cursor = Style(foreground: .brightWhite, background: .black, attributes: .reverse)
    public var highlight = Style(foreground: .black, background: .brightYellow, attributes: .bold)
    public var statusBar = Style(foreground: .black, background: .white)
    public var dialog = Style(foreground: .black, background: .brightWhite)
    public var error = Style(foreground: .brightWhite, background: .red, attributes: .bold)

    public init() {}
    public static let standard = Theme()
}
