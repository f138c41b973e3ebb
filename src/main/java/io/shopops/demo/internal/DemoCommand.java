package io.shopops.demo.internal;

import io.shopops.demo.DemoProperties;
import io.shopops.demo.DemoShop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code demo-shop [--seed=N]}: generates the demo shop into the configured database (PostgreSQL too) and
 * exits. Refuses a database that already has a catalog.
 */
@Component
class DemoCommand implements ApplicationRunner {

    static final String NAME = "demo-shop";
    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    private final DemoShop demo;
    private final DemoProperties properties;
    private final ConfigurableApplicationContext context;

    DemoCommand(DemoShop demo, DemoProperties properties, ConfigurableApplicationContext context) {
        this.demo = demo;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(NAME)) {
            return;
        }
        long seed = args.containsOption("seed") ? Long.parseLong(args.getOptionValues("seed").getFirst())
                : properties.seed();
        int status = 0;
        if (!demo.isEmptyShop()) {
            log.error("The database already has a catalog; the demo shop is generated only into an empty one");
            status = 2;
        } else {
            log.info("{}", demo.generate(seed));
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
