/// The plan's parts in the shape of a `FiledCase` snapshot, so the screen that confirms a case
/// copies exactly what the veteran saw (wording, departments, dates) into the stored case.
extension Plan {
    /// Submitted items in order, then the display-only ones (flagged).
    public var filedItems: [FiledCase.Item] {
        let names = itemNames
        let submitted = items.map { item in
            FiledCase.Item(code: item.code, title: item.name, department: item.departmentName, dueDate: item.due.date,
                           limitText: item.due.date == nil ? item.due.chinese(names: names) : item.limit.chinese)
        }
        let shown = displayOnly.map {
            FiledCase.Item(code: $0.code, title: $0.name, department: "", dueDate: nil, limitText: $0.reason, displayOnly: true)
        }
        return submitted + shown
    }

    /// 一套材料 as printed: form in words, the titles of the items needing each paper.
    public var materialsToHandIn: [FiledCase.MaterialToHandIn] {
        let names = itemNames
        return materials.map { line in
            FiledCase.MaterialToHandIn(name: line.name, form: line.form.chinese, count: line.count,
                                       forItems: line.forEveryItem ? ["全部事项"] : line.neededBy.map { names[$0] ?? $0 })
        }
    }

    /// The answered form: each value with the departments (by name) that receive it. Values for
    /// fields outside the plan are dropped — a department never receives what it did not ask for.
    public func fieldValues(_ values: [String: String]) -> [FiledCase.FieldValue] {
        fields.compactMap { field in
            guard let value = values[field.code] else { return nil }
            let receivers = departmentNames(field.departments)
            return FiledCase.FieldValue(code: field.code, label: field.label, value: value,
                                        departments: receivers, personal: field.personal)
        }
    }

    /// `8个工作日（不含…）` or `以部门通知为准`.
    public var overallLimitText: String { overallLimit.chinese }
}
