/// The catalog and the conditional questions as a technician reads them (`kioskctl catalog`,
/// `kioskctl plan --questions`): Chinese, one item per line, with every flag that matters.
extension RegionProfile {
    /// A copy offering only the items `category` may choose (for `catalog --category --json`).
    public func restricted(to category: VeteranCategory) -> RegionProfile {
        var copy = self
        copy.items = items(for: category)
        copy.categories = [category]
        let offered = Set(copy.items.map(\.code))
        copy.delivery = delivery.filter { $0.applies(to: offered) }
        return copy
    }

    public func catalogText(category: VeteranCategory? = nil) -> String {
        var lines: [String] = []
        lines.append("\(name)（\(code)）\(serviceName)")
        let date = policy.date?.chinese ?? policy.dateText ?? ""
        lines.append("政策文件：\(policy.number.map { $0 + " " } ?? "")\(policy.title)\(date.isEmpty ? "" : "（\(date)）")")
        lines.append("办结时限：\(overallLimit.chinese)")
        let shown = category.map { [$0] } ?? categories
        for cat in shown {
            let offered = items(for: cat)
            lines.append("")
            lines.append("【\(cat.name)】（\(cat.code)）可选事项 \(offered.count) 项")
            if let note = cat.note { lines.append("  说明：\(note)") }
            for (i, item) in offered.enumerated() {
                var flags: [String] = [item.channel.chinese]
                if item.mandatory { flags.insert("必办", at: 0) }
                if item.when != nil, let reason = item.skippedBecause { flags.append("有条件：" + reason) }
                let department = self.department(item.department)?.name ?? item.department
                lines.append("  \(i + 1). \(item.name) [\(item.code)]")
                // A display-only item is done outside the case: no limit of the bundle's to quote.
                let limit = item.isDisplayOnly ? "" : "时限：\(item.limit.chinese)；"
                lines.append("     部门：\(department)；\(limit)\(flags.joined(separator: "；"))")
                if !item.after.isEmpty {
                    let names = item.after.map { self.item($0)?.name ?? $0 }
                    lines.append("     在“\(names.joined(separator: "”“"))”之后办理")
                }
                if let note = item.note { lines.append("     \(note)") }
            }
        }
        if !prerequisites.isEmpty {
            lines.append("")
            lines.append("前置条件：")
            for p in prerequisites {
                let scope = p.items.isEmpty ? "全部事项" : p.items.map { self.item($0)?.name ?? $0 }.joined(separator: "、")
                lines.append("  · \(p.label)（适用：\(scope)）")
            }
        }
        if !questions.isEmpty {
            lines.append("")
            lines.append("需回答的问题（kioskctl plan --answer 代码=取值）：")
            lines += questionLines(indent: "  ")
        }
        if !fees.isEmpty {
            lines.append("")
            lines.append("收费：")
            for fee in fees { lines.append("  · \(fee.label)：\(fee.yuan)元\(fee.basis.map { "（\($0)）" } ?? "")") }
        }
        // One category: only the ways of receiving what it may apply for.
        let offered = Set(shown.flatMap { items(for: $0) }.map(\.code))
        let delivery = self.delivery.filter { $0.applies(to: offered) }
        if !delivery.isEmpty {
            lines.append("")
            lines.append("结果送达：" + delivery.map(\.chinese).joined(separator: "；"))
        }
        if !phones.isEmpty {
            lines.append("")
            lines.append("咨询电话：" + phones.map(\.chinese).joined(separator: "，"))
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append("须知：")
            for note in notes { lines.append("  · \(note)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The items whose applicability, materials, fields, fees or prerequisites depend on a
    /// question; empty when it concerns the whole case.
    public func items(affectedBy question: String) -> [ServiceItem] {
        let gatedCase = prerequisites.contains { $0.question == question && $0.items.isEmpty }
        if gatedCase { return [] }
        return items.filter { item in
            let conditions = [item.when] + item.materials.map(\.when) + item.fields.map(\.when)
                + fees.filter { $0.item == item.code }.map(\.when)
            return conditions.contains { $0?.requirements[question] != nil }
                || prerequisites.contains { $0.question == question && $0.items.contains(item.code) }
        }
    }

    /// One line per question (with the items it affects) and one per accepted value.
    public func questionLines(indent: String = "") -> [String] {
        var lines: [String] = []
        for q in questions {
            let affected = items(affectedBy: q.code).map(\.name)
            let scope = affected.isEmpty ? "全部事项" : affected.joined(separator: "、")
            lines.append("\(indent)\(q.code)：\(q.label)（影响：\(scope)）")
            for o in q.options { lines.append("\(indent)    \(o.value) = \(o.label)") }
        }
        return lines
    }
}

extension RegionCatalog {
    /// Every region's conditional questions, for `kioskctl plan --help`.
    public var questionGuide: String {
        var lines: [String] = []
        for profile in profiles {
            lines.append("\(profile.code)（\(profile.name)）：" + (profile.questions.isEmpty ? "无" : ""))
            lines += profile.questionLines(indent: "  ")
        }
        return lines.joined(separator: "\n")
    }
}

extension DeliveryOption {
    /// "邮寄到付（…）": the label with its note, as the catalog and a plan print it.
    public var chinese: String { label + (note.map { "（\($0)）" } ?? "") }
}

extension ContactPhone {
    /// "区退役军人事务局 023-…", as the catalog and a plan print it.
    public var chinese: String { "\(label) \(number)" }
}
