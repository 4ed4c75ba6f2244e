-- Sign-in attempts per email in the current window, shared by every server
-- on this database: the limiter counts them here, not in a process's
-- memory. An attempt is counted before its password is checked; a right
-- password deletes the row; a row whose window has passed is deleted on
-- the next attempt anyone makes.
CREATE TABLE sign_in_attempts (
    email         TEXT PRIMARY KEY,
    attempts      BIGINT NOT NULL,
    window_start  BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_window ON sign_in_attempts(window_start);
