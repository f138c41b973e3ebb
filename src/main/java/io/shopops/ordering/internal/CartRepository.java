package io.shopops.ordering.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers' carts: one row per customer and SKU. */
@Repository
public class CartRepository {

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Item(SkuId skuId, int quantity, Instant addedAt) {
    }

    public enum Added {
        ADDED, TOO_MANY
    }

    /**
     * Adds units to the customer's cart: to the existing row if there is one (refused when it would pass
     * {@code max}), as a new row otherwise. Two adds of a new SKU at the same moment (two tabs) meet at the
     * primary key: the second is refused as a conflict, to be retried.
     */
    public Added add(long customer, SkuId sku, int quantity, int max, Instant now) {
        int updated = jdbc.sql("""
                UPDATE cart_item SET quantity = quantity + :q, updated_at = :now
                WHERE customer_id = :customer AND sku_id = :sku AND quantity + :q <= :max
                """)
                .param("q", quantity).param("now", SqlTime.utc(now)).param("customer", customer)
                .param("sku", sku.value()).param("max", max).update();
        if (updated == 1) {
            return Added.ADDED;
        }
        int inserted = jdbc.sql("""
                INSERT INTO cart_item (customer_id, sku_id, quantity, added_at, updated_at)
                SELECT :customer, :sku, :q, :now, :now
                WHERE NOT EXISTS (SELECT 1 FROM cart_item WHERE customer_id = :customer AND sku_id = :sku)
                """)
                .param("customer", customer).param("sku", sku.value()).param("q", quantity)
                .param("now", SqlTime.utc(now)).update();
        return inserted == 1 ? Added.ADDED : Added.TOO_MANY;
    }

    public boolean contains(long customer, SkuId sku) {
        return jdbc.sql("SELECT COUNT(*) FROM cart_item WHERE customer_id = :customer AND sku_id = :sku")
                .param("customer", customer).param("sku", sku.value()).query(Long.class).single() > 0;
    }

    /** Sets the quantity of a SKU in the cart; false if it is not there. */
    public boolean change(long customer, SkuId sku, int quantity, Instant now) {
        return jdbc.sql("""
                UPDATE cart_item SET quantity = :q, updated_at = :now WHERE customer_id = :customer AND sku_id = :sku
                """)
                .param("q", quantity).param("now", SqlTime.utc(now)).param("customer", customer)
                .param("sku", sku.value()).update() == 1;
    }

    public boolean remove(long customer, SkuId sku) {
        return jdbc.sql("DELETE FROM cart_item WHERE customer_id = :customer AND sku_id = :sku")
                .param("customer", customer).param("sku", sku.value()).update() == 1;
    }

    /** Takes the bought SKUs out of the cart (checkout). */
    public int removeAll(long customer, Collection<SkuId> skus) {
        if (skus.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM cart_item WHERE customer_id = :customer AND sku_id IN (:skus)")
                .param("customer", customer).param("skus", skus.stream().map(SkuId::value).toList()).update();
    }

    public int count(long customer) {
        return jdbc.sql("SELECT COUNT(*) FROM cart_item WHERE customer_id = :customer")
                .param("customer", customer).query(Integer.class).single();
    }

    /** The cart in the order its items were added. */
    public List<Item> items(long customer) {
        return jdbc.sql("SELECT sku_id, quantity, added_at FROM cart_item WHERE customer_id = :customer ORDER BY added_at, sku_id")
                .param("customer", customer)
                .query((rs, n) -> new Item(new SkuId(rs.getLong("sku_id")), rs.getInt("quantity"),
                        SqlTime.requiredInstant(rs, "added_at")))
                .list();
    }
}
