-- Ordering (訂單): carts, orders with their lines, the warehouses serving them, the payments and refunds seen
-- for them, and the order's timeline. The customer, SKUs, warehouses, reservations, payments and shipments are
-- other modules' ids: no foreign keys into their tables.

-- A signed-in customer's cart survives sign-out: it lives here, not in a session.
CREATE TABLE cart_item (
    customer_id BIGINT                   NOT NULL,
    sku_id      BIGINT                   NOT NULL,
    quantity    INT                      NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sku_id),
    CONSTRAINT cart_item_quantity_ck CHECK (quantity > 0 AND quantity <= 999)
);

-- Order ids come from a sequence before the insert, so that the order number (SO + day + id) is written with
-- the row: no placeholder, no second statement. nextval('...') is understood by H2 and PostgreSQL alike.
CREATE SEQUENCE shop_order_seq START WITH 1;

-- "order" is a reserved word in SQL, hence shop_order.
CREATE TABLE shop_order (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    order_no         VARCHAR(32)              NOT NULL,
    customer_id      BIGINT                   NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    channel          VARCHAR(20)              NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    -- Σ unit price × quantity; discounts; shipping; what the customer pays = items − discount + shipping
    items_amount     NUMERIC(14, 2)           NOT NULL,
    discount_amount  NUMERIC(14, 2)           NOT NULL,
    shipping_fee     NUMERIC(14, 2)           NOT NULL,
    total_amount     NUMERIC(14, 2)           NOT NULL,
    -- what captured payments and successful refunds add up to (every payment, also one for a cancelled order)
    paid_amount      NUMERIC(14, 2)           NOT NULL DEFAULT 0,
    refunded_amount  NUMERIC(14, 2)           NOT NULL DEFAULT 0,
    -- destination, copied from the customer's address book at checkout; personal parts encrypted
    ship_recipient   VARCHAR(500)             NOT NULL,
    ship_phone       VARCHAR(500)             NOT NULL,
    ship_province    VARCHAR(30)              NOT NULL,
    ship_city        VARCHAR(30)              NOT NULL,
    ship_district    VARCHAR(30)              NOT NULL,
    ship_detail      VARCHAR(1000)            NOT NULL,
    ship_postal_code VARCHAR(10),
    customer_note    VARCHAR(500),
    utm_source       VARCHAR(100),
    utm_medium       VARCHAR(100),
    utm_campaign     VARCHAR(100),
    campaign_code    VARCHAR(64),
    abnormal         BOOLEAN                  NOT NULL DEFAULT FALSE,
    abnormal_reason  VARCHAR(500),
    payment_deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at          TIMESTAMP WITH TIME ZONE,
    allocated_at     TIMESTAMP WITH TIME ZONE,
    shipped_at       TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    cancel_reason    VARCHAR(500),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT shop_order_no_uq UNIQUE (order_no),
    CONSTRAINT shop_order_status_ck CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'UNDER_REVIEW', 'ALLOCATED',
        'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT shop_order_amounts_ck CHECK (items_amount >= 0 AND discount_amount >= 0 AND shipping_fee >= 0
        AND total_amount >= 0 AND paid_amount >= 0 AND refunded_amount >= 0 AND refunded_amount <= paid_amount
        AND discount_amount <= items_amount),
    CONSTRAINT shop_order_total_ck CHECK (total_amount = items_amount - discount_amount + shipping_fee),
    CONSTRAINT shop_order_abnormal_ck CHECK (abnormal = (abnormal_reason IS NOT NULL))
);
CREATE INDEX shop_order_by_customer ON shop_order (customer_id, placed_at);
CREATE INDEX shop_order_by_status ON shop_order (status, payment_deadline);
CREATE INDEX shop_order_by_placed ON shop_order (placed_at);
CREATE INDEX shop_order_by_paid ON shop_order (paid_at);

-- One line per SKU and warehouse: a SKU served from two warehouses is two lines, each with its share.
CREATE TABLE order_line (
    order_id          BIGINT         NOT NULL REFERENCES shop_order (id),
    line_no           INT            NOT NULL,
    sku_id            BIGINT         NOT NULL,
    sku_code          VARCHAR(64)    NOT NULL,
    product_id        BIGINT         NOT NULL,
    title             VARCHAR(200)   NOT NULL,
    spec              VARCHAR(300),
    quantity          INT            NOT NULL,
    unit_price        NUMERIC(14, 2) NOT NULL,
    -- this line's share of the order's discounts, so that a partial refund is exact
    discount_amount   NUMERIC(14, 2) NOT NULL,
    payable_amount    NUMERIC(14, 2) NOT NULL,
    cost_price        NUMERIC(14, 2) NOT NULL,
    warehouse_id      BIGINT         NOT NULL,
    refunded_amount   NUMERIC(14, 2) NOT NULL DEFAULT 0,
    returned_quantity INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_quantity_ck CHECK (quantity > 0),
    CONSTRAINT order_line_payable_ck CHECK (discount_amount >= 0
        AND payable_amount = unit_price * quantity - discount_amount AND payable_amount >= 0),
    CONSTRAINT order_line_refund_ck CHECK (refunded_amount >= 0 AND refunded_amount <= payable_amount),
    CONSTRAINT order_line_returned_ck CHECK (returned_quantity >= 0 AND returned_quantity <= quantity)
);
CREATE INDEX order_line_by_sku ON order_line (sku_id);

-- The price calculation's applied rules (discounts, the shipping fee), as the customer was shown them.
CREATE TABLE order_price_rule (
    order_id BIGINT         NOT NULL REFERENCES shop_order (id),
    seq      INT            NOT NULL,
    kind     VARCHAR(20)    NOT NULL,
    code     VARCHAR(64)    NOT NULL,
    label    VARCHAR(200)   NOT NULL,
    amount   NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_id, seq),
    CONSTRAINT order_price_rule_kind_ck CHECK (kind IN ('DISCOUNT', 'SHIPPING')),
    CONSTRAINT order_price_rule_amount_ck CHECK (amount >= 0)
);

-- One per warehouse serving the order: its stock reservation, and later its shipment.
CREATE TABLE order_allocation (
    order_id        BIGINT                   NOT NULL REFERENCES shop_order (id),
    warehouse_id    BIGINT                   NOT NULL,
    reservation_id  BIGINT                   NOT NULL,
    shipment_id     BIGINT,
    status          VARCHAR(20)              NOT NULL,
    carrier         VARCHAR(64),
    tracking_number VARCHAR(64),
    dispatched_at   TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, warehouse_id),
    CONSTRAINT order_allocation_reservation_uq UNIQUE (reservation_id),
    CONSTRAINT order_allocation_shipment_uq UNIQUE (shipment_id),
    CONSTRAINT order_allocation_status_ck CHECK (status IN ('RESERVED', 'SHIPMENT_CREATED', 'DISPATCHED',
        'DELIVERED', 'RELEASED'))
);

-- Payments captured for an order, one row per payment (a repeated event finds its row and changes nothing).
CREATE TABLE order_payment (
    payment_id      BIGINT                   NOT NULL PRIMARY KEY,
    order_id        BIGINT                   NOT NULL REFERENCES shop_order (id),
    amount          NUMERIC(14, 2)           NOT NULL,
    provider_code   VARCHAR(32)              NOT NULL,
    provider_txn_id VARCHAR(128),
    paid_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- what the order made of it: the payment of the order, or one to give back (late, duplicate, mismatched)
    outcome         VARCHAR(20)              NOT NULL,
    CONSTRAINT order_payment_outcome_ck CHECK (outcome IN ('ACCEPTED', 'REFUND_DUE'))
);
CREATE INDEX order_payment_by_order ON order_payment (order_id);

-- Successful refunds for an order, one row per refund.
CREATE TABLE order_refund (
    refund_id   BIGINT                   NOT NULL PRIMARY KEY,
    order_id    BIGINT                   NOT NULL REFERENCES shop_order (id),
    payment_id  BIGINT                   NOT NULL,
    amount      NUMERIC(14, 2)           NOT NULL,
    refunded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX order_refund_by_order ON order_refund (order_id);

-- The order's timeline: every status change, payment, shipment, note and flag, who and when.
CREATE TABLE order_event (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    order_id    BIGINT                   NOT NULL REFERENCES shop_order (id),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(40)              NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20),
    actor       VARCHAR(64)              NOT NULL,
    detail      VARCHAR(2000),
    -- what another module's event was (payment:12:failed:...): the entry is written once however often it comes
    source_ref  VARCHAR(100),
    CONSTRAINT order_event_source_uq UNIQUE (order_id, source_ref)
);
CREATE INDEX order_event_by_order ON order_event (order_id, occurred_at, id);
