-- Where an offering is used (a portal's name), and the sum of money its
-- summary speaks of ({amount} in the text), in đồng, written by the reader's
-- money format rather than stored as text in one format.
ALTER TABLE offerings ADD COLUMN portal TEXT NOT NULL DEFAULT 'benefits';
ALTER TABLE offerings ADD COLUMN amount BIGINT;
