package io.shopops.identity.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.shopops.identity.CreatedStaff;
import io.shopops.identity.Identity;
import io.shopops.identity.NewStaff;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.identity.StaffView;
import io.shopops.shared.DomainException;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormErrors;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts and the role matrix on the console. */
@ConsoleController
@RequestMapping("/console/staff")
class StaffConsole {

    private final Identity identity;

    StaffConsole(Identity identity) {
        this.identity = identity;
    }

    record StaffForm(String username, String displayName, @Nullable String email, @Nullable List<Role> roles) {

        static StaffForm empty() {
            return new StaffForm("", "", "", List.of());
        }
    }

    @GetMapping
    @RequiresPermission("staff:read")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("staff", identity.findStaff(q, role, new PageQuery(page, 20)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("roles", Role.values());
        return "identity/staff-list";
    }

    @GetMapping("/new")
    @RequiresPermission("staff:manage")
    String createForm(Model model) {
        model.addAttribute("form", StaffForm.empty());
        model.addAttribute("roles", Role.values());
        return "identity/staff-new";
    }

    @PostMapping
    @RequiresPermission("staff:manage")
    String create(StaffForm form, Model model, RedirectAttributes redirect) {
        try {
            CreatedStaff created = identity.createStaff(new NewStaff(form.username(), form.displayName(),
                    form.email(), roleSet(form.roles()), null));
            redirect.addFlashAttribute("temporaryPassword", created.temporaryPassword());
            return "redirect:/console/staff/" + created.staff().id();
        } catch (DomainException refused) {
            model.addAttribute("form", form);
            model.addAttribute("roles", Role.values());
            model.addAttribute("errors", FormErrors.of(refused));
            return "identity/staff-new";
        }
    }

    @GetMapping("/{id}")
    @RequiresPermission("staff:read")
    String detail(@PathVariable long id, Model model) {
        StaffView staff = identity.staff(id);
        model.addAttribute("member", staff);
        model.addAttribute("roles", Role.values());
        model.addAttribute("apiKeys", identity.apiKeys(id));
        return "identity/staff-detail";
    }

    @PostMapping("/{id}/roles")
    @RequiresPermission("staff:manage")
    String changeRoles(@PathVariable long id, @RequestParam(required = false) @Nullable List<Role> roles,
            @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> identity.changeRoles(id, roleSet(roles), version));
    }

    @PostMapping("/{id}/disable")
    @RequiresPermission("staff:manage")
    String disable(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> identity.disable(id, version));
    }

    @PostMapping("/{id}/enable")
    @RequiresPermission("staff:manage")
    String enable(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> identity.enable(id, version));
    }

    @PostMapping("/{id}/unlock")
    @RequiresPermission("staff:manage")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> identity.unlock(id));
    }

    @PostMapping("/{id}/password-reset")
    @RequiresPermission("staff:manage")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("temporaryPassword", identity.resetPassword(id).temporaryPassword());
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", FormErrors.of(refused));
        }
        return "redirect:/console/staff/" + id;
    }

    @PostMapping("/{id}/api-keys/{keyId}/revoke")
    @RequiresPermission("staff:manage")
    String revokeKey(@PathVariable long id, @PathVariable long keyId, RedirectAttributes redirect) {
        return act(id, redirect, () -> identity.revokeApiKey(id, keyId));
    }

    @GetMapping("/roles")
    @RequiresPermission("staff:read")
    String roles(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Arrays.asList(Permission.values()));
        return "identity/roles";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flashKey", "form.saved");
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", FormErrors.of(refused));
        } catch (org.springframework.dao.OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("errors", java.util.Map.of("version",
                    "the account was changed by someone else; review and try again"));
        }
        return "redirect:/console/staff/" + id;
    }

    private static Set<Role> roleSet(@Nullable List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
