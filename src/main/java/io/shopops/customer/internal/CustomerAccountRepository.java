package io.shopops.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.customer.AddressId;
import io.shopops.customer.CustomerId;
import io.shopops.customer.CustomerView;
import io.shopops.customer.RegistrationChannel;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import io.shopops.shared.privacy.Masks;
import io.shopops.shared.privacy.PersonalData;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Customer accounts. Phone, email and real name go in and out encrypted here, and nowhere else; lookups use
 * the keyed hashes. Sign-in counting and the address limit are single conditional UPDATEs, safe on any node.
 */
@Repository
public class CustomerAccountRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PersonalData personalData;

    CustomerAccountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PersonalData personalData) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.personalData = personalData;
    }

    /** A new account with its phone (11 digits) and email already normalised. */
    public record NewAccount(@Nullable String phone, @Nullable String email, @Nullable String realName,
            String nickname, String passwordHash, RegistrationChannel channel, Instant registeredAt) {
    }

    /** What sign-in needs of an account. */
    public record Credentials(CustomerId id, String passwordHash) {

        @Override
        public String toString() {
            return "Credentials[" + id + "]";
        }
    }

    /** An account's sign-in state, as staff see it. */
    public record SignInState(@Nullable Instant lastSignInAt, @Nullable Instant lockedUntil) {
    }

    public String phoneHash(String phone) {
        return personalData.lookupHash(phone);
    }

    public String emailHash(String email) {
        return personalData.lookupHash(Contacts.emailKey(email));
    }

    /**
     * Inserts the account; a phone or email registered meanwhile by a concurrent sign-up is refused as a
     * conflict naming the field, like the check before it.
     */
    public CustomerId insert(NewAccount account) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO customer_account (phone_encrypted, phone_hash, email_encrypted, email_hash,
                                                  real_name_encrypted, nickname, password_hash, channel, registered_at)
                    VALUES (:phone, :phoneHash, :email, :emailHash, :realName, :nickname, :passwordHash, :channel,
                            :registeredAt)
                    """)
                    .param("phone", personalData.encrypt(account.phone()))
                    .param("phoneHash", account.phone() == null ? null : phoneHash(account.phone()))
                    .param("email", personalData.encrypt(account.email()))
                    .param("emailHash", account.email() == null ? null : emailHash(account.email()))
                    .param("realName", personalData.encrypt(account.realName()))
                    .param("nickname", account.nickname())
                    .param("passwordHash", account.passwordHash())
                    .param("channel", account.channel().name())
                    .param("registeredAt", SqlTime.utc(account.registeredAt()))
                    .update(keys, "id");
        } catch (DuplicateKeyException duplicate) {
            // the constraint's name tells the field (the message also quotes the statement, naming both columns)
            String message = String.valueOf(duplicate.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("customer_account_phone_hash_uq")) {
                throw new ConflictException("phone", "is already registered");
            }
            if (message.contains("customer_account_email_hash_uq")) {
                throw new ConflictException("email", "is already registered");
            }
            throw duplicate;
        }
        return new CustomerId(keys.getKeyAs(Number.class).longValue());
    }

    /**
     * Inserts many accounts in batches (an import of history) and answers their ids in input order. Phone and email
     * must be normalised and free: a duplicate fails the whole batch on the unique constraints.
     */
    public List<CustomerId> insertAll(List<NewAccount> accounts) {
        List<MapSqlParameterSource> rows = new ArrayList<>(accounts.size());
        for (NewAccount account : accounts) {
            rows.add(new MapSqlParameterSource()
                    .addValue("phone", personalData.encrypt(account.phone()))
                    .addValue("phoneHash", account.phone() == null ? null : phoneHash(account.phone()))
                    .addValue("email", personalData.encrypt(account.email()))
                    .addValue("emailHash", account.email() == null ? null : emailHash(account.email()))
                    .addValue("realName", personalData.encrypt(account.realName()))
                    .addValue("nickname", account.nickname())
                    .addValue("passwordHash", account.passwordHash())
                    .addValue("channel", account.channel().name())
                    .addValue("registeredAt", SqlTime.utc(account.registeredAt())));
        }
        return Batches.insertReturningKeys(batch, """
                INSERT INTO customer_account (phone_encrypted, phone_hash, email_encrypted, email_hash,
                                              real_name_encrypted, nickname, password_hash, channel, registered_at)
                VALUES (:phone, :phoneHash, :email, :emailHash, :realName, :nickname, :passwordHash, :channel,
                        :registeredAt)
                """, "id", rows).stream().map(CustomerId::new).toList();
    }

    /** An imported account's addresses: how many it has and which is its default. */
    public record AddressPlaces(CustomerId id, int count, AddressId defaultAddress) {
    }

    public void setAddressPlaces(List<AddressPlaces> places) {
        Batches.update(batch, """
                UPDATE customer_account SET address_count = :count, default_address_id = :address WHERE id = :id
                """, places.stream().map(p -> new MapSqlParameterSource().addValue("count", p.count())
                        .addValue("address", p.defaultAddress().value()).addValue("id", p.id().value())).toList());
    }

    /** Which of these normalised phone numbers are registered already (looked up in batches of 500). */
    public Set<String> phonesTaken(Collection<String> phones) {
        return taken("phone_hash", phones, this::phoneHash);
    }

    /** Which of these emails are registered already (looked up in batches of 500). */
    public Set<String> emailsTaken(Collection<String> emails) {
        return taken("email_hash", emails, this::emailHash);
    }

    private Set<String> taken(String column, Collection<String> values, java.util.function.Function<String, String> hash) {
        Map<String, String> byHash = new HashMap<>();
        values.forEach(value -> byHash.put(hash.apply(value), value));
        Set<String> taken = new HashSet<>();
        for (List<String> hashes : Batches.chunks(List.copyOf(byHash.keySet()), 500)) {
            jdbc.sql("SELECT " + column + " FROM customer_account WHERE " + column + " IN (:hashes)")
                    .param("hashes", hashes)
                    .query(String.class).list().forEach(found -> taken.add(byHash.get(found.trim())));
        }
        return taken;
    }

    public boolean phoneTaken(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE phone_hash = :hash")
                .param("hash", phoneHash(phone)).query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE email_hash = :hash")
                .param("hash", emailHash(email)).query(Long.class).single() > 0;
    }

    public boolean exists(CustomerId id) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_account WHERE id = :id")
                .param("id", id.value()).query(Long.class).single() > 0;
    }

    public java.util.Set<CustomerId> existing(java.util.Collection<CustomerId> ids) {
        java.util.Set<CustomerId> found = new java.util.HashSet<>();
        List<Long> all = ids.stream().map(CustomerId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("SELECT id FROM customer_account WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query(Long.class).list().forEach(id -> found.add(new CustomerId(id)));
        }
        return found;
    }

    public Optional<CustomerView> find(CustomerId id) {
        return jdbc.sql("SELECT * FROM customer_account WHERE id = :id").param("id", id.value())
                .query((rs, row) -> view(rs)).optional();
    }

    public Optional<SignInState> signInState(CustomerId id) {
        return jdbc.sql("SELECT last_sign_in_at, locked_until FROM customer_account WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> new SignInState(SqlTime.instant(rs, "last_sign_in_at"),
                        SqlTime.instant(rs, "locked_until")))
                .optional();
    }

    public Optional<Credentials> findByPhone(String phone) {
        return credentials("phone_hash", phoneHash(phone));
    }

    public Optional<Credentials> findByEmail(String email) {
        return credentials("email_hash", emailHash(email));
    }

    private Optional<Credentials> credentials(String column, String hash) {
        return jdbc.sql("SELECT id, password_hash FROM customer_account WHERE " + column + " = :hash")
                .param("hash", hash)
                .query((rs, row) -> new Credentials(new CustomerId(rs.getLong("id")), rs.getString("password_hash")))
                .optional();
    }

    /**
     * Counts a sign-in attempt before its password is checked, unless the account is locked or already has
     * {@code max} attempts counted (some may still be in flight): then the attempt is refused unchecked. Counting
     * first means that concurrent guesses cannot check more than {@code max} passwords between two locks.
     *
     * @return whether the attempt may check its password
     */
    public boolean countSignInAttempt(CustomerId id, int max, Instant now) {
        return jdbc.sql("""
                UPDATE customer_account SET failed_sign_ins = failed_sign_ins + 1
                WHERE id = :id AND failed_sign_ins < :max AND (locked_until IS NULL OR locked_until <= :now)
                """)
                .param("id", id.value()).param("max", max).param("now", SqlTime.utc(now)).update() == 1;
    }

    /**
     * After a wrong password: locks the account until {@code until} if {@code max} failed attempts are counted,
     * and starts counting afresh.
     *
     * @return whether this failure locked the account
     */
    public boolean lockIfExhausted(CustomerId id, int max, Instant until, Instant now) {
        return jdbc.sql("""
                UPDATE customer_account SET locked_until = :until, failed_sign_ins = 0
                WHERE id = :id AND failed_sign_ins >= :max AND (locked_until IS NULL OR locked_until <= :now)
                """)
                .param("id", id.value()).param("max", max).param("until", SqlTime.utc(until))
                .param("now", SqlTime.utc(now)).update() == 1;
    }

    /**
     * After the right password: the count starts afresh, and a lock that concurrent failures set while this
     * attempt (counted within the limit) was being checked is lifted.
     */
    public void recordSuccessfulSignIn(CustomerId id, Instant now) {
        jdbc.sql("UPDATE customer_account SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = :now WHERE id = :id")
                .param("now", SqlTime.utc(now)).param("id", id.value()).update();
    }

    /** Customers matching every given part, newest first. */
    public Page<CustomerView> find(@Nullable String phone, @Nullable String email, @Nullable String nickname,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (phone != null) {
            where.append(" AND phone_hash = :phoneHash");
            params.put("phoneHash", phoneHash(phone));
        }
        if (email != null) {
            where.append(" AND email_hash = :emailHash");
            params.put("emailHash", emailHash(email));
        }
        if (nickname != null) {
            where.append(" AND LOWER(nickname) LIKE :nickname").append(Like.ESCAPE);
            params.put("nickname", Like.contains(nickname));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM customer_account" + where).params(params)
                .query(Long.class).single();
        List<CustomerView> items = jdbc.sql("SELECT * FROM customer_account" + where
                        + " ORDER BY registered_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, row) -> view(rs)).list();
        return Page.of(items, page, total);
    }

    /**
     * Takes one of the customer's {@code max} address places; the statement holds the account's row until the
     * transaction ends, so address changes of one customer run one after another.
     *
     * @return false when the customer already has {@code max} addresses (or does not exist)
     */
    public boolean takeAddressPlace(CustomerId id, int max) {
        return jdbc.sql("UPDATE customer_account SET address_count = address_count + 1 WHERE id = :id AND address_count < :max")
                .param("id", id.value()).param("max", max).update() == 1;
    }

    /** Gives an address's place back, and its default role if it had it. */
    public void releaseAddressPlace(CustomerId id, AddressId address) {
        jdbc.sql("""
                UPDATE customer_account
                SET address_count = address_count - 1,
                    default_address_id = CASE WHEN default_address_id = :address THEN NULL ELSE default_address_id END
                WHERE id = :id
                """)
                .param("id", id.value()).param("address", address.value()).update();
    }

    /** Makes the address the customer's default if it is theirs; false when it is not. */
    public boolean setDefaultAddress(CustomerId id, AddressId address) {
        return jdbc.sql("""
                UPDATE customer_account SET default_address_id = :address
                WHERE id = :id AND EXISTS (SELECT 1 FROM customer_address a WHERE a.id = :address AND a.customer_id = :id)
                """)
                .param("id", id.value()).param("address", address.value()).update() == 1;
    }

    /** Makes the address the default when the customer has none (their first, or after the default was deleted). */
    public void defaultIfNone(CustomerId id, AddressId address) {
        jdbc.sql("UPDATE customer_account SET default_address_id = :address WHERE id = :id AND default_address_id IS NULL")
                .param("id", id.value()).param("address", address.value()).update();
    }

    private CustomerView view(ResultSet rs) throws SQLException {
        return new CustomerView(new CustomerId(rs.getLong("id")),
                Masks.phone(personalData.decrypt(rs.getString("phone_encrypted"))),
                Masks.email(personalData.decrypt(rs.getString("email_encrypted"))),
                Masks.name(personalData.decrypt(rs.getString("real_name_encrypted"))),
                rs.getString("nickname"),
                RegistrationChannel.valueOf(rs.getString("channel")),
                SqlTime.requiredInstant(rs, "registered_at"));
    }
}
