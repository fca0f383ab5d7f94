import Foundation
import NIOSSL

/// A configuration of the central client that cannot be used, named by its key (or flag) so the
/// operator knows what to fix. Raised when the client is made, before any connection exists.
public struct CentralConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The configuration key or command-line flag, e.g. `central.url` or `--central`.
    public var key: String
    public var problem: String

    public var description: String { "\(key): \(problem)" }
}

/// Where the central service is and how its identity is checked.
///
/// Why HTTPS is required: the answer to a submission decides whether a case is marked delivered
/// (and purged 30 days later). Over plain HTTP anyone on the hall's network can forge a 201 and
/// make a case vanish without it ever reaching the province. Plain HTTP is allowed only to a
/// loopback host (central-sim in the demo and in tests), where no network is crossed.
public struct CentralEndpoint: Sendable {
    public var baseURL: URL
    public var tls: CentralTLS

    /// Checks the URL (and loads the CA file) now; `urlKey` and the TLS keys name what is wrong.
    public init(baseURL: URL, tls: CentralTLS = CentralTLS(), urlKey: String = "central.url") throws(CentralConfigurationError) {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = baseURL.host, !host.isEmpty else {
            throw CentralConfigurationError(key: urlKey, problem: "expected an https:// URL of the central service, found \(baseURL.absoluteString)")
        }
        if scheme == "http", !Self.isLoopback(host) {
            throw CentralConfigurationError(
                key: urlKey,
                problem: "plain http is allowed only to a loopback host (127.0.0.1, ::1, localhost); use https:// for \(host)")
        }
        self.baseURL = baseURL
        self.tls = tls
        _ = try tls.configuration()
    }

    /// 127.0.0.0/8, ::1 and `localhost` — addresses that never leave this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }),
              let first = Int(octets[0]) else { return false }
        return first == 127 && octets.allSatisfy { Int($0).map { $0 <= 255 } ?? false }
    }
}

/// How the central service's certificate is checked: the system's roots, plus the province's CA
/// when configured; with `pinCA` only that CA is trusted, so a certificate from any other
/// authority — however valid publicly — is refused. Hostnames are always verified, TLS ≥ 1.2.
public struct CentralTLS: Sendable, Equatable {
    /// PEM file with the province's CA certificate(s).
    public var caFile: String?
    /// Trust only the certificates in `caFile`.
    public var pinCA: Bool
    /// Key names for error messages (`central.ca_file` or `--central-ca`, …).
    public var caFileKey: String
    public var pinKey: String

    public init(caFile: String? = nil, pinCA: Bool = false, caFileKey: String = "central.ca_file",
                pinKey: String = "central.pin_ca") {
        self.caFile = caFile
        self.pinCA = pinCA
        self.caFileKey = caFileKey
        self.pinKey = pinKey
    }

    /// The TLS configuration for async-http-client.
    public func configuration() throws(CentralConfigurationError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .fullVerification
        guard let caFile else {
            if pinCA { throw CentralConfigurationError(key: pinKey, problem: "pinning needs the CA file (\(caFileKey))") }
            return tls
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(caFile)
        } catch {
            throw CentralConfigurationError(key: caFileKey, problem: "expected a readable PEM file of CA certificates at \(caFile): \(error)")
        }
        guard !certificates.isEmpty else {
            throw CentralConfigurationError(key: caFileKey, problem: "no certificate found in \(caFile)")
        }
        if pinCA {
            tls.trustRoots = .certificates(certificates)
        } else {
            tls.additionalTrustRoots = [.certificates(certificates)]
        }
        return tls
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
