import IDCardReader
import KioskDomain

/// Lays a card out into the reader's 256-byte text block: the exact inverse of
/// `CardTextParser`, so the simulator sends what a chip would and tests can round-trip.
public enum CardTextEncoder {
    public static func encode(_ card: IdentityCard) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: CardTextParser.textLength)
        func put(_ text: String, _ offset: Int, _ length: Int) {
            block.replaceSubrange(offset..<(offset + length), with: UCS2Text.encode(text, byteCount: length))
        }
        func digits(_ d: CivilDate) -> String { d.description.replacingOccurrences(of: "-", with: "") }
        let validTo: String = switch card.validTo {
        case let .date(d): digits(d)
        case .longTerm: "长期"
        }
        switch card.kind {
        case .residentID, .residencePermit:
            put(card.name, 0, 30)
            put(card.sex.code, 30, 2)
            put(card.kind == .residentID ? (card.ethnicity?.code ?? "") : "", 32, 4)
            put(digits(card.birthDate), 36, 16)
            put(card.address ?? "", 52, 70)
            put(card.number, 122, 36)
            put(card.authority, 158, 30)
            put(digits(card.validFrom), 188, 16)
            put(validTo, 204, 16)
            if card.kind == .residencePermit {
                put(card.passNumber ?? "", 220, 18)
                let count = card.issueCount ?? 1
                put(count < 10 ? "0\(count)" : String(count), 238, 4)
                put("", 242, 6)
                put("J", 248, 2)
                put("", 250, 6)
            } else {
                put("", 220, 36)
            }
        case .foreignPermanentResident:
            put(card.englishName ?? "", 0, 120)
            put(card.sex.code, 120, 2)
            put(card.number, 122, 30)
            put(card.nationality ?? "", 152, 6)
            put(card.name, 158, 30)
            put(digits(card.validFrom), 188, 16)
            put(validTo, 204, 16)
            put(digits(card.birthDate), 220, 16)
            put(card.cardVersion ?? "", 236, 4)
            put(card.authority, 240, 8)
            put("I", 248, 2)
            put("", 250, 6)
        }
        return block
    }

    /// A stand-in for the 1024-byte WLT photo: deterministic bytes (the real format is closed,
    /// and the kiosk never decodes it).
    public static func syntheticPhoto(seed: String) -> [UInt8] {
        var x = UInt32(truncatingIfNeeded: seed.unicodeScalars.reduce(2166136261) { ($0 ^ UInt32($1.value)) &* 16777619 })
        return (0..<1024).map { _ in
            x = x &* 1664525 &+ 1013904223
            return UInt8(truncatingIfNeeded: x >> 24)
        }
    }

    /// Two 512-byte fingerprint templates shaped as the reference describes ('C', finger code at
    /// 5, quality at 6).
    public static func syntheticFingerprints() -> [UInt8] {
        var out: [UInt8] = []
        for (finger, quality) in [(UInt8(11), UInt8(0x50)), (UInt8(12), UInt8(0x4A))] {
            var t = [UInt8](repeating: 0, count: ReadPayload.fingerprintTemplateLength)
            t[0] = 0x43
            t[5] = finger
            t[6] = quality
            for i in 7..<t.count { t[i] = UInt8(truncatingIfNeeded: i &* 7 &+ Int(finger)) }
            out += t
        }
        return out
    }
}
