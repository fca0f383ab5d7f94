import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// Every form field of every shipped profile says whether it is personal data and how sensitive;
/// a profile that leaves it out does not load, and the error names the file and the field.
@Suite(.computeBound) struct FieldSensitivityTests {
    static let profiles = ["chongqing", "hebei", "jiangxi", "ordos", "sichuan"]

    static func fields(of region: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: RepositoryPaths.assets.url("regions/\(region).json"))
        let profile = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(profile["fields"] as? [[String: Any]])
    }

    @Test(arguments: profiles)
    func everyFieldCarriesPersonalAndSensitivity(region: String) throws {
        let raw = try Self.fields(of: region)
        #expect(!raw.isEmpty)
        for field in raw {
            let code = field["code"] as? String ?? "?"
            #expect(field["personal"] is Bool, "\(region).\(code) has no personal key")
            #expect(["none", "personal", "sensitive"].contains(field["sensitivity"] as? String ?? ""), "\(region).\(code)")
        }
    }

    @Test func theReviewedFieldsAreSensitivePersonalData() throws {
        let catalog = try RegionCatalog.load(from: RepositoryPaths.assets)
        func field(_ region: String, _ code: String) throws -> FormField {
            try #require(catalog.profile(region)?.fields.first { $0.code == code }, "\(region).\(code)")
        }
        for (region, code) in [("sichuan", "health"), ("sichuan", "discharge_cert_no"), ("jiangxi", "householder_signature"),
                               ("sichuan", "bank_account"), ("chongqing", "id_number"), ("hebei", "settler_id_number")] {
            let found = try field(region, code)
            #expect(found.personal, "\(region).\(code)")
            #expect(found.sensitivity == .sensitive, "\(region).\(code)")
        }
        // Identity fields that the sealed applicant holds are not left in clear beside it.
        for region in Self.profiles {
            for code in ["name", "id_number", "gender", "ethnicity", "birth_date"] {
                if let found = catalog.profile(region)?.fields.first(where: { $0.code == code }) {
                    #expect(found.personal, "\(region).\(code)")
                }
            }
        }
    }

    @Test(arguments: ["personal", "sensitivity"])
    func aFieldWithoutTheKeyIsALoadErrorNamingFileAndField(key: String) throws {
        var profile = try ProfileLoaderErrorTests.chongqing()
        var fields = try #require(profile["fields"] as? [[String: Any]])
        let index = try #require(fields.firstIndex { $0["code"] as? String == "household_nature" })
        fields[index][key] = nil
        profile["fields"] = fields
        let (error, path) = try ProfileLoaderErrorTests.load(profile)
        let failure = try #require(error)
        #expect(failure.file == path)
        #expect(failure.key == "fields[\(index)].\(key)")
        #expect(failure.description.contains("household_nature"), "\(failure)")
        #expect(failure.description.contains("required"), "\(failure)")
    }

    @Test func personalAndSensitivityMustAgree() throws {
        var profile = try ProfileLoaderErrorTests.chongqing()
        var fields = try #require(profile["fields"] as? [[String: Any]])
        let index = try #require(fields.firstIndex { $0["code"] as? String == "name" })
        fields[index]["sensitivity"] = "none"
        profile["fields"] = fields
        let failure = try #require(try ProfileLoaderErrorTests.load(profile).0)
        #expect(failure.key == "fields[\(index)].sensitivity")
        #expect(failure.description.contains("name"))
    }
}
