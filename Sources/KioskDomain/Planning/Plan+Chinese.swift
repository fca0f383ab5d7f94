/// The plan as a technician (or the veteran, on a screen) reads it: items in order with department
/// and due date, what blocks, the one set of materials, the one form grouped by section.
extension Plan {
    /// What a blocked plan says instead of a due date.
    static let blockedDue = "处理完上述问题后确定"

    public func chineseText() -> String {
        let names = itemNames
        var lines: [String] = []
        lines.append("\(regionName) · \(categoryName) · 申请日期 \(filingDate.chinese)")
        if !answers.isEmpty {
            lines.append("情形：" + answers.map { "\($0.questionLabel)：\($0.label)" }.joined(separator: "；"))
        }
        for warning in warnings { lines.append("注意：\(warning)") }
        if !blocking.isEmpty {
            lines.append("")
            lines.append("⚠ 尚不能提交，请先处理：")
            for b in blocking {
                let scope = b.items.isEmpty ? "" : "（涉及：\(b.items.map { names[$0] ?? $0 }.joined(separator: "、"))）"
                lines.append("  · \(b.message)\(scope)")
                if b.kind == .unanswered {
                    lines.append("    --answer \(b.question)=" + b.options.map { "\($0.value)（\($0.label)）" }.joined(separator: " | "))
                }
            }
        }
        lines.append("")
        lines.append("办理事项（按办理顺序）：")
        for (i, item) in items.enumerated() {
            let mark = item.addedAsMandatory ? "（必办，已自动加入）" : (item.mandatory ? "（必办）" : "")
            lines.append("  \(i + 1). \(item.name)\(mark)")
            lines.append("     \(item.departmentName) · \(item.channel.chinese) · 时限 \(item.limit.chinese)")
            // A blocked plan promises no date: its items and order may still change.
            var due = "     办结：" + (isReady ? item.due.chinese(names: names) : Self.blockedDue)
            if !item.after.isEmpty { due += "（在\(item.after.map { names[$0] ?? $0 }.joined(separator: "、"))之后）" }
            lines.append(due)
            // The seed's remark on how the item is done (需本人到现场…) is what saves a second trip.
            if let note = item.note { lines.append("     注：\(note)") }
        }
        for item in skipped { lines.append("  — \(item.name)：不需办理（\(item.reason)）") }
        for item in displayOnly { lines.append("  — \(item.name)：仅展示（\(item.reason)）") }
        lines.append("总办结时限：\(overallLimit.chinese)，" + (isReady ? "预计 \(overallDue.chinese(names: names))" : Self.blockedDue))

        lines.append("")
        lines.append("一套材料（请携带以下材料到窗口）：")
        for (i, m) in materials.enumerated() {
            var text = "  \(i + 1). \(m.name) · \(m.form.chinese)"
            if let online = m.onlineForm { text += "（网上申请：\(online.chinese)）" }
            text += " · \(m.count)\(m.unit)"
            lines.append(text)
            let users = m.forEveryItem ? "全部事项" : m.neededBy.map { names[$0] ?? $0 }.joined(separator: "、")
            lines.append("     用于：\(users)")
            for note in m.notes { lines.append("     注：\(note)") }
            if let photo = m.photo { lines.append("     照片要求：\(photo.description)") }
        }

        lines.append("")
        lines.append("一张表单（共\(fields.count)项；括号内为接收部门）：")
        var group: FormField.Group?
        for f in fields {
            if f.group != group {
                group = f.group
                lines.append("  [\(f.group.chinese)]")
            }
            let receivers = departmentNames(f.departments)
            lines.append("    \(f.label)（\(receivers.joined(separator: "、"))）")
        }
        if !fees.isEmpty {
            lines.append("")
            lines.append("收费：" + fees.map { "\($0.label) \($0.yuan)元" }.joined(separator: "；"))
        }
        if !delivery.isEmpty {
            lines.append("结果送达：" + delivery.map(\.chinese).joined(separator: "；"))
        }
        if !phones.isEmpty {
            lines.append("咨询电话：" + phones.map(\.chinese).joined(separator: "，"))
        }
        return lines.joined(separator: "\n")
    }
}
