import GRDB

extension StoreMigrations {
    /// Diagnostics results become runs: each row names its run, its technician, the three-way
    /// status (pass/warn/fail), what was measured and expected, and the remedy. The old
    /// `passed` column stays (false exactly for a fail) so older readers still work.
    static func addDiagnosticRuns(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE diagnostics ADD COLUMN run_id TEXT;
            ALTER TABLE diagnostics ADD COLUMN technician TEXT NOT NULL DEFAULT '';
            ALTER TABLE diagnostics ADD COLUMN status TEXT NOT NULL DEFAULT '';
            ALTER TABLE diagnostics ADD COLUMN measured TEXT NOT NULL DEFAULT '';
            ALTER TABLE diagnostics ADD COLUMN expected TEXT NOT NULL DEFAULT '';
            ALTER TABLE diagnostics ADD COLUMN remedy TEXT;
            ALTER TABLE diagnostics ADD COLUMN duration REAL;
            CREATE INDEX diagnostics_run ON diagnostics(run_id);
            """)
    }
}
