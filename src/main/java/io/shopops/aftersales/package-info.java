/**
 * After-sales (售後): return-and-refund and refund-only requests on paid orders, REQUESTED → APPROVED / REJECTED →
 * (RETURN_SHIPPED → RECEIVED) → REFUNDED, or CANCELLED by the customer before the parcel is on its way back. The
 * seven-day no-reason return (七天無理由) and the after-sales window are configurable policy rules; a request claims
 * its money and units from the order lines through {@link io.shopops.ordering.OrderReturns}, so refunds can never
 * exceed what a line paid; received goods go back to stock with a RETURN movement (damaged ones are written off);
 * refunds go through the payment module with one key per attempt.
 *
 * <p>Facades: {@link io.shopops.aftersales.AfterSalesRequests} (the customer's side),
 * {@link io.shopops.aftersales.AfterSales} (staff) and {@link io.shopops.aftersales.AfterSalesRefunds} (the refund
 * and its jobs). Events: {@code AfterSalesRequested}, {@code AfterSalesDecided}, {@code ReturnReceived},
 * {@code RefundCompleted}.
 */
@ApplicationModule(displayName = "After-sales", allowedDependencies = { "ordering", "payment", "inventory", "catalog",
        "customer", "audit", "shared :: *" })
@NullMarked
package io.shopops.aftersales;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
