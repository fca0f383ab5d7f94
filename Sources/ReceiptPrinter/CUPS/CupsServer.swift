import CCups
import Foundation

/// Where the CUPS scheduler listens: a Unix socket path or a host and port.
///
/// Resolved the way every CUPS client does — the `CUPS_SERVER` environment variable, then
/// `~/.cups/client.conf` / `/etc/cups/client.conf`, then the local default — so the same command
/// works against the kiosk's cupsd and a private test instance. `cupsSetServer` is per thread
/// and is never used.
public struct CupsServer: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int32

    public init(host: String, port: Int32 = 631) {
        self.host = host
        self.port = port
    }

    /// `/run/cups/cups.sock`, `localhost`, `127.0.0.1:8632`, `[::1]:631`.
    public init(parsing text: String) {
        if text.hasPrefix("/") {
            self.init(host: text, port: 0)
        } else if let colon = text.lastIndex(of: ":"), !text.hasSuffix("]"), let port = Int32(text[text.index(after: colon)...]) {
            self.init(host: String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
        } else {
            self.init(host: text.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: 631)
        }
    }

    /// The configured server: `CUPS_SERVER`, else libcups's own resolution (client.conf, default).
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) -> CupsServer {
        if let value = environment["CUPS_SERVER"], !value.isEmpty { return CupsServer(parsing: value) }
        let name = cupsServer().map { String(cString: $0) } ?? "localhost"
        var server = CupsServer(parsing: name)
        if !name.hasPrefix("/"), !name.contains(":") { server.port = ippPort() }
        return server
    }

    public var isUnixSocket: Bool { host.hasPrefix("/") }

    public var description: String { isUnixSocket ? host : "\(host):\(port)" }
}
