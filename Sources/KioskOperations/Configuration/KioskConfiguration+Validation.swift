import Foundation
import KioskDomain

extension KioskConfiguration {
    /// Checks what parsing cannot: that the files and folders the keys name exist and can be used
    /// by this process, and that the region has a profile. `kioskd --check-config` prints every
    /// problem (not just the first) and exits 1 when there is one; kioskd refuses to start on any.
    ///
    /// In demo mode the terminal key, data folder and central URL are provided by the demo
    /// itself, so their files are not checked.
    public func validate(file: String, assets: AssetDirectory?) -> [DataFileError] {
        var problems: [DataFileError] = []
        func problem(_ key: String, _ expected: String, _ found: String) {
            problems.append(DataFileError(file: file, key: key, expected: expected, found: found))
        }
        if let assets {
            let profile = assets.url("regions/\(region).json").path
            if !FileManager.default.isReadableFile(atPath: profile) {
                let known = ((try? FileManager.default.contentsOfDirectory(atPath: assets.url("regions").path)) ?? [])
                    .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
                problem("region", "one of the region profiles: " + known.joined(separator: ", "), "\"\(region)\"")
            }
        }
        if !demo {
            checkSecretFile(terminal.keyFile, key: "terminal.key_file", into: problem)
            checkWritableDirectory(dataDirectory, key: "data_directory", into: problem)
        }
        if let caFile = central.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            problem("central.ca_file", "a readable PEM file", "nothing readable at \(caFile)")
        }
        if let tokenFile = status.tokenFile {
            checkSecretFile(tokenFile, key: "status.token_file", into: problem)
            if case .failure(let error) = StatusToken.load(from: tokenFile) {
                problem("status.token_file", error.expected, error.found ?? "")
            }
        }
        if let command = devices.cameraCommand { checkExecutable(command, key: "devices.camera_command", into: problem) }
        if let command = speech.command { checkExecutable(command, key: "speech.command", into: problem) }
        return problems
    }

    /// A secret must exist and be readable by nobody but its owner (and its group).
    private func checkSecretFile(_ path: String, key: String, into problem: (String, String, String) -> Void) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            problem(key, "an existing file readable by kioskd", "no file at \(path)")
            return
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o007 != 0 {
            problem(key, "a file other users cannot read (mode 0600 or 0640)", "mode \(String(mode, radix: 8))")
        } else if !FileManager.default.isReadableFile(atPath: path) {
            problem(key, "a file readable by kioskd", "\(path) is not readable")
        }
    }

    private func checkWritableDirectory(_ path: String, key: String, into problem: (String, String, String) -> Void) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { problem(key, "a directory", "a file at \(path)") }
            else if !FileManager.default.isWritableFile(atPath: path) { problem(key, "a directory kioskd can write", "\(path) is not writable") }
        } else {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !FileManager.default.isWritableFile(atPath: parent) {
                problem(key, "an existing directory, or one kioskd can create", "no \(path), and \(parent) is not writable")
            }
        }
    }

    /// The first word of a command must be an executable, given as a path or found on PATH.
    private func checkExecutable(_ command: String, key: String, into problem: (String, String, String) -> Void) {
        guard let program = command.split(separator: " ").first.map(String.init) else { return }
        let candidates = program.contains("/") ? [program]
            : (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(program)" }
        if !candidates.contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            problem(key, "a command whose program exists", "no executable \(program)")
        }
    }
}
