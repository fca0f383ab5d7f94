import Foundation
import KioskApp
import KioskDomain
import ReceiptPrinter

/// Turns the progress screen's report into the printed slip, with the same words for each
/// state's next step as the screen (one strings table).
struct ProgressSlipBuilder {
    let strings: Strings
    let hall: String
    let consultationPhone: String

    func slip(_ report: ProgressReport, idNumber: String?, now: Date) -> ProgressSlip {
        let cases = report.cases.map { entry in
            ProgressSlip.Case(caseNumber: entry.caseNumber, category: entry.categoryTitle, acceptedOn: CivilDate(entry.acceptedAt),
                              items: entry.items.map { item in
                                  ProgressSlip.Item(title: item.title, department: item.department, state: item.state.words(strings),
                                                    dueDate: item.dueDate, next: ProgressWording.nextStep(item, strings: strings),
                                                    reason: item.reason, basis: item.basis)
                              })
        }
        let age: String? = switch report.source {
        case .central: nil
        case .local(let asOf): ProgressWording.age(from: asOf, to: now)
        }
        return ProgressSlip(applicantIDNumber: idNumber, cases: cases, localAge: age, hall: hall,
                            consultationPhone: consultationPhone, printedAt: now)
    }
}
