package io.shopops.fulfilment;

import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.internal.ShipmentRepository;
import io.shopops.fulfilment.internal.TrackingEventRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.shopops.fulfilment.FulfilmentSupport.actor;

/**
 * The tracking timeline of dispatched shipments (物流跟蹤): events from carriers' webhooks, recorded once per carrier
 * event id, and events typed in by staff. Events take their place in the timeline by their own time, whatever order
 * they arrive in; they move a shipment forward (in transit, delivered, exception) where its status allows.
 */
@Service
public class Tracking {

    private static final Logger log = LoggerFactory.getLogger(Tracking.class);

    private final ShipmentRepository shipments;
    private final TrackingEventRepository events;
    private final Carriers carriers;
    private final FulfilmentSupport support;
    private final TransactionTemplate transactions;

    Tracking(ShipmentRepository shipments, TrackingEventRepository events, Carriers carriers,
            FulfilmentSupport support, PlatformTransactionManager transactionManager) {
        this.shipments = shipments;
        this.events = events;
        this.carriers = carriers;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Records an event a carrier reported (its webhook verified the signature first). Idempotent by the carrier's
     * event id: a repeated delivery, even one racing the first, is answered {@link CarrierEventOutcome#DUPLICATE} and
     * changes nothing. 404 for an unknown carrier; 400 naming the field for bad input, for a tracking number not in
     * the carrier's format and for one that belongs to none of its shipments (logged).
     */
    public CarrierEventOutcome recordCarrierEvent(String carrierCode, CarrierEvent event) {
        CarrierView carrier = carriers.carrier(carrierCode);
        Instant now = support.now();
        Violations v = new Violations();
        v.text("eventId", event.eventId(), true, 100);
        String trackingNumber = event.trackingNumber() == null ? null : event.trackingNumber().trim();
        v.text("trackingNumber", trackingNumber, true, 64);
        if (trackingNumber != null && !trackingNumber.isEmpty() && trackingNumber.length() <= 64
                && !carriers.isTrackingNumber(carrier.code(), trackingNumber)) {
            v.add("trackingNumber", "is not a %s tracking number".formatted(carrier.code()));
        }
        checkEvent(v, event.type(), event.location(), event.description());
        support.checkEventTime(v, "occurredAt", event.occurredAt(), null, now);
        v.throwIfAny();
        String eventId = event.eventId().trim();
        try {
            CarrierEventOutcome outcome = transactions.execute(status -> {
                if (events.exists(carrier.code(), eventId)) {
                    return CarrierEventOutcome.DUPLICATE;
                }
                ShipmentId id = shipments.byTrackingNumber(carrier.code(), trackingNumber).orElseThrow(() -> {
                    log.warn("Refused a {} tracking event for unknown tracking number {}", carrier.code(), trackingNumber);
                    return NotFoundException.reference("trackingNumber", carrier.code() + " shipment", trackingNumber);
                });
                ShipmentView shipment = support.shipment(id);
                Violations time = new Violations();
                support.checkEventTime(time, "occurredAt", event.occurredAt(), shipment.createdAt(), now);
                time.throwIfAny();
                support.track(shipment, eventId, TrackingSource.CARRIER, event.type(), event.occurredAt(),
                        blankToNull(event.location()), blankToNull(event.description()), "carrier:" + carrier.code(),
                        now);
                return CarrierEventOutcome.RECORDED;
            });
            return outcome == null ? CarrierEventOutcome.RECORDED : outcome;
        } catch (DuplicateKeyException raced) {
            return CarrierEventOutcome.DUPLICATE;
        }
    }

    /**
     * Records an event a member typed in (from the carrier's site, a phone call). 422 {@code shipment-not-dispatched}
     * unless the shipment is with a carrier or was; 400 naming the field for bad input.
     */
    @Transactional
    public ShipmentDetails record(ShipmentId id, NewTrackingEvent event) {
        Instant now = support.now();
        ShipmentView before = support.shipment(id);
        Violations v = new Violations();
        checkEvent(v, event.type(), event.location(), event.description());
        support.checkEventTime(v, "occurredAt", event.occurredAt(), before.createdAt(), now);
        v.throwIfAny();
        if (!before.status().isDispatched()) {
            throw new BusinessRuleException("shipment-not-dispatched", "Shipment %s is %s: only a dispatched shipment "
                    .formatted(id, before.status()) + "has a tracking timeline");
        }
        support.track(before, null, TrackingSource.MANUAL, event.type(), event.occurredAt(),
                blankToNull(event.location()), blankToNull(event.description()), actor().username(), now);
        ShipmentView after = support.shipment(id);
        support.audit("TRACKING_EVENT_RECORDED", before, after);
        return new ShipmentDetails(after, shipments.steps(id), events.timeline(id));
    }

    /** The shipment's tracking timeline, by the events' own time. */
    @Transactional(readOnly = true)
    public List<TrackingEventView> timeline(ShipmentId id) {
        support.shipment(id);
        return events.timeline(id);
    }

    private static void checkEvent(Violations v, @Nullable TrackingEventType type, @Nullable String location,
            @Nullable String description) {
        v.check(type != null, "type", "is required");
        v.text("location", location, false, 200);
        v.text("description", description, false, 500);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
