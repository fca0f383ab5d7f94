import Foundation
import KioskDomain
import TOMLKit

extension KioskConfiguration {
    /// The file kioskd reads when `--config` is not given.
    public static let defaultPath = "/etc/kioskd/kioskd.toml"

    /// Reads and parses a configuration file.
    public static func load(path: String) throws(DataFileError) -> KioskConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DataFileError(file: path, key: "", expected: "a readable TOML configuration file",
                                found: (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, key: "", expected: "UTF-8 text", found: "bytes that are not UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Parses TOML text; `file` names the source in errors. Keys left out keep their defaults.
    public static func parse(_ text: String, file: String) throws(DataFileError) -> KioskConfiguration {
        if text.utf8.contains(0) {
            throw DataFileError(file: file, key: "", expected: "TOML text", found: "a NUL byte")
        }
        try TOMLPrecheck.check(text, file: file)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw DataFileError(file: file, key: "", expected: "valid TOML",
                                found: "\(error.description) at line \(error.source.begin.line), column \(error.source.begin.column)")
        } catch {
            throw DataFileError(file: file, key: "", expected: "valid TOML", found: "\(error)")
        }
        var config = KioskConfiguration()
        try config.read(ConfigurationReader(file: file, table: table, prefix: ""))
        try config.checkRelations(file: file)
        return config
    }

    private mutating func read(_ root: ConfigurationReader) throws(DataFileError) {
        try root.refuseUnknownKeys(allowed: ["region", "demo", "data_directory", "terminal", "central", "devices",
                                             "timeouts", "status", "heartbeat", "speech", "demo_world", "technician"])
        if let value = try root.string("region") {
            guard Self.isIdentifier(value) else {
                throw root.fail("region", expected: "a region profile id (lowercase letters, digits, '-')", found: "\"\(value)\"")
            }
            region = value
        }
        demo = try root.bool("demo") ?? demo
        if let value = try root.string("data_directory") { dataDirectory = try Self.absolutePath(value, root, "data_directory") }
        if let section = try root.section("terminal") { try terminal.read(section) }
        if let section = try root.section("central") { try central.read(section) }
        if let section = try root.section("devices") { try devices.read(section) }
        if let section = try root.section("timeouts") { try timeouts.read(section) }
        if let section = try root.section("status") { try status.read(section) }
        if let section = try root.section("heartbeat") {
            try section.refuseUnknownKeys(allowed: ["interval_seconds"])
            heartbeat.interval = try section.seconds("interval_seconds", in: 5...3600) ?? heartbeat.interval
        }
        if let section = try root.section("demo_world") {
            try section.refuseUnknownKeys(allowed: ["central"])
            if let value = try section.string("central") {
                guard let choice = DemoWorld.Central(rawValue: value) else {
                    throw section.fail("central", expected: "\"embedded\" or \"configured\"", found: "\"\(value.prefix(40))\"")
                }
                demoWorld.central = choice
            }
        }
        if let section = try root.section("speech") {
            try section.refuseUnknownKeys(allowed: ["command", "volume"])
            if let value = try section.optionalString("command") { speech.command = value }
            speech.volume = try section.integer("volume", in: 0...100) ?? speech.volume
        }
        if let section = try root.section("technician") {
            try section.refuseUnknownKeys(allowed: ["pin_hash"])
            if let value = try section.optionalString("pin_hash") {
                if let text = value, PINHashText(text) == nil {
                    throw section.fail("pin_hash", expected: PINHashText.expected, found: "\"\(text.prefix(24))…\"")
                }
                technician.pinHash = value
            }
        }
    }

    /// Rules between keys, checked after every key parsed on its own.
    private func checkRelations(file: String) throws(DataFileError) {
        if timeouts.formIdle < timeouts.idle {
            throw DataFileError(file: file, key: "timeouts.form_idle_seconds",
                                expected: "at least timeouts.idle_seconds (\(timeouts.idle.components.seconds))",
                                found: "\(timeouts.formIdle.components.seconds)")
        }
        if timeouts.warning >= timeouts.idle {
            throw DataFileError(file: file, key: "timeouts.warning_seconds",
                                expected: "less than timeouts.idle_seconds (\(timeouts.idle.components.seconds))",
                                found: "\(timeouts.warning.components.seconds)")
        }
        if central.pinCA, central.caFile == nil {
            throw DataFileError(file: file, key: "central.pin_ca", expected: "central.ca_file set: pinning trusts only that file's CA",
                                found: "pin_ca = true without ca_file")
        }
        if !status.isLoopback, status.tokenFile == nil {
            throw DataFileError(file: file, key: "status.token_file",
                                expected: "a token file: the status listener \(status.host) is reachable beyond this machine",
                                found: "no token file")
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    static func absolutePath(_ text: String, _ reader: ConfigurationReader, _ name: String) throws(DataFileError) -> String {
        guard text.hasPrefix("/"), !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw reader.fail(name, expected: "an absolute path", found: "\"\(text.prefix(60))\"")
        }
        return text
    }
}

extension KioskConfiguration.Terminal {
    mutating func read(_ section: ConfigurationReader) throws(DataFileError) {
        try section.refuseUnknownKeys(allowed: ["id", "key_file"])
        if let value = try section.string("id") {
            guard !value.isEmpty, value.count <= 64, value.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }) else {
                throw section.fail("id", expected: "1–64 letters, digits, '-', '_' or '.'", found: "\"\(value.prefix(60))\"")
            }
            id = value
        }
        if let value = try section.string("key_file") { keyFile = try KioskConfiguration.absolutePath(value, section, "key_file") }
    }
}

extension KioskConfiguration.Central {
    mutating func read(_ section: ConfigurationReader) throws(DataFileError) {
        try section.refuseUnknownKeys(allowed: ["url", "ca_file", "pin_ca", "progress_url"])
        if let value = try section.string("url") {
            guard let parsed = URL(string: value), let scheme = parsed.scheme, ["http", "https"].contains(scheme),
                  let host = parsed.host, !host.isEmpty else {
                throw section.fail("url", expected: "an http:// or https:// URL with a host", found: "\"\(value.prefix(80))\"")
            }
            url = parsed
        }
        if let value = try section.optionalString("ca_file") {
            caFile = try value.map { text throws(DataFileError) in try KioskConfiguration.absolutePath(text, section, "ca_file") }
        }
        pinCA = try section.bool("pin_ca") ?? pinCA
        if let value = try section.string("progress_url") {
            // The QR code holds this and a case number: a URL a phone opens, short enough to scan.
            guard value.count <= 200, let parsed = URL(string: value), ["http", "https"].contains(parsed.scheme ?? ""),
                  !(parsed.host ?? "").isEmpty else {
                throw section.fail("progress_url", expected: "an http:// or https:// URL of at most 200 characters (the case number is appended)",
                                   found: "\"\(value.prefix(80))\"")
            }
            progressURL = value
        }
    }
}

extension KioskConfiguration.Devices {
    mutating func read(_ section: ConfigurationReader) throws(DataFileError) {
        try section.refuseUnknownKeys(allowed: ["reader", "printer_queue", "photo_folder", "camera_command"])
        if let value = try section.string("reader") {
            guard value == "auto" || value.hasPrefix("/") || Self.isUSBID(value) else {
                throw section.fail("reader", expected: "auto, a device path such as /dev/ttyUSB0, or usb:VVVV:PPPP",
                                   found: "\"\(value.prefix(60))\"")
            }
            reader = value
        }
        if let value = try section.string("printer_queue") {
            guard !value.isEmpty, value.count <= 127, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "/" && $0 != "#" }) else {
                throw section.fail("printer_queue", expected: "a CUPS queue name (printable ASCII, no space, '/' or '#')",
                                   found: "\"\(value.prefix(60))\"")
            }
            printerQueue = value
        }
        if let value = try section.string("photo_folder") { photoFolder = try KioskConfiguration.absolutePath(value, section, "photo_folder") }
        if let value = try section.optionalString("camera_command") { cameraCommand = value }
    }

    /// `usb:VVVV:PPPP` with four hex digits each.
    static func isUSBID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "usb" && parts[1...].allSatisfy {
            $0.count == 4 && $0.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit)
        }
    }
}

extension KioskConfiguration.Timeouts {
    mutating func read(_ section: ConfigurationReader) throws(DataFileError) {
        try section.refuseUnknownKeys(allowed: ["idle_seconds", "form_idle_seconds", "warning_seconds"])
        idle = try section.seconds("idle_seconds", in: 15...3600) ?? idle
        formIdle = try section.seconds("form_idle_seconds", in: 15...7200) ?? formIdle
        warning = try section.seconds("warning_seconds", in: 5...300) ?? warning
    }
}

extension KioskConfiguration.StatusListener {
    mutating func read(_ section: ConfigurationReader) throws(DataFileError) {
        try section.refuseUnknownKeys(allowed: ["listen", "token_file"])
        if let value = try section.string("listen") {
            guard let (parsedHost, parsedPort) = Self.parseListen(value) else {
                throw section.fail("listen", expected: "HOST:PORT with a port from 0 to 65535 (IPv6 as [::1]:PORT)",
                                   found: "\"\(value.prefix(60))\"")
            }
            host = parsedHost
            port = parsedPort
        }
        if let value = try section.optionalString("token_file") {
            tokenFile = try value.map { text throws(DataFileError) in try KioskConfiguration.absolutePath(text, section, "token_file") }
        }
    }

    /// `127.0.0.1:8470`, `0.0.0.0:8470`, `[::1]:8470`, `localhost:8470`.
    public static func parseListen(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:".unicodeScalars.contains($0) }),
              let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        return (host, port)
    }
}
