-- Failed sign-ins per email, shared by every server on this database: the
-- limiter counts them here, not in a process's memory. A row whose window
-- has passed is deleted on the next failure anyone records.
CREATE TABLE sign_in_failures (
    email         TEXT PRIMARY KEY,
    failures      BIGINT NOT NULL,
    window_start  BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_window ON sign_in_failures(window_start);
