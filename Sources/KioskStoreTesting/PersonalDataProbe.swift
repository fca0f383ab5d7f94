import Foundation
import KioskDomain
import KioskDomainTesting

/// Searches files byte by byte for personal values, in UTF-8 and both UTF-16 byte orders, so a
/// test can prove that nothing personal reached the disk in clear.
public enum PersonalDataProbe {
    /// The personal values of a case worth searching for: name, ID number, phone, address and
    /// every field marked personal (bank account, say).
    public static func values(of filed: FiledCase) -> [String] {
        let applicant = filed.applicant
        return [applicant.name, applicant.idNumber, applicant.phone, applicant.address].compactMap { $0 }
            + filed.fields.filter(\.personal).map(\.value)
    }

    /// Every (file, value, encoding) where a value occurs; empty when nothing leaked.
    public static func occurrences(of values: [String], in files: [URL]) throws -> [String] {
        var found: [String] = []
        for file in files {
            let bytes = try Data(contentsOf: file)
            for value in values {
                for (encoding, needle) in encodings(of: value) where contains(bytes, needle) {
                    found.append("\(file.lastPathComponent): \(encoding) of a \(value.count)-character value")
                }
            }
        }
        return found
    }

    /// Whether `needle` occurs in the file (for raw byte strings such as a photo's or a ciphertext).
    public static func fileContains(_ file: URL, _ needle: Data) throws -> Bool {
        contains(try Data(contentsOf: file), needle)
    }

    static func encodings(of value: String) -> [(String, Data)] {
        [("UTF-8", Data(value.utf8)),
         ("UTF-16LE", value.data(using: .utf16LittleEndian) ?? Data()),
         ("UTF-16BE", value.data(using: .utf16BigEndian) ?? Data())]
    }

    static func contains(_ haystack: Data, _ needle: Data) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return haystack.range(of: needle) != nil
    }
}

extension CaseFixtures {
    /// A Chongqing case with a bank account field (personal) and a photo, the worst case for sealing.
    public static func withBankAccountAndPhoto(index: Int = 0) -> FiledCase {
        var filed = chongqing(index: index)
        filed.fields.append(.init(code: "bank_account", label: "银行账号", value: "62220202001122\(String(format: "%05d", 33445 + index))",
                                  departments: ["区退役军人事务局"], personal: true))
        filed.fields.append(.init(code: "bank_name", label: "开户银行", value: "中国工商银行重庆渝北支行",
                                  departments: ["区退役军人事务局"], personal: false))
        var photo = Data([0xFF, 0xD8, 0xFF, 0xE0])
        photo.append(Data("JFIF-test-photo-\(index)-".utf8))
        photo.append(Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }))
        photo.append(contentsOf: [0xFF, 0xD9])
        filed.applicant.photo = photo
        return filed
    }
}
