import Foundation

/// Administrative division codes (行政区划代码, GB/T 2260), current and historical.
///
/// Loaded from `Assets/divisions/areacodes.csv` (yescallop/areacodes, CC0).
public struct DivisionCodes: Sendable {
    /// One row of the table.
    public struct Division: Sendable, Equatable {
        public enum Level: String, Sendable { case province = "省级", prefecture = "地级", county = "县级" }
        public var code: String
        public var province: String
        public var prefecture: String
        public var name: String
        public var level: Level
        /// True when the code is in use today (在用) under this name.
        public var current: Bool
        public var since: Int?
        public var until: Int?
    }

    private var byCode: [String: [Division]] = [:]

    public init(divisions: [Division]) {
        for d in divisions { byCode[d.code, default: []].append(d) }
        for d in Self.residencePermitCodes where byCode[d.code] == nil { byCode[d.code] = [d] }
    }

    /// Address codes of the 港澳台居民居住证 numbers (国办发〔2018〕81号): 810000 Hong Kong, 820000
    /// Macao, 830000 Taiwan. They are not administrative divisions, so the 民政部 list lacks 830000,
    /// but the kiosk must accept the permits' numbers like resident ID numbers.
    static let residencePermitCodes: [Division] = [
        Division(code: "810000", province: "香港特别行政区", prefecture: "", name: "香港特别行政区", level: .province, current: true, since: 2018, until: nil),
        Division(code: "820000", province: "澳门特别行政区", prefecture: "", name: "澳门特别行政区", level: .province, current: true, since: 2018, until: nil),
        Division(code: "830000", province: "台湾地区", prefecture: "", name: "台湾居民", level: .province, current: true, since: 2018, until: nil),
    ]

    public static func load(from assets: AssetDirectory) throws(DataFileError) -> DivisionCodes {
        let url = assets.url("divisions/areacodes.csv")
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: url.path, key: "", expected: "a readable UTF-8 CSV file")
        }
        return try parse(csv: text, file: url.path)
    }

    static func parse(csv text: String, file: String) throws(DataFileError) -> DivisionCodes {
        var divisions: [Division] = []
        var lineNumber = 0
        for rawLine in text.split(whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.hasPrefix("\u{FEFF}") ? rawLine.dropFirst() : rawLine[...]
            if lineNumber == 1 { continue } // header
            let cols = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 8 else {
                throw DataFileError(file: file, key: "line \(lineNumber)", expected: "9 comma-separated columns", found: "\(cols.count)")
            }
            guard cols[0].count == 6, cols[0].allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw DataFileError(file: file, key: "line \(lineNumber).代码", expected: "a 6-digit code", found: cols[0])
            }
            guard let level = Division.Level(rawValue: cols[4]) else {
                throw DataFileError(file: file, key: "line \(lineNumber).级别", expected: "省级, 地级 or 县级", found: cols[4])
            }
            divisions.append(Division(code: cols[0], province: cols[1], prefecture: cols[2], name: cols[3], level: level,
                                      current: cols[5] == "在用", since: Int(cols[6]), until: Int(cols[7])))
        }
        guard !divisions.isEmpty else {
            throw DataFileError(file: file, key: "", expected: "at least one division code")
        }
        return DivisionCodes(divisions: divisions)
    }

    public func contains(_ code: String) -> Bool { byCode[code] != nil }

    /// The unit's name: the current name if the code is in use, else its latest historical name.
    public func name(of code: String) -> String? {
        guard let rows = byCode[code] else { return nil }
        return (rows.first(where: \.current) ?? rows.max(by: { ($0.until ?? 0) < ($1.until ?? 0) }))?.name
    }

    /// Full place name for display, e.g. `北京市朝阳区`.
    public func fullName(of code: String) -> String? {
        guard let rows = byCode[code], let row = rows.first(where: \.current) ?? rows.last else { return nil }
        var parts = [row.province]
        if !row.prefecture.isEmpty, row.prefecture != "直辖", row.prefecture != row.province { parts.append(row.prefecture) }
        if row.name != parts.last { parts.append(row.name) }
        return parts.joined()
    }

    /// Current county-level units whose code starts with `prefix` (e.g. `50` for 重庆, `1506` for
    /// 鄂尔多斯), sorted by code: the entries of a place picker.
    public func currentCounties(withPrefix prefix: String) -> [Division] {
        byCode.values.compactMap { rows in rows.first(where: { $0.current && $0.level == .county }) }
            .filter { $0.code.hasPrefix(prefix) }
            .sorted { $0.code < $1.code }
    }

    /// Current units of one level whose code starts with `prefix`, sorted by code: a place
    /// picker's province, prefecture and county pages (prefix "" for the provinces).
    public func currentUnits(_ level: Division.Level, withPrefix prefix: String) -> [Division] {
        byCode.values.compactMap { rows in rows.first(where: { $0.current && $0.level == level }) }
            .filter { $0.code.hasPrefix(prefix) && $0.code != "830000" && $0.code != "810000" && $0.code != "820000" }
            .sorted { $0.code < $1.code }
    }

    public var count: Int { byCode.count }
}
