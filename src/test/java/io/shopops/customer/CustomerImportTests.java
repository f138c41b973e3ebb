package io.shopops.customer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Importing customers kept elsewhere: written in bulk as sign-ups are, refused whole when any of them is wrong. */
class CustomerImportTests {

    @Import(CustomerTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Customers customers;
        @Autowired
        CustomerSessions sessions;
        @Autowired
        AuditLog audit;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        java.time.Clock clock;

        @Test
        void importsAccountsWithTheirAddressesEncryptedAsSignUpsAreWithoutAPasswordAnyoneKnows() {
            Instant registered = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
            String phone = CustomerFixtures.uniquePhone();
            String email = CustomerFixtures.uniqueEmail();
            AddressDetails home = CustomerFixtures.address("王小明");
            AddressDetails office = new AddressDetails("王小明", phone, "北京市", "北京市", "朝阳区", "建国路 88 号",
                    null);

            List<ImportedCustomer> imported = customers.importHistorical(List.of(
                    new HistoricalCustomer(phone, email, "小明", "王小明", RegistrationChannel.MINI_PROGRAM, registered,
                            List.of(home, office)),
                    new HistoricalCustomer(null, CustomerFixtures.uniqueEmail(), "lily", null, RegistrationChannel.WEB,
                            registered.plusSeconds(60), List.of())));

            assertThat(imported).hasSize(2);
            CustomerDetail first = customers.detail(imported.getFirst().id());
            assertThat(first.customer().nickname()).isEqualTo("小明");
            assertThat(first.customer().maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(first.customer().maskedRealName()).isEqualTo("王**");
            assertThat(first.customer().channel()).isEqualTo(RegistrationChannel.MINI_PROGRAM);
            assertThat(first.customer().registeredAt()).isEqualTo(registered);
            List<ShippingAddress> addresses = customers.addresses(imported.getFirst().id());
            assertThat(addresses).extracting(ShippingAddress::id).containsExactlyInAnyOrderElementsOf(
                    imported.getFirst().addresses());
            assertThat(addresses.getFirst().isDefault()).isTrue();
            assertThat(addresses.getFirst().city()).as("the first address is the default").isEqualTo("上海市");
            assertThat(customers.find(new CustomerQuery(phone, null, null), new PageQuery(0, 10)).items())
                    .as("found by the whole phone number, through its keyed hash").hasSize(1);
            String stored = jdbc.sql("SELECT phone_encrypted FROM customer_account WHERE id = :id")
                    .param("id", imported.getFirst().id().value()).query(String.class).single();
            assertThat(stored).startsWith("v1:").doesNotContain(phone);
            assertThat(customers.detail(imported.get(1).id()).addresses()).isEmpty();

            assertThat(sessions.signIn(phone, CustomerFixtures.PASSWORD)).as("no password is known for it").isEmpty();
            List<AuditEntry> entries = audit.find(new AuditQuery(null, "CUSTOMERS_IMPORTED", null, null, null, null),
                    new PageQuery(0, 50)).items();
            assertThat(entries).anyMatch(e -> e.summary().startsWith("2 historical customers with 2 addresses"));
        }

        @Test
        void refusesTheWholeImportNamingEveryBadFieldAndWritesNothing() {
            long before = accounts();
            String phone = CustomerFixtures.uniquePhone();
            List<HistoricalCustomer> bad = List.of(
                    new HistoricalCustomer(phone, null, "ok", null, RegistrationChannel.APP,
                            Instant.now().minusSeconds(60), List.of()),
                    new HistoricalCustomer("12345", null, "", null, null, clock.instant().plus(Duration.ofDays(1)),
                            List.of(new AddressDetails("张三", "13800138000", "上海市", "上海市", "浦东新区", "路", "12"))),
                    new HistoricalCustomer(phone, null, "twice", null, RegistrationChannel.WEB,
                            Instant.now().minusSeconds(60), null));

            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> customers.importHistorical(bad));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                    "customers[1].phone", "customers[1].nickname", "customers[1].channel", "customers[1].registeredAt",
                    "customers[1].addresses[0].postalCode", "customers[2].phone");
            assertThat(accounts()).as("nothing written").isEqualTo(before);
        }

        @Test
        void refusesPhoneNumbersRegisteredAlreadyWithAConflictNamingTheField() {
            String phone = CustomerFixtures.uniquePhone();
            customers.signUp(new NewCustomer(phone, null, CustomerFixtures.PASSWORD, "早到的", null, null));
            long before = accounts();

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> customers.importHistorical(List.of(
                            new HistoricalCustomer(CustomerFixtures.uniquePhone(), null, "new", null,
                                    RegistrationChannel.APP, Instant.now().minusSeconds(60), List.of()),
                            new HistoricalCustomer(phone, null, "late", null, RegistrationChannel.APP,
                                    Instant.now().minusSeconds(60), List.of()))));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("customers[1].phone");
            assertThat(accounts()).isEqualTo(before);
        }

        private long accounts() {
            return jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(CustomerTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(CustomerTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
