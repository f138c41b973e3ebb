package io.shopops.fulfilment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;

import io.shopops.audit.AuditLog;
import io.shopops.fulfilment.internal.FulfilmentProperties;
import io.shopops.fulfilment.internal.ShipmentRepository;
import io.shopops.fulfilment.internal.ShipmentRepository.AsOf;
import io.shopops.fulfilment.internal.TrackingEventRepository;
import io.shopops.shared.Actor;
import io.shopops.shared.Actors;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the fulfilment facades share: the time, the acting member, reading a shipment as of now, the audit entry of
 * a staff action (personal data masked), and what a tracking event does to a shipment. Not part of the API.
 */
@Component
final class FulfilmentSupport {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentSupport.class);

    private final Clock clock;
    private final FulfilmentProperties properties;
    private final ShipmentRepository shipments;
    private final TrackingEventRepository tracking;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    FulfilmentSupport(Clock clock, FulfilmentProperties properties, ShipmentRepository shipments,
            TrackingEventRepository tracking, ApplicationEventPublisher events, AuditLog audit) {
        this.clock = clock;
        this.properties = properties;
        this.shipments = shipments;
        this.tracking = tracking;
        this.events = events;
        this.audit = audit;
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    AsOf asOf(Instant now) {
        return new AsOf(now, now.minus(properties.stuckAfter()));
    }

    Duration stuckAfter() {
        return properties.stuckAfter();
    }

    static Actor actor() {
        return Actors.current();
    }

    ShipmentView shipment(ShipmentId id) {
        return shipments.find(id, asOf(now())).orElseThrow(() -> NotFoundException.of("Shipment", id));
    }

    /** An audit entry for a member's change; the recipient's personal data never goes into the log. */
    void audit(String action, @Nullable ShipmentView before, ShipmentView after) {
        if (actor().staffId() != null) {
            audit.record(action, "shipment", after.id(), after.orderReference(),
                    before == null ? null : before.masked(), after.masked());
        }
    }

    /**
     * Checks an event's time: neither in the future nor before the shipment was created, give or take the clock skew
     * ({@code shopops.fulfilment.clock-skew}): carriers' clocks differ a little from ours, and staff type times to the
     * minute.
     */
    void checkEventTime(Violations v, String field, @Nullable Instant occurredAt, @Nullable Instant createdAt,
            Instant now) {
        if (occurredAt == null) {
            v.add(field, "is required");
        } else if (occurredAt.isAfter(now.plus(properties.clockSkew()))) {
            v.add(field, "must not be in the future");
        } else if (createdAt != null && occurredAt.isBefore(createdAt.minus(properties.clockSkew()))) {
            v.add(field, "must not be before the shipment was created");
        }
    }

    /**
     * Records a tracking event and lets it move the shipment forward: any in-transit event takes a DISPATCHED
     * shipment IN_TRANSIT; DELIVERED takes a shipment with its carrier to DELIVERED, signed for at the event's own
     * time; LOST, DAMAGED and RETURNED_TO_SENDER take it to EXCEPTION. Where the shipment's status no longer allows
     * the move (an event arriving late, after the delivery it precedes), the event still joins the timeline, in
     * its place by its own time, and the status stays. Each move is a conditional UPDATE, so of two events racing
     * for the same shipment the status moves once.
     */
    void track(ShipmentView shipment, @Nullable String carrierEventId, TrackingSource source, TrackingEventType type,
            Instant eventTime, @Nullable String location, @Nullable String description, String actor, Instant now) {
        Instant occurredAt = eventTime.truncatedTo(ChronoUnit.MICROS);
        String carrier = shipment.carrier();
        if (carrier == null) {
            throw new IllegalStateException("Shipment " + shipment.id() + " has no carrier: it was not dispatched");
        }
        tracking.insert(new TrackingEventRepository.NewEvent(shipment.id(), carrier, carrierEventId, source, type,
                occurredAt, location, description, now, actor));
        shipments.tracked(shipment.id(), occurredAt, now);
        ShipmentId id = shipment.id();
        boolean moved = switch (type.leadsTo()) {
            case IN_TRANSIT -> shipments.move(id, EnumSet.of(ShipmentStatus.DISPATCHED),
                    ShipmentStatus.IN_TRANSIT, now);
            case DELIVERED -> {
                Punctuality punctuality = Punctuality.of(occurredAt, shipment.promisedAt());
                Instant dispatchedAt = shipment.dispatchedAt() == null ? occurredAt : shipment.dispatchedAt();
                long transitSeconds = Math.max(0, Duration.between(dispatchedAt, occurredAt).toSeconds());
                boolean delivered = shipments.deliver(id, occurredAt, punctuality, transitSeconds, now);
                if (delivered) {
                    events.publishEvent(new ShipmentDelivered(id, shipment.orderReference(), occurredAt,
                            punctuality == Punctuality.ON_TIME));
                }
                yield delivered;
            }
            case EXCEPTION -> {
                ExceptionReason reason = Objects.requireNonNull(type.exceptionReason());
                boolean failed = shipments.fail(id, reason, now);
                if (failed) {
                    events.publishEvent(new ShipmentException(id, shipment.orderReference(), reason, occurredAt));
                }
                yield failed;
            }
            default -> throw new IllegalStateException("A tracking event cannot lead to " + type.leadsTo());
        };
        if (moved) {
            shipments.addStep(id, type.leadsTo(), occurredAt, actor, null);
        } else {
            log.debug("Tracking event {} of shipment {} joined the timeline without moving it", type, id);
        }
    }
}
