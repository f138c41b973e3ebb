package io.shopops.ordering;

/**
 * An order's id and number, handed out by {@link OrderImport#numbers} before the order is imported: its payment,
 * reservations and shipments refer to the number, as they do for a live order.
 */
public record OrderNumber(OrderId id, String number) {
}
