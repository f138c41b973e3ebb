package io.shopops.fulfilment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.fulfilment.Carriers;
import io.shopops.fulfilment.Dispatch;
import io.shopops.fulfilment.NewTrackingEvent;
import io.shopops.fulfilment.ShipmentDetails;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentQuery;
import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.fulfilment.ShipmentStep;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.Tracking;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.fulfilment.TrackingEventView;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.DomainException;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages for shipments: the list with its filters, and a shipment's page with its address (masked unless
 * the member prints labels), its timeline and the forms to move it on, dispatch it, add a tracking event or cancel.
 */
@ConsoleController
@RequestMapping("/console/fulfilment/shipments")
class ShipmentConsole {

    private static final int PAGE_SIZE = 50;

    private final Shipments shipments;
    private final Tracking tracking;
    private final Carriers carriers;
    private final Warehouses warehouses;
    private final Catalog catalog;
    private final ConsoleSupport support;

    ShipmentConsole(Shipments shipments, Tracking tracking, Carriers carriers, Warehouses warehouses, Catalog catalog,
            ConsoleSupport support) {
        this.shipments = shipments;
        this.tracking = tracking;
        this.carriers = carriers;
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.support = support;
    }

    /** The list's filters as typed; values that mean nothing are ignored. */
    record Filter(@Nullable String status, @Nullable Long warehouseId, @Nullable String carrier,
            @Nullable String orderReference, boolean late, boolean stuck) {
    }

    record DispatchForm(@Nullable String carrier, @Nullable String trackingNumber, @Nullable String logisticsCost,
            @Nullable String weightGrams) {
    }

    record TrackingForm(@Nullable String type, @Nullable String occurredAt, @Nullable String location,
            @Nullable String description) {
    }

    /** One line of the merged timeline: a step the shipment took, or a tracking event, newest first. */
    record TimelineEntry(Instant at, boolean step, String code, @Nullable String detail, @Nullable String location,
            String by) {
    }

    @GetMapping
    @RequiresPermission("fulfilment:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable String carrier,
            @RequestParam(required = false) @Nullable String orderReference,
            @RequestParam(defaultValue = "false") boolean late, @RequestParam(defaultValue = "false") boolean stuck,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Filter filter = new Filter(status, warehouseId, carrier, orderReference, late, stuck);
        Page<ShipmentView> rows = shipments.find(new ShipmentQuery(ConsoleSupport.choice(ShipmentStatus.class, status),
                warehouseId == null ? null : new WarehouseId(warehouseId), carrier, orderReference, late, stuck),
                new PageQuery(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("rows", PersonalDataAccess.fullRecipient() ? rows : rows.map(ShipmentView::masked));
        model.addAttribute("statuses", ShipmentStatus.values());
        model.addAttribute("carriers", carriers.all());
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("warehouseCodes", warehouseCodes());
        model.addAttribute("badges", ConsoleSupport.badges());
        return "fulfilment/shipments";
    }

    @GetMapping("/{id}")
    @RequiresPermission("fulfilment:read")
    String detail(@PathVariable long id, Model model) {
        ShipmentDetails details = shipments.details(new ShipmentId(id));
        return detailPage(model, details, new DispatchForm(null, null, null, null),
                new TrackingForm(null, null, null, null), null, null);
    }

    private String detailPage(Model model, ShipmentDetails details, DispatchForm dispatch, TrackingForm trackingForm,
            @Nullable String reason, ConsoleSupport.@Nullable Errors errors) {
        ShipmentView shipment = details.shipment();
        boolean full = PersonalDataAccess.fullRecipient();
        model.addAttribute("shipment", full ? shipment : shipment.masked());
        model.addAttribute("steps", details.steps());
        model.addAttribute("timeline", timeline(details));
        model.addAttribute("warehouse", warehouses.all().stream().filter(w -> w.id().equals(shipment.warehouseId()))
                .findFirst().orElse(null));
        Map<SkuId, SkuRef> skus = catalog.skus(shipment.lines().stream().map(ShipmentView.Line::skuId).toList());
        model.addAttribute("skus", skus);
        model.addAttribute("carriers", carriers.all());
        model.addAttribute("trackingTypes", TrackingEventType.values());
        model.addAttribute("next", shipment.status().next().stream().map(Enum::name).collect(Collectors.toSet()));
        model.addAttribute("badges", ConsoleSupport.badges());
        model.addAttribute("dispatch", dispatch);
        model.addAttribute("trackingForm", trackingForm);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors == null ? Map.of() : errors.map());
        return "fulfilment/shipment";
    }

    private static List<TimelineEntry> timeline(ShipmentDetails details) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (ShipmentStep step : details.steps()) {
            entries.add(new TimelineEntry(step.at(), true, step.status().name(), step.note(), null, step.actor()));
        }
        for (TrackingEventView event : details.tracking()) {
            entries.add(new TimelineEntry(event.occurredAt(), false, event.type().name(), event.description(),
                    event.location(), event.recordedBy()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    private Map<WarehouseId, String> warehouseCodes() {
        return warehouses.all().stream().collect(Collectors.toMap(WarehouseView::id, WarehouseView::code, (a, b) -> a));
    }

    /** Moves the shipment on in the warehouse: start picking, or mark it packed. */
    @PostMapping("/{id}/status")
    @RequiresPermission("fulfilment:write")
    String advance(@PathVariable long id, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ShipmentId shipmentId = new ShipmentId(id);
        ShipmentDetails current = shipments.details(shipmentId);
        ShipmentStatus target = ConsoleSupport.choice(ShipmentStatus.class, status);
        return act(model, redirect, response, current, new DispatchForm(null, null, null, null),
                new TrackingForm(null, null, null, null), null, errors -> {
                    ShipmentView moved = shipments.advance(shipmentId, target, note);
                    return support.text("fulfilment.flash.moved", moved.id(),
                            support.text("fulfilment.status." + moved.status()));
                });
    }

    @PostMapping("/{id}/dispatch")
    @RequiresPermission("fulfilment:write")
    String dispatch(@PathVariable long id, DispatchForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ShipmentId shipmentId = new ShipmentId(id);
        ShipmentDetails current = shipments.details(shipmentId);
        return act(model, redirect, response, current, form, new TrackingForm(null, null, null, null), null, errors -> {
            BigDecimal cost = support.amount(form.logisticsCost(), "logisticsCost", errors);
            Integer weight = support.wholeNumber(form.weightGrams(), "weightGrams", errors);
            if (!errors.isEmpty()) {
                return null;
            }
            ShipmentView dispatched = shipments.dispatch(shipmentId, new Dispatch(form.carrier(),
                    form.trackingNumber(), cost, weight));
            return support.text("fulfilment.flash.dispatched", dispatched.id(), dispatched.carrier(),
                    dispatched.trackingNumber());
        });
    }

    @PostMapping("/{id}/tracking-events")
    @RequiresPermission("fulfilment:write")
    String addTrackingEvent(@PathVariable long id, TrackingForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ShipmentId shipmentId = new ShipmentId(id);
        ShipmentDetails current = shipments.details(shipmentId);
        return act(model, redirect, response, current, new DispatchForm(null, null, null, null), form, null, errors -> {
            Instant at = support.time(form.occurredAt(), "occurredAt", errors);
            if (!errors.isEmpty()) {
                return null;
            }
            tracking.record(shipmentId, new NewTrackingEvent(ConsoleSupport.choice(TrackingEventType.class,
                    form.type()), at, form.location(), form.description()));
            return support.text("fulfilment.flash.tracked", shipmentId);
        });
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("fulfilment:write")
    String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ShipmentId shipmentId = new ShipmentId(id);
        ShipmentDetails current = shipments.details(shipmentId);
        return act(model, redirect, response, current, new DispatchForm(null, null, null, null),
                new TrackingForm(null, null, null, null), reason, errors -> {
                    shipments.cancel(shipmentId, reason);
                    return support.text("fulfilment.flash.cancelled", shipmentId);
                });
    }

    /**
     * Runs a form's action: on success back to the shipment's page with a message (post/redirect/get); when refused,
     * the page again with the errors and what was typed, answered 400 (bad input) or 422 (refused by a rule).
     */
    private String act(Model model, RedirectAttributes redirect, HttpServletResponse response, ShipmentDetails current,
            DispatchForm dispatch, TrackingForm trackingForm, @Nullable String reason,
            Function<ConsoleSupport.Errors, @Nullable String> action) {
        ConsoleSupport.Errors errors = new ConsoleSupport.Errors();
        int status = HttpServletResponse.SC_BAD_REQUEST;
        try {
            String done = action.apply(errors);
            if (done != null && errors.isEmpty()) {
                redirect.addFlashAttribute("flash", done);
                return "redirect:/console/fulfilment/shipments/" + current.shipment().id();
            }
        } catch (DomainException refused) {
            errors.addAll(refused);
            status = switch (refused) {
                case BusinessRuleException rule -> 422;
                case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
                default -> HttpServletResponse.SC_BAD_REQUEST;
            };
        }
        response.setStatus(status);
        return detailPage(model, shipments.details(current.shipment().id()), dispatch, trackingForm, reason, errors);
    }
}
