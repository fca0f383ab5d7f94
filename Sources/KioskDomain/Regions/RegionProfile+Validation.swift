import Foundation

/// Checks a decoded profile for what JSON decoding cannot see: references to codes that do not
/// exist, cycles in the order, declarations nothing uses, empty wording. Every failure names the
/// file, the key path and what was expected, so a hall technician can correct the file.
extension RegionProfile {
    public func validate(file: String) throws(DataFileError) {
        func fail(_ key: String, _ expected: String, _ found: String? = nil) -> DataFileError {
            DataFileError(file: file, key: key, expected: expected, found: found)
        }
        func wording(_ text: String?, _ key: String) throws(DataFileError) {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(key, "the seed's wording (a non-empty text)", text == nil ? "nothing" : "an empty text")
            }
        }
        func unique(_ codes: [String], _ key: String) throws(DataFileError) {
            var seen = Set<String>()
            for (i, code) in codes.enumerated() {
                guard !code.isEmpty else { throw fail("\(key)[\(i)].code", "a non-empty code") }
                guard seen.insert(code).inserted else { throw fail("\(key)[\(i)].code", "a code used once in \(key)", code) }
            }
        }
        func check(_ condition: Condition?, _ key: String) throws(DataFileError) {
            guard let condition else { return }
            guard !condition.requirements.isEmpty else { throw fail(key, "at least one question") }
            for q in condition.questions {
                guard let question = question(q) else {
                    throw fail("\(key).\(q)", "a declared question (\(questions.map(\.code).joined(separator: ", ")))", q)
                }
                let values = condition.requirements[q] ?? []
                guard !values.isEmpty else { throw fail("\(key).\(q)", "at least one accepted value") }
                for v in values where question.option(v) == nil {
                    throw fail("\(key).\(q)", "one of \(question.options.map(\.value).joined(separator: ", "))", v)
                }
            }
        }
        func checkMaterials(_ uses: [MaterialUse], _ key: String) throws(DataFileError) {
            for (i, use) in uses.enumerated() {
                guard material(use.code) != nil else {
                    throw fail("\(key)[\(i)]", "a material declared in materials", use.code)
                }
                try check(use.when, "\(key)[\(i)].when")
            }
        }
        func checkFields(_ uses: [FieldUse], _ key: String) throws(DataFileError) {
            for (i, use) in uses.enumerated() {
                guard field(use.code) != nil else { throw fail("\(key)[\(i)]", "a field declared in fields", use.code) }
                try check(use.when, "\(key)[\(i)].when")
            }
        }
        func checkLimit(_ limit: TimeLimit, _ key: String) throws(DataFileError) {
            if limit.startsOnEvent, limit.startsWhen == nil {
                throw fail("\(key).startsWhen", "the event the limit starts from (startsOnEvent is true)")
            }
            switch limit.kind {
            case .workingDays:
                guard let days = limit.days, days >= 0 else { throw fail("\(key).days", "a number of working days ≥ 0") }
            case .overall:
                guard overallLimit.kind == .workingDays else {
                    throw fail("\(key).kind", "workingDays, instant or perDepartment (the overall limit is not in working days)", "overall")
                }
                fallthrough
            case .instant, .perDepartment:
                guard limit.days == nil else { throw fail("\(key).days", "no days for a limit of kind \(limit.kind.rawValue)") }
            }
        }

        guard schemaVersion == 1 else { throw fail("schemaVersion", "1", String(schemaVersion)) }
        guard file.hasSuffix("/\(code).json") || file == "\(code).json" else {
            throw fail("code", "the file name without .json", code)
        }
        try wording(name, "name")
        guard divisionCode.count == 6, divisionCode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail("divisionCode", "a 6-digit division code", divisionCode)
        }
        try wording(policy.title, "policy.title")
        try wording(serviceName, "serviceName")
        guard policy.date != nil || policy.dateText != nil else { throw fail("policy.date", "a date or a dateText") }

        try unique(departments.map(\.code), "departments")
        for (i, d) in departments.enumerated() { try wording(d.name, "departments[\(i)].name") }
        guard department(leadDepartment) != nil else { throw fail("leadDepartment", "a declared department", leadDepartment) }

        try unique(questions.map(\.code), "questions")
        for (i, q) in questions.enumerated() {
            try wording(q.label, "questions[\(i)].label")
            guard q.options.count >= 2 else { throw fail("questions[\(i)].options", "at least two options") }
            try unique(q.options.map(\.value), "questions[\(i)].options")
            for (j, o) in q.options.enumerated() { try wording(o.label, "questions[\(i)].options[\(j)].label") }
        }

        try unique(materials.map(\.code), "materials")
        for (i, m) in materials.enumerated() {
            try wording(m.name, "materials[\(i)].name")
            guard m.count >= 1 else { throw fail("materials[\(i)].count", "a count ≥ 1", String(m.count)) }
        }
        try unique(fields.map(\.code), "fields")
        for (i, f) in fields.enumerated() { try wording(f.label, "fields[\(i)].label") }

        try unique(items.map(\.code), "items")
        for (i, item) in items.enumerated() {
            let key = "items[\(i)]"
            guard ItemCode.all.contains(item.code) else {
                throw fail("\(key).code", "a canonical item code (\(ItemCode.all.joined(separator: ", ")))", item.code)
            }
            try wording(item.name, "\(key).name")
            try wording(item.seed, "\(key).seed")
            guard department(item.department) != nil else {
                throw fail("\(key).department", "a declared department (\(departments.map(\.code).joined(separator: ", ")))", item.department)
            }
            try checkLimit(item.limit, "\(key).limit")
            for (j, predecessor) in item.after.enumerated() {
                guard self.item(predecessor) != nil, predecessor != item.code else {
                    throw fail("\(key).after[\(j)]", "another item of this profile", predecessor)
                }
            }
            try check(item.when, "\(key).when")
            if item.when != nil { try wording(item.skippedBecause, "\(key).skippedBecause") }
            if item.isDisplayOnly {
                guard !item.mandatory, item.materials.isEmpty, item.fields.isEmpty else {
                    throw fail(key, "a display-only item to be neither mandatory nor need materials or fields")
                }
            }
            try checkMaterials(item.materials, "\(key).materials")
            try checkFields(item.fields, "\(key).fields")
        }
        if let cycle = dependencyCycle() {
            throw fail("items[\(items.firstIndex { $0.code == cycle[0] } ?? 0)].after",
                       "an order without cycles", cycle.joined(separator: " → "))
        }
        try checkMaterials(commonMaterials, "commonMaterials")
        try checkFields(commonFields, "commonFields")
        try checkLimit(overallLimit, "overallLimit")
        guard overallLimit.kind != .overall else { throw fail("overallLimit.kind", "workingDays, instant or perDepartment", "overall") }

        try unique(categories.map(\.code), "categories")
        for (i, category) in categories.enumerated() {
            guard CategoryCode.all.contains(category.code) else {
                throw fail("categories[\(i)].code", "a canonical category code (\(CategoryCode.all.joined(separator: ", ")))", category.code)
            }
            try wording(category.name, "categories[\(i)].name")
            for (j, code) in (category.items ?? []).enumerated() where item(code) == nil {
                throw fail("categories[\(i)].items[\(j)]", "an item of this profile", code)
            }
            for mandatory in items where mandatory.mandatory && !(category.items ?? [mandatory.code]).contains(mandatory.code) {
                throw fail("categories[\(i)].items", "the mandatory item \(mandatory.code) to be offered", nil)
            }
        }
        guard !categories.isEmpty else { throw fail("categories", "at least one category") }

        try unique(prerequisites.map(\.code), "prerequisites")
        for (i, p) in prerequisites.enumerated() {
            try wording(p.label, "prerequisites[\(i)].label")
            try wording(p.message, "prerequisites[\(i)].message")
            try check(Condition([p.question: p.accepted]), "prerequisites[\(i)]")
            for (j, code) in p.items.enumerated() where item(code) == nil {
                throw fail("prerequisites[\(i)].items[\(j)]", "an item of this profile", code)
            }
        }
        for (i, fee) in fees.enumerated() {
            guard item(fee.item) != nil else { throw fail("fees[\(i)].item", "an item of this profile", fee.item) }
            try wording(fee.label, "fees[\(i)].label")
            try check(fee.when, "fees[\(i)].when")
        }
        for (i, option) in delivery.enumerated() { try wording(option.label, "delivery[\(i)].label") }
        for (i, month) in serviceMonths.enumerated() where !(1...12).contains(month) {
            throw fail("serviceMonths[\(i)]", "a month 1–12", String(month))
        }

        // Declarations nothing uses are almost always a typo in the using side.
        let usedMaterials = Set(commonMaterials.map(\.code) + items.flatMap { $0.materials.map(\.code) })
        for (i, m) in materials.enumerated() where !usedMaterials.contains(m.code) {
            throw fail("materials[\(i)]", "a material some item or commonMaterials uses", m.code)
        }
        let usedFields = Set(commonFields.map(\.code) + items.flatMap { $0.fields.map(\.code) })
        for (i, f) in fields.enumerated() where !usedFields.contains(f.code) {
            throw fail("fields[\(i)]", "a field some item or commonFields uses", f.code)
        }
        let conditions = items.flatMap { [$0.when] + $0.materials.map(\.when) + $0.fields.map(\.when) }
            + commonMaterials.map(\.when) + commonFields.map(\.when) + fees.map(\.when)
        let asked = Set(conditions.compactMap { $0?.questions }.flatMap { $0 } + prerequisites.map(\.question))
        for (i, q) in questions.enumerated() where !asked.contains(q.code) {
            throw fail("questions[\(i)]", "a question some condition or prerequisite uses", q.code)
        }
    }

    /// The first cycle in the `after` relation, as item codes from its start back to its start.
    func dependencyCycle() -> [String]? {
        var state: [String: Int] = [:] // 1 = on the current path, 2 = finished
        var path: [String] = []
        func visit(_ code: String) -> [String]? {
            if state[code] == 2 { return nil }
            if state[code] == 1 {
                let start = path.firstIndex(of: code) ?? 0
                return Array(path[start...]) + [code]
            }
            state[code] = 1
            path.append(code)
            for next in item(code)?.after ?? [] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[code] = 2
            return nil
        }
        for item in items {
            if let cycle = visit(item.code) { return cycle }
        }
        return nil
    }
}
