#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A colour given as sRGB components, with the WCAG 2 arithmetic needed to check that text on
/// it is readable. Terminal palettes differ, so a theme that promises contrast must use exact
/// RGB colours (24-bit SGR), not the terminal's 16 named ones.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public var color: Color { .rgb(red, green, blue) }
    public var description: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// WCAG 2 relative luminance: 0 for black, 1 for white.
    public var relativeLuminance: Double {
        func linear(_ component: UInt8) -> Double {
            let c = Double(component) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2 contrast ratio between two colours, 1…21 (order does not matter). Body text
    /// needs at least 4.5.
    public static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (l1, l2) = (a.relativeLuminance, b.relativeLuminance)
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    /// x^y for positive x, without Foundation (TerminalUI depends on nothing).
    private func pow(_ x: Double, _ y: Double) -> Double {
        guard x > 0 else { return 0 }
        return exp(y * log(x))
    }
}

/// The high-contrast palette (适老化: large targets and strong contrast): every colour as exact
/// RGB, chosen so each foreground/background pair the theme uses is at least 4.5:1 — the
/// TerminalUI tests compute every pair from these values.
public enum HighContrastPalette {
    public static let black = RGB(0x00, 0x00, 0x00)
    public static let white = RGB(0xFF, 0xFF, 0xFF)
    /// Key faces and the status bar: light grey, so white fields stand out from keys.
    public static let keyGrey = RGB(0xE0, 0xE0, 0xE0)
    public static let barGrey = RGB(0xC8, 0xC8, 0xC8)
    /// Titles on black and the highlighted (first) candidate.
    public static let gold = RGB(0xFF, 0xD7, 0x00)
    /// A key under the finger.
    public static let pressedBlue = RGB(0x00, 0x3D, 0x99)
    public static let confirmGreen = RGB(0x5C, 0xE6, 0x5C)
    public static let dangerRed = RGB(0xB0, 0x00, 0x20)
    /// Disabled text: still readable, told apart by its dashed rim as well.
    public static let disabledGrey = RGB(0xA8, 0xA8, 0xA8)
}

extension Theme {
    /// The theme in exact RGB colours from ``HighContrastPalette``.
    public static let highContrast: Theme = {
        let p = HighContrastPalette.self
        func style(_ fg: RGB, _ bg: RGB, _ attributes: Attributes = []) -> Style {
            Style(foreground: fg.color, background: bg.color, attributes: attributes)
        }
        var theme = Theme()
        theme.screen = style(p.white, p.black)
        theme.title = style(p.gold, p.black, .bold)
        theme.button = style(p.black, p.keyGrey, .bold)
        theme.buttonPressed = style(p.white, p.pressedBlue, [.bold, .underline])
        theme.primaryButton = style(p.black, p.confirmGreen, .bold)
        theme.dangerButton = style(p.white, p.dangerRed, .bold)
        theme.disabled = style(p.disabledGrey, p.black)
        theme.field = style(p.black, p.white)
        theme.cursor = style(p.white, p.black, .reverse)
        theme.highlight = style(p.black, p.gold, .bold)
        theme.statusBar = style(p.black, p.barGrey)
        theme.dialog = style(p.black, p.white)
        theme.error = style(p.white, p.dangerRed, .bold)
        theme.muted = style(p.white, p.black)
        theme.panel = style(p.white, p.black)
        theme.panelBorder = style(p.white, p.black)
        theme.success = style(p.black, p.confirmGreen, .bold)
        theme.gauge = style(p.gold, p.black)
        return theme
    }()
}
