import GRDB

/// The schema, as named, append-only migrations: a shipped migration is never edited; a change
/// is a new migration appended at the end.
///
/// Every table is STRICT (a wrong type is an error, not a silent conversion) and foreign keys are
/// enforced. Personal data lives only in `sealed_*` BLOB columns; everything in clear columns is
/// non-personal metadata kept for statistics after the personal data is purged.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-key-check", migrate: createKeyCheck)
        migrator.registerMigration("v1-cases", migrate: createCases)
        migrator.registerMigration("v1-outbox", migrate: createOutbox)
        migrator.registerMigration("v1-audit-device-diagnostics", migrate: createRecords)
        migrator.registerMigration("v2-case-keys", migrate: createCaseKeys)
        migrator.registerMigration("v3-diagnostic-runs", migrate: StoreMigrations.addDiagnosticRuns)
        migrator.registerMigration("v3-progress-ratings", migrate: createProgressAndRatings)
        migrator.registerMigration("v4-applicant-lookup", migrate: addApplicantLookup)
        return migrator
    }

    /// One row: a known value sealed under the key, so a wrong key is detected at start-up
    /// instead of on the first case a veteran asks about.
    private static func createKeyCheck(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE key_check (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                fingerprint TEXT NOT NULL,
                sealed BLOB NOT NULL,
                created_at REAL NOT NULL
            ) STRICT
            """)
    }

    private static func createCases(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cases (
                id TEXT PRIMARY KEY NOT NULL,
                local_reference TEXT NOT NULL UNIQUE,
                central_case_number TEXT,
                region TEXT NOT NULL,
                category TEXT NOT NULL,
                category_title TEXT NOT NULL,
                filed_at REAL NOT NULL,
                filed_on TEXT NOT NULL,
                terminal_id TEXT NOT NULL,
                hall TEXT NOT NULL,
                overall_due_date TEXT,
                overall_limit_text TEXT NOT NULL,
                materials_json TEXT NOT NULL,
                delivery TEXT,
                consultation_phone TEXT,
                sealed_applicant BLOB,
                stored_at REAL NOT NULL,
                purged_at REAL,
                CHECK ((sealed_applicant IS NULL) = (purged_at IS NOT NULL))
            ) STRICT;
            CREATE INDEX cases_filed_at ON cases(filed_at);
            CREATE TABLE case_items (
                case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                title TEXT NOT NULL,
                department TEXT NOT NULL,
                due_date TEXT,
                limit_text TEXT NOT NULL,
                display_only INTEGER NOT NULL CHECK (display_only IN (0, 1)),
                PRIMARY KEY (case_id, position)
            ) STRICT;
            CREATE TABLE case_fields (
                case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                label TEXT NOT NULL,
                departments_json TEXT NOT NULL,
                personal INTEGER NOT NULL CHECK (personal IN (0, 1)),
                clear_value TEXT,
                sealed_value BLOB,
                CHECK ((personal = 1 AND clear_value IS NULL)
                    OR (personal = 0 AND sealed_value IS NULL AND clear_value IS NOT NULL)),
                PRIMARY KEY (case_id, position)
            ) STRICT;
            CREATE TABLE case_photos (
                case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                sealed_photo BLOB NOT NULL
            ) STRICT;
            """)
    }

    /// One entry per case: the delivery state machine `pending → delivered`, or `pending → dead`
    /// on a permanent refusal (an operator's retry makes it pending again).
    private static func createOutbox(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE outbox (
                case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                enqueued_at REAL NOT NULL,
                next_attempt_at REAL NOT NULL,
                last_attempt_at REAL,
                last_error TEXT,
                acknowledged_at REAL,
                sealed_response BLOB,
                CHECK ((state = 'delivered') = (acknowledged_at IS NOT NULL))
            ) STRICT;
            CREATE INDEX outbox_due ON outbox(state, next_attempt_at, enqueued_at);
            """)
    }

    /// Audit log, device events and diagnostics results: operational records without personal data.
    private static func createRecords(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                event TEXT NOT NULL,
                case_id TEXT,
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE INDEX audit_log_case ON audit_log(case_id);
            CREATE TABLE device_events (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                device TEXT NOT NULL,
                event TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE TABLE diagnostics (
                id INTEGER PRIMARY KEY,
                at REAL NOT NULL,
                check_code TEXT NOT NULL,
                passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            """)
    }

    /// Each case's own data key, wrapped by the master key (`CaseKey`); deleting the row is what
    /// makes a purge final. Cases stored before this migration have no row and stay sealed under
    /// the master key (format 1), still readable.
    private static func createCaseKeys(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE case_keys (
                case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                key_id BLOB NOT NULL CHECK (length(key_id) = 8),
                master_fingerprint TEXT NOT NULL,
                wrapped_key BLOB NOT NULL
            ) STRICT;
            CREATE INDEX case_keys_by_master ON case_keys(master_fingerprint);
            """)
    }
}
