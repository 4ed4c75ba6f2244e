-- Leave (the benefits portal). Facts only: costs, balances, routing and
-- every transition are decided in the domain crate (domain::benefits).
-- Each record is its domain struct as JSON (`doc`), with the columns the
-- server filters on, holds or writes conditionally beside it. Dates are ISO
-- text; instants inside the documents are RFC 3339.

-- HR's leave types (LeaveType).
CREATE TABLE leave_types (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL
);

-- A site's work week (WorkWeek's JSON name); a site not listed works
-- Monday to Friday.
CREATE TABLE leave_work_weeks (
    site_id    INTEGER PRIMARY KEY REFERENCES sites(id),
    work_week  TEXT NOT NULL
);

-- HR's holiday calendar of a year (HolidayCalendar); a year without one
-- keeps the law's proposal.
CREATE TABLE holiday_calendars (
    year  INTEGER PRIMARY KEY,
    doc   TEXT NOT NULL
);

-- What HR holds on one member's leave of one type in one year (Allocation):
-- carried days, adjustments, a leaver's last day.
CREATE TABLE leave_allocations (
    member_id      INTEGER NOT NULL REFERENCES members(id),
    leave_type_id  INTEGER NOT NULL REFERENCES leave_types(id),
    year           INTEGER NOT NULL,
    doc            TEXT NOT NULL,
    PRIMARY KEY (member_id, leave_type_id, year)
);

-- Requests (LeaveRequest, its id in `id`). `version` grows with every
-- write, so a decision is written only over the request it was made on.
CREATE TABLE leave_requests (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES members(id),
    leave_type_id  INTEGER NOT NULL REFERENCES leave_types(id),
    from_date      TEXT NOT NULL,
    to_date        TEXT NOT NULL,
    doc            TEXT NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX leave_requests_member ON leave_requests(member_id);

-- A member's `Idempotency-Key` for a request, the draft it came with and
-- the request it made.
CREATE TABLE leave_keys (
    member_id        INTEGER NOT NULL REFERENCES members(id),
    idempotency_key  TEXT NOT NULL,
    draft            TEXT NOT NULL,
    request_id       INTEGER NOT NULL REFERENCES leave_requests(id),
    PRIMARY KEY (member_id, idempotency_key)
);

-- An approver's stand-in for a while (Delegation, its id in `id`).
CREATE TABLE leave_delegations (
    id           INTEGER PRIMARY KEY,
    approver_id  INTEGER NOT NULL REFERENCES members(id),
    delegate_id  INTEGER NOT NULL REFERENCES members(id),
    from_date    TEXT NOT NULL,
    to_date      TEXT NOT NULL,
    doc          TEXT NOT NULL
);
CREATE INDEX leave_delegations_approver ON leave_delegations(approver_id);
