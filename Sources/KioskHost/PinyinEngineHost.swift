import KioskApp
import RimePinyin
import Synchronization
import TerminalUI

/// kioskd's pinyin engine for the on-screen keyboard: librime with Luna Pinyin (decision 0006),
/// opened the first time a free-text field shows the keyboard — a veteran who never types
/// Chinese never pays librime's start-up — and kept for the rest of the run. A terminal
/// without librime or its dictionary gets the reason once and keeps it: the keyboard says so
/// and the field still takes letters, digits and a system input method.
public final class PinyinEngineHost: PinyinEngineSource {
    private enum State {
        case notOpened
        case opened(RimePinyinEngine)
        case unavailable(PinyinEngineUnavailable)
        case closed
    }

    private let configuration: RimeConfiguration
    private let state = Mutex<State>(.notOpened)

    /// `userDataDirectory`: where librime keeps the schema it compiles (default: the user's
    /// cache, `RimeConfiguration.defaultUserDataDirectory`).
    public init(userDataDirectory: String? = nil) {
        var configuration = RimeConfiguration()
        if let userDataDirectory { configuration.userDataDirectory = userDataDirectory }
        self.configuration = configuration
    }

    public func engine() -> Result<any PinyinEngine, PinyinEngineUnavailable> {
        state.withLock { state in
            switch state {
            case .opened(let engine):
                return .success(engine)
            case .unavailable(let reason):
                return .failure(reason)
            case .closed:
                return .failure(PinyinEngineUnavailable(message: "拼音输入引擎已关闭", detail: "kioskd is stopping"))
            case .notOpened:
                do throws(PinyinEngineUnavailable) {
                    let engine = try RimePinyinEngine.open(configuration)
                    state = .opened(engine)
                    return .success(engine)
                } catch {
                    state = .unavailable(error)
                    return .failure(error)
                }
            }
        }
    }

    public var openedEngine: (any PinyinEngine)? {
        let opened: RimePinyinEngine?? = state.withLockIfAvailable { state in
            if case .opened(let engine) = state { engine } else { nil }
        }
        return opened ?? nil
    }

    /// The engine's name, or why there is none, or nil before the first use (for the log).
    public var description: String? {
        state.withLock { state in
            switch state {
            case .opened(let engine): engine.name
            case .unavailable(let reason): reason.description
            case .notOpened, .closed: nil
            }
        }
    }

    /// Ends the engine's session before the process exits (librime's exit-time clean-up crashes
    /// on open sessions); idempotent, and later requests are refused rather than reopening.
    public func close() {
        state.withLock { state in
            if case .opened(let engine) = state { engine.close() }
            state = .closed
        }
    }
}
