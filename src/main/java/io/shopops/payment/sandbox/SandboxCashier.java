package io.shopops.payment.sandbox;

import io.shopops.shared.NotFoundException;
import io.shopops.shared.web.RequiresPermission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's cashier page, where a customer "pays" in demos and tests: merchant, subject and amount with Pay
 * and Decline buttons. Open to anyone (the unguessable token in its address is the only key, as with a real
 * provider's cashier); the forms carry the CSRF token like every other form.
 */
@Controller
@RequiresPermission(RequiresPermission.PUBLIC)
class SandboxCashier {

    private final SandboxBooks books;
    private final SandboxBuyer buyer;
    private final SandboxClock clock;
    private final TransactionTemplate own;

    SandboxCashier(SandboxBooks books, SandboxBuyer buyer, SandboxClock clock, TransactionTemplate own) {
        this.books = books;
        this.buyer = buyer;
        this.clock = clock;
        this.own = own;
    }

    @GetMapping(SandboxProvider.CASHIER_PATH + "{token}")
    String page(@PathVariable String token, Model model) {
        SandboxTrade trade = trade(token);
        boolean open = open(trade);
        boolean expired = !trade.expiresAt().isAfter(clock.now());
        model.addAttribute("trade", trade);
        model.addAttribute("open", open);
        model.addAttribute("state", expired && !open && trade.status() != SandboxTrade.Status.SUCCESS ? "CLOSED"
                : trade.status().name());
        return "payment/sandbox-cashier";
    }

    /**
     * The buyer's decision ({@code pay} or {@code decline}), then back to the page (post/redirect/get), which
     * shows the outcome: {@code paid}, {@code declined}, or {@code unchanged} when the trade was no longer open.
     */
    @PostMapping(SandboxProvider.CASHIER_PATH + "{token}")
    String decide(@PathVariable String token, @RequestParam(defaultValue = "") String decision,
            RedirectAttributes redirect) {
        SandboxTrade trade = trade(token);
        String outcome = "unchanged";
        if (open(trade) && decision.equals("pay")) {
            outcome = buyer.pay(trade.id()).status() == SandboxTrade.Status.SUCCESS ? "paid" : outcome;
        } else if (open(trade) && decision.equals("decline")) {
            outcome = buyer.decline(trade.id()).status() == SandboxTrade.Status.FAILED ? "declined" : outcome;
        }
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:" + SandboxProvider.CASHIER_PATH + token;
    }

    private boolean open(SandboxTrade trade) {
        return trade.expiresAt().isAfter(clock.now()) && (trade.status() == SandboxTrade.Status.WAIT_BUYER_PAY
                || trade.status() == SandboxTrade.Status.FAILED);
    }

    private SandboxTrade trade(String token) {
        if (token.length() > 64) {
            throw NotFoundException.of("Sandbox payment", "with this token");
        }
        return own.execute(status -> books.tradeByToken(token))
                .orElseThrow(() -> NotFoundException.of("Sandbox payment", "with this token"));
    }
}
