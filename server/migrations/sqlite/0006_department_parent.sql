-- The department above each one: a department's manager reports to the
-- parent department's manager (leave approvals go up this chain).
ALTER TABLE departments ADD COLUMN parent_id BIGINT REFERENCES departments(id);
