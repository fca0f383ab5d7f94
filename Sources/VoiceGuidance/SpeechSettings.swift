import Foundation

/// How announcements are spoken: a command line, a volume and a mute switch for the hall.
///
/// The command is an argument vector. `{text}` is replaced by the announcement, `{volume}` by the
/// volume 0–100 and `{amplitude}` by espeak-ng's 0–200 scale; without `{text}` the text is
/// written to the command's standard input (for engines that read it there).
public struct SpeechSettings: Hashable, Sendable {
    public var command: [String]
    /// 0–100; 0 speaks nothing.
    public var volume: Int
    public var isMuted: Bool

    public init(command: [String], volume: Int = 80, isMuted: Bool = false) {
        self.command = command
        self.volume = min(100, max(0, volume))
        self.isMuted = isMuted
    }

    /// No speech: the default, until the terminal's configuration names a command.
    public static let off = SpeechSettings(command: [])

    /// espeak-ng's Mandarin voice, offline from Debian (package espeak-ng).
    public static func espeakMandarin(volume: Int = 80) -> SpeechSettings {
        SpeechSettings(command: ["espeak-ng", "-v", "cmn", "-s", "150", "-a", "{amplitude}", "{text}"], volume: volume)
    }

    /// Whether an announcement would be spoken at all.
    public var isAudible: Bool { !command.isEmpty && !isMuted && volume > 0 }

    /// The argument vector for `text`, and whether the text goes to standard input instead.
    func arguments(for text: String) -> (arguments: [String], textOnStandardInput: Bool) {
        let replaced = command.map {
            $0.replacingOccurrences(of: "{text}", with: text)
                .replacingOccurrences(of: "{volume}", with: String(volume))
                .replacingOccurrences(of: "{amplitude}", with: String(volume * 2))
        }
        return (replaced, !command.contains { $0.contains("{text}") })
    }
}
