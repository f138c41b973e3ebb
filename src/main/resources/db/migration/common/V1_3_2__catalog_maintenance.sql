-- Catalog, second step: maintaining the category tree and searching products.

-- Moving a category rewrites the paths of its whole subtree, and creating one copies its parent's path.
-- Both first update this single row, so tree restructurings run one at a time and always see current paths.
CREATE TABLE category_tree_lock (
    id INT PRIMARY KEY,
    CONSTRAINT category_tree_lock_one_row_ck CHECK (id = 1)
);
INSERT INTO category_tree_lock (id) VALUES (1);

-- The tree is at most five levels deep, also when a subtree is moved under another category.
ALTER TABLE category ADD CONSTRAINT category_depth_max_ck CHECK (depth <= 5);

-- The default order of product searches (most recently updated first), and the export in the same order.
CREATE INDEX product_by_updated_at ON product (updated_at);
-- Price and stock filters look at the active SKUs of a product.
CREATE INDEX sku_by_product_active ON sku (product_id, active, sale_price);
