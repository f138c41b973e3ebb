-- What after-sales has claimed of each line: the amount requested back and the units to be returned by requests
-- that are open or done (a rejected or withdrawn request gives its claim back). The CHECK is the last line of
-- defence of "never more back than was paid for the line"; the claim itself is a conditional UPDATE.
ALTER TABLE order_line ADD COLUMN claimed_amount NUMERIC(14, 2) DEFAULT 0 NOT NULL;
ALTER TABLE order_line ADD COLUMN claimed_quantity INT DEFAULT 0 NOT NULL;
ALTER TABLE order_line ADD CONSTRAINT order_line_claim_ck CHECK (claimed_amount >= 0
    AND claimed_amount <= payable_amount AND claimed_quantity >= 0 AND claimed_quantity <= quantity);
