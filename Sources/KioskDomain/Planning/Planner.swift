/// Computes a `Plan` from a `PlanRequest`: selection checked against the category, mandatory items
/// added, conditions evaluated against the answers (an unanswered one becomes a blocking
/// question, never a guess), prerequisites checked, then order and due dates
/// (`Planner+Schedule.swift`), the one set of materials and the one form.
public struct Planner: Sendable {
    public let catalog: RegionCatalog
    public let calendar: WorkingDayCalendar

    public init(catalog: RegionCatalog, calendar: WorkingDayCalendar) {
        self.catalog = catalog
        self.calendar = calendar
    }

    public func plan(_ request: PlanRequest) throws(PlanError) -> Plan {
        guard let profile = catalog.profile(request.region) else {
            throw .unknownRegion(request.region, known: catalog.codes)
        }
        guard let category = profile.category(request.category) else {
            throw .unknownCategory(request.category, region: profile.code, known: profile.categories.map(\.code))
        }
        try checkAnswers(request.answers, profile)
        let offered = profile.items(for: category)
        var selected: Set<String> = []
        for code in request.items {
            guard selected.insert(code).inserted else { throw .duplicateItem(code) }
            guard let item = profile.item(code) else { throw .unknownItem(code, known: offered.map(\.code)) }
            guard offered.contains(where: { $0.code == code }) else {
                throw .itemNotOffered(item: code, itemName: item.name, category: category.code, categoryName: category.name)
            }
        }
        var blocking = BlockingCollector(profile: profile)
        let answers = request.answers

        // Selection: what was chosen plus what is mandatory, in the profile's order.
        var included: [ServiceItem] = []
        var skipped: [ListedItem] = []
        for item in offered where !item.isDisplayOnly && (item.mandatory || request.items.contains(item.code)) {
            blocking.consult(item.when)
            switch item.when.evaluate(answers) {
            case .holds: included.append(item)
            case .fails: skipped.append(ListedItem(code: item.code, name: item.name, reason: item.skippedBecause ?? ""))
            case let .unanswered(questions): blocking.ask(questions, for: item.code)
            }
        }
        let displayOnly = offered.filter(\.isDisplayOnly).map {
            ListedItem(code: $0.code, name: $0.name, reason: $0.note ?? ServiceItem.Channel.displayOnly.chinese)
        }
        guard !included.isEmpty || !skipped.isEmpty || !blocking.questions.isEmpty else { throw .nothingSelected }
        let includedCodes = Set(included.map(\.code))

        for prerequisite in profile.prerequisites {
            let gated = prerequisite.items.filter(includedCodes.contains)
            guard prerequisite.items.isEmpty || !gated.isEmpty else { continue }
            blocking.consult(Condition([prerequisite.question: prerequisite.accepted]))
            if let answer = answers[prerequisite.question] {
                if !prerequisite.accepted.contains(answer) { blocking.unmet(prerequisite, items: gated) }
            } else {
                for item in gated.isEmpty ? [nil] : gated.map(Optional.some) {
                    blocking.ask([prerequisite.question], for: item)
                }
            }
        }

        let ordered = Self.order(included)
        var schedule = schedule(ordered, profile: profile, filing: request.filingDate)
        for i in schedule.items.indices where schedule.items[i].mandatory {
            schedule.items[i].addedAsMandatory = !request.items.contains(schedule.items[i].code)
        }
        let materials = materialLines(ordered, profile: profile, answers: answers, blocking: &blocking)
        let fields = formFields(ordered, profile: profile, answers: answers, blocking: &blocking)
        var fees: [PlanFee] = []
        for fee in profile.fees where includedCodes.contains(fee.item) {
            blocking.consult(fee.when)
            switch fee.when.evaluate(answers) {
            case .holds: fees.append(PlanFee(item: fee.item, label: fee.label, yuan: fee.yuan, basis: fee.basis))
            case .fails: break
            case let .unanswered(questions): blocking.ask(questions, for: fee.item)
            }
        }
        // 情形 lists only the answers a rule of this plan read: an answer to a question that does
        // not apply to the chosen items (or to the other answers) is neither shown nor kept.
        let worded = answers.keys.sorted().filter(blocking.consulted.contains).compactMap { key -> Plan.Answer? in
            guard let q = profile.question(key), let v = answers[key], let o = q.option(v) else { return nil }
            return Plan.Answer(question: key, questionLabel: q.label, value: v, label: o.label)
        }
        var warnings: [String] = []
        if !profile.serviceMonths.isEmpty, !profile.serviceMonths.contains(request.filingDate.month) {
            let months = profile.serviceMonths.map { "\($0)月" }.joined(separator: "、")
            warnings.append("\(profile.serviceName)窗口每年\(months)设置，申请日期\(request.filingDate.chinese)不在其中，请先向窗口确认是否受理")
        }
        return Plan(
            region: profile.code, regionName: profile.name, category: category.code, categoryName: category.name,
            filingDate: request.filingDate, items: schedule.items, displayOnly: displayOnly, skipped: skipped,
            blocking: blocking.questions, warnings: warnings, overallDue: schedule.overall, overallLimit: profile.overallLimit,
            materials: materials, fields: fields, fees: fees, answers: worded,
            delivery: profile.delivery.filter { $0.applies(to: includedCodes) }, phones: profile.phones,
            departments: profile.departments)
    }

    private func checkAnswers(_ answers: [String: String], _ profile: RegionProfile) throws(PlanError) {
        for key in answers.keys.sorted() {
            guard let question = profile.question(key) else {
                throw .unknownQuestion(key, known: profile.questions.map(\.code))
            }
            let value = answers[key] ?? ""
            guard question.option(value) != nil else {
                throw .invalidAnswer(question: key, value: value, accepted: question.options.map(\.value))
            }
        }
    }

    /// 一套材料: one line per material, with every item that needs it, in first-use order.
    private func materialLines(_ items: [ServiceItem], profile: RegionProfile, answers: [String: String],
                               blocking: inout BlockingCollector) -> [MaterialLine] {
        var lines: [MaterialLine] = []
        func add(_ use: MaterialUse, item: String?) {
            blocking.consult(use.when)
            switch use.when.evaluate(answers) {
            case .holds: break
            case .fails: return
            case let .unanswered(questions): blocking.ask(questions, for: item); return
            }
            guard let material = profile.material(use.code) else { return }
            let index: Int
            if let existing = lines.firstIndex(where: { $0.code == use.code }) {
                index = existing
            } else {
                lines.append(MaterialLine(code: material.code, name: material.name, form: material.form,
                                          onlineForm: material.onlineForm, count: material.count, unit: material.unit,
                                          notes: material.note.map { [$0] } ?? [], neededBy: [], forEveryItem: false,
                                          photo: material.photo))
                index = lines.count - 1
            }
            if let note = use.note, !lines[index].notes.contains(note) { lines[index].notes.append(note) }
            if let item {
                if !lines[index].neededBy.contains(item) { lines[index].neededBy.append(item) }
            } else {
                lines[index].forEveryItem = true
            }
        }
        guard !items.isEmpty else { return [] }
        for use in profile.commonMaterials { add(use, item: nil) }
        for item in items { for use in item.materials { add(use, item: item.code) } }
        return lines
    }

    /// 一张表单: the union of the fields, each with the departments (and items) that receive it.
    private func formFields(_ items: [ServiceItem], profile: RegionProfile, answers: [String: String],
                            blocking: inout BlockingCollector) -> [PlanField] {
        var departments: [String: Set<String>] = [:]
        var users: [String: [String]] = [:]
        func add(_ use: FieldUse, item: ServiceItem?) {
            blocking.consult(use.when)
            switch use.when.evaluate(answers) {
            case .holds: break
            case .fails: return
            case let .unanswered(questions): blocking.ask(questions, for: item?.code); return
            }
            departments[use.code, default: []].insert(item?.department ?? profile.leadDepartment)
            if let item, !(users[use.code] ?? []).contains(item.code) { users[use.code, default: []].append(item.code) }
        }
        guard !items.isEmpty else { return [] }
        for use in profile.commonFields { add(use, item: nil) }
        for item in items { for use in item.fields { add(use, item: item) } }
        let order = FormField.Group.allCases
        let byGroup = profile.fields.enumerated().sorted { a, b in
            let (ga, gb) = (order.firstIndex(of: a.element.group) ?? 0, order.firstIndex(of: b.element.group) ?? 0)
            return ga != gb ? ga < gb : a.offset < b.offset
        }.map(\.element)
        return byGroup.compactMap { field in
            guard let receivers = departments[field.code] else { return nil }
            return PlanField(code: field.code, label: field.label, group: field.group, choices: field.choices,
                             personal: field.personal,
                             departments: profile.departments.map(\.code).filter(receivers.contains),
                             items: users[field.code] ?? [])
        }
    }
}

/// Gathers blocking questions, one per question, with every item it concerns.
struct BlockingCollector {
    let profile: RegionProfile
    private(set) var questions: [BlockingQuestion] = []
    /// Every question a rule of the plan read (answered or not): the answers that apply.
    private(set) var consulted: Set<String> = []

    init(profile: RegionProfile) { self.profile = profile }

    mutating func consult(_ condition: Condition?) {
        if let condition { consulted.formUnion(condition.questions) }
    }

    mutating func ask(_ codes: [String], for item: String?) {
        for code in codes {
            guard let question = profile.question(code) else { continue }
            if let i = questions.firstIndex(where: { $0.question == code && $0.kind == .unanswered }) {
                if let item, !questions[i].items.contains(item) { questions[i].items.append(item) }
                continue
            }
            questions.append(BlockingQuestion(
                kind: .unanswered, question: code, label: question.label, options: question.options,
                items: item.map { [$0] } ?? [], message: "请回答：" + question.label))
        }
    }

    mutating func unmet(_ prerequisite: Prerequisite, items: [String]) {
        let question = profile.question(prerequisite.question)
        questions.append(BlockingQuestion(
            kind: .prerequisiteNotMet, question: prerequisite.question, label: prerequisite.label,
            options: question?.options.filter { prerequisite.accepted.contains($0.value) } ?? [],
            items: items, message: prerequisite.message))
    }
}
