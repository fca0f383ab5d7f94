import CentralService
import Hummingbird

/// The 403 answers of central-sim's access rules: a terminal reads only its own cases, their
/// progress and its own fleet entry; a department reads only the views routed to it.
enum Access {
    static var terminalsOnly: Response {
        JSONAnswer.problem(.forbidden, Problem(error: "terminals_only", message: "只有受理终端可以访问"))
    }

    static var notYourCase: Response {
        JSONAnswer.problem(.forbidden, Problem(error: "not_your_case", message: "终端只能查询本终端受理的案件"))
    }

    static var notYourTerminal: Response {
        JSONAnswer.problem(.forbidden, Problem(error: "wrong_terminal", message: "终端只能访问本终端的数据"))
    }

    static var departmentsOnly: Response {
        JSONAnswer.problem(.forbidden, Problem(error: "wrong_department", message: "只有该部门本身可以查看部门视图"))
    }
}
