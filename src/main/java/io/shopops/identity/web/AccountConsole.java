package io.shopops.identity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.shopops.identity.Identity;
import io.shopops.identity.IssuedApiKey;
import io.shopops.identity.internal.StaffPrincipal;
import io.shopops.shared.Actors;
import io.shopops.shared.DomainException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormErrors;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in member's own account: profile, password, API keys. */
@ConsoleController
@RequestMapping("/console/account")
@RequiresPermission(RequiresPermission.AUTHENTICATED)
class AccountConsole {

    private final Identity identity;
    private final ShopProperties shop;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountConsole(Identity identity, ShopProperties shop) {
        this.identity = identity;
        this.shop = shop;
    }

    @GetMapping
    String account(Model model) {
        long id = currentStaffId();
        model.addAttribute("member", identity.staff(id));
        model.addAttribute("apiKeys", identity.apiKeys(id));
        return "identity/account";
    }

    @GetMapping("/password")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword", "does not match the new password"));
            return "identity/password";
        }
        try {
            identity.changePassword(currentStaffId(), currentPassword, newPassword);
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.of(refused));
            return "identity/password";
        }
        refreshPrincipal(request, response);
        redirect.addFlashAttribute("flashKey", "account.passwordChanged");
        return "redirect:/console";
    }

    @PostMapping("/api-keys")
    String issueKey(@RequestParam String name, @RequestParam(required = false) @Nullable LocalDate expiresOn,
            RedirectAttributes redirect) {
        try {
            Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(shop.zone()).toInstant();
            IssuedApiKey issued = identity.issueApiKey(currentStaffId(), name, expiresAt);
            redirect.addFlashAttribute("issuedToken", issued.token());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", FormErrors.of(refused));
        }
        return "redirect:/console/account";
    }

    @PostMapping("/api-keys/{keyId}/revoke")
    String revokeKey(@PathVariable long keyId, RedirectAttributes redirect) {
        try {
            identity.revokeApiKey(currentStaffId(), keyId);
            redirect.addFlashAttribute("flashKey", "form.saved");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", FormErrors.of(refused));
        }
        return "redirect:/console/account";
    }

    /** After choosing a password the member is no longer held on the password page. */
    private void refreshPrincipal(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof StaffPrincipal principal) {
            StaffPrincipal changed = principal.withPasswordChanged();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null,
                    changed.getAuthorities()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
    }

    private static long currentStaffId() {
        Long id = Actors.current().staffId();
        if (id == null) {
            throw new IllegalStateException("An authenticated staff member is required");
        }
        return id;
    }
}
