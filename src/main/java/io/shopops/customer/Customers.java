package io.shopops.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shopops.audit.AuditLog;
import io.shopops.customer.internal.AddressRepository;
import io.shopops.customer.internal.Contacts;
import io.shopops.customer.internal.CustomerAccountRepository;
import io.shopops.customer.internal.CustomerAccountRepository.NewAccount;
import io.shopops.customer.internal.CustomerPasswords;
import io.shopops.customer.internal.CustomerPrincipal;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import io.shopops.shared.privacy.Masks;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer accounts and their shipping addresses: signing up, what a customer (masked) looks like to the
 * storefront and to staff, finding customers, and keeping addresses. Personal data is encrypted before it
 * reaches the database and never leaves this module unmasked except as the customer's own addresses. Every
 * change is written to the audit log in the same transaction, naming the customer who made it.
 */
@Service
public class Customers {

    /** A customer keeps at most this many addresses (a CHECK constraint holds the database to it too). */
    public static final int MAX_ADDRESSES = 20;

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{6}");

    private final CustomerAccountRepository accounts;
    private final AddressRepository addresses;
    private final CustomerPasswords passwords;
    private final AuditLog audit;
    private final Clock clock;

    Customers(CustomerAccountRepository accounts, AddressRepository addresses, CustomerPasswords passwords,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates an account. A phone number or email already registered is refused with 409 naming the field, and
     * nothing else about the account that holds it.
     */
    @Transactional
    public CustomerView signUp(NewCustomer customer) {
        Violations v = new Violations();
        boolean phoneGiven = hasText(customer.phone());
        boolean emailGiven = hasText(customer.email());
        String phone = phoneGiven ? Contacts.phone(customer.phone()).orElse(null) : null;
        String email = emailGiven ? Contacts.email(customer.email()).orElse(null) : null;
        v.check(!phoneGiven || phone != null, "phone", Contacts.PHONE_RULE);
        v.check(!emailGiven || email != null, "email", Contacts.EMAIL_RULE);
        if (!phoneGiven && !emailGiven) {
            v.add("phone", "is required unless an email is given");
            v.add("email", "is required unless a phone number is given");
        }
        passwords.check(v, "password", customer.password());
        v.text("nickname", customer.nickname(), true, 30);
        v.text("realName", customer.realName(), false, 50);
        v.throwIfAny();

        List<FieldViolation> taken = new ArrayList<>();
        if (phone != null && accounts.phoneTaken(phone)) {
            taken.add(new FieldViolation("phone", "is already registered"));
        }
        if (email != null && accounts.emailTaken(email)) {
            taken.add(new FieldViolation("email", "is already registered"));
        }
        if (!taken.isEmpty()) {
            throw new ConflictException(taken.size() == 1 ? taken.getFirst().field() + " is already registered"
                    : "phone and email are already registered", taken);
        }
        CustomerId id = accounts.insert(new NewAccount(phone, email, trimToNull(customer.realName()),
                customer.nickname().strip(), passwords.hash(customer.password()),
                customer.channel() == null ? RegistrationChannel.WEB : customer.channel(), Instant.now(clock)));
        CustomerView created = customer(id);
        audit.record(CustomerPrincipal.actor(id), "CUSTOMER_SIGNED_UP", "customer", id, created.nickname(), null,
                created);
        return created;
    }

    /** The most customers one import may carry. */
    public static final int MAX_IMPORT = 100_000;

    /**
     * Imports accounts kept by another system (or generated for the demo shop), with their addresses, in JDBC
     * batches: history, not sign-ups. Everything is checked first, with the sign-up's rules, and refused with 400
     * naming each field ({@code customers[3].phone}, {@code customers[3].addresses[0].postalCode}); a phone number
     * or email registered already, or given twice in the import, is refused with 409 naming the field. Nothing is
     * written then.
     *
     * <p>Personal data is encrypted exactly as a sign-up's. Imported accounts have no usable password: they all
     * carry the hash of one random secret that is thrown away (hashing a password per account with Argon2 would take
     * minutes for thousands), so nobody can sign in to them until a password is set. No event is published and no
     * audit entry is written per account: one entry records the import and its size.
     */
    @Transactional
    public List<ImportedCustomer> importHistorical(List<HistoricalCustomer> customers) {
        Violations v = new Violations();
        if (customers.isEmpty()) {
            v.add("customers", "must contain at least one customer");
        } else if (customers.size() > MAX_IMPORT) {
            v.add("customers", "must contain at most " + MAX_IMPORT + " customers");
        }
        v.throwIfAny();
        Instant now = Instant.now(clock);
        List<NewAccount> checkedAccounts = new ArrayList<>(customers.size());
        List<List<AddressDetails>> addressesOf = new ArrayList<>(customers.size());
        java.util.Map<String, Integer> phones = new java.util.HashMap<>();
        java.util.Map<String, Integer> emails = new java.util.HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            HistoricalCustomer customer = customers.get(i);
            Violations at = v.nested("customers[" + i + "]");
            if (customer == null) {
                at.add("nickname", "is required");
                continue;
            }
            boolean phoneGiven = hasText(customer.phone());
            boolean emailGiven = hasText(customer.email());
            String phone = phoneGiven ? Contacts.phone(customer.phone()).orElse(null) : null;
            String email = emailGiven ? Contacts.email(customer.email()).orElse(null) : null;
            at.check(!phoneGiven || phone != null, "phone", Contacts.PHONE_RULE);
            at.check(!emailGiven || email != null, "email", Contacts.EMAIL_RULE);
            if (!phoneGiven && !emailGiven) {
                at.add("phone", "is required unless an email is given");
                at.add("email", "is required unless a phone number is given");
            }
            if (phone != null) {
                Integer first = phones.putIfAbsent(phone, i);
                at.check(first == null, "phone", "is also given for customers[" + first + "]");
            }
            if (email != null) {
                Integer first = emails.putIfAbsent(Contacts.emailKey(email), i);
                at.check(first == null, "email", "is also given for customers[" + first + "]");
            }
            at.text("nickname", customer.nickname(), true, 30);
            at.text("realName", customer.realName(), false, 50);
            at.check(customer.channel() != null, "channel", "is required");
            if (customer.registeredAt() == null) {
                at.add("registeredAt", "is required");
            } else {
                at.check(!customer.registeredAt().isAfter(now), "registeredAt", "must not be in the future");
            }
            List<AddressDetails> given = customer.addresses() == null ? List.of() : customer.addresses();
            List<AddressDetails> checked = new ArrayList<>();
            if (given.size() > MAX_ADDRESSES) {
                at.add("addresses", "must contain at most " + MAX_ADDRESSES + " addresses");
            } else {
                for (int a = 0; a < given.size(); a++) {
                    Violations addressAt = at.nested("addresses[" + a + "]");
                    if (given.get(a) == null) {
                        addressAt.add("recipient", "is required");
                        continue;
                    }
                    AddressDetails address = check(addressAt, given.get(a));
                    if (address != null) {
                        checked.add(address);
                    }
                }
            }
            if (v.isEmpty()) {
                checkedAccounts.add(new NewAccount(phone, email, trimToNull(customer.realName()),
                        customer.nickname().strip(), "", customer.channel(), customer.registeredAt()));
                addressesOf.add(checked);
            }
        }
        v.throwIfAny();

        List<FieldViolation> taken = new ArrayList<>();
        java.util.Set<String> phonesTaken = accounts.phonesTaken(phones.keySet());
        java.util.Set<String> emailsTaken = accounts.emailsTaken(checkedAccounts.stream().map(NewAccount::email)
                .filter(java.util.Objects::nonNull).toList());
        for (int i = 0; i < checkedAccounts.size(); i++) {
            NewAccount account = checkedAccounts.get(i);
            if (account.phone() != null && phonesTaken.contains(account.phone())) {
                taken.add(new FieldViolation("customers[" + i + "].phone", "is already registered"));
            }
            if (account.email() != null && emailsTaken.contains(account.email())) {
                taken.add(new FieldViolation("customers[" + i + "].email", "is already registered"));
            }
        }
        if (!taken.isEmpty()) {
            throw new ConflictException(taken.size() + " phone numbers or emails are already registered", taken);
        }

        String noPassword = passwords.hash(unusablePassword());
        List<CustomerId> ids = accounts.insertAll(checkedAccounts.stream().map(a -> new NewAccount(a.phone(), a.email(),
                a.realName(), a.nickname(), noPassword, a.channel(), a.registeredAt())).toList());
        List<AddressRepository.NewAddress> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (AddressDetails address : addressesOf.get(i)) {
                rows.add(new AddressRepository.NewAddress(ids.get(i), address, checkedAccounts.get(i).registeredAt()));
            }
        }
        List<AddressId> addressIds = addresses.insertAll(rows);
        List<ImportedCustomer> imported = new ArrayList<>(ids.size());
        List<CustomerAccountRepository.AddressPlaces> places = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < ids.size(); i++) {
            int count = addressesOf.get(i).size();
            List<AddressId> own = addressIds.subList(next, next + count);
            next += count;
            imported.add(new ImportedCustomer(ids.get(i), own));
            if (count > 0) {
                places.add(new CustomerAccountRepository.AddressPlaces(ids.get(i), count, own.getFirst()));
            }
        }
        accounts.setAddressPlaces(places);
        audit.record("CUSTOMERS_IMPORTED", "customer", null,
                "%d historical customers with %d addresses imported".formatted(ids.size(), addressIds.size()), null,
                null);
        return imported;
    }

    /** 32 random bytes nobody keeps: what imported accounts' password hash is made of. */
    private static String unusablePassword() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getEncoder().encodeToString(secret) + "a1";
    }

    /** Which of the ids are customers' (for bulk work such as issuing coupons to a list). */
    @Transactional(readOnly = true)
    public java.util.Set<CustomerId> existing(java.util.Collection<CustomerId> ids) {
        return accounts.existing(ids);
    }

    @Transactional(readOnly = true)
    public CustomerView customer(CustomerId id) {
        return accounts.find(id).orElseThrow(() -> NotFoundException.of("Customer", id));
    }

    /** What staff may see of a customer: the account, its sign-in state and its addresses, all masked. */
    @Transactional(readOnly = true)
    public CustomerDetail detail(CustomerId id) {
        CustomerView customer = customer(id);
        var state = accounts.signInState(id).orElseThrow(() -> NotFoundException.of("Customer", id));
        List<MaskedAddress> masked = addresses.findAll(id).stream().map(Customers::masked).toList();
        return new CustomerDetail(customer, state.lastSignInAt(), state.lockedUntil(), masked);
    }

    /**
     * Finds customers for staff, newest first. Phone numbers and emails are stored encrypted, so they match
     * only when given in full (a fragment is refused naming the field); nicknames match by fragment.
     */
    @Transactional(readOnly = true)
    public Page<CustomerView> find(CustomerQuery query, PageQuery page) {
        Violations v = new Violations();
        String phone = hasText(query.phone()) ? Contacts.phone(query.phone()).orElse(null) : null;
        String email = hasText(query.email()) ? Contacts.email(query.email()).orElse(null) : null;
        v.check(!hasText(query.phone()) || phone != null, "phone", Contacts.PHONE_RULE
                + " (phone numbers are stored encrypted: only a whole number can be searched)");
        v.check(!hasText(query.email()) || email != null, "email", Contacts.EMAIL_RULE
                + " (emails are stored encrypted: only a whole address can be searched)");
        v.text("nickname", query.nickname(), false, 30);
        v.throwIfAny();
        return accounts.find(phone, email, trimToNull(query.nickname()), page);
    }

    // --- addresses ------------------------------------------------------------------------------------------

    /** The customer's addresses in full, the default first. */
    @Transactional(readOnly = true)
    public List<ShippingAddress> addresses(CustomerId customer) {
        if (!accounts.exists(customer)) {
            throw NotFoundException.of("Customer", customer);
        }
        return addresses.findAll(customer);
    }

    /** One of the customer's addresses in full, as an order copies it; 404 when the customer has no such address. */
    @Transactional(readOnly = true)
    public ShippingAddress address(CustomerId customer, AddressId id) {
        return findAddress(customer, id).orElseThrow(() -> NotFoundException.of("Address", id));
    }

    /**
     * One of the customer's addresses, or empty: for callers that took the id from a request body and refuse a
     * missing one naming their own field ({@code NotFoundException.reference("addressId", ...)}).
     */
    @Transactional(readOnly = true)
    public Optional<ShippingAddress> findAddress(CustomerId customer, AddressId id) {
        return addresses.find(customer, id);
    }

    /** Adds an address; the customer's first becomes their default. At most {@value #MAX_ADDRESSES} (422 beyond). */
    @Transactional
    public ShippingAddress addAddress(CustomerId customer, AddressDetails details) {
        AddressDetails address = checked(details);
        if (!accounts.takeAddressPlace(customer, MAX_ADDRESSES)) {
            if (!accounts.exists(customer)) {
                throw NotFoundException.of("Customer", customer);
            }
            throw new BusinessRuleException("address-limit",
                    "A customer keeps at most " + MAX_ADDRESSES + " addresses; delete one first");
        }
        AddressId id = addresses.insert(customer, address, Instant.now(clock));
        accounts.defaultIfNone(customer, id);
        ShippingAddress added = address(customer, id);
        audit.record("ADDRESS_ADDED", "customer", customer, "address " + id, null, masked(added));
        return added;
    }

    /** Replaces an address's parts; {@code expectedVersion} is the version the client read (409 if stale). */
    @Transactional
    public ShippingAddress updateAddress(CustomerId customer, AddressId id, AddressDetails details,
            long expectedVersion) {
        AddressDetails address = checked(details);
        ShippingAddress before = address(customer, id);
        if (!addresses.update(customer, id, address, expectedVersion, Instant.now(clock))) {
            throw new ConflictException("version",
                    "is stale: the address was changed meanwhile; reload it and try again");
        }
        ShippingAddress after = address(customer, id);
        audit.record("ADDRESS_UPDATED", "customer", customer, "address " + id, masked(before), masked(after));
        return after;
    }

    /** Deletes an address; if it was the default, the most recently changed remaining one becomes the default. */
    @Transactional
    public void deleteAddress(CustomerId customer, AddressId id) {
        ShippingAddress before = address(customer, id);
        // the account's row first: it orders concurrent changes of this customer's addresses
        accounts.releaseAddressPlace(customer, id);
        if (!addresses.delete(customer, id)) {
            throw NotFoundException.of("Address", id);
        }
        addresses.mostRecent(customer).ifPresent(next -> accounts.defaultIfNone(customer, next));
        audit.record("ADDRESS_DELETED", "customer", customer, "address " + id, masked(before), null);
    }

    @Transactional
    public ShippingAddress setDefaultAddress(CustomerId customer, AddressId id) {
        if (!accounts.setDefaultAddress(customer, id)) {
            throw NotFoundException.of("Address", id);
        }
        ShippingAddress after = address(customer, id);
        audit.record("ADDRESS_DEFAULT_SET", "customer", customer, "address " + id, null, masked(after));
        return after;
    }

    private static AddressDetails checked(AddressDetails address) {
        Violations v = new Violations();
        AddressDetails normalised = check(v, address);
        v.throwIfAny();
        return java.util.Objects.requireNonNull(normalised);
    }

    /** Adds the reasons the address is refused; answers it trimmed and normalised, or null when refused. */
    private static @Nullable AddressDetails check(Violations v, AddressDetails address) {
        int before = v.list().size();
        v.text("recipient", address.recipient(), true, 50);
        String phone = hasText(address.phone()) ? Contacts.phone(address.phone()).orElse(null) : null;
        if (!hasText(address.phone())) {
            v.add("phone", "is required");
        } else {
            v.check(phone != null, "phone", Contacts.PHONE_RULE);
        }
        v.text("province", address.province(), true, 30);
        v.text("city", address.city(), true, 30);
        v.text("district", address.district(), true, 30);
        v.text("detail", address.detail(), true, 200);
        String postalCode = trimToNull(address.postalCode());
        v.check(postalCode == null || POSTAL_CODE.matcher(postalCode).matches(), "postalCode", "must be 6 digits");
        if (v.list().size() > before) {
            return null;
        }
        return new AddressDetails(address.recipient().strip(), phone, address.province().strip(),
                address.city().strip(), address.district().strip(), address.detail().strip(), postalCode);
    }

    static MaskedAddress masked(ShippingAddress address) {
        return new MaskedAddress(address.id(), Masks.name(address.recipient()), Masks.phone(address.phone()),
                address.province(), address.city(), address.district(), "****", address.postalCode(),
                address.isDefault());
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return hasText(value) ? value.strip() : null;
    }
}
