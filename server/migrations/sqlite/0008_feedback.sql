-- Anonymous feedback (the feedback portal). Every rule lives in
-- domain::feedback; these tables hold facts only. Anonymous items (survey
-- responses, conversations, ideas and comments in them) are their domain
-- structs as JSON under a random id: no member, no time of day, no
-- sequence. WITHOUT ROWID: SQLite would otherwise number rows in arrival
-- order behind the scenes, and a reader of the file could sort by it.

-- The secret every scope's token key derives from (one row, made on first use).
CREATE TABLE feedback_master_key (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    secret  TEXT NOT NULL
);

-- HR's company-wide settings (FeedbackSettings), one row.
CREATE TABLE feedback_settings (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    doc  TEXT NOT NULL
);

-- HR's surveys (Survey's draft; the id in `id`). Not anonymous.
CREATE TABLE feedback_surveys (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL
);

-- That a member received a token for a scope, on a day: all an issue
-- leaves. The blinded request lets the same request be answered again; it
-- cannot be linked to the token it became.
CREATE TABLE feedback_issuances (
    member_id  INTEGER NOT NULL REFERENCES members(id),
    scope      TEXT NOT NULL,
    day        TEXT NOT NULL,
    blinded    TEXT NOT NULL,
    PRIMARY KEY (member_id, scope, blinded)
);

-- Spent tokens: a hash each, so none is spent twice.
CREATE TABLE feedback_spent (
    mark  TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Survey responses (Response): a random id, the survey, the day, the
-- answers and the respondent's group (as wide as k people share).
CREATE TABLE feedback_responses (
    id         TEXT PRIMARY KEY,
    survey_id  INTEGER NOT NULL REFERENCES feedback_surveys(id),
    doc        TEXT NOT NULL
) WITHOUT ROWID;

-- Conversations (Thread): found by the hash of their key. `version` grows
-- with each write, so a reply is written only over the thread it saw.
CREATE TABLE feedback_threads (
    id       TEXT PRIMARY KEY,
    access   TEXT NOT NULL UNIQUE,
    doc      TEXT NOT NULL,
    version  BIGINT NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Ideas (Idea) with their votes and comments.
CREATE TABLE feedback_ideas (
    id       TEXT PRIMARY KEY,
    doc      TEXT NOT NULL,
    version  BIGINT NOT NULL DEFAULT 0
) WITHOUT ROWID;
