import Foundation
import KioskDomain
@testable import KioskOperations
import KioskTesting
import KioskOperationsTesting
import Testing
import TestTraits
import TOMLKit

@Suite("Configuration", .realTime)
struct ConfigurationTests {
    @Test("an empty file and the example file both give the defaults")
    func defaultsAndExample() throws {
        #expect(try KioskConfiguration.parse("", file: "empty.toml") == KioskConfiguration())
        let example = RepositoryPaths.root.appendingPathComponent("Assets/kioskd.example.toml").path
        let parsed = try KioskConfiguration.load(path: example)
        #expect(parsed == KioskConfiguration())
        #expect(parsed.timeouts.idle == .seconds(90))
        #expect(parsed.timeouts.warning == .seconds(20))
        #expect(parsed.status.host == "127.0.0.1" && parsed.status.port == 8470)
    }

    @Test("the example documents every key the configuration has")
    func exampleDocumentsEveryKey() throws {
        let exampleText = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Assets/kioskd.example.toml"), encoding: .utf8)
        let example = try TOMLTable(string: exampleText)
        let rendered = try TOMLTable(string: KioskConfiguration().tomlText)
        #expect(Self.keyPaths(example) == Self.keyPaths(rendered))
        for key in Self.keyPaths(rendered) {
            let name = String(key.split(separator: ".").last!)
            #expect(exampleText.contains("\n# ") && exampleText.contains(name + " ="), "\(key) is not documented")
        }
    }

    @Test("a bad value names the file, the key, what was expected and what was found",
          arguments: [
              ("region = 7", "region", "a string", "the integer 7"),
              ("region = \"Sichuan!\"", "region", "region profile id", "\"Sichuan!\""),
              ("demo = \"yes\"", "demo", "true or false", "the string \"yes\""),
              ("data_directory = \"var/lib\"", "data_directory", "an absolute path", "\"var/lib\""),
              ("[terminal]\nid = \"\"", "terminal.id", "1–64 letters", "\"\""),
              ("[central]\nurl = \"ftp://x\"", "central.url", "http:// or https://", "\"ftp://x\""),
              ("[central]\npin_ca = \"yes\"", "central.pin_ca", "true or false", "the string \"yes\""),
              ("[central]\npin_ca = true", "central.pin_ca", "central.ca_file set", "pin_ca = true without ca_file"),
              ("[demo_world]\ncentral = \"remote\"", "demo_world.central", "\"embedded\" or \"configured\"", "\"remote\""),
              ("[devices]\nreader = \"COM3\"", "devices.reader", "usb:VVVV:PPPP", "\"COM3\""),
              ("[devices]\nprinter_queue = \"a b\"", "devices.printer_queue", "CUPS queue name", "\"a b\""),
              ("[timeouts]\nidle_seconds = 5", "timeouts.idle_seconds", "from 15 to 3600", "5"),
              ("[timeouts]\nidle_seconds = 1.5", "timeouts.idle_seconds", "an integer", "the number 1.5"),
              ("[timeouts]\nform_idle_seconds = 60", "timeouts.form_idle_seconds", "at least timeouts.idle_seconds", "60"),
              ("[timeouts]\nwarning_seconds = 100", "timeouts.warning_seconds", "less than timeouts.idle_seconds", "100"),
              ("[status]\nlisten = \"8470\"", "status.listen", "HOST:PORT", "\"8470\""),
              ("[status]\nlisten = \"127.0.0.1:70000\"", "status.listen", "HOST:PORT", "\"127.0.0.1:70000\""),
              ("[status]\nlisten = \"0.0.0.0:8470\"", "status.token_file", "a token file", "no token file"),
              ("[speech]\nvolume = 101", "speech.volume", "from 0 to 100", "101"),
              ("[timeouts]\nidle_secnods = 90", "timeouts.idle_secnods", "one of the keys idle_seconds", "an unknown key"),
              ("timeouts = 90", "timeouts", "a table [timeouts]", "the integer 90"),
              ("[technician]\npin_hash = \"1234\"", "technician.pin_hash", "pbkdf2-sha256$ROUNDS", "\"1234…\""),
              ("[technician]\npin_hash = \"pbkdf2-sha256$1000$00112233445566778899aabbccddeeff$" + String(repeating: "ab", count: 32) + "\"",
               "technician.pin_hash", "kioskctl technician pin-hash", "\"pbkdf2-sha256$1000$00112…\""),
              ("[technician]\npin_hash = 1234", "technician.pin_hash", "a string", "the integer 1234"),
          ])
    func badValueNamesItsKey(text: String, key: String, expected: String, found: String) throws {
        let error = try #require(throws: DataFileError.self) { try KioskConfiguration.parse(text, file: "/etc/kioskd/kioskd.toml") }
        #expect(error.file == "/etc/kioskd/kioskd.toml")
        #expect(error.key == key)
        #expect(error.expected.contains(expected), "\(error.expected)")
        #expect(error.found == found)
        #expect(error.description.hasPrefix("/etc/kioskd/kioskd.toml: \(key): expected"))
    }

    @Test("broken TOML is refused with its line and column")
    func syntaxError() throws {
        let error = try #require(throws: DataFileError.self) {
            try KioskConfiguration.parse("region = \"sichuan\"\n[timeouts\nidle_seconds = 90\n", file: "k.toml")
        }
        #expect(error.expected == "valid TOML")
        #expect(error.found?.contains("line 2") == true, "\(error.found ?? "")")
    }

    @Test("shapes on which toml++ asserts are refused before it sees them (found by the fuzz test)",
          arguments: ["[# comment]\nx = 1", "[,imeouts]", "[[ #x]]", "[timeouts.]", "a. = 1", "[é]"])
    func tomlAssertionShapes(text: String) throws {
        let error = try #require(throws: DataFileError.self) { try KioskConfiguration.parse(text, file: "k.toml") }
        #expect(error.expected == "valid TOML")
        #expect(error.found?.contains("line 1") == true)
    }

    @Test("IPv6 and beyond-loopback listeners parse; loopback needs no token")
    func listeners() throws {
        let v6 = try KioskConfiguration.parse("[status]\nlisten = \"[::1]:9000\"", file: "k")
        #expect(v6.status.host == "::1" && v6.status.port == 9000 && v6.status.isLoopback)
        let open = try KioskConfiguration.parse("[status]\nlisten = \"0.0.0.0:8470\"\ntoken_file = \"/etc/kioskd/status.token\"", file: "k")
        #expect(!open.status.isLoopback && open.status.tokenFile == "/etc/kioskd/status.token")
    }

    // MARK: Properties

    @Test("property: any valid configuration survives rendering to TOML and parsing back")
    func roundTrip() throws {
        var random = SeededRandom(seed: 15)
        for _ in 0..<300 {
            let config = Self.randomConfiguration(&random)
            let parsed = try KioskConfiguration.parse(config.tomlText, file: "round-trip")
            #expect(parsed == config, "\(config.tomlText)")
        }
    }

    @Test("fuzz: mutated files either parse or fail with a located DataFileError, never crash")
    func mutatedFilesFailCleanly() throws {
        let example = Array(try Data(contentsOf: RepositoryPaths.root.appendingPathComponent("Assets/kioskd.example.toml")))
        var random = SeededRandom(seed: 20261120)
        let alphabet = Array("=[]\"'#.\n \t0123456789abcxyz-_:{},\\\u{7F}é区".utf8)
        var refused = 0
        for round in 0..<(Int(ProcessInfo.processInfo.environment["FUZZ_ROUNDS"] ?? "") ?? 1500) {
            var bytes = round % 10 == 0 ? random.bytes(random.below(200)) : example
            for _ in 0..<(1 + random.below(6)) where !bytes.isEmpty {
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes[at] = alphabet[random.below(alphabet.count)]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(alphabet[random.below(alphabet.count)], at: at)
                default:
                    let end = min(bytes.count, at + random.below(40))
                    bytes.replaceSubrange(at..<end, with: [])
                }
            }
            guard let text = String(bytes: bytes, encoding: .utf8) else { continue }
            do {
                _ = try KioskConfiguration.parse(text, file: "fuzz.toml")
            } catch {
                refused += 1
                #expect(error.file == "fuzz.toml")
                #expect(!error.expected.isEmpty)
                #expect(error.found != nil)
            }
        }
        #expect(refused > 100)
    }

    // MARK: validate

    @Test("validate names missing and over-readable secrets, unknown regions and missing programs")
    func validation() throws {
        let directory = try RepositoryPaths.temporaryDirectory("config")
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("terminal.key").path
        try String(repeating: "ab", count: 32).write(toFile: key, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        let token = directory.appendingPathComponent("status.token").path
        try "short".write(toFile: token, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: token)
        var config = KioskConfiguration()
        config.region = "atlantis"
        config.terminal.keyFile = key
        config.dataDirectory = directory.appendingPathComponent("data").path
        config.status.tokenFile = token
        config.devices.cameraCommand = "/nonexistent/camera --jpeg"
        let problems = config.validate(file: "k.toml", assets: RepositoryPaths.assets)
        let byKey = Dictionary(grouping: problems, by: \.key)
        #expect(byKey["region"]?.first?.expected.contains("chongqing") == true)
        #expect(byKey["terminal.key_file"]?.first?.found == "mode 644")
        #expect(byKey["status.token_file"]?.first?.expected.contains("at least 16") == true)
        #expect(byKey["devices.camera_command"]?.first?.found == "no executable /nonexistent/camera")
        #expect(byKey["data_directory"] == nil)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        try "a-long-enough-status-token-0123".write(toFile: token, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: token)
        config.region = "chongqing"
        config.devices.cameraCommand = "sh -c true"
        #expect(config.validate(file: "k.toml", assets: RepositoryPaths.assets) == [])
    }

    // MARK: Helpers

    @Test("a technician PIN hash in the form pin-hash prints is kept; \"\" turns technician mode off")
    func technicianPINHash() throws {
        let hash = "pbkdf2-sha256$210000$" + String(repeating: "0f", count: 16) + "$" + String(repeating: "a5", count: 32)
        let parsed = try KioskConfiguration.parse("[technician]\npin_hash = \"\(hash)\"", file: "k.toml")
        #expect(parsed.technician.pinHash == hash)
        #expect(PINHashText(hash)?.rounds == 210_000)
        #expect(try KioskConfiguration.parse("[technician]\npin_hash = \"\"", file: "k.toml").technician.pinHash == nil)
        #expect(KioskConfiguration().technician.pinHash == nil)
        #expect(PINHashText(hash.replacingOccurrences(of: "$210000$", with: "$209999$")) == nil)
        #expect(PINHashText(String(hash.dropLast(2))) == nil)
        #expect(PINHashText("pbkdf2-sha1$210000$" + String(repeating: "0f", count: 16) + "$" + String(repeating: "a5", count: 32)) == nil)
    }

    @Test("property: the pin_hash shape check never crashes and accepts only its own rendering")
    func pinHashShapeFuzz() {
        var random = SeededRandom(seed: 16)
        let alphabet = Array("pbkdf2-sha256$0123456789abcdefABCDEFxyz$ \u{0}é")
        for _ in 0..<2000 {
            let text = String((0..<random.below(140)).map { _ in alphabet[random.below(alphabet.count)] })
            if let parsed = PINHashText(text) { #expect(PINHashText(parsed.text) == parsed) }
        }
    }

    static func keyPaths(_ table: TOMLTable, prefix: String = "") -> Set<String> {
        var paths: Set<String> = []
        for key in table.keys {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let sub = table[key]?.table { paths.formUnion(keyPaths(sub, prefix: path)) } else { paths.insert(path) }
        }
        return paths
    }

    static func randomConfiguration(_ random: inout SeededRandom) -> KioskConfiguration {
        func pick<T>(_ values: [T]) -> T { values[random.below(values.count)] }
        func text(_ length: Int) -> String {
            String((0..<length).map { _ in pick(Array("abc XYZ019-_/\"\\区域é")) })
        }
        var config = KioskConfiguration()
        config.region = pick(["sichuan", "chongqing", "hebei", "ordos", "x-1_y"])
        config.demo = random.below(2) == 0
        config.dataDirectory = "/" + text(random.below(12))
        config.terminal.id = pick(["kiosk-0001", "CQ-YB-01", "a.b_c", String(repeating: "Z", count: 64)])
        config.terminal.keyFile = "/etc/" + text(8)
        config.central.url = URL(string: pick(["https://gov.example.cn/api", "http://127.0.0.1:8480", "http://[::1]:9/x"]))!
        config.central.caFile = random.below(2) == 0 ? nil : "/etc/ssl/" + text(5)
        config.central.pinCA = config.central.caFile != nil && random.below(2) == 0
        config.demoWorld.central = random.below(2) == 0 ? .embedded : .configured
        config.devices.reader = pick(["auto", "/dev/ttyUSB0", "usb:0400:C35A"])
        config.devices.printerQueue = pick(["kiosk-receipt", "Q_1", "x"])
        config.devices.photoFolder = "/" + text(6)
        config.devices.cameraCommand = random.below(2) == 0 ? nil : "cam " + text(6)
        let idle = 15 + random.below(3586)
        config.timeouts.idle = .seconds(idle)
        config.timeouts.formIdle = .seconds(idle + random.below(7200 - idle + 1))
        config.timeouts.warning = .seconds(5 + random.below(min(296, idle - 5)))
        config.status.host = pick(["127.0.0.1", "::1", "0.0.0.0", "localhost", "10.0.0.5"])
        config.status.port = random.below(65536)
        config.status.tokenFile = config.status.isLoopback && random.below(2) == 0 ? nil : "/etc/kioskd/" + text(5)
        config.heartbeat.interval = .seconds(5 + random.below(3596))
        config.speech.command = random.below(2) == 0 ? nil : "espeak-ng -v cmn " + text(4)
        config.speech.volume = random.below(101)
        config.technician.pinHash = random.below(2) == 0 ? nil
            : PINHashText(rounds: 210_000 + random.below(100_000), salt: (0..<16).map { _ in UInt8(random.below(256)) },
                          hash: (0..<32).map { _ in UInt8(random.below(256)) }).text
        return config
    }
}
