package io.shopops.shared.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import io.shopops.shared.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.util.StringUtils;

/**
 * The personal-data keys: from configuration (production), or for the embedded database only, from a key file
 * generated once under the data directory (so a first start needs no setup and restarts can still decrypt).
 * A shared database without configured keys refuses to start: several nodes must share the same keys.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    PersonalData personalData(PrivacyProperties properties, StorageProperties storage, DataSource dataSource) {
        if (StringUtils.hasText(properties.activeKey()) && StringUtils.hasText(properties.lookupKey())) {
            return new PersonalData(properties.activeKey(), properties.retiredKeys(), properties.lookupKey());
        }
        if (!embedded(dataSource)) {
            throw new IllegalStateException("""
                    Personal data needs keys: set SHOPOPS_PII_ACTIVE_KEY and SHOPOPS_PII_LOOKUP_KEY (each "id:base64" \
                    of 32 random bytes, e.g. `openssl rand -base64 32`) on every node""");
        }
        Properties keys = generatedKeys(storage.dataDir().resolve("personal-data.keys"));
        return new PersonalData(keys.getProperty("active"), List.of(), keys.getProperty("lookup"));
    }

    private static Properties generatedKeys(Path file) {
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    keys.load(in);
                }
                return keys;
            }
            Files.createDirectories(file.getParent());
            keys.setProperty("active", PersonalData.newKey("k1"));
            keys.setProperty("lookup", PersonalData.newKey("l1"));
            try (var out = Files.newOutputStream(file)) {
                keys.store(out, "ShopOps personal-data keys for the embedded database; keep with the data");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's permissions apply
            }
            log.info("Generated personal-data keys in {}", file.toAbsolutePath().normalize());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
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
