package io.shopops.demo.internal;

import javax.sql.DataSource;

import io.shopops.demo.DemoProperties;
import io.shopops.demo.DemoShop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Fills an empty embedded database with the demo shop on first start, so that a first look at ShopOps
 * shows a shop rather than empty tables. Never on PostgreSQL (use the {@code demo-shop} command there),
 * never when {@code shopops.demo.enabled=false}.
 */
@Component
class DemoOnFirstStart {

    private static final Logger log = LoggerFactory.getLogger(DemoOnFirstStart.class);

    private final DemoShop demo;
    private final DemoProperties properties;
    private final DataSource dataSource;
    private final ApplicationArguments arguments;

    DemoOnFirstStart(DemoShop demo, DemoProperties properties, DataSource dataSource, ApplicationArguments arguments) {
        this.demo = demo;
        this.properties = properties;
        this.dataSource = dataSource;
        this.arguments = arguments;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void fillEmptyEmbeddedDatabase() {
        if (!properties.enabled() || arguments.getNonOptionArgs().contains(DemoCommand.NAME) || !isEmbedded()
                || !demo.isEmptyShop()) {
            return;
        }
        log.info("Empty embedded database: generating the demo shop (turn off with shopops.demo.enabled=false)");
        log.info("{}", demo.generate(properties.seed()));
    }

    private boolean isEmbedded() {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                    metaData -> metaData.getDatabaseProductName());
            return "H2".equalsIgnoreCase(product);
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            return false;
        }
    }
}
