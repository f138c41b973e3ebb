package io.shopops.aftersales;

/**
 * Why the customer asks. {@link #NO_REASON} is the seven-day no-reason return (七天無理由退貨): only as a return, only
 * within the configured days after delivery, and the customer pays the parcel back; the others are the shop's
 * responsibility and have the longer after-sales window.
 */
public enum AfterSalesReason {
    NO_REASON(false),
    QUALITY_ISSUE(true),
    NOT_AS_DESCRIBED(true),
    WRONG_ITEM(true),
    DAMAGED_IN_TRANSIT(true),
    MISSING_PARTS(true),
    NOT_RECEIVED(true),
    OTHER(false);

    private final boolean shopAtFault;

    AfterSalesReason(boolean shopAtFault) {
        this.shopAtFault = shopAtFault;
    }

    /** Whether the reason, if true, is the shop's doing (the shop then pays the parcel back). */
    public boolean shopAtFault() {
        return shopAtFault;
    }
}
