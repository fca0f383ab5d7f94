import Foundation
import KioskDomain

/// Realistic made-up cases for tests: the GB 11643 example ID numbers, a reserved-looking phone
/// number, and a Chongqing selection as the seed words it. Deterministic for a given `index`.
public enum CaseFixtures {
    /// The public GB 11643 / python-stdnum example numbers (not real people).
    public static let testIDNumbers = ["11010519491231002X", "440524188001010014", "360426199101010071"]

    public static func chongqing(index: Int = 0, filedOn: CivilDate = CivilDate(year: 2026, month: 11, day: 23)!) -> FiledCase {
        let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"]
        let given = ["建国", "卫东", "志强", "海军", "国庆", "小兵", "振华", "红旗"]
        let name = surnames[index % surnames.count] + given[(index / surnames.count) % given.count]
        let id = testIDNumbers[index % testIDNumbers.count]
        var uuidBytes = [UInt8](repeating: 0, count: 16)
        withUnsafeBytes(of: UInt64(index + 1).bigEndian) { uuidBytes.replaceSubrange(8..<16, with: $0) }
        uuidBytes[6] = 0x40 // version 4 layout, deterministic content
        uuidBytes[8] = (uuidBytes[8] & 0x3F) | 0x80
        let uuid = uuidBytes.withUnsafeBytes { raw in UUID(uuid: raw.load(as: uuid_t.self)) }
        let seq = String(index + 1)
        let reference = "CQ01-\(filedOn.description.replacingOccurrences(of: "-", with: ""))-" + String(repeating: "0", count: max(0, 4 - seq.count)) + seq
        let dept = (veterans: "区退役军人事务局", police: "区公安分局", hrss: "区人力社保局", medical: "区医保局", reserve: "区人武部")
        return FiledCase(
            id: uuid, localReference: reference, region: "chongqing",
            category: "self_employed_soldier", categoryTitle: "自主就业退役士兵",
            filedAt: Date(timeIntervalSince1970: 1_795_400_000 + Double(index) * 60), filedOn: filedOn,
            terminalID: "CQ-YB-01", hall: "渝北区政务服务中心",
            applicant: .init(name: name, idNumber: id, sex: Int(String(Array(id)[16]))! % 2 == 1 ? .male : .female, ethnicity: "汉", birthDate: CivilDate(iso: String(id.dropFirst(6).prefix(8))),
                             phone: "1380013" + String(format: "%04d", 8000 + index % 1000), address: "重庆市渝北区龙溪街道金龙路\(10 + index)号"),
            items: [
                .init(code: "report", title: "退役军人报到", department: dept.veterans, dueDate: filedOn, limitText: "即办"),
                .init(code: "reserve", title: "预备役登记", department: dept.reserve, dueDate: filedOn, limitText: "即办"),
                .init(code: "household", title: "退役士兵落户", department: dept.police, dueDate: nil, limitText: "1个工作日"),
                .init(code: "pension_register", title: "城乡居民养老保险参保登记", department: dept.hrss, dueDate: nil, limitText: "1个工作日"),
            ],
            overallDueDate: nil, overallLimitText: "8个工作日",
            materials: [
                .init(name: "退出现役证书", form: "原件", count: 1, forItems: ["退役军人报到", "退役士兵落户"]),
                .init(name: "居民身份证", form: "原件", count: 1, forItems: ["退役军人报到"]),
            ],
            fields: [
                .init(code: "name", label: "姓名", value: name, departments: [dept.veterans, dept.police], personal: true),
                .init(code: "phone", label: "联系电话", value: "13800138000", departments: [dept.veterans], personal: true),
                .init(code: "enlist_date", label: "入伍时间", value: "2021-09-10", departments: [dept.veterans], personal: false),
            ],
            delivery: "邮寄", consultationPhone: "023-67890000")
    }
}
