import TerminalUI

/// Where the kiosk's on-screen keyboard gets its pinyin engine. The host owns it (kioskd opens
/// librime through RimePinyin, decision 0006); KioskApp only asks for it when a free-text field
/// shows the keyboard, so the reducer stays a pure function and a terminal without an engine
/// still runs. Opening is lazy — the first call pays librime's start-up — and every later call
/// returns the same engine (or the same reason there is none).
public protocol PinyinEngineSource: AnyObject, Sendable {
    /// The engine, opened on the first call; or why there is none, in Chinese for the screen.
    func engine() -> Result<any PinyinEngine, PinyinEngineUnavailable>
    /// The engine if it is open now — never opens it and never waits for an opening under way,
    /// so dropping a composition cannot stall the UI (there is none before the engine is open).
    var openedEngine: (any PinyinEngine)? { get }
}
