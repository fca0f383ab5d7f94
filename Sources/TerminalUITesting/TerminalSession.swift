import Foundation
import TerminalUI
import TestSupport

/// A program in a pseudo-terminal as a person sees and touches it: its output fed into a
/// `VTScreen`, judged only between frames (outside a synchronized update), and touched with SGR
/// mouse press-and-release pairs. The one rig behind every end-to-end test of a TerminalUI
/// program (kioskd's journeys, the widget demo, the pinyin keyboard).
public final class TerminalSession: @unchecked Sendable {
    public let pty: PseudoTerminal
    public private(set) var screen: VTScreen
    public let size: Size
    /// How long a wait for the screen lasts by default. Generous on purpose: a debug kioskd
    /// shares two cores with a whole parallel test run, and a photo check or a first frame can
    /// take tens of seconds there; a program that really hangs still fails, only later.
    public static let patience: Duration = .seconds(45)

    /// Touches sent so far (each a press and a release).
    public private(set) var touches = 0
    private var consumed = 0

    /// Starts `executable` in a new pty of `size`.
    public init(_ executable: String, arguments: [String] = [], environment: [String: String] = [:], size: Size) throws {
        pty = try PseudoTerminal.spawn(executable, arguments: arguments, environment: environment, size: size)
        screen = VTScreen(size: size)
        self.size = size
    }

    /// Feeds what the program wrote since the last call into the screen model.
    /// Mode queries are answered as the kiosk's terminal answers them, so a program that asks
    /// for synchronized output wraps its frames in it and a half-written frame is never judged.
    public func sync() {
        let output = pty.output
        if consumed < output.count {
            screen.feed(output[consumed...])
            consumed = output.count
        }
        let replies = screen.takeReplies()
        if !replies.isEmpty { try? pty.write(replies) }
    }

    /// Reads until the screen, between frames, satisfies `condition`.
    /// On a timeout the error names what was awaited and shows the screen as a person would have
    /// seen it, not the raw bytes.
    public func wait(_ what: String = "", timeout: Duration = TerminalSession.patience, _ condition: (VTScreen) -> Bool) async throws {
        do {
            try await pty.read(timeout: timeout) { _ in
                sync()
                return !screen.isInSynchronizedUpdate && condition(screen)
            }
        } catch PseudoTerminalError.timedOut {
            sync()
            throw PseudoTerminalError.timedOut("'\(what)' on screen within \(timeout)", output: "\n" + screen.screenText)
        }
    }

    /// Waits until the screen shows `text`; returns the screen's text.
    @discardableResult
    public func wait(for text: String, timeout: Duration = TerminalSession.patience) async throws -> String {
        try await wait(text, timeout: timeout) { $0.screenText.contains(text) }
        return screen.screenText
    }

    /// Lets the program settle for `duration` and returns the screen's text: a frame still being
    /// written then is read to its end (within ``patience``), so what is returned was a frame.
    public func settle(_ duration: Duration = .milliseconds(250)) async -> String {
        await pty.read(for: duration)
        sync()
        if screen.isInSynchronizedUpdate {
            try? await wait("the end of the frame being drawn") { _ in true }
        }
        return screen.screenText
    }

    /// One finger tap at a cell (0-based), as SGR press and release (1-based on the wire).
    public func tap(at point: Point) throws {
        try pty.write("\u{1B}[<0;\(point.x + 1);\(point.y + 1)M\u{1B}[<0;\(point.x + 1);\(point.y + 1)m")
        touches += 1
    }

    /// Waits for `text`, then taps the occurrence `pick` chooses, `offset` cells into it.
    public func tap(_ text: String, offset: Int = 0, timeout: Duration = TerminalSession.patience,
                    pick: ([Point]) -> Point? = { $0.first }) async throws {
        try await wait(for: text, timeout: timeout)
        guard let point = pick(screen.findAll(text)) else {
            throw PseudoTerminalError.timedOut("\(text) on screen", output: screen.screenText)
        }
        try tap(at: Point(x: point.x + offset, y: point.y))
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the screen model with it.
    public func resize(to newSize: Size) throws {
        try pty.resize(to: newSize)
        screen.resize(to: newSize)
    }

    /// Types keys (UTF-8) as a hardware keyboard would.
    public func type(_ text: String) throws { try pty.write(text) }
}
