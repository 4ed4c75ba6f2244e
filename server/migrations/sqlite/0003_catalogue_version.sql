-- Counts changes to the products: every insert, update and delete bumps it,
-- in the same transaction, by trigger, so no write path can forget. A
-- server keeps the catalogue in memory and checks, with one tiny read,
-- whether it is still current; this holds across several server processes.
CREATE TABLE catalogue_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 0);

CREATE TRIGGER product_inserted AFTER INSERT ON products
BEGIN UPDATE catalogue_version SET version = version + 1; END;

CREATE TRIGGER product_updated AFTER UPDATE ON products
BEGIN UPDATE catalogue_version SET version = version + 1; END;

CREATE TRIGGER product_deleted AFTER DELETE ON products
BEGIN UPDATE catalogue_version SET version = version + 1; END;
