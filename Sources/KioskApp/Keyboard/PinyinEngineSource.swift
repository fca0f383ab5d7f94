import TerminalUI

/// Where the kiosk's on-screen keyboard gets its pinyin engine. The host owns it (kioskd opens
/// librime through RimePinyin, decision 0006); KioskApp only asks for it when a free-text field
/// shows the keyboard, so the reducer stays a pure function and a terminal without an engine
/// still runs. Opening is lazy — the first call pays librime's start-up — and every later call
/// returns the same engine (or the same reason there is none).
public protocol PinyinEngineSource: AnyObject, Sendable {
    /// The engine, opened on the first call; or why there is none, in Chinese for the screen.
    func engine() -> Result<any PinyinEngine, PinyinEngineUnavailable>
}
