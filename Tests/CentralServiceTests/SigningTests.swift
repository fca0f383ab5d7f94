import CentralService
import Foundation
import CentralServiceTesting
import KioskStoreTesting
import KioskDomainTesting
import KioskTime
import TestSupport
import KioskDomain
import Testing
import TestTraits
#if canImport(Glibc)
import Glibc
#endif

/// Request signing, on its own and as central-sim enforces it.
@Suite(.realTime) struct SigningTests {
    let secret = TerminalSecret.generate()
    let at = Date(timeIntervalSince1970: 1_795_400_000)

    @Test func aSignedRequestVerifies() throws {
        let signer = RequestSigner(terminalID: "CQ-YB-01", secret: secret)
        let body = Data(#"{"a":1}"#.utf8)
        let signature = signer.sign(method: "POST", path: "/v1/cases", body: body, date: at)
        let verifier = SignatureVerifier(secrets: ["CQ-YB-01": secret])
        let headers = Dictionary(uniqueKeysWithValues: signature.headers)
        let verified = try verifier.verify(method: "POST", path: "/v1/cases", body: body, now: at.addingTimeInterval(10),
                                           header: { headers[$0] })
        #expect(verified.terminalID == "CQ-YB-01")
        #expect(verified.nonce == signature.nonce)
    }

    @Test func everyCoveredPartIsProtected() throws {
        let signer = RequestSigner(terminalID: "CQ-YB-01", secret: secret)
        let verifier = SignatureVerifier(secrets: ["CQ-YB-01": secret], window: 300)
        let body = Data(#"{"caseId":"x"}"#.utf8)
        let signature = signer.sign(method: "POST", path: "/v1/cases", body: body, date: at)
        let headers = Dictionary(uniqueKeysWithValues: signature.headers)
        func verify(method: String = "POST", path: String = "/v1/cases", body: Data = body, now: Date? = nil,
                    override: [String: String] = [:]) -> SignatureVerifier.Failure? {
            do {
                _ = try verifier.verify(method: method, path: path, body: body, now: now ?? at,
                                        header: { override[$0] ?? headers[$0] })
                return nil
            } catch { return error }
        }
        #expect(verify() == nil)
        #expect(verify(method: "PUT") == .badSignature)
        #expect(verify(path: "/v1/cases?x=1") == .badSignature)
        #expect(verify(body: Data(#"{"caseId":"y"}"#.utf8)) == .bodyHashMismatch)
        #expect(verify(body: Data(#"{"caseId":"y"}"#.utf8),
                       override: [Wire.contentSHA256: RequestSignature.sha256Hex(Data(#"{"caseId":"y"}"#.utf8))]) == .badSignature)
        #expect(verify(override: [Wire.timestamp: String(signature.timestamp + 1)]) == .badSignature)
        #expect(verify(override: [Wire.nonce: String(repeating: "a", count: 32)]) == .badSignature)
        #expect(verify(now: at.addingTimeInterval(301)) == .staleTimestamp(skewSeconds: 301))
        #expect(verify(now: at.addingTimeInterval(-301)) == .staleTimestamp(skewSeconds: -301))
        #expect(verify(override: [Wire.terminal: "SC-CD-09"]) == .unknownTerminal)
        #expect(verify(override: [Wire.signature: ""]) == .missingHeader(Wire.signature))
        #expect(verify(override: [Wire.nonce: "short"]) == .malformedNonce)
    }

    /// Property: for random bodies and paths a genuine signature verifies, and flipping any one
    /// byte of body or signature is refused.
    @Test func randomTamperingIsAlwaysRefused() throws {
        var random = SeededRandom(seed: 42)
        let signer = RequestSigner(terminalID: "T", secret: secret)
        let verifier = SignatureVerifier(secrets: ["T": secret])
        for _ in 0..<300 {
            let body = Data((0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            let path = "/v1/cases/" + String(random.next(), radix: 36)
            let signature = signer.sign(method: "POST", path: path, body: body, date: at)
            var headers = Dictionary(uniqueKeysWithValues: signature.headers)
            _ = try verifier.verify(method: "POST", path: path, body: body, now: at, header: { headers[$0] })
            if !body.isEmpty {
                var tampered = body
                let index = Int(random.next() % UInt64(body.count))
                tampered[index] ^= UInt8(1 + random.next() % 255)
                #expect(throws: SignatureVerifier.Failure.self) {
                    try verifier.verify(method: "POST", path: path, body: tampered, now: at, header: { headers[$0] })
                }
            }
            var mac = Array(signature.signature)
            let position = Int(random.next() % UInt64(mac.count))
            mac[position] = mac[position] == "0" ? "1" : "0"
            headers[Wire.signature] = String(mac)
            #expect(throws: SignatureVerifier.Failure.badSignature) {
                try verifier.verify(method: "POST", path: path, body: body, now: at, header: { headers[$0] })
            }
        }
    }

    /// Fuzz: arbitrary header values never crash the verifier and never pass.
    @Test func garbageHeadersAreRefused() {
        var random = SeededRandom(seed: 7)
        let verifier = SignatureVerifier(secrets: ["T": secret])
        let names = [Wire.terminal, Wire.timestamp, Wire.nonce, Wire.contentSHA256, Wire.signature]
        for _ in 0..<500 {
            var headers: [String: String] = [:]
            for name in names where random.next() % 4 != 0 {
                let length = Int(random.next() % 80)
                headers[name] = String((0..<length).map { _ in Character(UnicodeScalar(UInt8(32 + random.next() % 95))) })
            }
            headers[Wire.terminal] = random.next() % 2 == 0 ? "T" : headers[Wire.terminal]
            #expect(throws: SignatureVerifier.Failure.self) {
                try verifier.verify(method: "GET", path: "/v1/terminals", body: Data(), now: at, header: { headers[$0] })
            }
        }
    }

    /// Property: for a registered terminal and otherwise genuine headers, any timestamp text —
    /// Int64's extremes, signs, spaces, exponents, full-width digits, long runs of digits — is
    /// refused with a 401 reason (never a trap), and only the genuine one passes.
    @Test func anyTimestampTextIsRangeCheckedBeforeArithmetic() throws {
        var random = SeededRandom(seed: 11)
        let signer = RequestSigner(terminalID: "T", secret: secret)
        let verifier = SignatureVerifier(secrets: ["T": secret])
        let genuine = signer.sign(method: "GET", path: "/v1/terminals", body: Data(), date: at)
        var texts = ["-9223372036854775808", "9223372036854775807", "-9223372036854775807", "9223372036854775808",
                     "-1", "0", "+1795400000", " 1795400000", "1795400000 ", "1e9", "0x6b03", "１７９５４０００００",
                     String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 19), ""]
        for _ in 0..<2000 {
            switch random.next() % 3 {
            case 0: texts.append(String(Int64(bitPattern: random.next())))
            case 1: texts.append(String(UInt64(random.next())))
            default:
                let alphabet = Array("0123456789-+ eE.x")
                texts.append(String((0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            }
        }
        for text in texts where text != String(genuine.timestamp) {
            var headers = Dictionary(uniqueKeysWithValues: genuine.headers)
            headers[Wire.timestamp] = text
            #expect(throws: SignatureVerifier.Failure.self, "timestamp \(text)") {
                try verifier.verify(method: "GET", path: "/v1/terminals", body: Data(), now: at, header: { headers[$0] })
            }
        }
        // Extreme server clocks do not trap either.
        let headers = Dictionary(uniqueKeysWithValues: genuine.headers)
        for now in [Date.distantFuture, Date.distantPast, Date(timeIntervalSince1970: 1e300), Date(timeIntervalSince1970: -1e300)] {
            #expect(throws: SignatureVerifier.Failure.self) {
                try verifier.verify(method: "GET", path: "/v1/terminals", body: Data(), now: now, header: { headers[$0] })
            }
        }
        _ = try verifier.verify(method: "GET", path: "/v1/terminals", body: Data(), now: at, header: { headers[$0] })
    }

    @Test func keyFilesAreWrittenPrivatelyAndReadBack() throws {
        let directory = try RepositoryPaths.temporaryDirectory("terminal-key")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("terminal.key").path
        try secret.write(to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try TerminalSecret.load(from: path).hex == secret.hex)
        #expect(throws: (any Error).self) { try TerminalSecret.generate().write(to: path) }
        try Data("not hex".utf8).write(to: directory.appendingPathComponent("bad.key"))
        let error = #expect(throws: (any Error).self) { try TerminalSecret.load(from: directory.appendingPathComponent("bad.key").path) }
        #expect(String(describing: error!).contains("bad.key"))
    }

    /// The key file is created 0600 whatever the umask, and refused when it is a link, readable
    /// by others or owned by someone else.
    @Test func terminalKeysAreCreatedPrivateAndCheckedOnLoad() throws {
        let directory = try RepositoryPaths.temporaryDirectory("terminal-key-checks")
        defer { try? FileManager.default.removeItem(at: directory) }
        let previous = umask(0)
        let path = directory.appendingPathComponent("terminal.key").path
        try secret.write(to: path)
        umask(previous)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        // A link in the key's place is neither followed on write nor on read.
        let link = directory.appendingPathComponent("link.key").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: (any Error).self) { try TerminalSecret.generate().write(to: link) }
        let linked = #expect(throws: DataFileError.self) { try TerminalSecret.load(from: link) }
        #expect(linked?.description.contains("symbolic link") == true)
        chmod(path, 0o644)
        let open = #expect(throws: DataFileError.self) { try TerminalSecret.load(from: path) }
        #expect(open?.description.contains("0644") == true)
        chmod(path, 0o600)
        if geteuid() == 0 {
            chown(path, 4242, 4242)
            let foreign = #expect(throws: DataFileError.self) { try TerminalSecret.load(from: path) }
            #expect(foreign?.description.contains("uid 4242") == true)
            chown(path, 0, 0)
        }
        #expect(try TerminalSecret.load(from: path).hex == secret.hex)
    }
}
