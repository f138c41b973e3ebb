package io.shopops.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shopops.customer.AddressDetails;
import io.shopops.customer.AddressId;
import io.shopops.customer.CustomerId;
import io.shopops.customer.ShippingAddress;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import io.shopops.shared.privacy.PersonalData;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Shipping addresses. Recipient, phone and street are encrypted here on the way in and decrypted on the way
 * out; the region stays plain. Every statement names the customer, so nobody reaches another's address.
 */
@Repository
public class AddressRepository {

    private static final String SELECT = """
            SELECT a.*, CASE WHEN c.default_address_id = a.id THEN TRUE ELSE FALSE END AS is_default
            FROM customer_address a JOIN customer_account c ON c.id = a.customer_id
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PersonalData personalData;

    AddressRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PersonalData personalData) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.personalData = personalData;
    }

    /** An address to insert in bulk: its customer, its checked parts and when it was added. */
    public record NewAddress(CustomerId customer, AddressDetails address, Instant createdAt) {
    }

    /** Inserts many checked addresses in batches (an import of history); their ids in input order. */
    public List<AddressId> insertAll(List<NewAddress> addresses) {
        List<MapSqlParameterSource> rows = new ArrayList<>(addresses.size());
        for (NewAddress row : addresses) {
            AddressDetails address = row.address();
            rows.add(new MapSqlParameterSource()
                    .addValue("customer", row.customer().value())
                    .addValue("recipient", personalData.encrypt(address.recipient()))
                    .addValue("phone", personalData.encrypt(address.phone()))
                    .addValue("province", address.province())
                    .addValue("city", address.city())
                    .addValue("district", address.district())
                    .addValue("detail", personalData.encrypt(address.detail()))
                    .addValue("postalCode", address.postalCode())
                    .addValue("now", SqlTime.utc(row.createdAt())));
        }
        return Batches.insertReturningKeys(batch, """
                INSERT INTO customer_address (customer_id, recipient_encrypted, phone_encrypted, province, city,
                                              district, detail_encrypted, postal_code, created_at, updated_at, version)
                VALUES (:customer, :recipient, :phone, :province, :city, :district, :detail, :postalCode, :now, :now, 0)
                """, "id", rows).stream().map(AddressId::new).toList();
    }

    /** Inserts an address whose parts are already checked and normalised. */
    public AddressId insert(CustomerId customer, AddressDetails address, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_address (customer_id, recipient_encrypted, phone_encrypted, province, city,
                                              district, detail_encrypted, postal_code, created_at, updated_at, version)
                VALUES (:customer, :recipient, :phone, :province, :city, :district, :detail, :postalCode, :now, :now, 0)
                """)
                .param("customer", customer.value())
                .param("recipient", personalData.encrypt(address.recipient()))
                .param("phone", personalData.encrypt(address.phone()))
                .param("province", address.province())
                .param("city", address.city())
                .param("district", address.district())
                .param("detail", personalData.encrypt(address.detail()))
                .param("postalCode", address.postalCode())
                .param("now", SqlTime.utc(now))
                .update(keys, "id");
        return new AddressId(keys.getKeyAs(Number.class).longValue());
    }

    public Optional<ShippingAddress> find(CustomerId customer, AddressId id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id AND a.customer_id = :customer")
                .param("id", id.value()).param("customer", customer.value())
                .query((rs, row) -> address(rs)).optional();
    }

    /** The customer's addresses, the default first, then the most recently changed. */
    public List<ShippingAddress> findAll(CustomerId customer) {
        return jdbc.sql(SELECT + " WHERE a.customer_id = :customer ORDER BY is_default DESC, a.updated_at DESC, a.id DESC")
                .param("customer", customer.value())
                .query((rs, row) -> address(rs)).list();
    }

    /** Replaces the address's parts if it is still at the version the client read. */
    public boolean update(CustomerId customer, AddressId id, AddressDetails address, long expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE customer_address
                SET recipient_encrypted = :recipient, phone_encrypted = :phone, province = :province, city = :city,
                    district = :district, detail_encrypted = :detail, postal_code = :postalCode, updated_at = :now,
                    version = version + 1
                WHERE id = :id AND customer_id = :customer AND version = :version
                """)
                .param("recipient", personalData.encrypt(address.recipient()))
                .param("phone", personalData.encrypt(address.phone()))
                .param("province", address.province())
                .param("city", address.city())
                .param("district", address.district())
                .param("detail", personalData.encrypt(address.detail()))
                .param("postalCode", address.postalCode())
                .param("now", SqlTime.utc(now))
                .param("id", id.value()).param("customer", customer.value()).param("version", expectedVersion)
                .update() == 1;
    }

    public boolean delete(CustomerId customer, AddressId id) {
        return jdbc.sql("DELETE FROM customer_address WHERE id = :id AND customer_id = :customer")
                .param("id", id.value()).param("customer", customer.value()).update() == 1;
    }

    /** The customer's most recently changed address, to become the default when the default is deleted. */
    public Optional<AddressId> mostRecent(CustomerId customer) {
        return jdbc.sql("SELECT id FROM customer_address WHERE customer_id = :customer ORDER BY updated_at DESC, id DESC LIMIT 1")
                .param("customer", customer.value())
                .query((rs, row) -> new AddressId(rs.getLong("id"))).optional();
    }

    private ShippingAddress address(ResultSet rs) throws SQLException {
        return new ShippingAddress(new AddressId(rs.getLong("id")),
                personalData.decrypt(rs.getString("recipient_encrypted")),
                personalData.decrypt(rs.getString("phone_encrypted")),
                rs.getString("province"), rs.getString("city"), rs.getString("district"),
                personalData.decrypt(rs.getString("detail_encrypted")),
                rs.getString("postal_code"),
                rs.getBoolean("is_default"),
                rs.getLong("version"));
    }
}
