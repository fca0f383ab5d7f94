import GRDB

extension StoreMigrations {
    /// The visit after filing: the last progress the central service reported per case (so the
    /// kiosk can say what it knew, and how long ago, when the network is down), and 好差评
    /// ratings with their own outbox state. Neither holds personal data: a case number, item
    /// titles, departments and decisions; a score and the standard reasons.
    static func createProgressAndRatings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE progress_cache (
                case_number TEXT PRIMARY KEY NOT NULL,
                fetched_at REAL NOT NULL,
                progress BLOB NOT NULL
            ) STRICT;
            CREATE TABLE ratings (
                id TEXT PRIMARY KEY NOT NULL,
                case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
                case_number TEXT NOT NULL,
                score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                reasons TEXT NOT NULL,
                rated_at REAL NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL,
                last_error TEXT,
                delivered_at REAL
            ) STRICT;
            CREATE INDEX ratings_due ON ratings(state, next_attempt_at, rated_at);
            """)
    }
}
