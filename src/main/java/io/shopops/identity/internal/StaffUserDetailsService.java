package io.shopops.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;
    private final Clock clock;

    StaffUserDetailsService(StaffAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var stored = accounts.findStoredByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such staff account"));
        Instant now = Instant.now(clock);
        return new StaffPrincipal(stored.view(), stored.passwordHash(), stored.view().isLockedAt(now));
    }
}
