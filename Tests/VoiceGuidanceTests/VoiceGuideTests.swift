import Foundation
import Synchronization
import Testing
import TestTraits
import VoiceGuidance

/// The voice guide with real processes: a fake speech command (a shell line appending what it
/// is told to say to a file), a failing one, a missing one, and espeak-ng itself.
@Suite("Voice guidance", .realTime)
struct VoiceGuideTests {
    /// Lines the guide logs.
    final class LogLines: Sendable {
        private let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        var sink: @Sendable (String) -> Void { { line in self.lines.withLock { $0.append(line) } } }
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func spoken(_ file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Appends "<volume> <text>" to `file`.
    static func recorder(_ file: URL) -> [String] {
        ["/bin/sh", "-c", "printf '%s %s\\n' \"$2\" \"$1\" >> \"$0\"", file.path, "{text}", "{volume}"]
    }

    @Test("A scripted journey is announced in order, at the configured volume")
    func journey() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt")
        let guide = VoiceGuide(settings: SpeechSettings(command: Self.recorder(file), volume: 60))
        let journey: [[Announcement]] = [
            [.placeCard], [.refusal(.cardUnreadable), .placeCard], [.cardRead, .checkDetails],
            [.refusal(.photoRejected)], [.printingReceipt], [.takeCardAndReceipt],
        ]
        for screen in journey {
            for announcement in screen { guide.announce(announcement) }
            await guide.waitUntilIdle() // the next screen comes after the veteran acted
        }
        #expect(Self.spoken(file) == journey.flatMap { $0 }.map { "60 \($0.text)" })
    }

    @Test("announce returns while the speech command is still speaking; a burst keeps its order")
    func neverBlocks() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt"), gate = dir.appendingPathComponent("gate")
        // The command waits until the test opens the gate: only a non-blocking announce lets the
        // test get there.
        let waiting = ["/bin/sh", "-c", "while [ ! -e \"$1\" ]; do sleep 0.01; done; printf '%s\\n' \"$2\" >> \"$0\"",
                       file.path, gate.path, "{text}"]
        let guide = VoiceGuide(settings: SpeechSettings(command: waiting))
        let burst: [Announcement] = [.placeCard, .cardRead, .checkDetails, .printingReceipt]
        for announcement in burst { guide.announce(announcement) }
        #expect(Self.spoken(file).isEmpty)
        _ = FileManager.default.createFile(atPath: gate.path, contents: nil)
        await guide.waitUntilIdle()
        #expect(Self.spoken(file) == burst.map(\.text))
    }

    @Test("A slow speaker drops the oldest waiting prompts, never the newest")
    func backlog() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt"), gate = dir.appendingPathComponent("gate")
        let started = dir.appendingPathComponent("started")
        let waiting = ["/bin/sh", "-c", "touch \"$2\"; while [ ! -e \"$1\" ]; do sleep 0.01; done; printf '%s\\n' \"$3\" >> \"$0\"",
                       file.path, gate.path, started.path, "{text}"]
        let guide = VoiceGuide(settings: SpeechSettings(command: waiting))
        let all = Announcement.all
        guide.announce(all[0])
        // Once the first one is speaking, the queue holds only what follows.
        for _ in 0..<3000 where !FileManager.default.fileExists(atPath: started.path) {
            try await Task.sleep(for: .milliseconds(10))
        }
        for announcement in all[1...] { guide.announce(announcement) }
        _ = FileManager.default.createFile(atPath: gate.path, contents: nil)
        await guide.waitUntilIdle()
        let spoken = Self.spoken(file)
        #expect(spoken.first == all[0].text)
        #expect(Array(spoken.dropFirst()) == all.suffix(VoiceGuide.queueLimit).map(\.text))
    }

    @Test("A failing command is logged once, not per announcement, and its recovery once")
    func failingCommand() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt"), broken = dir.appendingPathComponent("broken")
        _ = FileManager.default.createFile(atPath: broken.path, contents: nil)
        let flaky = ["/bin/sh", "-c", "[ -e \"$1\" ] && exit 3; printf '%s\\n' \"$2\" >> \"$0\"", file.path, broken.path, "{text}"]
        let log = LogLines()
        let guide = VoiceGuide(settings: SpeechSettings(command: flaky), log: log.sink)
        for announcement in Announcement.all.prefix(3) {
            guide.announce(announcement)
            await guide.waitUntilIdle()
        }
        #expect(log.all.count == 1)
        #expect(log.all.first?.contains("status 3") == true)
        #expect(log.all.allSatisfy { line in !Announcement.all.contains { line.contains($0.text) } }) // no spoken text in logs
        try FileManager.default.removeItem(at: broken)
        guide.announce(.cardRead)
        guide.announce(.checkDetails)
        await guide.waitUntilIdle()
        #expect(log.all.count == 2 && log.all.last?.contains("恢复") == true)
        #expect(Self.spoken(file) == ["读卡成功", "请核对信息"])
    }

    @Test("A speech program that does not exist is logged once and the caller carries on")
    func missingProgram() async throws {
        let log = LogLines()
        let guide = VoiceGuide(settings: SpeechSettings(command: ["/nonexistent/speak", "{text}"]), log: log.sink)
        for announcement in Announcement.all { guide.announce(announcement); await guide.waitUntilIdle() }
        #expect(log.all.count == 1)
        #expect(log.all.first?.contains("could not be started") == true)
    }

    @Test("Off unless configured; mute drops announcements; volume reaches the command")
    func offMuteVolume() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt")
        let silent = VoiceGuide()
        #expect(!silent.currentSettings.isAudible)
        silent.announce(.placeCard)
        await silent.waitUntilIdle()

        let guide = VoiceGuide(settings: SpeechSettings(command: Self.recorder(file), volume: 150))
        #expect(guide.currentSettings.volume == 100)
        guide.setMuted(true)
        guide.announce(.placeCard)
        guide.setMuted(false)
        guide.setVolume(35)
        guide.announce(.cardRead)
        guide.setVolume(0)
        guide.announce(.checkDetails)
        await guide.waitUntilIdle()
        #expect(Self.spoken(file) == ["35 读卡成功"])
    }

    @Test("Without {text} the announcement goes to the command's standard input; {amplitude} is espeak's scale")
    func standardInput() async throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("spoken.txt")
        let reader = ["/bin/sh", "-c", "printf '%s ' \"$1\" >> \"$0\"; cat >> \"$0\"; echo >> \"$0\"", file.path, "{amplitude}"]
        let guide = VoiceGuide(settings: SpeechSettings(command: reader, volume: 40))
        guide.announce(.takeCardAndReceipt)
        await guide.waitUntilIdle()
        #expect(Self.spoken(file) == ["80 请取走您的身份证和回执"])
    }

    @Test("espeak-ng's Mandarin voice speaks the catalog offline (into a WAV file here)")
    func espeak() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng") else {
            Issue.record("espeak-ng is not installed (.ci/run installs it)")
            return
        }
        let dir = try Self.directory()
        let wav = dir.appendingPathComponent("prompt.wav")
        var settings = SpeechSettings.espeakMandarin(volume: 70)
        settings.command += ["-w", wav.path]
        let log = LogLines()
        let guide = VoiceGuide(settings: settings, log: log.sink)
        guide.announce(.placeCard)
        await guide.waitUntilIdle()
        #expect(log.all.isEmpty)
        let size = (try FileManager.default.attributesOfItem(atPath: wav.path)[.size] as? Int) ?? 0
        #expect(size > 10_000) // about two seconds of speech
    }

    @Test("The catalog: the journey's five prompts and every refusal, distinct, in Chinese")
    func catalog() {
        let texts = Announcement.all.map(\.text)
        #expect(Array(texts.prefix(5)) == ["请将身份证放在感应区", "读卡成功", "请核对信息", "正在打印回执", "请取走您的身份证和回执"])
        #expect(texts.count == 5 + Refusal.allCases.count)
        #expect(Set(texts).count == texts.count)
        #expect(texts.allSatisfy { !$0.isEmpty && !$0.contains { $0.isASCII } })
    }
}
