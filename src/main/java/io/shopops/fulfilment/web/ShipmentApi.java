package io.shopops.fulfilment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.Destination;
import io.shopops.fulfilment.Dispatch;
import io.shopops.fulfilment.NewShipment;
import io.shopops.fulfilment.NewTrackingEvent;
import io.shopops.fulfilment.ShipmentDetails;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentLine;
import io.shopops.fulfilment.ShipmentQuery;
import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.fulfilment.Tracking;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Shipments: created for an order (by the ordering module or an integration), moved through picking and packing,
 * dispatched, tracked and cancelled. Readers without {@code fulfilment:write} see the recipient masked.
 */
@RestController
@RequestMapping("/api/v1/admin/fulfilment/shipments")
class ShipmentApi {

    private final Shipments shipments;
    private final Tracking tracking;

    ShipmentApi(Shipments shipments, Tracking tracking) {
        this.shipments = shipments;
        this.tracking = tracking;
    }

    record LineRequest(@Nullable Long skuId, @Nullable Integer quantity) {
    }

    record ShipmentRequest(@Nullable String orderReference, @Nullable Long warehouseId, @Nullable Long reservationId,
            @Nullable List<LineRequest> lines, @Nullable Destination destination, @Nullable Instant promisedAt,
            @Nullable ShippingMethod shippingMethod) {
    }

    record StatusRequest(@Nullable ShipmentStatus status, @Nullable String note) {
    }

    record DispatchRequest(@Nullable String carrier, @Nullable String trackingNumber,
            @Nullable BigDecimal logisticsCost, @Nullable Integer weightGrams) {
    }

    record TrackingEventRequest(@Nullable TrackingEventType type, @Nullable Instant occurredAt,
            @Nullable String location, @Nullable String description) {
    }

    record CancelRequest(@Nullable String reason) {
    }

    @PostMapping
    @RequiresPermission("fulfilment:write")
    ResponseEntity<ShipmentView> create(@RequestBody ShipmentRequest request) {
        List<ShipmentLine> lines = null;
        if (request.lines() != null) {
            lines = new ArrayList<>();
            for (LineRequest line : request.lines()) {
                lines.add(line == null ? null : new ShipmentLine(line.skuId() == null ? null : new SkuId(line.skuId()),
                        line.quantity() == null ? 0 : line.quantity()));
            }
        }
        ShipmentView created = shipments.create(new NewShipment(request.orderReference(),
                request.warehouseId() == null ? null : new WarehouseId(request.warehouseId()),
                request.reservationId() == null ? null : new ReservationId(request.reservationId()), lines,
                request.destination(), request.promisedAt(), request.shippingMethod()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping
    @RequiresPermission("fulfilment:read")
    Page<ShipmentView> list(@RequestParam(required = false) @Nullable ShipmentStatus status,
            @RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable String carrier,
            @RequestParam(required = false) @Nullable String orderReference,
            @RequestParam(defaultValue = "false") boolean late, @RequestParam(defaultValue = "false") boolean stuck,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<ShipmentView> found = shipments.find(new ShipmentQuery(status,
                warehouseId == null ? null : new WarehouseId(warehouseId), carrier, orderReference, late, stuck),
                new PageQuery(page, size));
        return PersonalDataAccess.fullRecipient() ? found : found.map(ShipmentView::masked);
    }

    @GetMapping("/{id}")
    @RequiresPermission("fulfilment:read")
    ShipmentDetails get(@PathVariable long id) {
        ShipmentDetails details = shipments.details(new ShipmentId(id));
        return PersonalDataAccess.fullRecipient() ? details : details.masked();
    }

    /** Moves a shipment on in the warehouse: {@code {"status": "PICKING"}} or {@code "PACKED"}. */
    @PostMapping("/{id}/status")
    @RequiresPermission("fulfilment:write")
    ShipmentView advance(@PathVariable long id, @RequestBody StatusRequest request) {
        return shipments.advance(new ShipmentId(id), request.status(), request.note());
    }

    @PostMapping("/{id}/dispatch")
    @RequiresPermission("fulfilment:write")
    ShipmentView dispatch(@PathVariable long id, @RequestBody DispatchRequest request) {
        return shipments.dispatch(new ShipmentId(id), new Dispatch(request.carrier(), request.trackingNumber(),
                request.logisticsCost(), request.weightGrams()));
    }

    @PostMapping("/{id}/tracking-events")
    @RequiresPermission("fulfilment:write")
    ShipmentDetails addTrackingEvent(@PathVariable long id, @RequestBody TrackingEventRequest request) {
        return tracking.record(new ShipmentId(id), new NewTrackingEvent(request.type(), request.occurredAt(),
                request.location(), request.description()));
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("fulfilment:write")
    ShipmentView cancel(@PathVariable long id, @RequestBody CancelRequest request) {
        return shipments.cancel(new ShipmentId(id), request.reason());
    }
}
