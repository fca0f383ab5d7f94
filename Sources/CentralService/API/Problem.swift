import Foundation

/// The error document of every 4xx/5xx answer. Messages name fields and rules, never the
/// submitted values, so they can be stored in the outbox and shown to technicians.
public struct Problem: Codable, Sendable, Equatable, Error {
    /// A stable machine code: `validation_failed`, `idempotency_conflict`, `unauthorized`, …
    public var error: String
    /// A Chinese message for people.
    public var message: String
    /// Field-level errors of a 422.
    public var fieldErrors: [FieldError]?

    public init(error: String, message: String, fieldErrors: [FieldError]? = nil) {
        self.error = error
        self.message = message
        self.fieldErrors = fieldErrors
    }

    /// One invalid field: a dotted path such as `applicant.idNumber` or `items[2].department`.
    public struct FieldError: Codable, Sendable, Equatable {
        public var field: String
        public var code: String
        public var message: String

        public init(field: String, code: String, message: String) {
            self.field = field
            self.code = code
            self.message = message
        }
    }

    /// One line for logs and the outbox's last error: code, message and the failing fields.
    public var summary: String {
        var text = "\(error): \(message)"
        if let fieldErrors, !fieldErrors.isEmpty {
            text += " [" + fieldErrors.map { "\($0.field): \($0.code)" }.joined(separator: ", ") + "]"
        }
        return text
    }
}
