package io.shopops.catalog;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application without stock figures, as the catalog runs when no module implements {@link StockLevels}
 * (whichever modules the build holds): every such bean definition is removed before beans are made.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WithoutStockLevels {

    @Bean
    static BeanFactoryPostProcessor removeStockLevels() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(StockLevels.class, true, false)) {
                ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition(name);
            }
        };
    }
}
