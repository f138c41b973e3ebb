package io.shopops.customer.web;

import java.net.URI;

import io.shopops.customer.CurrentCustomer;
import io.shopops.customer.CustomerSession;
import io.shopops.customer.CustomerSessions;
import io.shopops.customer.CustomerView;
import io.shopops.customer.Customers;
import io.shopops.customer.NewCustomer;
import io.shopops.customer.RegistrationChannel;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's account endpoints: sign up, sign in (a bearer token), sign out, and who am I. */
@RestController
@RequestMapping("/api/v1/store")
class StoreAccountApi {

    /** Also the answer's detail when a sign-in is refused: the same whatever the reason. */
    static final String REFUSED = "The phone number or email and the password do not match an account that can"
            + " sign in now (repeated failures lock an account for a while)";

    private final Customers customers;
    private final CustomerSessions sessions;

    StoreAccountApi(Customers customers, CustomerSessions sessions) {
        this.customers = customers;
        this.sessions = sessions;
    }

    record SignUpRequest(@Nullable String phone, @Nullable String email, @Nullable String password,
            @Nullable String nickname, @Nullable String realName, @Nullable RegistrationChannel channel) {
    }

    /** {@code login} is the mobile number or the email the account was registered with. */
    record SignInRequest(@Nullable String login, @Nullable String password) {
    }

    @PostMapping("/customers")
    @RequiresPermission(RequiresPermission.PUBLIC)
    ResponseEntity<CustomerView> signUp(@RequestBody SignUpRequest request) {
        CustomerView created = customers.signUp(new NewCustomer(request.phone(), request.email(), request.password(),
                request.nickname(), request.realName(), request.channel()));
        return ResponseEntity.created(URI.create("/api/v1/store/me")).body(created);
    }

    /** Signs in: 201 with the token (shown this once), or 401 alike for every refusal. */
    @PostMapping("/sessions")
    @RequiresPermission(RequiresPermission.PUBLIC)
    ResponseEntity<CustomerSession> signIn(@RequestBody SignInRequest request) {
        CustomerSession session = sessions.signIn(request.login(), request.password())
                // answered by the storefront chain's entry point as a 401 problem detail
                .orElseThrow(() -> new BadCredentialsException(REFUSED));
        return ResponseEntity.created(URI.create("/api/v1/store/sessions/current")).body(session);
    }

    /** Signs out the token of this request; the customer's other devices stay signed in. */
    @DeleteMapping("/sessions/current")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    ResponseEntity<Void> signOut() {
        sessions.signOut();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    CustomerView me() {
        return customers.customer(CurrentCustomer.require());
    }
}
