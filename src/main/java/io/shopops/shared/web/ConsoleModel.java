package io.shopops.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.shared.Actor;
import io.shopops.shared.ShopProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's model holds: the member, the shop, and the current path for the navigation. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleModel {

    private final ShopProperties shop;
    private final Clock clock;

    ConsoleModel(ShopProperties shop, Clock clock) {
        this.shop = shop;
        this.clock = clock;
    }

    @ModelAttribute("now")
    Instant now() {
        return Instant.now(clock);
    }

    @ModelAttribute("me")
    @Nullable ConsoleUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)
                || actor.staffId() == null) {
            return null;
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toUnmodifiableSet());
        return new ConsoleUser(actor.staffId(), actor.username(), actor.displayName(), authorities);
    }

    @ModelAttribute("shop")
    ShopProperties shop() {
        return shop;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
