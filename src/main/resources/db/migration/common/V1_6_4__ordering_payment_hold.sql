-- Why a paid order must wait before fulfilment (a group buy still gathering members); NULL = go straight on.
ALTER TABLE shop_order ADD COLUMN payment_hold VARCHAR(200);
