package io.shopops.content;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.inventory.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A clock the content tests move forward (so content starts and stops running without waiting), the content
 * fixtures, and a listener that keeps every content event it receives.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContentTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    ContentFixtures contentFixtures(ContentLibrary library) {
        return new ContentFixtures(library);
    }

    @Bean
    ContentEvents contentEvents() {
        return new ContentEvents();
    }

    /** Content events as another module (a storefront cache, analytics) receives them. */
    public static class ContentEvents {

        private final List<Object> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ContentPublished event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ContentArchived event) {
            received.add(event);
        }

        public <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
