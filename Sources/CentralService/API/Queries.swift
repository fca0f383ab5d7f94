import Foundation

/// `POST /v1/cases/search`: an applicant's cases by ID number. The ID number travels in the
/// signed body, never in a URL, so it does not end up in access logs.
public struct CaseSearchRequest: Codable, Sendable, Equatable {
    public var idNumber: String
    public init(idNumber: String) { self.idNumber = idNumber }
}

/// One case in a list: no personal data, only what identifies and summarises it.
public struct CentralCaseSummary: Codable, Sendable, Equatable {
    public var caseId: UUID
    public var caseNumber: String
    public var localReference: String
    public var terminalId: String
    public var region: String
    public var acceptedAt: Date
    /// Item counts by state at the time of the request.
    public var itemStates: [String: Int]

    public init(caseId: UUID, caseNumber: String, localReference: String, terminalId: String,
                region: String, acceptedAt: Date, itemStates: [String: Int]) {
        self.caseId = caseId
        self.caseNumber = caseNumber
        self.localReference = localReference
        self.terminalId = terminalId
        self.region = region
        self.acceptedAt = acceptedAt
        self.itemStates = itemStates
    }
}

public struct CaseList: Codable, Sendable, Equatable {
    public var cases: [CentralCaseSummary]
    public init(cases: [CentralCaseSummary]) { self.cases = cases }
}

/// `GET /v1/departments/{department}/cases/{caseNumber}`: what one department receives — its
/// own items and only the form fields the region profile routes to it.
public struct DepartmentView: Codable, Sendable, Equatable {
    public var department: String
    public var caseNumber: String
    public var region: String
    public var items: [CaseProgress.ItemProgress]
    public var fields: [Field]

    public struct Field: Codable, Sendable, Equatable {
        public var code: String
        public var label: String
        public var value: String
        public init(code: String, label: String, value: String) {
            self.code = code
            self.label = label
            self.value = value
        }
    }

    public init(department: String, caseNumber: String, region: String,
                items: [CaseProgress.ItemProgress], fields: [Field]) {
        self.department = department
        self.caseNumber = caseNumber
        self.region = region
        self.items = items
        self.fields = fields
    }
}
