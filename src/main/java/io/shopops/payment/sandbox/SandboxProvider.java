package io.shopops.payment.sandbox;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.payment.NotificationRejectedException;
import io.shopops.payment.PaymentIncident;
import io.shopops.payment.PaymentProvider;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The merchant's side of the sandbox: what ShopOps calls. Every call runs in a transaction of the sandbox's own
 * (a real provider's books do not roll back with the merchant's), and is idempotent by the merchant's numbers.
 */
class SandboxProvider implements PaymentProvider {

    static final String CODE = "sandbox";
    static final String CASHIER_PATH = "/sandbox/pay/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxBooks books;
    private final SandboxBuyer buyer;
    private final SandboxProperties properties;
    private final SandboxClock clock;
    private final String merchant;
    private final TransactionTemplate own;

    SandboxProvider(SandboxBooks books, SandboxBuyer buyer, SandboxProperties properties, SandboxClock clock,
            String merchant, TransactionTemplate own) {
        this.books = books;
        this.buyer = buyer;
        this.properties = properties;
        this.clock = clock;
        this.merchant = merchant;
        this.own = own;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Checkout create(CheckoutRequest request) {
        SandboxTrade trade;
        try {
            trade = own.execute(status -> books.tradeByOutTradeNo(request.merchantTradeNo()).orElseGet(() -> {
                long id = books.insertTrade(token(), request.merchantTradeNo(), merchant, request.subject(),
                        request.reference(), request.amount(), clock.now(), request.expiresAt());
                return books.trade(id).orElseThrow();
            }));
        } catch (DuplicateKeyException sameTradeAtOnce) {
            trade = own.execute(status -> books.tradeByOutTradeNo(request.merchantTradeNo()).orElseThrow());
        }
        String url = cashierUrl(trade.token());
        return new Checkout(trade.providerPaymentId(), url, url);
    }

    String cashierUrl(String token) {
        String base = properties.cashierBaseUrl() == null ? "" : properties.cashierBaseUrl().replaceAll("/+$", "");
        return base + CASHIER_PATH + token;
    }

    @Override
    public Trade query(String merchantTradeNo) {
        return own.execute(status -> books.tradeByOutTradeNo(merchantTradeNo).map(trade -> {
            books.closeIfExpired(trade.id(), clock.now());
            return trade(books.trade(trade.id()).orElseThrow());
        }).orElseGet(() -> new Trade(merchantTradeNo, TradeState.NOT_FOUND, null, null, null, null)));
    }

    @Override
    public Trade close(String merchantTradeNo) {
        return own.execute(status -> books.tradeByOutTradeNo(merchantTradeNo).map(trade -> {
            books.close(trade.id(), clock.now());
            return trade(books.trade(trade.id()).orElseThrow());
        }).orElseGet(() -> new Trade(merchantTradeNo, TradeState.NOT_FOUND, null, null, null, null)));
    }

    static Trade trade(SandboxTrade trade) {
        TradeState state = switch (trade.status()) {
            case WAIT_BUYER_PAY -> TradeState.PENDING;
            case FAILED -> TradeState.FAILED;
            case SUCCESS -> TradeState.SUCCEEDED;
            case CLOSED -> TradeState.CLOSED;
        };
        Instant at = trade.status() == SandboxTrade.Status.SUCCESS ? trade.paidAt()
                : trade.status() == SandboxTrade.Status.CLOSED ? trade.closedAt() : null;
        return new Trade(trade.outTradeNo(), state, trade.tradeNo(), trade.amount(), trade.reference(), at);
    }

    @Override
    public RefundOutcome refund(RefundOrder order) {
        try {
            return own.execute(status -> refundOnce(order));
        } catch (DuplicateKeyException sameRequestAtOnce) {
            return queryRefund(order.merchantTradeNo(), order.merchantRefundNo());
        }
    }

    private RefundOutcome refundOnce(RefundOrder order) {
        Optional<SandboxTrade> found = books.tradeByOutTradeNo(order.merchantTradeNo());
        if (found.isEmpty()) {
            return new RefundOutcome(order.merchantRefundNo(), RefundState.FAILED, null, "TRADE_NOT_EXIST",
                    clock.now());
        }
        SandboxTrade trade = found.get();
        Optional<SandboxRefund> earlier = books.refund(trade.id(), order.merchantRefundNo());
        if (earlier.isPresent()) {
            return outcome(earlier.get());
        }
        Instant now = clock.now();
        String refundNo = number(now);
        String declined = null;
        if (trade.status() != SandboxTrade.Status.SUCCESS) {
            declined = "TRADE_STATUS_ERROR: the trade is not paid";
        } else if (!order.amount().currency().equals(trade.amount().currency())) {
            declined = "CURRENCY_NOT_MATCH";
        } else if (buyer.refundsDeclined(trade.id())) {
            declined = "REFUND_DECLINED: declined by the sandbox";
        } else if (!books.takeRefund(trade.id(), order.amount())) {
            declined = "REFUND_AMT_NOT_EQUAL_TOTAL: more than is left to refund";
        }
        books.insertRefund(trade.id(), order.merchantRefundNo(), refundNo, order.amount(),
                declined == null ? SandboxRefund.Status.SUCCESS : SandboxRefund.Status.DECLINED, declined, now);
        return outcome(books.refund(trade.id(), order.merchantRefundNo()).orElseThrow());
    }

    @Override
    public RefundOutcome queryRefund(String merchantTradeNo, String merchantRefundNo) {
        return own.execute(status -> books.tradeByOutTradeNo(merchantTradeNo)
                .flatMap(trade -> books.refund(trade.id(), merchantRefundNo))
                .map(SandboxProvider::outcome)
                .orElseGet(() -> new RefundOutcome(merchantRefundNo, RefundState.NOT_FOUND, null, null, null)));
    }

    private static RefundOutcome outcome(SandboxRefund refund) {
        return refund.status() == SandboxRefund.Status.SUCCESS
                ? new RefundOutcome(refund.outRequestNo(), RefundState.SUCCEEDED, refund.refundNo(), null,
                        refund.createdAt())
                : new RefundOutcome(refund.outRequestNo(), RefundState.FAILED, refund.refundNo(), refund.reason(),
                        refund.createdAt());
    }

    @Override
    public Notification verify(Map<String, String> headers, String body) {
        Map<String, String> parameters;
        try {
            parameters = SandboxSignature.parse(body);
        } catch (IllegalArgumentException unreadable) {
            throw new NotificationRejectedException(PaymentIncident.Kind.MALFORMED, unreadable.getMessage());
        }
        if (!SandboxSignature.verify(parameters, properties.secret())) {
            throw new NotificationRejectedException(PaymentIncident.Kind.SIGNATURE_INVALID,
                    "the signature does not verify");
        }
        String notifyId = required(parameters, "notify_id");
        String outTradeNo = required(parameters, "out_trade_no");
        TradeState state = switch (required(parameters, "trade_status")) {
            case "TRADE_SUCCESS" -> TradeState.SUCCEEDED;
            case "TRADE_FAILED" -> TradeState.FAILED;
            case "TRADE_CLOSED" -> TradeState.CLOSED;
            case "WAIT_BUYER_PAY" -> TradeState.PENDING;
            default -> throw malformed("trade_status is not a known status");
        };
        String tradeNo = parameters.get("trade_no");
        if (state == TradeState.SUCCEEDED && (tradeNo == null || tradeNo.isBlank())) {
            throw malformed("trade_no is required for TRADE_SUCCESS");
        }
        Money amount;
        try {
            amount = Money.of(new BigDecimal(required(parameters, "total_amount")),
                    Currency.getInstance(required(parameters, "currency")));
        } catch (IllegalArgumentException wrongNumberOrCurrency) {
            throw malformed("total_amount and currency must be an amount and an ISO 4217 code");
        }
        Instant at;
        try {
            String time = state == TradeState.SUCCEEDED ? required(parameters, "gmt_payment")
                    : required(parameters, "notify_time");
            at = SandboxClock.parse(time);
        } catch (DateTimeException unreadable) {
            throw malformed("gmt_payment and notify_time must be times as yyyy-MM-dd HH:mm:ss");
        }
        return new Notification(notifyId, new Trade(outTradeNo, state, tradeNo == null || tradeNo.isBlank() ? null
                : tradeNo, amount, blankToNull(parameters.get("passback_params")), at));
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw malformed(name + " is required");
        }
        return value;
    }

    private static NotificationRejectedException malformed(String reason) {
        return new NotificationRejectedException(PaymentIncident.Kind.MALFORMED, reason);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The sandbox plays the provider, so its books must hold the imported history too: each trade is recorded as
     * paid, with its refunds, in the import's transaction (not the sandbox's own: the copy is all or nothing).
     */
    @Override
    public Map<String, String> importHistorical(List<HistoricalTrade> trades) {
        List<Long> ids = books.insertPaidTrades(trades.stream()
                .map(trade -> new SandboxBooks.PaidTrade(token(), merchant, trade)).toList());
        Map<String, String> providerIds = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            providerIds.put(trades.get(i).merchantTradeNo(), SandboxTrade.providerPaymentId(ids.get(i)));
        }
        return providerIds;
    }

    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement("text/plain;charset=UTF-8", "success");
    }

    @Override
    public List<StatementLine> statement(LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<StatementLine> lines = new ArrayList<>();
        own.executeWithoutResult(status -> {
            for (SandboxTrade trade : books.paidBetween(from, to)) {
                lines.add(new StatementLine(StatementLine.Kind.CAPTURE, trade.outTradeNo(), null,
                        String.valueOf(trade.tradeNo()), trade.amount(), java.util.Objects.requireNonNull(trade.paidAt())));
            }
            for (SandboxBooks.RefundLine line : books.refundedBetween(from, to)) {
                lines.add(new StatementLine(StatementLine.Kind.REFUND, line.outTradeNo(),
                        line.refund().outRequestNo(), line.refund().refundNo(), line.refund().amount(),
                        line.refund().createdAt()));
            }
        });
        return lines;
    }

    /** 32 random bytes, URL-safe: the cashier page's address cannot be guessed. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A 28-digit number as Alipay's: the day in China time, then 20 random digits. */
    static String number(Instant now) {
        StringBuilder number = new StringBuilder(SandboxClock.format(now).substring(0, 10).replace("-", ""));
        for (int i = 0; i < 20; i++) {
            number.append(RANDOM.nextInt(10));
        }
        return number.toString();
    }
}
