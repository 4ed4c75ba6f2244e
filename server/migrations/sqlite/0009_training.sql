-- Training (the training portal). Facts only: seats, waitlists, progress,
-- grades and certificates are decided in domain::training. A catalogue
-- record's `doc` is its domain draft (CourseDraft, LessonDraft, ...) under
-- the id in `id`; a learner's record's `doc` is its whole domain struct,
-- whose own id the `id` column overrides on reading (the database numbers
-- new ones). Columns beside `doc` are those the server filters on, holds
-- or keeps unique.

CREATE TABLE training_courses (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL
);

CREATE TABLE training_lessons (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES training_courses(id),
    doc        TEXT NOT NULL
);

-- A course's quiz (QuizDraft), answers included: never sent to a member.
CREATE TABLE training_quizzes (
    course_id  INTEGER PRIMARY KEY REFERENCES training_courses(id),
    doc        TEXT NOT NULL
);

-- Classroom sessions: an enrolment or a change of seats holds its row.
CREATE TABLE training_sessions (
    id         INTEGER PRIMARY KEY,
    course_id  INTEGER NOT NULL REFERENCES training_courses(id),
    doc        TEXT NOT NULL
);

CREATE TABLE training_paths (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL
);

-- Workshops and team events (the draft, organiser, sequence and
-- cancellation: the Event without its id). An RSVP holds its row.
CREATE TABLE training_events (
    id   INTEGER PRIMARY KEY,
    doc  TEXT NOT NULL
);

-- Enrolments (Enrolment), numbered in arrival order: the waitlist's order.
CREATE TABLE training_enrolments (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES training_sessions(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    doc         TEXT NOT NULL
);

-- A member's `Idempotency-Key` for an enrolment, the request it came with
-- and the enrolment it made.
CREATE TABLE training_enrolment_keys (
    member_id        INTEGER NOT NULL REFERENCES members(id),
    idempotency_key  TEXT NOT NULL,
    request          TEXT NOT NULL,
    enrolment_id     INTEGER NOT NULL REFERENCES training_enrolments(id),
    PRIMARY KEY (member_id, idempotency_key)
);

-- Lessons marked done (LessonDone); a renewal round marks them again.
CREATE TABLE training_lessons_done (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    doc        TEXT NOT NULL
);

-- Quiz attempts (Attempt) with their answers and grade once submitted.
CREATE TABLE training_attempts (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    doc        TEXT NOT NULL
);

-- Certificates (Certificate), found by their public code.
CREATE TABLE training_certificates (
    code       TEXT PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    doc        TEXT NOT NULL
);

-- Answers to events (Rsvp): one per member and event.
CREATE TABLE training_rsvps (
    event_id   INTEGER NOT NULL REFERENCES training_events(id),
    member_id  INTEGER NOT NULL REFERENCES members(id),
    doc        TEXT NOT NULL,
    PRIMARY KEY (event_id, member_id)
);

CREATE INDEX training_enrolments_member ON training_enrolments (member_id);
CREATE INDEX training_lessons_done_member ON training_lessons_done (member_id);
CREATE INDEX training_attempts_member ON training_attempts (member_id);
CREATE INDEX training_certificates_member ON training_certificates (member_id);
