package io.shopops.identity;

import java.util.EnumSet;
import java.util.Set;

import static io.shopops.identity.Permission.AFTERSALES_DECIDE;
import static io.shopops.identity.Permission.AFTERSALES_READ;
import static io.shopops.identity.Permission.AFTERSALES_RECEIVE;
import static io.shopops.identity.Permission.AUDIT_READ;
import static io.shopops.identity.Permission.CATALOG_PUBLISH;
import static io.shopops.identity.Permission.CATALOG_READ;
import static io.shopops.identity.Permission.CATALOG_WRITE;
import static io.shopops.identity.Permission.CUSTOMER_POINTS;
import static io.shopops.identity.Permission.CUSTOMER_READ;
import static io.shopops.identity.Permission.FULFILMENT_READ;
import static io.shopops.identity.Permission.FULFILMENT_WRITE;
import static io.shopops.identity.Permission.INVENTORY_READ;
import static io.shopops.identity.Permission.INVENTORY_RECONCILE;
import static io.shopops.identity.Permission.INVENTORY_WAREHOUSES;
import static io.shopops.identity.Permission.INVENTORY_WRITE;
import static io.shopops.identity.Permission.MARKETING_PUBLISH;
import static io.shopops.identity.Permission.MARKETING_READ;
import static io.shopops.identity.Permission.MARKETING_WRITE;
import static io.shopops.identity.Permission.ORDER_READ;
import static io.shopops.identity.Permission.ORDER_WRITE;
import static io.shopops.identity.Permission.PAYMENT_READ;
import static io.shopops.identity.Permission.PAYMENT_REFUND;
import static io.shopops.identity.Permission.STAFF_READ;

/**
 * The operations team's roles (運營團隊), as the handbooks divide the work. A staff member may hold several;
 * their permissions add up. docs/security.md is the written matrix and a test holds code and document
 * together.
 */
public enum Role {

    /** Runs the system: everything, including staff accounts. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** 運營經理: oversees the shop's operations; everything but staff management. */
    OPS_MANAGER(EnumSet.of(CATALOG_READ, CATALOG_WRITE, CATALOG_PUBLISH, INVENTORY_READ, INVENTORY_WRITE,
            INVENTORY_WAREHOUSES, INVENTORY_RECONCILE, CUSTOMER_READ, CUSTOMER_POINTS, ORDER_READ, ORDER_WRITE,
            PAYMENT_READ, PAYMENT_REFUND, FULFILMENT_READ, FULFILMENT_WRITE, AFTERSALES_READ, AFTERSALES_DECIDE, AFTERSALES_RECEIVE,
            MARKETING_READ, MARKETING_WRITE, MARKETING_PUBLISH, STAFF_READ, AUDIT_READ)),
    /** 產品運營: builds and maintains the catalog, puts products on and off the shelf; sees what sells. */
    PRODUCT_OPS(EnumSet.of(CATALOG_READ, CATALOG_WRITE, CATALOG_PUBLISH, INVENTORY_READ, ORDER_READ,
            MARKETING_READ)),
    /** 營銷運營: promotions and campaigns; reads the catalog, stock, customers and orders to plan them. */
    MARKETING_OPS(EnumSet.of(CATALOG_READ, INVENTORY_READ, CUSTOMER_READ, ORDER_READ, MARKETING_READ,
            MARKETING_WRITE, MARKETING_PUBLISH)),
    /** 客戶運營: customers and service: orders, after-sales decisions and refunds. */
    CUSTOMER_OPS(EnumSet.of(CATALOG_READ, INVENTORY_READ, CUSTOMER_READ, CUSTOMER_POINTS, ORDER_READ, ORDER_WRITE,
            PAYMENT_READ, PAYMENT_REFUND, FULFILMENT_READ, AFTERSALES_READ, AFTERSALES_DECIDE, AFTERSALES_RECEIVE,
            MARKETING_READ)),
    /** 數據運營: analysis and reporting; reads everything that is not personal, including the audit log. */
    DATA_OPS(EnumSet.of(CATALOG_READ, INVENTORY_READ, INVENTORY_RECONCILE, CUSTOMER_READ, ORDER_READ, PAYMENT_READ,
            FULFILMENT_READ, AFTERSALES_READ, MARKETING_READ, AUDIT_READ)),
    /** 倉儲: warehouses, stock movements, picking, packing and shipping, and counting returned parcels in. */
    WAREHOUSE(EnumSet.of(CATALOG_READ, INVENTORY_READ, INVENTORY_WRITE, INVENTORY_RECONCILE, ORDER_READ,
            FULFILMENT_READ, FULFILMENT_WRITE, AFTERSALES_READ, AFTERSALES_RECEIVE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }
}
