package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.internal.ShipmentRepository;
import io.shopops.fulfilment.internal.TrackingEventRepository;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.Actor;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.fulfilment.FulfilmentSupport.actor;

/**
 * Shipments from creation to dispatch (揀貨 → 打包 → 發貨), cancellation before dispatch, and finding them. Every
 * step records who took it and when; every change by a member is in the audit log (the recipient's personal data
 * masked); creation, dispatch and cancellation publish events in the same transaction.
 */
@Service
public class Shipments {

    /** The most lines one shipment may hold (as many as a reservation). */
    public static final int MAX_LINES = Reservations.MAX_LINES;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final int MAX_WEIGHT_GRAMS = 1_000_000;
    /** How far ahead a promise may lie: further is a mistake, not a promise. */
    public static final Duration MAX_PROMISE = Duration.ofDays(366);

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,23}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{6}");

    private final ShipmentRepository shipments;
    private final TrackingEventRepository tracking;
    private final Reservations reservations;
    private final Warehouses warehouses;
    private final Carriers carriers;
    private final ShopProperties shop;
    private final FulfilmentSupport support;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Shipments(ShipmentRepository shipments, TrackingEventRepository tracking, Reservations reservations,
            Warehouses warehouses, Carriers carriers, ShopProperties shop, FulfilmentSupport support,
            ApplicationEventPublisher events, AuditLog audit) {
        this.events = events;
        this.audit = audit;
        this.shipments = shipments;
        this.tracking = tracking;
        this.reservations = reservations;
        this.warehouses = warehouses;
        this.carriers = carriers;
        this.shop = shop;
        this.support = support;
    }

    /**
     * Creates a shipment for the units a reservation holds. Refused with 400 naming the field for bad input or an
     * unknown warehouse or reservation; with 422 {@code reservation-not-active} when the reservation no longer holds
     * stock, 422 {@code reservation-mismatch} when it holds other units or another warehouse's; with 409 while another
     * shipment that is not cancelled holds the same reservation.
     */
    @Transactional
    public ShipmentView create(NewShipment shipment) {
        Instant now = support.now();
        Violations v = new Violations();
        v.code("orderReference", shipment.orderReference());
        v.check(shipment.warehouseId() != null, "warehouseId", "is required");
        v.check(shipment.reservationId() != null, "reservationId", "is required");
        List<ShipmentLine> requested = shipment.lines() == null ? List.of() : shipment.lines();
        checkLines(v, requested);
        checkDestination(v, shipment.destination());
        if (shipment.promisedAt() == null) {
            v.add("promisedAt", "is required");
        } else if (shipment.promisedAt().isAfter(now.plus(MAX_PROMISE))) {
            v.add("promisedAt", "must be within " + MAX_PROMISE.toDays() + " days");
        }
        v.check(shipment.shippingMethod() != null, "shippingMethod", "is required");
        v.throwIfAny();

        WarehouseId warehouseId = shipment.warehouseId();
        try {
            warehouses.warehouse(warehouseId);
        } catch (NotFoundException missing) {
            throw NotFoundException.reference("warehouseId", "Warehouse", warehouseId);
        }
        List<ShipmentView.Line> lines = requested.stream()
                .map(l -> new ShipmentView.Line(l.skuId(), l.quantity())).toList();
        ReservationId reservationId = shipment.reservationId();
        checkReservation(reservationId, warehouseId, lines);
        if (shipments.reservationIsLive(reservationId)) {
            throw new ConflictException("reservationId", "already belongs to a shipment that is not cancelled");
        }

        Actor actor = actor();
        Destination destination = trimmed(shipment.destination());
        ShipmentId id;
        try {
            id = shipments.insert(new ShipmentRepository.NewRow(shipment.orderReference().trim(), warehouseId,
                    reservationId, shipment.shippingMethod(), destination,
                    shipment.promisedAt().truncatedTo(ChronoUnit.MICROS), actor.username(),
                    now));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("reservationId", "already belongs to a shipment that is not cancelled");
        }
        shipments.insertLines(id, lines);
        shipments.addStep(id, ShipmentStatus.CREATED, now, actor.username(), null);
        ShipmentView created = support.shipment(id);
        support.audit("SHIPMENT_CREATED", null, created);
        events.publishEvent(new ShipmentCreated(id, created.orderReference(), warehouseId, reservationId,
                created.promisedAt(), now));
        return created;
    }

    /** The most shipments one import may carry. */
    public static final int MAX_IMPORT = 200_000;

    /**
     * Imports shipments as they went (an import of order history), in JDBC batches, and answers their ids in input
     * order: each with its lines, its steps (who and when: the importing actor for the warehouse's steps, the carrier
     * for the moves its events made) and its tracking timeline, the status following from them as live events would
     * move it; the logistics cost of a dispatched one is its carrier's rate for its weight, and a delivered one is on
     * time or late by its promise. Personal data is encrypted as always.
     *
     * <p>Refused with 400 naming the field ({@code shipments[7].dispatched.trackingNumber}) for bad input, an unknown
     * warehouse or carrier, a tracking number not in the carrier's format, times out of order or in the future, or a
     * shipment still in the warehouse whose reservation does not hold its units now; with 409 naming the field for a
     * reservation another live shipment holds or a tracking number used before (or twice in the import). Nothing is
     * written then. A dispatched shipment's reservation is taken as given (it ended when the units left). No event is
     * published and no reservation changes; one audit entry records the import.
     */
    @Transactional
    public List<ShipmentId> importHistorical(List<HistoricalShipment> imported) {
        Violations v = new Violations();
        if (imported.isEmpty()) {
            v.add("shipments", "must contain at least one shipment");
        } else if (imported.size() > MAX_IMPORT) {
            v.add("shipments", "must contain at most " + MAX_IMPORT + " shipments");
        }
        v.throwIfAny();
        Instant now = support.now();
        Set<WarehouseId> knownWarehouses = warehouses.all().stream().map(w -> w.id()).collect(Collectors.toSet());
        Map<ReservationId, Integer> reservationsSeen = new HashMap<>();
        Map<String, Integer> trackingSeen = new HashMap<>();
        for (int i = 0; i < imported.size(); i++) {
            HistoricalShipment shipment = imported.get(i);
            Violations at = v.nested("shipments[" + i + "]");
            if (shipment == null) {
                at.add("orderReference", "is required");
                continue;
            }
            at.code("orderReference", shipment.orderReference());
            if (shipment.warehouseId() == null) {
                at.add("warehouseId", "is required");
            } else {
                at.check(knownWarehouses.contains(shipment.warehouseId()), "warehouseId",
                        "Warehouse " + shipment.warehouseId() + " does not exist");
            }
            if (shipment.reservationId() == null) {
                at.add("reservationId", "is required");
            } else {
                Integer first = reservationsSeen.putIfAbsent(shipment.reservationId(), i);
                at.check(first == null, "reservationId", "is also the reservation of shipments[" + first + "]");
            }
            checkLines(at, shipment.lines() == null ? List.of() : shipment.lines());
            checkDestination(at, shipment.destination());
            at.check(shipment.shippingMethod() != null, "shippingMethod", "is required");
            Instant created = shipment.createdAt();
            checkStep(at, "createdAt", created, null, now, true);
            if (shipment.promisedAt() == null) {
                at.add("promisedAt", "is required");
            } else if (created != null && shipment.promisedAt().isAfter(created.plus(MAX_PROMISE))) {
                at.add("promisedAt", "must be within " + MAX_PROMISE.toDays() + " days of createdAt");
            }
            checkStep(at, "pickingAt", shipment.pickingAt(), created, now, false);
            if (shipment.packedAt() != null) {
                at.check(shipment.pickingAt() != null, "pickingAt", "is required once packedAt is given");
                checkStep(at, "packedAt", shipment.packedAt(), shipment.pickingAt(), now, false);
            }
            Instant lastInWarehouse = latest(created, shipment.pickingAt(), shipment.packedAt());
            HistoricalShipment.Dispatched dispatched = shipment.dispatched();
            if (dispatched != null) {
                Violations d = at.nested("dispatched");
                at.check(shipment.packedAt() != null, "packedAt", "is required once dispatched");
                at.check(shipment.cancelled() == null, "cancelled", "must not be given for a dispatched shipment");
                CarrierView carrier = carriers.find(blankToNull(dispatched.carrier())).orElse(null);
                if (blankToNull(dispatched.carrier()) == null) {
                    d.add("carrier", "is required");
                } else if (carrier == null) {
                    d.add("carrier", "Carrier %s does not exist".formatted(dispatched.carrier().trim()));
                }
                String number = blankToNull(dispatched.trackingNumber());
                d.text("trackingNumber", number, true, 64);
                if (carrier != null && number != null && number.length() <= 64) {
                    if (!carriers.isTrackingNumber(carrier.code(), number)) {
                        d.add("trackingNumber", "is not a %s tracking number (%s)".formatted(carrier.code(),
                                carrier.trackingNumberPattern()));
                    }
                    Integer first = trackingSeen.putIfAbsent(carrier.code() + " " + number, i);
                    d.check(first == null, "trackingNumber", "is also the tracking number of shipments[" + first + "]");
                }
                Integer weight = dispatched.weightGrams();
                if (weight == null) {
                    d.add("weightGrams", "is required: the carrier's rate for it is the logistics cost");
                } else if (weight < 1 || weight > MAX_WEIGHT_GRAMS) {
                    d.add("weightGrams", "must be between 1 and " + MAX_WEIGHT_GRAMS);
                }
                checkStep(d, "at", dispatched.at(), lastInWarehouse, now, true);
                checkTracking(at, shipment.tracking() == null ? List.of() : shipment.tracking(), dispatched.at(), now);
            } else {
                at.check(shipment.tracking() == null || shipment.tracking().isEmpty(), "tracking",
                        "must be empty for a shipment that was not dispatched");
            }
            HistoricalShipment.Cancelled cancelled = shipment.cancelled();
            if (cancelled != null) {
                Violations c = at.nested("cancelled");
                checkStep(c, "at", cancelled.at(), lastInWarehouse, now, true);
                c.text("reason", cancelled.reason(), true, 500);
            }
        }
        v.throwIfAny();

        List<FieldViolation> conflicts = new ArrayList<>();
        Set<ReservationId> live = shipments.reservationsLive(reservationsSeen.keySet());
        Map<String, List<String>> numbers = new HashMap<>();
        imported.stream().filter(s -> s.dispatched() != null).forEach(s -> numbers.computeIfAbsent(
                carriers.find(s.dispatched().carrier()).orElseThrow().code(), k -> new ArrayList<>())
                .add(s.dispatched().trackingNumber().trim()));
        Set<String> taken = new HashSet<>();
        numbers.forEach((carrier, list) -> shipments.trackingNumbersTaken(carrier, list)
                .forEach(number -> taken.add(carrier + " " + number)));
        for (int i = 0; i < imported.size(); i++) {
            HistoricalShipment shipment = imported.get(i);
            if (live.contains(shipment.reservationId())) {
                conflicts.add(new FieldViolation("shipments[" + i + "].reservationId",
                        "already belongs to a shipment that is not cancelled"));
            }
            if (shipment.dispatched() != null && taken.contains(carriers.find(shipment.dispatched().carrier())
                    .orElseThrow().code() + " " + shipment.dispatched().trackingNumber().trim())) {
                conflicts.add(new FieldViolation("shipments[" + i + "].dispatched.trackingNumber",
                        "is already used by another shipment of the carrier"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts.size() + " imported shipments clash with shipments already recorded",
                    conflicts);
        }
        for (int i = 0; i < imported.size(); i++) {
            HistoricalShipment shipment = imported.get(i);
            if (shipment.dispatched() == null && shipment.cancelled() == null) {
                stillHeld(v.nested("shipments[" + i + "]"), shipment);
            }
        }
        v.throwIfAny();

        String actor = actor().username();
        List<ShipmentRepository.HistoricalRow> rows = new ArrayList<>(imported.size());
        List<List<ShipmentStep>> stepsOf = new ArrayList<>(imported.size());
        List<List<Tracked>> eventsOf = new ArrayList<>(imported.size());
        for (HistoricalShipment shipment : imported) {
            History history = history(shipment, actor);
            rows.add(history.row());
            stepsOf.add(history.steps());
            eventsOf.add(history.events());
        }
        List<ShipmentId> ids = shipments.insertHistorical(rows);
        List<ShipmentRepository.LineRow> lines = new ArrayList<>();
        List<ShipmentRepository.StepRow> steps = new ArrayList<>();
        List<TrackingEventRepository.NewEvent> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ShipmentId id = ids.get(i);
            List<ShipmentLine> of = imported.get(i).lines();
            for (int l = 0; l < of.size(); l++) {
                lines.add(new ShipmentRepository.LineRow(id, l, of.get(l).skuId(), of.get(l).quantity()));
            }
            stepsOf.get(i).forEach(step -> steps.add(new ShipmentRepository.StepRow(id, step.status(), step.at(),
                    step.actor(), step.note())));
            eventsOf.get(i).forEach(event -> events.add(new TrackingEventRepository.NewEvent(id, event.carrier(),
                    event.carrierEventId(), TrackingSource.CARRIER, event.type(), event.occurredAt(), event.location(),
                    event.description(), event.occurredAt(), event.recordedBy())));
        }
        shipments.insertLines(lines);
        shipments.insertSteps(steps);
        tracking.insertAll(events);
        audit.record("SHIPMENTS_IMPORTED", "shipment", null, "%d historical shipments with %d tracking events imported"
                .formatted(ids.size(), events.size()), null, null);
        return ids;
    }

    /** A time of a step: there when required, not in the future, not before the step before it. */
    private static void checkStep(Violations v, String field, @Nullable Instant time, @Nullable Instant after,
            Instant now, boolean required) {
        if (time == null) {
            v.check(!required, field, "is required");
        } else if (time.isAfter(now)) {
            v.add(field, "must not be in the future");
        } else if (after != null && time.isBefore(after)) {
            v.add(field, "must not be before the step before it");
        }
    }

    private static void checkTracking(Violations v, List<HistoricalShipment.Event> events, @Nullable Instant dispatched,
            Instant now) {
        Instant previous = dispatched;
        boolean ended = false;
        for (int e = 0; e < events.size(); e++) {
            HistoricalShipment.Event event = events.get(e);
            Violations at = v.nested("tracking[" + e + "]");
            if (event == null) {
                at.add("type", "is required");
                continue;
            }
            at.check(event.type() != null, "type", "is required");
            at.check(!ended, "type", "must not follow the event that ended the shipment");
            checkStep(at, "occurredAt", event.occurredAt(), previous, now, true);
            at.text("location", event.location(), false, 200);
            at.text("description", event.description(), false, 500);
            if (event.occurredAt() != null) {
                previous = event.occurredAt();
            }
            ended |= event.type() != null && event.type().leadsTo() != ShipmentStatus.IN_TRANSIT;
        }
    }

    /** A shipment still in the warehouse needs its reservation to hold exactly its units now. */
    private void stillHeld(Violations v, HistoricalShipment shipment) {
        try {
            checkReservation(shipment.reservationId(), shipment.warehouseId(), shipment.lines().stream()
                    .map(l -> new ShipmentView.Line(l.skuId(), l.quantity())).toList());
        } catch (NotFoundException | BusinessRuleException refused) {
            String field = refused instanceof BusinessRuleException rule && !rule.violations().isEmpty()
                    ? rule.violations().getFirst().field() : "reservationId";
            v.add(field, refused.getMessage());
        }
    }

    private static @Nullable Instant latest(@Nullable Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }

    private record History(ShipmentRepository.HistoricalRow row, List<ShipmentStep> steps, List<Tracked> events) {
    }

    /** A carrier's event of an imported shipment, before the shipment has its id. */
    private record Tracked(String carrier, String carrierEventId, TrackingEventType type, Instant occurredAt,
            @Nullable String location, @Nullable String description, String recordedBy) {
    }

    /** What a shipment went through, as the rows a live one would have left: the status follows from the steps. */
    private History history(HistoricalShipment shipment, String actor) {
        List<ShipmentStep> steps = new ArrayList<>();
        List<Tracked> events = new ArrayList<>();
        Instant created = micros(shipment.createdAt());
        steps.add(new ShipmentStep(ShipmentStatus.CREATED, created, actor, null));
        ShipmentStatus status = ShipmentStatus.CREATED;
        Instant updated = created;
        if (shipment.pickingAt() != null) {
            status = ShipmentStatus.PICKING;
            updated = micros(shipment.pickingAt());
            steps.add(new ShipmentStep(status, updated, actor, null));
        }
        if (shipment.packedAt() != null) {
            status = ShipmentStatus.PACKED;
            updated = micros(shipment.packedAt());
            steps.add(new ShipmentStep(status, updated, actor, null));
        }
        String carrierCode = null;
        String number = null;
        Money cost = null;
        Instant dispatchedAt = null;
        Instant deliveredAt = null;
        Boolean onTime = null;
        Long transit = null;
        ExceptionReason exception = null;
        Instant lastEvent = null;
        Instant lastActivity = null;
        Instant promised = micros(shipment.promisedAt());
        HistoricalShipment.Dispatched dispatched = shipment.dispatched();
        if (dispatched != null) {
            CarrierView carrier = carriers.find(dispatched.carrier()).orElseThrow();
            carrierCode = carrier.code();
            number = dispatched.trackingNumber().trim();
            cost = carrier.rate().costFor(dispatched.weightGrams());
            dispatchedAt = micros(dispatched.at());
            status = ShipmentStatus.DISPATCHED;
            updated = dispatchedAt;
            lastActivity = dispatchedAt;
            steps.add(new ShipmentStep(status, dispatchedAt, actor, carrierCode + " " + number));
            String by = "carrier:" + carrierCode;
            List<HistoricalShipment.Event> tracked = shipment.tracking() == null ? List.of() : shipment.tracking();
            for (int e = 0; e < tracked.size(); e++) {
                HistoricalShipment.Event event = tracked.get(e);
                Instant at = micros(event.occurredAt());
                events.add(new Tracked(carrierCode, number + "-" + (e + 1), event.type(), at,
                        blankToNull(event.location()), blankToNull(event.description()), by));
                lastEvent = at;
                lastActivity = at.isAfter(lastActivity) ? at : lastActivity;
                updated = lastActivity;
                ShipmentStatus next = event.type().leadsTo();
                if (!status.canMoveTo(next)) {
                    continue;
                }
                status = next;
                steps.add(new ShipmentStep(status, at, by, null));
                if (status == ShipmentStatus.DELIVERED) {
                    deliveredAt = at;
                    onTime = Punctuality.of(at, promised) == Punctuality.ON_TIME;
                    transit = Math.max(0, Duration.between(dispatchedAt, at).toSeconds());
                } else if (status == ShipmentStatus.EXCEPTION) {
                    exception = event.type().exceptionReason();
                }
            }
        }
        HistoricalShipment.Cancelled cancelled = shipment.cancelled();
        if (cancelled != null) {
            status = ShipmentStatus.CANCELLED;
            updated = micros(cancelled.at());
            steps.add(new ShipmentStep(status, updated, actor, cancelled.reason().trim()));
        }
        ShipmentRepository.HistoricalRow row = new ShipmentRepository.HistoricalRow(shipment.orderReference().trim(),
                shipment.warehouseId(), shipment.reservationId(), status, shipment.shippingMethod(),
                trimmed(shipment.destination()), promised, carrierCode, number,
                dispatched == null ? null : dispatched.weightGrams(), cost,
                cost == null ? null : CostBasis.CARRIER_RATE, dispatchedAt, deliveredAt, onTime, transit, exception,
                lastEvent, lastActivity, created, actor, updated);
        return new History(row, steps, events);
    }

    private static Instant micros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkLines(Violations v, List<ShipmentLine> lines) {
        if (lines.isEmpty()) {
            v.add("lines", "must contain at least one line");
            return;
        }
        if (lines.size() > MAX_LINES) {
            v.add("lines", "must contain at most " + MAX_LINES + " lines");
            return;
        }
        Set<SkuId> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ShipmentLine line = lines.get(i);
            Violations at = v.nested("lines[" + i + "]");
            if (line == null) {
                at.add("skuId", "is required");
                continue;
            }
            if (line.skuId() == null) {
                at.add("skuId", "is required");
            } else if (!seen.add(line.skuId())) {
                at.add("skuId", "appears in an earlier line: one line per SKU");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                at.add("quantity", "must be between 1 and " + MAX_QUANTITY);
            }
        }
    }

    private static void checkDestination(Violations v, @Nullable Destination destination) {
        if (destination == null) {
            v.add("destination", "is required");
            return;
        }
        Violations at = v.nested("destination");
        at.text("recipientName", destination.recipientName(), true, 50);
        String phone = destination.phone();
        at.text("phone", phone, true, 24);
        if (phone != null && !phone.isBlank() && phone.length() <= 24 && !PHONE.matcher(phone.trim()).matches()) {
            at.add("phone", "must be a phone number: digits, spaces and '-', optionally starting with '+'");
        }
        at.text("province", destination.province(), true, 50);
        at.text("city", destination.city(), true, 50);
        at.text("district", destination.district(), false, 50);
        at.text("detail", destination.detail(), true, 200);
        String postalCode = destination.postalCode();
        if (postalCode != null && !postalCode.isBlank() && !POSTAL_CODE.matcher(postalCode.trim()).matches()) {
            at.add("postalCode", "must be 6 digits");
        }
    }

    private static Destination trimmed(Destination d) {
        return new Destination(d.recipientName().trim(), d.phone().trim(), d.province().trim(), d.city().trim(),
                blankToNull(d.district()), d.detail().trim(), blankToNull(d.postalCode()));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The reservation must hold, right now, exactly the shipment's units, all in its warehouse. */
    private void checkReservation(ReservationId id, WarehouseId warehouseId, List<ShipmentView.Line> lines) {
        ReservationView reservation;
        try {
            reservation = reservations.reservation(id);
        } catch (NotFoundException missing) {
            throw NotFoundException.reference("reservationId", "Reservation", id);
        }
        if (reservation.status() != ReservationStatus.ACTIVE) {
            throw new BusinessRuleException("reservation-not-active", "reservationId",
                    "Reservation %s is %s: it no longer holds stock".formatted(id, reservation.status()));
        }
        if (reservation.lines().stream().anyMatch(l -> !l.warehouseId().equals(warehouseId))) {
            throw new BusinessRuleException("reservation-mismatch", "warehouseId",
                    "Reservation %s holds units outside warehouse %s".formatted(id, warehouseId));
        }
        Map<SkuId, Long> held = new HashMap<>();
        reservation.lines().forEach(l -> held.merge(l.skuId(), (long) l.quantity(), Long::sum));
        Map<SkuId, Long> shipped = new HashMap<>();
        lines.forEach(l -> shipped.merge(l.skuId(), (long) l.quantity(), Long::sum));
        if (!held.equals(shipped)) {
            throw new BusinessRuleException("reservation-mismatch", "lines",
                    "must hold exactly the units of reservation %s: %s".formatted(id, held.entrySet().stream()
                            .sorted(Comparator.comparingLong(e -> e.getKey().value()))
                            .map(e -> e.getValue() + " × SKU " + e.getKey()).collect(Collectors.joining(", "))));
        }
    }

    /**
     * Moves a shipment on in the warehouse: CREATED → PICKING (揀貨) or PICKING → PACKED (打包). Dispatch, tracking
     * and cancellation carry details of their own and have their own methods. 422 {@code illegal-transition} when the
     * shipment's status does not allow the move.
     */
    @Transactional
    public ShipmentView advance(ShipmentId id, @Nullable ShipmentStatus target, @Nullable String note) {
        Violations v = new Violations();
        v.check(target != null, "status", "is required");
        v.text("note", note, false, 500);
        v.throwIfAny();
        switch (target) {
            case PICKING, PACKED -> {
            }
            case DISPATCHED -> throw new BusinessRuleException("transition-needs-details", "status",
                    "Dispatching needs a carrier and a tracking number: dispatch the shipment");
            case CANCELLED -> throw new BusinessRuleException("transition-needs-details", "status",
                    "Cancelling needs a reason: cancel the shipment");
            case IN_TRANSIT, DELIVERED, EXCEPTION -> throw new BusinessRuleException("transition-needs-details",
                    "status", "A shipment with its carrier moves by tracking events: record one");
            case CREATED -> throw new BusinessRuleException("illegal-transition", "status",
                    "No shipment can go back to created");
        }
        ShipmentView before = support.shipment(id);
        before.status().requireMoveTo(target, id);
        Instant now = support.now();
        if (!shipments.move(id, EnumSet.of(before.status()), target, now)) {
            throw ShipmentStatus.illegal(id, support.shipment(id).status(), target);
        }
        shipments.addStep(id, target, now, actor().username(), blankToNull(note));
        ShipmentView after = support.shipment(id);
        support.audit("SHIPMENT_" + target.name(), before, after);
        return after;
    }

    /**
     * Hands a PACKED shipment to a carrier (發貨) and, in the same transaction, ships its reservation: the units
     * leave the warehouse exactly once, however many dispatches race (the status UPDATE from PACKED is the gate).
     * Refused with 400 for an unknown carrier, a tracking number not in the carrier's format or no way to cost the
     * parcel; 409 when the carrier's tracking number is already used; 422 {@code illegal-transition} unless PACKED,
     * and the inventory's 422 {@code reservation-not-active} when the reservation no longer holds the units (then
     * nothing changes).
     */
    @Transactional
    public ShipmentView dispatch(ShipmentId id, Dispatch dispatch) {
        Violations v = new Violations();
        String code = blankToNull(dispatch.carrier());
        CarrierView carrier = carriers.find(code).orElse(null);
        if (code == null) {
            v.add("carrier", "is required");
        } else if (carrier == null) {
            v.add("carrier", "Carrier %s does not exist".formatted(code));
        }
        String trackingNumber = blankToNull(dispatch.trackingNumber());
        v.text("trackingNumber", trackingNumber, true, 64);
        if (carrier != null && trackingNumber != null && trackingNumber.length() <= 64
                && !carriers.isTrackingNumber(carrier.code(), trackingNumber)) {
            v.add("trackingNumber", "is not a %s tracking number (%s)".formatted(carrier.code(),
                    carrier.trackingNumberPattern()));
        }
        BigDecimal entered = dispatch.logisticsCost();
        if (entered != null) {
            v.amount("logisticsCost", entered, shop.currency());
        }
        Integer weight = dispatch.weightGrams();
        if (weight != null && (weight < 1 || weight > MAX_WEIGHT_GRAMS)) {
            v.add("weightGrams", "must be between 1 and " + MAX_WEIGHT_GRAMS);
        }
        if (entered == null && weight == null) {
            v.add("logisticsCost", "is required unless weightGrams is given to cost the parcel at the carrier's rate");
        }
        v.throwIfAny();

        ShipmentView before = support.shipment(id);
        before.status().requireMoveTo(ShipmentStatus.DISPATCHED, id);
        if (shipments.trackingNumberTaken(carrier.code(), trackingNumber)) {
            throw new ConflictException("trackingNumber", "is already used by another %s shipment".formatted(carrier.code()));
        }
        Money cost = entered != null ? Money.of(entered, shop.currency()) : carrier.rate().costFor(weight);
        CostBasis basis = entered != null ? CostBasis.ENTERED : CostBasis.CARRIER_RATE;
        Instant now = support.now();
        boolean dispatched;
        try {
            dispatched = shipments.dispatch(id, carrier.code(), trackingNumber, weight, cost, basis, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("trackingNumber", "is already used by another %s shipment".formatted(carrier.code()));
        }
        if (!dispatched) {
            throw ShipmentStatus.illegal(id, support.shipment(id).status(), ShipmentStatus.DISPATCHED);
        }
        shipments.addStep(id, ShipmentStatus.DISPATCHED, now, actor().username(),
                carrier.code() + " " + trackingNumber);
        reservations.ship(before.reservationId());
        ShipmentView after = support.shipment(id);
        support.audit("SHIPMENT_DISPATCHED", before, after);
        events.publishEvent(new ShipmentDispatched(id, after.orderReference(), after.reservationId(), carrier.code(),
                trackingNumber, now));
        return after;
    }

    /**
     * Cancels a shipment before dispatch, for a reason. The reservation stays as it is, with the order: 422
     * {@code illegal-transition} once the shipment was dispatched (its units have left).
     */
    @Transactional
    public ShipmentView cancel(ShipmentId id, @Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        ShipmentView before = support.shipment(id);
        before.status().requireMoveTo(ShipmentStatus.CANCELLED, id);
        Instant now = support.now();
        if (!shipments.cancel(id, now)) {
            throw ShipmentStatus.illegal(id, support.shipment(id).status(), ShipmentStatus.CANCELLED);
        }
        shipments.addStep(id, ShipmentStatus.CANCELLED, now, actor().username(), reason.trim());
        ShipmentView after = support.shipment(id);
        support.audit("SHIPMENT_CANCELLED", before, after);
        events.publishEvent(new ShipmentCancelled(id, after.orderReference(), after.reservationId(), reason.trim(), now));
        return after;
    }

    /** A shipment as of now; 404 if there is none with the id. */
    @Transactional(readOnly = true)
    public ShipmentView shipment(ShipmentId id) {
        return support.shipment(id);
    }

    /** A shipment with its steps and tracking timeline. */
    @Transactional(readOnly = true)
    public ShipmentDetails details(ShipmentId id) {
        ShipmentView shipment = support.shipment(id);
        return new ShipmentDetails(shipment, shipments.steps(id), tracking.timeline(id));
    }

    /** Shipments matching the filters, newest first. */
    @Transactional(readOnly = true)
    public Page<ShipmentView> find(ShipmentQuery query, PageQuery page) {
        String carrier = blankToNull(query.carrier());
        String reference = blankToNull(query.orderReference());
        ShipmentQuery normalised = new ShipmentQuery(query.status(), query.warehouseId(),
                carrier == null ? null : carrier.toUpperCase(Locale.ROOT), reference, query.late(),
                query.stuck());
        return shipments.find(normalised, support.asOf(support.now()), page);
    }

    /** Every shipment of an order (an order may have one per warehouse), oldest first. */
    @Transactional(readOnly = true)
    public List<ShipmentView> ofOrder(String orderReference) {
        Page<ShipmentView> page = shipments.find(new ShipmentQuery(null, null, null, orderReference.trim(), false,
                false), support.asOf(support.now()), new PageQuery(0, PageQuery.MAX_SIZE));
        return page.items().reversed();
    }
}
