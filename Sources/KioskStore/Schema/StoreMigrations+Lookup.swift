import GRDB

extension StoreMigrations {
    /// The applicant's lookup tag (`Sealer.applicantTag`): a keyed hash, never the number. Cases
    /// stored before this migration get theirs when the store is next opened with its key
    /// (`CaseStore.backfillApplicantTags`); until then they have none and are not found.
    static func addApplicantLookup(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cases ADD COLUMN applicant_tag BLOB;
            CREATE INDEX cases_applicant_tag ON cases(applicant_tag, filed_at) WHERE applicant_tag IS NOT NULL;
            """)
    }
}
