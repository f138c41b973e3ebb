-- The promotion or coupon behind a discount ("promotion:7", "coupon:42"), for the module that gave it.
ALTER TABLE order_price_rule ADD COLUMN reference VARCHAR(64);
