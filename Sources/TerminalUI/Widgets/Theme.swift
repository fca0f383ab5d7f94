#if canImport(Glibc)
import Glibc
#endif

/// The styles widgets draw with: one palette, chosen for a touchscreen in a bright hall.
///
/// Light screen, dark text, filled buttons in two strong colours (blue for ordinary choices, red
/// for the main action as on China's government service terminals). Every foreground/background
/// pair used for text reaches WCAG's 4.5:1 (`Palette.contrastRatio` computes it; the toolkit's
/// tests check every pair). Every state also has a shape cue — a heavier border, a marker — because
/// colour must never be the only cue.
public struct Theme: Sendable {
    public var screen = Style(foreground: Palette.ink, background: Palette.paper)
    public var title = Style(foreground: Palette.navy, background: Palette.paper, attributes: .bold)
    /// Secondary text (hints, captions).
    public var muted = Style(foreground: Palette.slate, background: Palette.paper)
    public var panel = Style(foreground: Palette.ink, background: Palette.white)
    public var panelBorder = Style(foreground: Palette.steel, background: Palette.white)
    public var button = Style(foreground: Palette.white, background: Palette.blue, attributes: .bold)
    public var buttonPressed = Style(foreground: Palette.white, background: Palette.navy, attributes: [.bold, .underline])
    public var primaryButton = Style(foreground: Palette.white, background: Palette.red, attributes: .bold)
    public var dangerButton = Style(foreground: Palette.white, background: Palette.darkRed, attributes: .bold)
    public var disabled = Style(foreground: Palette.slate, background: Palette.mist)
    public var field = Style(foreground: Palette.ink, background: Palette.white)
    public var cursor = Style(foreground: Palette.white, background: Palette.ink)
    public var highlight = Style(foreground: Palette.ink, background: Palette.amber, attributes: .bold)
    public var statusBar = Style(foreground: Palette.white, background: Palette.navy)
    public var dialog = Style(foreground: Palette.ink, background: Palette.white)
    public var error = Style(foreground: Palette.white, background: Palette.darkRed, attributes: .bold)
    public var success = Style(foreground: Palette.white, background: Palette.green, attributes: .bold)
    /// The filled part of a progress bar and its track.
    public var gauge = Style(foreground: Palette.blue, background: Palette.mist)

    public init() {}
    public static let standard = Theme()

    /// Every text pair the theme draws, named (for the contrast test and for designers).
    public var textPairs: [(String, Style)] {
        [("screen", screen), ("title", title), ("muted", muted), ("panel", panel), ("button", button),
         ("buttonPressed", buttonPressed), ("primaryButton", primaryButton), ("dangerButton", dangerButton),
         ("disabled", disabled), ("field", field), ("cursor", cursor), ("highlight", highlight),
         ("statusBar", statusBar), ("dialog", dialog), ("error", error), ("success", success)]
    }
}

/// The palette's colours (24-bit; foot and tmux draw them exactly).
public enum Palette {
    public static let paper = Color.rgb(0xF3, 0xF5, 0xF9)
    public static let white = Color.rgb(0xFF, 0xFF, 0xFF)
    public static let ink = Color.rgb(0x1A, 0x22, 0x30)
    public static let slate = Color.rgb(0x4A, 0x55, 0x68)
    public static let steel = Color.rgb(0x8A, 0x96, 0xA8)
    public static let mist = Color.rgb(0xDD, 0xE2, 0xEA)
    public static let blue = Color.rgb(0x1F, 0x5A, 0xA6)
    public static let navy = Color.rgb(0x12, 0x33, 0x66)
    public static let red = Color.rgb(0xC0, 0x26, 0x1F)
    public static let darkRed = Color.rgb(0x8E, 0x1B, 0x16)
    public static let green = Color.rgb(0x1E, 0x6B, 0x3A)
    public static let amber = Color.rgb(0xF5, 0xC2, 0x42)

    /// WCAG 2.x contrast ratio of two colours given as RGB (1…21).
    public static func contrastRatio(_ a: Color, _ b: Color) -> Double? {
        guard let la = luminance(a), let lb = luminance(b) else { return nil }
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// Relative luminance of an RGB colour; nil for colours the terminal chooses (ANSI, default).
    public static func luminance(_ color: Color) -> Double? {
        guard case let .rgb(r, g, b) = color else { return nil }
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
}
