import Foundation
import Synchronization

/// Speaks announcements through the configured speech command, one after another, without ever
/// making the caller wait: ``announce(_:)`` only queues. The UI calls it from `update`.
///
/// - Off unless configured (``SpeechSettings/off``), and nothing is queued while muted.
/// - A slow speaker never builds a backlog of stale prompts: at most ``queueLimit`` wait, the
///   oldest waiting one is dropped first.
/// - A failing command (missing program, non-zero exit, hung past ``timeout``) is logged once;
///   the next announcements are still tried but not logged again until the command works
///   again, which is logged once too. The log never contains the spoken text (it can hold a
///   name read from a card).
public final class VoiceGuide: Sendable {
    public static var queueLimit: Int { 4 }
    /// A speech command running longer than this is stopped (an announcement is a few seconds).
    public let timeout: Duration

    private let state: State
    private let continuation: AsyncStream<(String, SpeechSettings)>.Continuation
    private let log: @Sendable (String) -> Void

    /// What the caller and the speaking task share.
    private final class State: Sendable {
        let settings: Mutex<SpeechSettings>
        let counts = Mutex(Counts())
        init(_ settings: SpeechSettings) { self.settings = Mutex(settings) }
    }

    private struct Counts {
        var queued = 0
        var finished = 0
    }

    /// `log` receives one line per change between working and failing (default: standard error).
    public init(settings: SpeechSettings = .off, timeout: Duration = .seconds(30),
                log: @escaping @Sendable (String) -> Void = VoiceGuide.standardErrorLog) {
        let state = State(settings)
        self.state = state
        self.timeout = timeout
        self.log = log
        let (stream, continuation) = AsyncStream<(String, SpeechSettings)>.makeStream(bufferingPolicy: .bufferingNewest(Self.queueLimit))
        self.continuation = continuation
        Task.detached {
            var failing = false
            for await (text, settings) in stream {
                // The volume is the one at the time of the announcement; muting silences what
                // is still waiting as well.
                if settings.isAudible, !state.settings.withLock({ $0.isMuted }) {
                    let failure = await SpeechProcess.speak(text, settings: settings, timeout: timeout)
                    if let failure, !failing {
                        log("语音播报失败，之后的失败不再逐条记录: \(failure)")
                    } else if failure == nil, failing {
                        log("语音播报已恢复")
                    }
                    failing = failure != nil
                }
                state.counts.withLock { $0.finished += 1 }
            }
        }
    }

    deinit { continuation.finish() }

    /// Queues an announcement and returns at once.
    public func announce(_ announcement: Announcement) {
        let settings = state.settings.withLock { $0 }
        guard settings.isAudible else { return }
        state.counts.withLock { $0.queued += 1 }
        switch continuation.yield((announcement.text, settings)) {
        case .dropped:
            state.counts.withLock { $0.finished += 1 } // the oldest waiting one made room
        case .terminated:
            state.counts.withLock { $0.finished += 1 }
        default:
            break
        }
    }

    public var currentSettings: SpeechSettings { state.settings.withLock { $0 } }

    /// The hall's volume, 0–100 (for announcements made from now on).
    public func setVolume(_ volume: Int) {
        state.settings.withLock { $0.volume = min(100, max(0, volume)) }
    }

    public func setMuted(_ muted: Bool) {
        state.settings.withLock { $0.isMuted = muted }
    }

    /// Waits until everything queued so far has been spoken or dropped (for tests and for a
    /// clean shutdown).
    public func waitUntilIdle() async {
        while state.counts.withLock({ $0.finished < $0.queued }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    public static let standardErrorLog: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data("voice: \(line)\n".utf8))
    }
}
