import Foundation
import KioskDomain
import KioskDomainTesting
import TestSupport
import Testing
import TestTraits

/// Broken profiles, written to a temporary folder from the shipped Chongqing profile with one
/// defect each: every failure names the file, the key path and what was expected.
@Suite(.computeBound) struct ProfileLoaderErrorTests {
    typealias JSON = [String: Any]

    /// The shipped Chongqing profile as a mutable JSON object.
    static func chongqing() throws -> JSON {
        let data = try Data(contentsOf: RepositoryPaths.assets.url("regions/chongqing.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? JSON)
    }

    /// Writes `profile` as `<name>.json` in a fresh folder and loads it.
    static func load(_ profile: JSON, name: String = "chongqing") throws -> (DataFileError?, String) {
        let dir = try RepositoryPaths.temporaryDirectory("profile-errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).json")
        try JSONSerialization.data(withJSONObject: profile, options: [.sortedKeys]).write(to: file)
        do {
            _ = try RegionCatalog.loadProfile(at: file)
            return (nil, file.path)
        } catch {
            return (error, file.path)
        }
    }

    static func items(_ profile: JSON) -> [JSON] { profile["items"] as? [JSON] ?? [] }

    static func setItem(_ profile: inout JSON, _ index: Int, _ key: String, _ value: Any) {
        var items = items(profile)
        items[index][key] = value
        profile["items"] = items
    }

    func expectError(_ profile: JSON, key: String, expected: String, name: String = "chongqing",
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (error, path) = try Self.load(profile, name: name)
        let failure = try #require(error, "the broken profile loaded", sourceLocation: sourceLocation)
        #expect(failure.file == path, sourceLocation: sourceLocation)
        #expect(failure.key == key, sourceLocation: sourceLocation)
        #expect(failure.expected.contains(expected), "\(failure)", sourceLocation: sourceLocation)
        #expect(failure.description.contains(path), sourceLocation: sourceLocation)
    }

    @Test func theUnchangedProfileLoads() throws {
        let (error, _) = try Self.load(try Self.chongqing())
        #expect(error == nil)
    }

    @Test func unknownMaterialCode() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 0, "materials", ["discharge_certificate", "discharge_papers"])
        try expectError(p, key: "items[0].materials[1]", expected: "a material declared in materials")
    }

    @Test func unknownItemCodeInAnOrder() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 3, "after", ["reprot"])
        try expectError(p, key: "items[3].after[0]", expected: "another item of this profile")
    }

    @Test func nonCanonicalItemCode() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 3, "code", "houshold")
        try expectError(p, key: "items[3].code", expected: "a canonical item code")
    }

    @Test func dependencyCycle() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 0, "after", ["medical_transfer"]) // report waits for the last item, which waits for report
        let (error, _) = try Self.load(p)
        let failure = try #require(error)
        #expect(failure.key == "items[0].after")
        #expect(failure.expected == "an order without cycles")
        #expect(failure.found?.contains("report") == true && failure.found?.contains("→") == true)
    }

    @Test func fieldNoItemUses() throws {
        var p = try Self.chongqing()
        var fields = p["fields"] as? [JSON] ?? []
        fields.append(["code": "shoe_size", "label": "鞋码", "group": "basic", "personal": false, "sensitivity": "none"])
        p["fields"] = fields
        try expectError(p, key: "fields[\(fields.count - 1)]", expected: "a field some item or commonFields uses")
    }

    @Test func missingWording() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 1, "name", "  ")
        try expectError(p, key: "items[1].name", expected: "the seed's wording")
    }

    @Test func missingKey() throws {
        var p = try Self.chongqing()
        var items = Self.items(p)
        items[2].removeValue(forKey: "department")
        p["items"] = items
        try expectError(p, key: "items[2].department", expected: "the key is missing")
    }

    @Test func unknownConditionQuestionAndValue() throws {
        var p = try Self.chongqing()
        var household = Self.items(p)[3]
        var uses = household["materials"] as? [Any] ?? []
        uses[1] = ["code": "residence_proof", "when": ["residence": ["own"]]]
        household["materials"] = uses
        var items = Self.items(p)
        items[3] = household
        p["items"] = items
        try expectError(p, key: "items[3].materials[1].when.residence", expected: "a declared question")

        uses[1] = ["code": "residence_proof", "when": ["settlement": ["abroad"]]]
        household["materials"] = uses
        items[3] = household
        p["items"] = items
        try expectError(p, key: "items[3].materials[1].when.settlement", expected: "one of own, spouse, parents")
    }

    @Test func misspeltKeyIsNotSilentlyIgnored() throws {
        var p = try Self.chongqing()
        var items = Self.items(p)
        items[0]["materails"] = items[0]["materials"]
        p["items"] = items
        try expectError(p, key: "items[0].materails", expected: "one of the keys")
    }

    @Test func misspeltKeyInASmallDeclaration() throws {
        var p = try Self.chongqing()
        var departments = p["departments"] as? [JSON] ?? []
        departments[1]["nmae"] = "人武部"
        p["departments"] = departments
        try expectError(p, key: "departments[1].nmae", expected: "one of the keys code, name")
    }

    @Test func unknownChannelAndDepartment() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 0, "channel", "internet")
        try expectError(p, key: "items[0].channel", expected: "online, online-apply-offline-handle, offline, display-only")
        p = try Self.chongqing()
        Self.setItem(&p, 0, "department", "tax")
        try expectError(p, key: "items[0].department", expected: "a declared department")
    }

    @Test func deliveryForAnUnknownItem() throws {
        var p = try Self.chongqing()
        p["delivery"] = [["code": "mail", "label": "邮寄送达", "items": ["idcard", "passport"]]]
        try expectError(p, key: "delivery[0].items[1]", expected: "an item of this profile")
    }

    @Test func categoryOfferingAnUnknownItem() throws {
        var p = try Self.chongqing()
        var categories = p["categories"] as? [JSON] ?? []
        categories[0]["items"] = ["report", "lottery"]
        p["categories"] = categories
        try expectError(p, key: "categories[0].items[1]", expected: "an item of this profile")
    }

    @Test func fileNameMustMatchTheCode() throws {
        try expectError(try Self.chongqing(), key: "code", expected: "the file name", name: "chongqing-old")
    }

    @Test func workingDaysWithoutDays() throws {
        var p = try Self.chongqing()
        Self.setItem(&p, 3, "limit", ["kind": "workingDays"])
        try expectError(p, key: "items[3].limit.days", expected: "a number of working days")
    }

    @Test func invalidJSONNamesTheFile() throws {
        let dir = try RepositoryPaths.temporaryDirectory("profile-errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("chongqing.json")
        try Data("{ \"schemaVersion\": 1, ".utf8).write(to: file)
        #expect {
            _ = try RegionCatalog.loadProfile(at: file)
        } throws: { error in
            (error as? DataFileError)?.file == file.path
        }
    }

    /// Truncations and byte flips of a real profile never crash the loader: each either loads or
    /// fails with a `DataFileError` naming the file (deterministic pseudo-random mutations).
    @Test func mutatedProfilesFailCleanly() throws {
        let original = try Data(contentsOf: RepositoryPaths.assets.url("regions/chongqing.json"))
        let dir = try RepositoryPaths.temporaryDirectory("profile-fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("chongqing.json")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(truncatingIfNeeded: state & 0x7FFF_FFFF)
        }
        var failures = 0
        for round in 0..<150 {
            var bytes = [UInt8](original)
            if round % 3 == 0 {
                bytes = Array(bytes.prefix(next() % bytes.count))
            } else {
                for _ in 0..<(1 + next() % 4) {
                    bytes[next() % bytes.count] = UInt8(next() % 128)
                }
            }
            try Data(bytes).write(to: file)
            do {
                _ = try RegionCatalog.loadProfile(at: file)
            } catch {
                failures += 1
                #expect(error.file == file.path)
            }
        }
        #expect(failures > 50)
    }
}
