package io.shopops.customer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.customer.internal.EndedSessionCleanup;
import io.shopops.inventory.MutableClock;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.shopops.testing.CustomerFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The customer module's facades and storage, the same on H2 and on PostgreSQL. */
class CustomerContractTests {

    @Import(CustomerTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Customers customers;
        @Autowired
        CustomerSessions sessions;
        @Autowired
        CustomerFixtures fixtures;
        @Autowired
        EndedSessionCleanup cleanup;
        @Autowired
        AuditLog audit;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        MockMvc mvc;
        @Autowired
        MutableClock clock;

        // --- sign-up -----------------------------------------------------------------------------------------

        @Test
        void signsUpWithAPhoneNumberAloneAnEmailAloneOrBoth() {
            CustomerView phoneOnly = customers.signUp(new NewCustomer(CustomerFixtures.uniquePhone(), null, PASSWORD,
                    "小王", null, RegistrationChannel.APP));
            CustomerView emailOnly = customers.signUp(new NewCustomer(null, CustomerFixtures.uniqueEmail(), PASSWORD,
                    "Wang", null, null));
            assertThat(phoneOnly.maskedPhone()).isNotNull();
            assertThat(phoneOnly.maskedEmail()).isNull();
            assertThat(phoneOnly.channel()).isEqualTo(RegistrationChannel.APP);
            assertThat(emailOnly.maskedPhone()).isNull();
            assertThat(emailOnly.maskedEmail()).isNotNull();
            assertThat(emailOnly.channel()).as("the default channel").isEqualTo(RegistrationChannel.WEB);
            assertThat(customers.customer(phoneOnly.id())).isEqualTo(phoneOnly);
        }

        @Test
        void showsPhoneEmailAndRealNameOnlyMasked() {
            String phone = CustomerFixtures.uniquePhone();
            CustomerView view = customers.signUp(new NewCustomer(" " + phone.substring(0, 3) + " "
                    + phone.substring(3, 7) + "-" + phone.substring(7) + " ", "  Li.Lei" + phone + "@Example.com ",
                    PASSWORD, "李雷", "李雷雷", RegistrationChannel.MINI_PROGRAM));
            assertThat(view.maskedPhone()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(view.maskedEmail()).isEqualTo("L***@Example.com");
            assertThat(view.maskedRealName()).isEqualTo("李**");
            assertThat(view.nickname()).isEqualTo("李雷");
        }

        @Test
        void keepsNoPlaintextPersonalDataInTheDatabase() {
            String phone = CustomerFixtures.uniquePhone();
            String email = "plain.text." + phone + "@example.com";
            String realName = "欧阳娜娜" + phone.substring(7);
            CustomerView customer = customers.signUp(new NewCustomer(phone, email, PASSWORD, "nick" + phone.substring(7),
                    realName, null));
            customers.addAddress(customer.id(), new AddressDetails("收件人" + phone.substring(7), "13912345678",
                    "浙江省", "杭州市", "西湖区", "文三路 " + phone + " 号", "310000"));

            Map<String, Object> account = jdbc.sql("SELECT * FROM customer_account WHERE id = :id")
                    .param("id", customer.id().value()).query().singleRow();
            Map<String, Object> address = jdbc.sql("SELECT * FROM customer_address WHERE customer_id = :id")
                    .param("id", customer.id().value()).query().singleRow();
            List<String> secrets = List.of(phone, phone.substring(3), email.toLowerCase(Locale.ROOT), "plain.text",
                    realName, "欧阳", "收件人", "13912345678", "12345678", "文三路");
            for (Map<String, Object> row : List.of(account, address)) {
                for (Map.Entry<String, Object> column : row.entrySet()) {
                    String value = String.valueOf(column.getValue()).toLowerCase(Locale.ROOT);
                    for (String secret : secrets) {
                        assertThat(value).as("column %s", column.getKey()).doesNotContain(secret);
                    }
                }
            }
            assertThat(column(account, "phone_encrypted")).startsWith("v1:");
            assertThat(column(account, "email_encrypted")).startsWith("v1:");
            assertThat(column(account, "real_name_encrypted")).startsWith("v1:");
            assertThat(column(account, "phone_hash")).hasSize(64);
            assertThat(column(address, "recipient_encrypted")).startsWith("v1:");
            assertThat(column(address, "phone_encrypted")).startsWith("v1:");
            assertThat(column(address, "detail_encrypted")).startsWith("v1:");
            assertThat(column(address, "province")).as("the region stays readable").isEqualTo("浙江省");
            // and it all comes back for its owner
            assertThat(customers.addresses(customer.id()).getFirst().detail()).isEqualTo("文三路 " + phone + " 号");
        }

        @Test
        void refusesASecondAccountWithTheSamePhoneNamingOnlyThePhone() {
            var first = fixtures.customer();
            String sameNumberTypedDifferently = "+86 " + first.phone().substring(0, 3) + "-"
                    + first.phone().substring(3);
            assertThatThrownBy(() -> customers.signUp(new NewCustomer(sameNumberTypedDifferently,
                    CustomerFixtures.uniqueEmail(), PASSWORD, "冒充者", null, null)))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations())
                            .containsExactly(new FieldViolation("phone", "is already registered")))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(first.view().nickname())
                            .doesNotContain(first.email()));
        }

        @Test
        void refusesASecondAccountWithTheSameEmailWhateverItsCase() {
            var first = fixtures.customer();
            assertThatThrownBy(() -> customers.signUp(new NewCustomer(null, " " + first.email().toUpperCase(Locale.ROOT),
                    PASSWORD, "冒充者", null, null)))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .containsExactly("email"));
        }

        @Test
        void concurrentSignUpsWithOnePhoneNumberCreateOneAccount() throws Exception {
            String phone = CustomerFixtures.uniquePhone();
            List<Callable<String>> signUps = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String nickname = "抢注" + i;
                signUps.add(() -> {
                    try {
                        customers.signUp(new NewCustomer(phone, null, PASSWORD, nickname, null, null));
                        return "created";
                    } catch (ConflictException taken) {
                        return taken.violations().getFirst().field();
                    }
                });
            }
            assertThat(race(signUps)).containsOnlyOnce("created").containsOnly("created", "phone");
            assertThat(customers.find(new CustomerQuery(phone, null, null), PageQuery.first(10)).totalItems())
                    .isEqualTo(1);
        }

        @Test
        void refusesEveryMistakeOfASignUpAtOnceAndWritesNothing() {
            long before = customerCount();
            assertThatThrownBy(() -> customers.signUp(new NewCustomer("12345", "not-an-email", "short", " ",
                    "x".repeat(51), null)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .containsExactlyInAnyOrder("phone", "email", "password", "nickname", "realName"));
            assertThatThrownBy(() -> customers.signUp(new NewCustomer(null, null, "letters-only", "n", null, null)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .containsExactlyInAnyOrder("phone", "email", "password"));
            assertThat(customerCount()).isEqualTo(before);
        }

        // --- sign-in, lockout, tokens -----------------------------------------------------------------------

        @Test
        void signsInWithThePhoneNumberOrTheEmailInAnyCase() throws Exception {
            var customer = fixtures.customer();
            Optional<CustomerSession> byPhone = sessions.signIn(customer.phone(), PASSWORD);
            Optional<CustomerSession> byEmail = sessions.signIn(customer.email().toUpperCase(Locale.ROOT), PASSWORD);
            assertThat(byPhone).hasValueSatisfying(s -> {
                assertThat(s.token()).startsWith("ct_");
                assertThat(s.customer()).isEqualTo(customer.view());
            });
            assertThat(byEmail).isPresent();
            assertThat(byPhone.get().token()).isNotEqualTo(byEmail.get().token());
            assertThat(me(byEmail.get().token())).isEqualTo(200);
            assertThat(entries(customer.view().id(), "CUSTOMER_SIGNED_IN")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.actorName()).isEqualTo("customer:" + customer.view().id().value()));
        }

        @Test
        void storesTheTokenOnlyAsAHash() {
            var customer = fixtures.signedIn();
            List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM customer_session WHERE customer_id = :id")
                    .param("id", customer.view().id().value()).query().listOfRows();
            assertThat(rows).hasSize(1);
            String secret = customer.token().substring(customer.token().lastIndexOf('_') + 1);
            rows.getFirst().values().forEach(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        }

        @Test
        void refusesAnUnknownAccountAndAWrongPasswordAlike() {
            var customer = fixtures.customer();
            assertThat(sessions.signIn(CustomerFixtures.uniquePhone(), PASSWORD)).isEmpty();
            assertThat(sessions.signIn(CustomerFixtures.uniqueEmail(), PASSWORD)).isEmpty();
            assertThat(sessions.signIn(customer.phone(), PASSWORD + "x")).isEmpty();
            assertThat(entries(customer.view().id(), "CUSTOMER_SIGN_IN_FAILED")).hasSize(1);
        }

        @Test
        void refusesMalformedSignInsNamingTheField() {
            assertRefused(() -> sessions.signIn("abc", PASSWORD), InvalidInputException.class, "login");
            assertRefused(() -> sessions.signIn(null, PASSWORD), InvalidInputException.class, "login");
            assertRefused(() -> sessions.signIn("13800138000", ""), InvalidInputException.class, "password");
            assertRefused(() -> sessions.signIn("13800138000", "a1".repeat(65)), InvalidInputException.class,
                    "password");
        }

        @Test
        void locksTheAccountAfterFiveFailuresEvenForTheRightPasswordUntilFifteenMinutesPass() {
            var customer = fixtures.customer();
            for (int i = 0; i < 5; i++) {
                assertThat(sessions.signIn(customer.phone(), "wrong-pass-" + i)).isEmpty();
            }
            assertThat(customers.detail(customer.view().id()).lockedUntil()).isNotNull();
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).as("locked").isEmpty();
            assertThat(sessions.signIn(customer.email(), PASSWORD)).as("locked by email too").isEmpty();
            assertThat(entries(customer.view().id(), "CUSTOMER_SIGN_IN_FAILED")).hasSize(5);
            assertThat(entries(customer.view().id(), "CUSTOMER_LOCKED")).hasSize(1);

            clock.advance(Duration.ofMinutes(14));
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).as("still locked").isEmpty();
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).isPresent();
            assertThat(customers.detail(customer.view().id()).lastSignInAt()).isNotNull();
        }

        @Test
        void aSuccessfulSignInStartsTheCountOfFailuresAfresh() {
            var customer = fixtures.customer();
            for (int i = 0; i < 4; i++) {
                assertThat(sessions.signIn(customer.phone(), "wrong-pass-" + i)).isEmpty();
            }
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).isPresent();
            for (int i = 0; i < 4; i++) {
                assertThat(sessions.signIn(customer.phone(), "wrong-again-" + i)).isEmpty();
            }
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).as("four failures do not lock").isPresent();
            assertThat(entries(customer.view().id(), "CUSTOMER_LOCKED")).isEmpty();
        }

        @Test
        void concurrentGuessesCheckNoMorePasswordsThanTheLimit() throws Exception {
            var customer = fixtures.customer();
            List<Callable<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "guess-" + i;
                guesses.add(() -> sessions.signIn(customer.phone(), guess).isPresent());
            }
            assertThat(race(guesses)).containsOnly(false);
            assertThat(entries(customer.view().id(), "CUSTOMER_SIGN_IN_FAILED")).hasSize(5);
            assertThat(entries(customer.view().id(), "CUSTOMER_LOCKED")).hasSize(1);
            assertThat(sessions.signIn(customer.phone(), PASSWORD)).isEmpty();
        }

        @Test
        void aTokenExpiresThirtyDaysAfterItsLastUse() throws Exception {
            var customer = fixtures.signedIn();
            assertThat(me(customer.token())).isEqualTo(200);
            clock.advance(Duration.ofDays(29));
            assertThat(me(customer.token())).isEqualTo(200);
            clock.advance(Duration.ofDays(29));
            assertThat(me(customer.token())).as("58 days after sign-in, 29 after last use").isEqualTo(200);
            clock.advance(Duration.ofDays(30).plusMinutes(1));
            assertThat(me(customer.token())).isEqualTo(401);
        }

        @Test
        void anUnusedTokenExpiresThirtyDaysAfterSignIn() throws Exception {
            var customer = fixtures.signedIn();
            clock.advance(Duration.ofDays(30).plusMinutes(1));
            assertThat(me(customer.token())).isEqualTo(401);
        }

        @Test
        void deletesSessionsAWeekAfterTheyEndedAndKeepsLiveOnes() throws Exception {
            var customer = fixtures.signedIn();
            String other = fixtures.signIn(customer.email());
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .delete("/api/v1/store/sessions/current").header("Authorization", customer.bearer()));
            clock.advance(Duration.ofDays(8));
            assertThat(me(other)).as("used, so it slides").isEqualTo(200);
            assertThat(cleanup.run()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_session WHERE customer_id = :id")
                    .param("id", customer.view().id().value()).query(Long.class).single()).isEqualTo(1);
            assertThat(me(other)).isEqualTo(200);
        }

        // --- addresses --------------------------------------------------------------------------------------

        @Test
        void theFirstAddressBecomesTheDefaultAndTheDefaultCanMove() {
            CustomerId id = fixtures.customer().view().id();
            ShippingAddress home = customers.addAddress(id, CustomerFixtures.address("张三"));
            ShippingAddress office = customers.addAddress(id, CustomerFixtures.address("张三（公司）"));
            assertThat(home.isDefault()).isTrue();
            assertThat(office.isDefault()).isFalse();

            assertThat(customers.setDefaultAddress(id, office.id()).isDefault()).isTrue();
            assertThat(customers.addresses(id)).extracting(ShippingAddress::id, ShippingAddress::isDefault)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(office.id(), true),
                            org.assertj.core.groups.Tuple.tuple(home.id(), false));
        }

        @Test
        void deletingTheDefaultMakesTheMostRecentlyChangedAddressTheDefault() {
            CustomerId id = fixtures.customer().view().id();
            ShippingAddress first = customers.addAddress(id, CustomerFixtures.address("一"));
            ShippingAddress second = customers.addAddress(id, CustomerFixtures.address("二"));
            ShippingAddress third = customers.addAddress(id, CustomerFixtures.address("三"));
            customers.updateAddress(id, second.id(), CustomerFixtures.address("二改"), second.version());
            customers.deleteAddress(id, first.id());
            assertThat(customers.address(id, second.id()).isDefault()).isTrue();
            assertThat(customers.address(id, third.id()).isDefault()).isFalse();
            customers.deleteAddress(id, second.id());
            customers.deleteAddress(id, third.id());
            assertThat(customers.addresses(id)).isEmpty();
            assertThat(customers.addAddress(id, CustomerFixtures.address("新")).isDefault()).isTrue();
        }

        @Test
        void keepsTheAddressAsTypedWithThePhoneAsDigits() {
            CustomerId id = fixtures.customer().view().id();
            ShippingAddress added = customers.addAddress(id, new AddressDetails(" 王五 ", "+86 139-1234-5678",
                    " 广东省", "深圳市 ", "南山区", "科技园 1 号", null));
            assertThat(added).isEqualTo(new ShippingAddress(added.id(), "王五", "13912345678", "广东省", "深圳市",
                    "南山区", "科技园 1 号", null, true, 0));
            assertThat(customers.address(id, added.id())).isEqualTo(added);
        }

        @Test
        void refusesEveryMistakeOfAnAddressNamingTheFields() {
            CustomerId id = fixtures.customer().view().id();
            assertThatThrownBy(() -> customers.addAddress(id, new AddressDetails("", "12345", null, "x".repeat(31),
                    "区\u0000", "x".repeat(201), "1234")))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .containsExactlyInAnyOrder("recipient", "phone", "province", "city", "district", "detail",
                                    "postalCode"));
            assertThat(customers.addresses(id)).isEmpty();
        }

        @Test
        void keepsAtMostTwentyAddresses() {
            CustomerId id = fixtures.customer().view().id();
            for (int i = 0; i < Customers.MAX_ADDRESSES; i++) {
                customers.addAddress(id, CustomerFixtures.address("收件人" + i));
            }
            assertThatThrownBy(() -> customers.addAddress(id, CustomerFixtures.address("多一个")))
                    .isInstanceOf(BusinessRuleException.class)
                    .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("address-limit"));
            customers.deleteAddress(id, customers.addresses(id).getLast().id());
            assertThat(customers.addAddress(id, CustomerFixtures.address("再来一个"))).isNotNull();
        }

        @Test
        void concurrentAddsNeverPassTheLimit() throws Exception {
            CustomerId id = fixtures.customer().view().id();
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < Customers.MAX_ADDRESSES + 6; i++) {
                String recipient = "并发" + i;
                adds.add(() -> {
                    try {
                        customers.addAddress(id, CustomerFixtures.address(recipient));
                        return true;
                    } catch (BusinessRuleException full) {
                        return false;
                    }
                });
            }
            assertThat(race(adds)).filteredOn(added -> added).hasSize(Customers.MAX_ADDRESSES);
            assertThat(customers.addresses(id)).hasSize(Customers.MAX_ADDRESSES)
                    .filteredOn(ShippingAddress::isDefault).hasSize(1);
        }

        @Test
        void refusesAChangeBasedOnAStaleVersion() {
            CustomerId id = fixtures.customer().view().id();
            ShippingAddress added = customers.addAddress(id, CustomerFixtures.address("赵六"));
            ShippingAddress changed = customers.updateAddress(id, added.id(), CustomerFixtures.address("赵六六"),
                    added.version());
            assertThat(changed.version()).isEqualTo(added.version() + 1);
            assertRefused(() -> customers.updateAddress(id, added.id(), CustomerFixtures.address("赵七"),
                    added.version()), ConflictException.class, "version");
            assertThat(customers.address(id, added.id()).recipient()).isEqualTo("赵六六");
        }

        @Test
        void nobodyReachesAnotherCustomersAddress() {
            CustomerId owner = fixtures.customer().view().id();
            CustomerId other = fixtures.customer().view().id();
            ShippingAddress address = customers.addAddress(owner, CustomerFixtures.address("主人"));
            assertThat(customers.findAddress(other, address.id())).isEmpty();
            assertThatThrownBy(() -> customers.address(other, address.id())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> customers.updateAddress(other, address.id(), CustomerFixtures.address("x"),
                    address.version())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> customers.setDefaultAddress(other, address.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> customers.deleteAddress(other, address.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(customers.address(owner, address.id())).isEqualTo(address);
            assertThat(customers.addAddress(other, CustomerFixtures.address("别人")).isDefault())
                    .as("the failed delete gave back no place and moved no default").isTrue();
        }

        @Test
        void recordsAddressChangesWithoutPlaintextInTheAuditLog() {
            CustomerId id = fixtures.customer().view().id();
            customers.addAddress(id, new AddressDetails("审计人", "13700001111", "北京市", "北京市", "朝阳区",
                    "建国路 88 号", null));
            AuditEntry added = entries(id, "ADDRESS_ADDED").getFirst();
            assertThat(added.after()).contains("北京市").contains("137****1111").doesNotContain("13700001111")
                    .doesNotContain("建国路").doesNotContain("审计人");
        }

        // --- staff search -----------------------------------------------------------------------------------

        @Test
        void staffFindACustomerByTheWholePhoneNumberOrEmailOrANicknameFragment() {
            var customer = fixtures.customer();
            assertThat(customers.find(new CustomerQuery(customer.phone(), null, null), PageQuery.first(10)).items())
                    .containsExactly(customer.view());
            assertThat(customers.find(new CustomerQuery(null, customer.email().toUpperCase(Locale.ROOT), null),
                    PageQuery.first(10)).items()).containsExactly(customer.view());
            String fragment = customer.view().nickname().substring(2);
            assertThat(customers.find(new CustomerQuery(null, null, fragment), PageQuery.first(200)).items())
                    .contains(customer.view());
            assertThat(customers.find(new CustomerQuery(customer.phone(), null, "no-such-nick"), PageQuery.first(10))
                    .items()).isEmpty();
        }

        @Test
        void staffCannotSearchByAFragmentOfAnEncryptedField() {
            var customer = fixtures.customer();
            assertRefused(() -> customers.find(new CustomerQuery(customer.phone().substring(3), null, null),
                    PageQuery.first(10)), InvalidInputException.class, "phone");
            assertRefused(() -> customers.find(new CustomerQuery(null, "shopper", null), PageQuery.first(10)),
                    InvalidInputException.class, "email");
        }

        @Test
        void staffSeeTheAddressesMasked() {
            CustomerId id = fixtures.customer().view().id();
            customers.addAddress(id, CustomerFixtures.address("张三丰"));
            CustomerDetail detail = customers.detail(id);
            assertThat(detail.addresses()).singleElement().satisfies(a -> {
                assertThat(a.recipient()).isEqualTo("张**");
                assertThat(a.phone()).isEqualTo("138****8000");
                assertThat(a.detail()).isEqualTo("****");
                assertThat(a.city()).isEqualTo("上海市");
                assertThat(a.isDefault()).isTrue();
            });
        }

        int me(String token) throws Exception {
            return mvc.perform(get("/api/v1/store/me").header("Authorization", "Bearer " + token))
                    .andReturn().getResponse().getStatus();
        }

        long customerCount() {
            return jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
        }

        List<AuditEntry> entries(CustomerId id, String action) {
            return audit.find(new AuditQuery(null, action, "customer", id.toString(), null, null),
                    PageQuery.first(100)).items();
        }

        static String column(Map<String, Object> row, String name) {
            return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.valueOf(e.getValue())).findFirst().orElseThrow();
        }

        static void assertRefused(Runnable action, Class<? extends DomainException> type, String field) {
            assertThatThrownBy(action::run).isInstanceOf(type)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .contains(field));
        }

        /** Runs every task on its own thread, all released at once; returns their results in order. */
        static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<T>> futures = new ArrayList<>();
                for (Callable<T> task : tasks) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return task.call();
                    }));
                }
                start.countDown();
                List<T> results = new ArrayList<>();
                for (Future<T> future : futures) {
                    results.add(future.get(120, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
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
