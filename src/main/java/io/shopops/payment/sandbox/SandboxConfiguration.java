package io.shopops.payment.sandbox;

import java.time.Clock;

import javax.sql.DataSource;

import io.shopops.shared.ShopProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox provider, on unless {@code shopops.payment.sandbox.enabled=false}. On a shared (PostgreSQL) database
 * it refuses to start with the development secret: notifications signed with a secret everyone knows prove nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "shopops.payment.sandbox.enabled", matchIfMissing = true)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    /** The sandbox's books are its own: they commit or roll back on their own, never with ShopOps' transaction. */
    @Bean
    SandboxParts sandboxParts(SandboxBooks books, SandboxProperties properties, Clock clock,
            PlatformTransactionManager transactionManager, DataSource dataSource) {
        if (SandboxProperties.DEVELOPMENT_SECRET.equals(properties.secret())) {
            if (!embedded(dataSource)) {
                throw new IllegalStateException("""
                        The sandbox payment provider signs with its development secret on a shared database: set \
                        SHOPOPS_SANDBOX_SECRET (shopops.payment.sandbox.secret, at least 16 random characters) on every \
                        node, or turn the sandbox off with shopops.payment.sandbox.enabled=false""");
            }
            log.info("The sandbox payment provider signs with its development secret (embedded database only)");
        }
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new SandboxParts(new SandboxClock(clock), own);
    }

    record SandboxParts(SandboxClock clock, TransactionTemplate own) {
    }

    @Bean
    SandboxNotifier sandboxNotifier(SandboxBooks books, SandboxProperties properties, SandboxParts parts) {
        return new SandboxNotifier(books, properties, parts.clock(), parts.own());
    }

    @Bean
    SandboxBuyer sandboxBuyer(SandboxBooks books, SandboxNotifier notifier, SandboxProperties properties,
            SandboxParts parts) {
        return new SandboxBuyer(books, notifier, properties, parts.clock(), parts.own());
    }

    @Bean
    SandboxProvider sandboxProvider(SandboxBooks books, SandboxBuyer buyer, SandboxProperties properties,
            SandboxParts parts, ShopProperties shop) {
        String merchant = properties.merchant() == null || properties.merchant().isBlank() ? shop.name()
                : properties.merchant();
        return new SandboxProvider(books, buyer, properties, parts.clock(), merchant, parts.own());
    }

    @Bean
    SandboxControls sandboxControls(SandboxBooks books, SandboxBuyer buyer, SandboxProperties properties,
            SandboxParts parts) {
        return new SandboxControls(books, buyer, properties, parts.own());
    }

    @Bean
    SandboxCashier sandboxCashier(SandboxBooks books, SandboxBuyer buyer, SandboxParts parts) {
        return new SandboxCashier(books, buyer, parts.clock(), parts.own());
    }

    private static boolean embedded(DataSource dataSource) {
        try {
            return "H2".equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource,
                    metaData -> metaData.getDatabaseProductName()));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
