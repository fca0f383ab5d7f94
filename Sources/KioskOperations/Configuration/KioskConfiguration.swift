import Foundation

/// Everything `kioskd` reads from its configuration file (`Assets/kioskd.example.toml` documents
/// each key). Every value has a default, so an empty file — or no file at all — describes a
/// terminal that starts: the example file states the defaults explicitly.
public struct KioskConfiguration: Sendable, Equatable {
    /// Region profile id (a file in `Assets/regions/`).
    public var region = "sichuan"
    /// Demo mode: simulated reader and printer, an embedded central-sim, a temporary data folder.
    public var demo = false
    /// Where the case store, the outbox and the photos of open sessions live.
    public var dataDirectory = "/var/lib/kioskd"
    public var terminal = Terminal()
    public var central = Central()
    public var devices = Devices()
    public var timeouts = Timeouts()
    public var status = StatusListener()
    public var heartbeat = Heartbeat()
    public var speech = Speech()
    public var demoWorld = DemoWorld()
    public var technician = Technician()

    public init() {}

    public struct Technician: Sendable, Equatable {
        public init() {}

        /// The technician PIN's salted slow hash (`kioskctl technician pin-hash`); nil: technician
        /// mode is off on this terminal (the hidden gesture does nothing).
        public var pinHash: String?
    }

    /// What `demo = true` simulates. By default everything, central-sim included; a fleet
    /// demo (several demo terminals reporting to one central-sim) keeps the simulated devices but
    /// signs to the `[central]` URL as `[terminal]`.
    public struct DemoWorld: Sendable, Equatable {
        public init() {}

        public enum Central: String, Sendable, Equatable {
            /// A central-sim inside kioskd, with its own terminal key.
            case embedded
            /// The `[central]` URL with the `[terminal]` id and key file.
            case configured
        }

        public var central = Central.embedded
    }

    public struct Terminal: Sendable, Equatable {
        public init() {}

        /// The id the central service knows this terminal by (also its signing identity).
        public var id = "kiosk-0001"
        /// The terminal's signing secret (64 hex characters, mode 0600).
        public var keyFile = "/etc/kioskd/terminal.key"
    }

    public struct Central: Sendable, Equatable {
        public init() {}

        public var url = URL(string: "http://127.0.0.1:8480")!
        /// A CA bundle to trust instead of the system's (a province's private CA).
        public var caFile: String?
        /// Trust only the CA in `caFile` (not the system's authorities as well).
        public var pinCA = false
        /// The public progress page the receipt's QR code points to; the case number is appended.
        public var progressURL = "https://ywtb.example.gov.cn/progress?no="
    }

    public struct Devices: Sendable, Equatable {
        public init() {}

        /// The ID-card reader: `auto` (probe the known USB ids), a serial device path, or `usb:VVVV:PPPP`.
        public var reader = "auto"
        /// The CUPS queue of the receipt printer.
        public var printerQueue = "kiosk-receipt"
        /// Where a photo booth or scanner drops photos to check.
        public var photoFolder = "/var/lib/kioskd/photos"
        /// A command that takes one photo and writes it to the path given as its last argument.
        public var cameraCommand: String?
    }

    public struct Timeouts: Sendable, Equatable {
        public init() {}

        /// No touch for this long on an ordinary screen returns home (after the warning).
        public var idle = Duration.seconds(90)
        /// Longer on form screens: typing an address takes a while.
        public var formIdle = Duration.seconds(300)
        /// The countdown shown before an idle session is ended.
        public var warning = Duration.seconds(20)
    }

    public struct StatusListener: Sendable, Equatable {
        public init() {}

        public var host = "127.0.0.1"
        public var port = 8470
        /// A file holding the bearer token; required when `host` is not loopback.
        public var tokenFile: String?

        /// Loopback listeners serve without a token: only this machine can reach them.
        public var isLoopback: Bool { Self.isLoopback(host) }

        public static func isLoopback(_ host: String) -> Bool {
            host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        }
    }

    public struct Heartbeat: Sendable, Equatable {
        public init() {}

        /// How often the summary goes to the central service; the fleet view calls a terminal
        /// stale after three missed beats.
        public var interval = Duration.seconds(60)
    }

    public struct Speech: Sendable, Equatable {
        public init() {}

        /// A command that speaks the text given on its standard input; empty for no speech.
        public var command: String?
        /// 0–100.
        public var volume = 70
    }
}
