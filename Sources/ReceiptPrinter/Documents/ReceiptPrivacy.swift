import KioskDomain

/// The one place where receipts mask personal data, forwarding to `KioskDomain.Masking` so paper,
/// screens and logs agree. Every document builder goes through here; nothing personal reaches a
/// template unmasked.
enum ReceiptPrivacy {
    static func name(_ value: String) -> String { Masking.name(value) }
    static func idNumber(_ value: String) -> String { Masking.idNumber(value) }
    static func phone(_ value: String) -> String { Masking.phone(value) }
    static func address(_ value: String) -> String { Masking.address(value) }
}
