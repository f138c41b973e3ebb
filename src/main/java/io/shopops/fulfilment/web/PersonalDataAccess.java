package io.shopops.fulfilment.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sees a recipient's name, phone and street in full: those who print labels and hand parcels over, that is
 * members holding {@code fulfilment:write}. Everyone else who may read shipments sees them masked.
 */
final class PersonalDataAccess {

    static final String WRITE = "fulfilment:write";

    private PersonalDataAccess() {
    }

    static boolean fullRecipient() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> WRITE.equals(a.getAuthority()));
    }
}
