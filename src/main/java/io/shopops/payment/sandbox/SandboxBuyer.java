package io.shopops.payment.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The buyer's side of the sandbox: paying or declining on the cashier page. A payment or a declined attempt is
 * recorded in the sandbox's books and makes a signed notification, which the {@link SandboxNotifier} delivers in
 * the background after the books are committed: never inside the request that paid. Faults injected for a trade
 * shape its next notification.
 */
class SandboxBuyer {

    private final SandboxBooks books;
    private final SandboxNotifier notifier;
    private final SandboxProperties properties;
    private final SandboxClock clock;
    private final TransactionTemplate own;
    private final Map<Long, SandboxFaults> faults = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> decliningRefunds = new ConcurrentHashMap<>();

    SandboxBuyer(SandboxBooks books, SandboxNotifier notifier, SandboxProperties properties, SandboxClock clock,
            TransactionTemplate own) {
        this.books = books;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
        this.own = own;
    }

    void inject(long tradeId, SandboxFaults injected) {
        faults.put(tradeId, injected);
        if (injected.refundsDeclined()) {
            decliningRefunds.put(tradeId, true);
        } else {
            decliningRefunds.remove(tradeId);
        }
    }

    boolean refundsDeclined(long tradeId) {
        return decliningRefunds.containsKey(tradeId);
    }

    /** Pays the trade if it is open; answers the trade as it is afterwards. */
    SandboxTrade pay(long tradeId) {
        return act(tradeId, true);
    }

    /** Declines the buyer's attempt if the trade is open (it stays open); answers the trade afterwards. */
    SandboxTrade decline(long tradeId) {
        return act(tradeId, false);
    }

    private SandboxTrade act(long tradeId, boolean pay) {
        List<SandboxNotice> toSend = new ArrayList<>();
        SandboxTrade trade = own.execute(status -> {
            Instant now = clock.now();
            books.closeIfExpired(tradeId, now);
            String tradeNo = SandboxProvider.number(now);
            boolean done = pay ? books.pay(tradeId, tradeNo, now) : books.decline(tradeId, tradeNo, now);
            SandboxTrade after = books.trade(tradeId).orElseThrow();
            if (done) {
                SandboxFaults shape = faults.remove(tradeId);
                toSend.addAll(notices(after, pay, shape == null ? SandboxFaults.none() : shape, now));
            }
            return after;
        });
        notifier.send(toSend);
        return trade;
    }

    /** Writes the notifications of a payment or a declined attempt; answers those to send now. */
    private List<SandboxNotice> notices(SandboxTrade trade, boolean paid, SandboxFaults shape, Instant now) {
        String notifyId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> parameters = parameters(trade, paid ? "TRADE_SUCCESS" : "TRADE_FAILED", notifyId, now,
                shape.amount());
        String body = SandboxSignature.signedBody(parameters,
                shape.forged() ? properties.secret() + "-forged" : properties.secret());
        SandboxNotice.Status status = shape.lost() ? SandboxNotice.Status.LOST : SandboxNotice.Status.PENDING;
        long delay = shape.delay().toMillis();
        List<SandboxNotice> send = new ArrayList<>();
        long first = books.insertNotice(trade.id(), notifyId, parameters.get("trade_status"), body, status, delay,
                null, now);
        send.add(books.notice(first).orElseThrow());
        for (int copy = 0; copy < shape.duplicates(); copy++) {
            long duplicate = books.insertNotice(trade.id(), notifyId, parameters.get("trade_status"), body, status,
                    delay, null, now);
            send.add(books.notice(duplicate).orElseThrow());
        }
        if (paid && shape.reordered()) {
            // an attempt declined before the payment, whose notification arrives after the payment's
            Instant earlier = now.minusSeconds(1);
            String staleId = UUID.randomUUID().toString().replace("-", "");
            Map<String, String> stale = parameters(trade, "TRADE_FAILED", staleId, earlier, null);
            books.insertNotice(trade.id(), staleId, "TRADE_FAILED", SandboxSignature.signedBody(stale,
                    properties.secret()), status, 0, first, now);
        }
        return shape.lost() ? List.of() : send;
    }

    /** A notification's parameters, named as Alipay names them. */
    Map<String, String> parameters(SandboxTrade trade, String tradeStatus, String notifyId, Instant at,
            @Nullable Money reportedAmount) {
        Map<String, String> parameters = new TreeMap<>();
        Money amount = reportedAmount == null ? trade.amount() : reportedAmount;
        parameters.put("notify_id", notifyId);
        parameters.put("notify_time", SandboxClock.format(at));
        parameters.put("notify_type", "trade_status_sync");
        parameters.put("out_trade_no", trade.outTradeNo());
        parameters.put("trade_no", String.valueOf(trade.tradeNo()));
        parameters.put("trade_status", tradeStatus);
        parameters.put("total_amount", amount.amount().toPlainString());
        parameters.put("currency", amount.currency().getCurrencyCode());
        parameters.put("subject", trade.subject());
        if (trade.reference() != null) {
            parameters.put("passback_params", trade.reference());
        }
        if (tradeStatus.equals("TRADE_SUCCESS")) {
            parameters.put("gmt_payment", SandboxClock.format(java.util.Objects.requireNonNull(trade.paidAt())));
        }
        return parameters;
    }
}
