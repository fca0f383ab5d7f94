import Foundation

/// What a technician asks for: which parts (all when empty), who asks, and whether a test page
/// may be printed (it uses paper, so only on request).
public struct DiagnosticRequest: Codable, Sendable, Equatable {
    public var only: Set<DiagnosticGroup>
    /// The technician's id (工号) as typed at `kioskctl` or the PIN screen; stored with the results.
    public var technician: String
    public var testPrint: Bool
    /// Print the readiness report (终端就绪报告) of the run on the receipt printer afterwards.
    public var printReport: Bool

    public init(only: Set<DiagnosticGroup> = [], technician: String = "", testPrint: Bool = false, printReport: Bool = false) {
        self.only = only
        self.technician = technician
        self.testPrint = testPrint
        self.printReport = printReport
    }

    public func includes(_ group: DiagnosticGroup) -> Bool { only.isEmpty || only.contains(group) }

    /// A request body or option that does not fit, with the field named.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var field: String
        public var expected: String
        public var found: String

        public var description: String { "\(field): expected \(expected), found \(found.prefix(80))" }
    }

    /// Reads the body of `POST /v1/diagnostics`: every field optional, unknown fields refused,
    /// the technician id limited to 32 printable characters (it is stored and printed).
    public static func parse(_ body: Data) throws(Invalid) -> DiagnosticRequest {
        if body.isEmpty { return DiagnosticRequest() }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            throw Invalid(field: "$", expected: "a JSON object", found: String(decoding: body.prefix(80), as: UTF8.self))
        }
        var request = DiagnosticRequest()
        for (key, value) in object {
            switch key {
            case "only":
                guard let names = value as? [String] else { throw Invalid(field: "only", expected: "an array of part names", found: "\(value)") }
                request.only = try DiagnosticGroup.parseList(names.joined(separator: ","))
            case "technician":
                guard let id = value as? String, id.count <= 32, id.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
                    throw Invalid(field: "technician", expected: "up to 32 printable characters", found: "\(value)")
                }
                request.technician = id
            case "testPrint", "printReport":
                guard let flag = value as? Bool else {
                    throw Invalid(field: key, expected: "true or false", found: "\(value)")
                }
                if key == "testPrint" { request.testPrint = flag } else { request.printReport = flag }
            default:
                throw Invalid(field: key, expected: "only, technician, testPrint or printReport", found: key)
            }
        }
        return request
    }
}

/// One diagnostics run: when, by whom, how long, and every check in order.
public struct DiagnosticRun: Codable, Sendable, Equatable {
    public var id: UUID
    public var startedAt: Date
    public var durationSeconds: Double
    public var technician: String
    public var checks: [DiagnosticCheck]

    public init(id: UUID = UUID(), startedAt: Date, durationSeconds: Double, technician: String, checks: [DiagnosticCheck]) {
        self.id = id
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.technician = technician
        self.checks = checks
    }

    /// The worst status found (pass for an empty run).
    public var worst: DiagnosticCheck.Status { checks.map(\.status).max() ?? .pass }

    public func count(_ status: DiagnosticCheck.Status) -> Int { checks.filter { $0.status == status }.count }

    /// `kioskctl diag`'s exit code: 0 when nothing failed, 1 when something did (warnings pass).
    public var exitCode: Int32 { worst == .fail ? 1 : 0 }

    /// The summary `/v1/status` carries: counts and the checks that are not a pass.
    public var summary: DiagnosticsSummary {
        DiagnosticsSummary(runAt: startedAt, technician: technician, passed: count(.pass), warned: count(.warn),
                           failed: count(.fail), problems: checks.filter { $0.status != .pass })
    }
}

/// The last run as `/v1/status` shows it.
public struct DiagnosticsSummary: Codable, Sendable, Equatable {
    public var runAt: Date
    public var technician: String
    public var passed: Int
    public var warned: Int
    public var failed: Int
    /// The checks that warned or failed, with their remedies.
    public var problems: [DiagnosticCheck]
}
