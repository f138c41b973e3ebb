package io.shopops.marketing.internal;

import java.time.Clock;

import io.shopops.marketing.CustomerAudience;
import io.shopops.ordering.DiscountRule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The marketing module's links in the price chain: one per promotion stage, and the coupons'. */
@Configuration(proxyBeanMethods = false)
class MarketingConfiguration {

    /** Until the customer module provides tiers and segments (the seam), nobody is in any. */
    @Bean
    @ConditionalOnMissingBean
    CustomerAudience customerAudience() {
        return CustomerAudience.NONE;
    }

    @Bean
    DiscountRule limitedTimePromotions(ActivePromotions active, PromotionRepository promotions,
            CustomerAudience audience, CampaignGate campaigns, PlatformTransactionManager transactions, Clock clock) {
        return new PromotionStageRule(DiscountRule.Stage.LIMITED_TIME, active, promotions, audience, campaigns,
                savepoint(transactions), clock);
    }

    @Bean
    DiscountRule fullReductionPromotions(ActivePromotions active, PromotionRepository promotions,
            CustomerAudience audience, CampaignGate campaigns, PlatformTransactionManager transactions, Clock clock) {
        return new PromotionStageRule(DiscountRule.Stage.FULL_REDUCTION, active, promotions, audience, campaigns,
                savepoint(transactions), clock);
    }

    @Bean
    CouponRule couponRule(CouponRepository coupons, io.shopops.catalog.Categories categories, CampaignGate campaigns,
            PlatformTransactionManager transactions, Clock clock) {
        return new CouponRule(coupons, categories, campaigns, savepoint(transactions), clock);
    }

    static TransactionTemplate savepoint(PlatformTransactionManager transactions) {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return savepoint;
    }
}
