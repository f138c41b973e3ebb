-- A reservation without an expiry is held until shipped or released: a paid order's stock must not expire.
ALTER TABLE reservation ALTER COLUMN expires_at DROP NOT NULL;
