package io.shopops.marketing;

import io.shopops.ordering.DiscountRule;

/** What a promotion does, and where in the price chain it runs. */
public enum PromotionKind {

    /** 限時折扣: a percentage or a fixed amount off each unit of the targeted items. */
    LIMITED_TIME_DISCOUNT(DiscountRule.Stage.LIMITED_TIME),
    /** 買X送Y: of every X + Y targeted units, the Y cheapest are free. */
    BUY_X_GET_Y(DiscountRule.Stage.LIMITED_TIME),
    /** 組合價 (套餐): the targeted SKUs bought together cost the bundle price, per complete set. */
    BUNDLE_PRICE(DiscountRule.Stage.LIMITED_TIME),
    /** 滿減: tiered amounts off once the targeted goods reach each threshold (¥200−20, ¥400−50). */
    FULL_REDUCTION(DiscountRule.Stage.FULL_REDUCTION),
    /** 滿贈 (贈品): the gift SKU in the cart is free once the targeted goods reach the threshold. */
    GIFT(DiscountRule.Stage.FULL_REDUCTION);

    private final DiscountRule.Stage stage;

    PromotionKind(DiscountRule.Stage stage) {
        this.stage = stage;
    }

    public DiscountRule.Stage stage() {
        return stage;
    }
}
