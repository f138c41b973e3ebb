package io.shopops.payment.sandbox;

import java.util.List;
import java.util.Map;

import io.shopops.shared.NotFoundException;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox under a test's or a demo's control: pay or decline a payment as its buyer would on the cashier page,
 * inject faults into its next notification, and see the sandbox's books and the notifications it made (their
 * signed bodies, to deliver by hand, and how their delivery went). Payments are named by the provider payment id
 * ShopOps got when it started them.
 */
public class SandboxControls {

    private final SandboxBooks books;
    private final SandboxBuyer buyer;
    private final SandboxProperties properties;
    private final TransactionTemplate own;

    SandboxControls(SandboxBooks books, SandboxBuyer buyer, SandboxProperties properties, TransactionTemplate own) {
        this.books = books;
        this.buyer = buyer;
        this.properties = properties;
        this.own = own;
    }

    /** Pays as the buyer: the trade succeeds and its notification goes out in the background. */
    public SandboxTrade pay(String providerPaymentId) {
        return buyer.pay(trade(providerPaymentId).id());
    }

    /** Declines the buyer's attempt: the trade stays open, a failure notification goes out. */
    public SandboxTrade decline(String providerPaymentId) {
        return buyer.decline(trade(providerPaymentId).id());
    }

    /** Shapes the next notification of the payment (and its refunds). */
    public void inject(String providerPaymentId, SandboxFaults faults) {
        buyer.inject(trade(providerPaymentId).id(), faults);
    }

    public SandboxTrade trade(String providerPaymentId) {
        long id = SandboxTrade.id(providerPaymentId);
        return own.execute(status -> books.trade(id))
                .orElseThrow(() -> NotFoundException.of("Sandbox payment", providerPaymentId));
    }

    /** The payment's notifications in the order they are delivered, with their signed bodies and delivery. */
    public List<SandboxNotice> notifications(String providerPaymentId) {
        long id = trade(providerPaymentId).id();
        return own.execute(status -> books.notices(id));
    }

    /** Parameters signed with the sandbox's secret as a notification body: to craft notifications in tests. */
    public String signedBody(Map<String, String> parameters) {
        return SandboxSignature.signedBody(parameters, properties.secret());
    }
}
