package io.shopops.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.shopops.identity.CreatedStaff;
import io.shopops.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty database, creates the administrator {@code admin} with a generated
 * password (or {@code shopops.security.initial-admin-password}), prints it once and keeps it in
 * {@code data/initial-admin-password} until it is changed at first sign-in. Every start prints where the
 * console is.
 */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Identity identity;
    private final IdentityProperties properties;
    private final Credentials credentials;

    FirstAdmin(Identity identity, IdentityProperties properties, Credentials credentials) {
        this.identity = identity;
        this.properties = properties;
        this.credentials = credentials;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        Optional<CreatedStaff> created = Optional.empty();
        try {
            created = identity.createFirstAdmin(properties.initialAdminPassword());
        } catch (DuplicateKeyException raced) {
            log.info("Another node created the first administrator");
        }
        created.ifPresent(this::keep);
        String url = consoleUrl(event);
        Path file = credentials.initialPasswordFile();
        String message = Files.exists(file) ? firstAdminMessage(url, file) : "ShopOps console: " + url;
        log.info("\n\n{}\n", message);
    }

    private void keep(CreatedStaff admin) {
        Path file = credentials.initialPasswordFile();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, admin.staff().username() + ":" + admin.temporaryPassword() + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the directory's permissions
            }
        } catch (IOException e) {
            log.warn("Could not write {}: {}; the password is printed below only", file, e.getMessage());
            log.info("First administrator: {} / {}", admin.staff().username(), admin.temporaryPassword());
        }
    }

    private static String firstAdminMessage(String url, Path file) {
        String[] credentials;
        try {
            credentials = Files.readString(file).trim().split(":", 2);
        } catch (IOException e) {
            return "ShopOps console: " + url;
        }
        return """
                ==================================================================
                  ShopOps console:      %s
                  First administrator:  %s
                  Password:             %s
                  (generated once and kept in %s until you change it;
                   you will be asked to choose your own at first sign-in)
                ==================================================================""".formatted(
                url, credentials[0], credentials.length > 1 ? credentials[1] : "?", file.toAbsolutePath().normalize());
    }

    private static String consoleUrl(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return "http://localhost:" + web.getWebServer().getPort();
        }
        return "(no web server)";
    }
}
