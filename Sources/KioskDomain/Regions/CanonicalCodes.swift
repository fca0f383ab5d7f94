/// The vocabulary shared by all regions. Items and categories carry one code per concept so that
/// receipts, the central service and statistics can compare regions; each profile adds its own
/// wording. The list is documented in `Assets/regions/README.md`; a profile using a code outside
/// it fails to load (a typo such as `houshold` would otherwise become a new, unrelated item).
public enum ItemCode {
    public static let report = "report"
    public static let reserve = "reserve"
    public static let subsidy = "subsidy"
    public static let household = "household"
    public static let idcard = "idcard"
    public static let pensionRegister = "pension_register"
    public static let pensionTransfer = "pension_transfer"
    public static let medicalRegister = "medical_register"
    public static let medicalTransfer = "medical_transfer"
    public static let socialCard = "social_card"
    public static let partyTransfer = "party_transfer"
    public static let leagueTransfer = "league_transfer"
    public static let training = "training"

    /// Every canonical item code, in the usual processing order.
    public static let all: [String] = [
        report, reserve, subsidy, household, idcard, pensionRegister, pensionTransfer,
        medicalRegister, medicalTransfer, socialCard, partyTransfer, leagueTransfer, training,
    ]
}

/// 退役类型 codes.
public enum CategoryCode {
    public static let selfEmployedSoldier = "self_employed_soldier"
    public static let assignedJobSoldier = "assigned_job_soldier"
    public static let demobilizedOfficer = "demobilized_officer"
    public static let monthlyPensionVeteran = "monthly_pension_veteran"

    public static let all: [String] = [selfEmployedSoldier, assignedJobSoldier, demobilizedOfficer, monthlyPensionVeteran]
}

/// Question codes with a meaning outside one profile: `kioskctl plan --settlement` fills
/// `settlement`. Other questions are free-form per profile.
public enum QuestionCode {
    /// 落户类型: `own` (本人合法稳定住所), `spouse` (随配偶), `parents` (随父母或配偶父母).
    public static let settlement = "settlement"
}
