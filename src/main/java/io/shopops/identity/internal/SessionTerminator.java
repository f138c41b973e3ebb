package io.shopops.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a member's console sessions on every node, when their roles change or the account is disabled.
 * Without a web server (the {@code demo-shop} command) there are no sessions to end.
 */
@Component
class SessionTerminator {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    void endSessionsOf(String username) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(username).keySet()
                .forEach(repository::deleteById));
    }
}
