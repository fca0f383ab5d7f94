import Foundation

/// What central-sim knows about each region it serves: the division code used in case
/// numbers, the categories and item codes it accepts, and which items wait for which.
///
/// `standard` covers the five seed regions with the dependency order the policies describe
/// (串并联办理: 报到 first, 落户 before the insurance items, 医保 transfer after 医保 registration).
/// Category and item lists left empty are not checked.
struct RegionDirectory: Sendable {
    struct Region: Sendable {
        var code: String
        var divisionCode: String
        var categories: Set<String> = []
        var itemCodes: Set<String> = []
    }

    var regions: [String: Region]
    /// Item code → codes that must complete first (applied only to items present in the case).
    var dependencies: [String: [String]]

    func region(_ code: String) -> Region? { regions[code] }

    /// The prerequisites of `code` among the items of one case.
    func prerequisites(of code: String, among present: Set<String>) -> [String] {
        (dependencies[code] ?? ["report"]).filter { $0 != code && present.contains($0) }
    }

    static let standard = RegionDirectory(
        regions: [
            "chongqing": Region(code: "chongqing", divisionCode: "500000"),
            "sichuan": Region(code: "sichuan", divisionCode: "510000"),
            "jiangxi": Region(code: "jiangxi", divisionCode: "360000"),
            "hebei": Region(code: "hebei", divisionCode: "130000"),
            "ordos": Region(code: "ordos", divisionCode: "150600"),
        ],
        dependencies: [
            "report": [],
            "reserve": [],
            "household": ["report"],
            "id_card": ["household"],
            "pension_register": ["household"],
            "pension_transfer": ["pension_register"],
            "medical_register": ["household"],
            "medical_transfer": ["medical_register"],
            "social_security_card": ["pension_register"],
        ])
}
