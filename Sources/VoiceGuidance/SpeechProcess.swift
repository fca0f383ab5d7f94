import Foundation

/// Runs the speech command once and reports how it failed, or nil when it spoke. Waiting is
/// done on the process's termination handler, never by blocking a thread.
enum SpeechProcess {
    static func speak(_ text: String, settings: SpeechSettings, timeout: Duration) async -> String? {
        let (arguments, textOnInput) = settings.arguments(for: text)
        guard let program = arguments.first else { return "no speech command" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        process.arguments = program.contains("/") ? Array(arguments.dropFirst()) : arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let input = Pipe()
        process.standardInput = textOnInput ? input : FileHandle.nullDevice
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if process.isRunning { process.terminate() }
        }
        defer { watchdog.cancel() }
        let status: Int32? = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: nil)
                return
            }
            if textOnInput {
                input.fileHandleForWriting.write(Data(text.utf8))
                try? input.fileHandleForWriting.close()
            }
        }
        guard let status else { return "\(program) could not be started" }
        if process.terminationReason == .uncaughtSignal { return "\(program) stopped by signal \(status) (timeout \(timeout))" }
        return status == 0 ? nil : "\(program) exited with status \(status)"
    }
}
