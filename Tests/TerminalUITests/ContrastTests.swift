import Testing
import TestTraits
import TerminalUI

/// The high-contrast theme's colours, checked by arithmetic on their RGB values (WCAG 2).
@Suite("High-contrast palette", .computeBound)
struct ContrastTests {
    @Test("The contrast formula gives the WCAG reference values")
    func formula() {
        #expect(abs(RGB.contrast(RGB(0, 0, 0), RGB(255, 255, 255)) - 21) < 0.001)
        #expect(abs(RGB.contrast(RGB(255, 255, 255), RGB(255, 255, 255)) - 1) < 0.001)
        // #777777 on white is the classic just-too-light grey: 4.48:1.
        #expect(abs(RGB.contrast(RGB(0x77, 0x77, 0x77), RGB(255, 255, 255)) - 4.48) < 0.01)
        #expect(abs(RGB.contrast(RGB(0xFF, 0, 0), RGB(255, 255, 255)) - 4.0) < 0.01)
    }

    @Test("Every style of the high-contrast theme is exact RGB with at least 4.5:1")
    func everyPair() throws {
        let styles = Mirror(reflecting: Theme.highContrast).children.compactMap { child -> (String, Style)? in
            guard let style = child.value as? Style, let name = child.label else { return nil }
            return (name, style)
        }
        #expect(styles.count >= 13)
        for (name, style) in styles {
            guard case .rgb(let fr, let fg, let fb) = style.foreground, case .rgb(let br, let bg, let bb) = style.background else {
                Issue.record("\(name) is not exact RGB: \(style)")
                continue
            }
            let ratio = RGB.contrast(RGB(fr, fg, fb), RGB(br, bg, bb))
            #expect(ratio >= 4.5, "\(name): \(ratio):1")
        }
    }
}
