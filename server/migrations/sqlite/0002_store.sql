-- The internal store. Facts only: prices, quotas, eligibility, allowance
-- and transitions are decided in the domain crate. Money is whole đồng and
-- instants are Unix milliseconds, both BIGINT (Postgres' INTEGER is 32-bit);
-- enums are their JSON names; an audience is its JSON.
CREATE TABLE products (
    id              INTEGER PRIMARY KEY,
    name_vi         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    description_vi  TEXT NOT NULL,
    description_en  TEXT NOT NULL,
    category        TEXT NOT NULL,
    market_price    BIGINT NOT NULL,
    internal_price  BIGINT NOT NULL,
    -- The last line of defence against overselling; the rules check first.
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    monthly_quota   INTEGER NOT NULL,
    audience        TEXT NOT NULL,
    hidden          BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES members(id),
    buyer_name      TEXT NOT NULL,
    pickup_site_id  INTEGER NOT NULL REFERENCES sites(id),
    total           BIGINT NOT NULL,
    status          TEXT NOT NULL,
    placed_at       BIGINT NOT NULL
);
CREATE INDEX orders_member ON orders(member_id);

-- The name and price as they were when ordered, so history reads right
-- after HR renames or reprices a product.
CREATE TABLE order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders(id),
    position    INTEGER NOT NULL,
    product_id  INTEGER NOT NULL REFERENCES products(id),
    name_vi     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    quantity    INTEGER NOT NULL,
    unit_price  BIGINT NOT NULL,
    PRIMARY KEY (order_id, position)
);

CREATE TABLE order_history (
    order_id  INTEGER NOT NULL REFERENCES orders(id),
    position  INTEGER NOT NULL,
    status    TEXT NOT NULL,
    at        BIGINT NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- One review per member and product; `seq` grows with every write, so the
-- most recently written review of a day comes first.
CREATE TABLE reviews (
    member_id   INTEGER NOT NULL REFERENCES members(id),
    product_id  INTEGER NOT NULL REFERENCES products(id),
    rating      INTEGER NOT NULL,
    comment     TEXT NOT NULL,
    updated_on  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (member_id, product_id)
);
CREATE INDEX reviews_product ON reviews(product_id);

-- HR's allowance policy: one default, and limits per segment in HR's order.
-- Until HR (or the demo seed) sets one, nobody has anything to spend.
CREATE TABLE allowance_policy (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    default_limit  BIGINT NOT NULL
);
INSERT INTO allowance_policy (id, default_limit) VALUES (1, 0);

CREATE TABLE allowance_segments (
    position      INTEGER PRIMARY KEY,
    segment       TEXT NOT NULL REFERENCES segments(tag),
    yearly_limit  BIGINT NOT NULL
);

-- A member's `Idempotency-Key` and the request it came with; `order_id` is
-- NULL while the first request with it is being processed.
CREATE TABLE idempotency_keys (
    member_id        INTEGER NOT NULL REFERENCES members(id),
    idempotency_key  TEXT NOT NULL,
    request          TEXT NOT NULL,
    order_id         INTEGER REFERENCES orders(id),
    created_at       BIGINT NOT NULL,
    PRIMARY KEY (member_id, idempotency_key)
);
