package io.shopops.aftersales;

/** What the customer asks for. */
public enum AfterSalesKind {
    /** 退貨退款: the goods go back to the shop, then the money goes back to the customer. */
    RETURN_AND_REFUND,
    /** 僅退款: money back without sending goods (not received, missing parts, a partial compensation). */
    REFUND_ONLY
}
