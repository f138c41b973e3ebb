package io.shopops.identity;

/**
 * What a staff member may do. Controllers require these by their authority string, for example
 * {@code @PreAuthorize("hasAuthority('catalog:write')")}; docs/security.md lists which endpoints need which.
 */
public enum Permission {

    CATALOG_READ("catalog:read"),
    CATALOG_WRITE("catalog:write"),
    CATALOG_PUBLISH("catalog:publish"),
    INVENTORY_READ("inventory:read"),
    INVENTORY_WRITE("inventory:write"),
    INVENTORY_WAREHOUSES("inventory:warehouses"),
    INVENTORY_RECONCILE("inventory:reconcile"),
    CUSTOMER_READ("customer:read"),
    /** Credit or debit a customer's loyalty points by hand (goodwill, corrections), with a reason. */
    CUSTOMER_POINTS("customer:points"),
    ORDER_READ("order:read"),
    ORDER_WRITE("order:write"),
    PAYMENT_READ("payment:read"),
    PAYMENT_REFUND("payment:refund"),
    FULFILMENT_READ("fulfilment:read"),
    FULFILMENT_WRITE("fulfilment:write"),
    AFTERSALES_READ("aftersales:read"),
    AFTERSALES_DECIDE("aftersales:decide"),
    /** Count a returned parcel in (退貨入庫): warehouse work, not a decision about money. */
    AFTERSALES_RECEIVE("aftersales:receive"),
    /** See promotions, coupons, flash sales, campaigns, experiments and content, and their results. */
    MARKETING_READ("marketing:read"),
    /** Draft and edit them, issue coupons, record campaign spend. */
    MARKETING_WRITE("marketing:write"),
    /** Put them live or stop them: schedule a promotion, publish content, start or stop an experiment. */
    MARKETING_PUBLISH("marketing:publish"),
    STAFF_READ("staff:read"),
    STAFF_MANAGE("staff:manage"),
    AUDIT_READ("audit:read");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
