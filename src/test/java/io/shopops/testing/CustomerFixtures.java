package io.shopops.testing;

import java.util.concurrent.atomic.AtomicLong;

import io.shopops.customer.AddressDetails;
import io.shopops.customer.CustomerSession;
import io.shopops.customer.CustomerSessions;
import io.shopops.customer.CustomerView;
import io.shopops.customer.Customers;
import io.shopops.customer.NewCustomer;
import io.shopops.customer.RegistrationChannel;

import org.springframework.stereotype.Component;

/**
 * Storefront customers for tests, signed up and signed in through the customer module's facades as the
 * storefront would. Phone numbers and emails are unique per run, since test contexts share their database.
 * {@code signedIn().bearer()} is the {@code Authorization} header of a customer's storefront request.
 */
@Component
public class CustomerFixtures {

    public static final String PASSWORD = "shopper-pass-42";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000L);

    private final Customers customers;
    private final CustomerSessions sessions;

    CustomerFixtures(Customers customers, CustomerSessions sessions) {
        this.customers = customers;
        this.sessions = sessions;
    }

    /** A mainland mobile number (11 digits starting with 1) no other test uses. */
    public static String uniquePhone() {
        return "199" + "%08d".formatted(SEQUENCE.incrementAndGet() % 100_000_000L);
    }

    public static String uniqueEmail() {
        return "shopper-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    /** A valid address in Shanghai for the given recipient. */
    public static AddressDetails address(String recipient) {
        return new AddressDetails(recipient, "13800138000", "上海市", "上海市", "浦东新区", "世纪大道 100 号 8 楼",
                "200120");
    }

    /** A customer signed up with a phone number and an email (password {@value #PASSWORD}), not signed in. */
    public Registered customer() {
        String phone = uniquePhone();
        String email = uniqueEmail();
        CustomerView view = customers.signUp(new NewCustomer(phone, email, PASSWORD, "顾客" + phone.substring(7),
                null, RegistrationChannel.WEB));
        return new Registered(view, phone, email);
    }

    /** A new customer, signed in with their phone number. */
    public SignedIn signedIn() {
        Registered customer = customer();
        return new SignedIn(customer.view(), customer.phone(), customer.email(), signIn(customer.phone()));
    }

    /** Signs in again (another device) with a phone number or email and {@value #PASSWORD}; returns the token. */
    public String signIn(String login) {
        CustomerSession session = sessions.signIn(login, PASSWORD)
                .orElseThrow(() -> new IllegalStateException("sign-in of " + login + " was refused"));
        return session.token();
    }

    public record Registered(CustomerView view, String phone, String email) {
    }

    public record SignedIn(CustomerView view, String phone, String email, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }
}
