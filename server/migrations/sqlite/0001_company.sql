-- Reference data of the company and its members. Rules stay in the domain
-- crate; SQL stores facts. Written to move to Postgres with small changes.
CREATE TABLE company (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

CREATE TABLE departments (
    id       INTEGER PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

CREATE TABLE sites (
    id       INTEGER PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    city     TEXT NOT NULL
);

CREATE TABLE members (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL,
    department_id   INTEGER NOT NULL REFERENCES departments(id),
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    employment_type TEXT NOT NULL,
    role            TEXT NOT NULL,
    hired_on        TEXT NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]',
    password_hash   TEXT NOT NULL
);

-- `position` keeps HR's order of segments (lists show them in that order).
CREATE TABLE segments (
    tag      TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    rule     TEXT
);

CREATE TABLE offerings (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    title_vi    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    summary_vi  TEXT NOT NULL,
    summary_en  TEXT NOT NULL,
    audience    TEXT NOT NULL
);

-- Only a hash of the session id is stored: a leaked database opens no session.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);
