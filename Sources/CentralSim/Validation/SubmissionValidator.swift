import CentralService
import Foundation
import KioskDomain

/// Checks a submission before central-sim accepts it, field by field, so a 422 tells the
/// technician exactly what to fix. Messages name the rule, never the submitted value.
struct SubmissionValidator: Sendable {
    /// Regions central-sim serves, with what it knows about each.
    let regions: RegionDirectory
    /// Division codes (historical ones included) for the ID number's first six digits.
    let divisions: DivisionCodes

    func errors(in submission: CaseSubmission, idempotencyKey: String, today: CivilDate) -> [Problem.FieldError] {
        var errors: [Problem.FieldError] = []
        func fail(_ field: String, _ code: String, _ message: String) {
            errors.append(.init(field: field, code: code, message: message))
        }
        if submission.caseId.uuidString.lowercased() != idempotencyKey.lowercased() {
            fail("caseId", "key_mismatch", "案件编号须与 Idempotency-Key 一致")
        }
        if submission.localReference.isEmpty || submission.localReference.count > 40 {
            fail("localReference", "invalid_length", "本地受理号应为1至40个字符")
        }
        let region = regions.region(submission.region)
        if region == nil { fail("region", "unknown_region", "不支持的地区") }
        let allowed = region?.categories[submission.category]
        if submission.category.isEmpty {
            fail("category", "required", "缺少人员类别")
        } else if region != nil, allowed == nil {
            fail("category", "unknown_category", "该地区没有此人员类别")
        }

        let applicant = submission.applicant
        let name = applicant.name.trimmingCharacters(in: .whitespaces)
        if name.count < 2 || name.count > 30 || name.unicodeScalars.contains(where: {
            CharacterSet.decimalDigits.contains($0) || CharacterSet.controlCharacters.contains($0) })
        {
            fail("applicant.name", "invalid_name", "姓名应为2至30个字符，不含数字")
        }
        do {
            let number = try ResidentIDNumber(validating: applicant.idNumber, today: today, divisions: divisions)
            if number.value != applicant.idNumber {
                fail("applicant.idNumber", "not_normalised", "身份证号码应为18位半角字符，末位X大写")
            }
            if let birth = applicant.birthDate, birth != number.birthDate {
                fail("applicant.birthDate", "mismatch", "出生日期与身份证号码不一致")
            }
            if let sex = applicant.sex, sex != number.sex.rawValue {
                fail("applicant.sex", "mismatch", "性别与身份证号码不一致")
            }
        } catch {
            fail("applicant.idNumber", error.code, error.chineseMessage)
        }
        if let phone = applicant.phone {
            do {
                _ = try PhoneNumber(validating: phone)
            } catch {
                fail("applicant.phone", error.code, error.chineseMessage)
            }
        }

        if submission.items.isEmpty { fail("items", "required", "至少需要一个办理事项") }
        var seen = Set<String>()
        for (index, item) in submission.items.enumerated() {
            if item.code.isEmpty { fail("items[\(index)].code", "required", "缺少事项编码") }
            if item.title.isEmpty { fail("items[\(index)].title", "required", "缺少事项名称") }
            if item.department.isEmpty { fail("items[\(index)].department", "required", "缺少承办部门") }
            if !seen.insert(item.code).inserted { fail("items[\(index)].code", "duplicate", "事项重复") }
            if let region, region.displayOnly.contains(item.code) {
                fail("items[\(index)].code", "display_only", "该事项仅作展示，无需提交")
            } else if let allowed, !allowed.contains(item.code) {
                fail("items[\(index)].code", "unknown_item", "该地区此人员类别没有此事项")
            }
        }
        if let region {
            for code in region.mandatory.subtracting(seen).sorted() {
                fail("items", "missing_mandatory", "缺少必办事项（\(code)）")
            }
        }
        // A field goes to a department handling one of the items, or to the hall's 综合窗口.
        let departments = Set(submission.items.map(\.department)).union(region?.windows ?? [])
        for (index, field) in submission.fields.enumerated() {
            if field.code.isEmpty { fail("fields[\(index)].code", "required", "缺少字段编码") }
            if field.departments.isEmpty {
                fail("fields[\(index)].departments", "required", "字段未指定接收部门")
            } else if !field.departments.allSatisfy(departments.contains) {
                fail("fields[\(index)].departments", "unknown_department", "字段被分送至未承办事项的部门")
            }
        }
        for (index, material) in submission.materials.enumerated() where material.count < 1 || material.name.isEmpty {
            fail("materials[\(index)]", "invalid", "材料名称不能为空，份数至少为1")
        }
        return errors
    }
}
