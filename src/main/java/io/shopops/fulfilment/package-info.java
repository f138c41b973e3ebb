/**
 * Fulfilment (揀貨、打包、發貨、物流): the shipments of orders, each from one warehouse with the inventory
 * reservation that holds its units, from picking and packing through dispatch to a carrier, tracking and delivery
 * (簽收), with pick lists for the warehouse, carriers' tracking webhooks, delivery performance against the promise
 * and the logistics cost of each shipment. Knows nothing of orders beyond what a command carries: the ordering
 * module calls these facades and listens to the shipment events.
 *
 * <p>Facades: {@link io.shopops.fulfilment.Shipments} (lifecycle and queries),
 * {@link io.shopops.fulfilment.Tracking} (tracking events from carriers and staff),
 * {@link io.shopops.fulfilment.PickLists}, {@link io.shopops.fulfilment.Carriers} and
 * {@link io.shopops.fulfilment.DeliveryPerformance}.
 */
@ApplicationModule(displayName = "Fulfilment", allowedDependencies = { "inventory", "catalog", "audit", "shared :: *" })
@NullMarked
package io.shopops.fulfilment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
