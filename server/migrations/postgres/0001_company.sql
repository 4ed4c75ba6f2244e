-- Reference data of the company and its members: the PostgreSQL twin of
-- migrations/sqlite/0001_company.sql, same tables and columns. Integers are
-- BIGINT throughout (the server reads every one as i64).
CREATE TABLE company (
    id       BIGINT PRIMARY KEY CHECK (id = 1),
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

CREATE TABLE departments (
    id       BIGINT PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL
);

CREATE TABLE sites (
    id       BIGINT PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    city     TEXT NOT NULL
);

CREATE TABLE members (
    id              BIGINT PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    full_name       TEXT NOT NULL,
    department_id   BIGINT NOT NULL REFERENCES departments(id),
    site_id         BIGINT NOT NULL REFERENCES sites(id),
    employment_type TEXT NOT NULL,
    role            TEXT NOT NULL,
    hired_on        TEXT NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]',
    password_hash   TEXT NOT NULL
);

CREATE TABLE segments (
    tag      TEXT PRIMARY KEY,
    position BIGINT NOT NULL,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    rule     TEXT
);

CREATE TABLE offerings (
    id          BIGINT PRIMARY KEY,
    kind        TEXT NOT NULL,
    title_vi    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    summary_vi  TEXT NOT NULL,
    summary_en  TEXT NOT NULL,
    audience    TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    member_id   BIGINT NOT NULL REFERENCES members(id),
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);
