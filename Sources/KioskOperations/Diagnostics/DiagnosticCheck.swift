import Foundation

/// One finding of a diagnostics run: what was measured, what was expected, and — when it is not
/// a pass — what the technician does about it, in Chinese.
///
/// A value with no field for personal data: measurements are states, counts, sizes, model names
/// and masked numbers; every text passes `PersonalDataScrubber` when it is stored or served.
public struct DiagnosticCheck: Codable, Sendable, Equatable {
    /// `pass`: as expected; `warn`: works, but needs attention soon; `fail`: does not work.
    public enum Status: String, Codable, Sendable, CaseIterable, Comparable {
        case pass, warn, fail

        private var rank: Int { self == .pass ? 0 : self == .warn ? 1 : 2 }
        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }

        /// The word on a screen or paper.
        public var chinese: String { self == .pass ? "通过" : self == .warn ? "注意" : "故障" }
    }

    /// `reader.found`, `printer.paper`, `storage.free_space`, … (group, dot, check).
    public var code: String
    /// What is checked, in Chinese (`读卡器连接`).
    public var title: String
    public var status: Status
    /// What was found (`已连接 /dev/pts/3`, `12 GiB`).
    public var measured: String
    /// What a sound terminal shows (`已连接`, `≥ 512 MiB`).
    public var expected: String
    /// What to do, in Chinese; nil on a pass.
    public var remedy: String?

    /// The group the check belongs to: the part of `code` before the dot (`reader`).
    public var group: String { String(code.prefix { $0 != "." }) }

    public init(code: String, title: String, status: Status, measured: String, expected: String, remedy: String? = nil) {
        self.code = code
        self.title = title
        self.status = status
        self.measured = measured
        self.expected = expected
        self.remedy = status == .pass ? nil : remedy
    }

    public static func pass(_ code: String, _ title: String, measured: String, expected: String) -> DiagnosticCheck {
        DiagnosticCheck(code: code, title: title, status: .pass, measured: measured, expected: expected)
    }

    public static func warn(_ code: String, _ title: String, measured: String, expected: String, remedy: String) -> DiagnosticCheck {
        DiagnosticCheck(code: code, title: title, status: .warn, measured: measured, expected: expected, remedy: remedy)
    }

    public static func fail(_ code: String, _ title: String, measured: String, expected: String, remedy: String) -> DiagnosticCheck {
        DiagnosticCheck(code: code, title: title, status: .fail, measured: measured, expected: expected, remedy: remedy)
    }
}

/// The parts of the terminal a run can be limited to (`kioskctl diag --only reader,printer`).
public enum DiagnosticGroup: String, Codable, Sendable, CaseIterable {
    case reader, printer, terminal, photos, storage, outbox, central, configuration, speech

    /// The part's name in Chinese, for headings.
    public var chinese: String {
        switch self {
        case .reader: "身份证阅读器"
        case .printer: "回执打印机"
        case .terminal: "触摸屏终端"
        case .photos: "照片目录"
        case .storage: "存储"
        case .outbox: "报送队列"
        case .central: "中心平台"
        case .configuration: "配置与数据文件"
        case .speech: "语音播报"
        }
    }

    /// Parses `reader,printer` with a clear message for an unknown name.
    public static func parseList(_ text: String) throws(DiagnosticRequest.Invalid) -> Set<DiagnosticGroup> {
        var groups = Set<DiagnosticGroup>()
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let group = DiagnosticGroup(rawValue: name) else {
                throw .init(field: "only", expected: allCases.map(\.rawValue).joined(separator: ", "), found: name)
            }
            groups.insert(group)
        }
        return groups
    }
}
