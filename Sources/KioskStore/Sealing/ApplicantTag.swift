import Crypto
import Foundation

/// A blind index of the applicant's ID number: HMAC-SHA256 under a key derived from the master
/// key, so the visit after filing (补打, progress) finds a veteran's cases with one indexed query
/// instead of opening every sealed applicant.
///
/// Why keyed: an ID number has little entropy (a region, a birth date, three digits and a
/// check digit), so a plain hash of it would be reversed by trying every number. Without the
/// master key the tag says nothing; two stores with different keys give the same person
/// different tags. The tag is cleared when the case is purged, like the sealed data itself.
extension Sealer {
    static let applicantTagLength = 16

    /// The lookup tag of `idNumber` (as stored in the applicant: the reader's normalised form).
    func applicantTag(idNumber: String) -> Data {
        let lookupKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: key.key, info: Data("onestop-kiosk/v1/applicant-lookup".utf8),
                                              outputByteCount: 32)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(idNumber.utf8), using: lookupKey)
        return Data(mac.prefix(Self.applicantTagLength))
    }
}
