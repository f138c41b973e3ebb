package io.shopops.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.shopops.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Everything secret about staff accounts in one place: password hashing and policy, API key tokens, the
 * first administrator's generated password file, and ending sessions when access changes.
 */
@Component
public class Credentials {

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);

    public record NewApiKey(String prefix, String value, String hash) {
    }

    private final PasswordEncoder encoder;
    private final SessionTerminator sessions;
    private final Path initialPasswordFile;

    Credentials(PasswordEncoder encoder, SessionTerminator sessions, StorageProperties storage) {
        this.encoder = encoder;
        this.sessions = sessions;
        this.initialPasswordFile = storage.dataDir().resolve("initial-admin-password");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    public void checkPolicy(String field, String password, String username) {
        PasswordPolicy.check(field, password, username);
    }

    public String temporaryPassword() {
        return PasswordPolicy.generate();
    }

    public NewApiKey newApiKey() {
        ApiKeyTokens.Token token = ApiKeyTokens.generate();
        return new NewApiKey(token.prefix(), token.value(), ApiKeyTokens.hash(token.value()));
    }

    public void endSessionsOf(String username) {
        sessions.endSessionsOf(username);
    }

    Path initialPasswordFile() {
        return initialPasswordFile;
    }

    /** Once the first administrator has chosen a password, the generated one is no longer kept on disk. */
    public void forgetInitialPassword(String username) {
        try {
            if (Files.exists(initialPasswordFile)
                    && Files.readString(initialPasswordFile).startsWith(username + ":")) {
                Files.delete(initialPasswordFile);
            }
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", initialPasswordFile, e.getMessage());
        }
    }
}
