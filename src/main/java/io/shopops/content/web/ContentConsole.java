package io.shopops.content.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.ProductId;
import io.shopops.content.ContentAction;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentId;
import io.shopops.content.ContentLibrary;
import io.shopops.content.ContentQuery;
import io.shopops.content.ContentStatus;
import io.shopops.content.ContentSummary;
import io.shopops.content.ContentType;
import io.shopops.content.ContentVersionView;
import io.shopops.content.ContentView;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
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
 * Console pages of the content library (内容管理): the list with counts by status and its filters, and one item
 * with its newest and live versions, the history of versions and the timeline, where members see the workflow's
 * steps their permissions allow: submit and restore (marketing:write), approve, reject and archive
 * (marketing:publish; the author of a version is not offered its approval).
 */
@ConsoleController
@RequestMapping("/console/content")
class ContentConsole {

    private static final int PAGE_SIZE = 50;
    private static final int VERSIONS_PAGE_SIZE = 20;
    static final Map<ContentStatus, String> BADGES = new EnumMap<>(Map.of(ContentStatus.DRAFT, "DRAFT",
            ContentStatus.IN_REVIEW, "warn", ContentStatus.PUBLISHED, "ok", ContentStatus.ARCHIVED, "ARCHIVED"));

    private final ContentLibrary library;
    private final Catalog catalog;
    private final ContentTexts texts;

    ContentConsole(ContentLibrary library, Catalog catalog, ContentTexts texts) {
        this.library = library;
        this.catalog = catalog;
        this.texts = texts;
    }

    /** The list's filters as typed, so that the form shows them again. */
    record Filter(@Nullable String q, @Nullable String status, @Nullable String type, @Nullable String channel) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(Filter filter, @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        ContentStatus status = choice(ContentStatus.class, filter.status(), "status", errors);
        ContentType type = choice(ContentType.class, filter.type(), "type", errors);
        ContentChannel channel = choice(ContentChannel.class, filter.channel(), "channel", errors);
        Long pageNumber = FormValues.number(page, "page", errors, texts.message("content.form.number"));
        Page<ContentSummary> rows = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            try {
                rows = library.find(new ContentQuery(status, type, channel, filter.q()), new PageQuery(
                        (int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber), 100_000), PAGE_SIZE));
            } catch (DomainException refused) {
                errors.putAll(texts.byField(refused, "form"));
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("counts", library.countByStatus());
        model.addAttribute("statuses", ContentStatus.values());
        model.addAttribute("types", ContentType.values());
        model.addAttribute("channels", ContentChannel.values());
        model.addAttribute("badges", BADGES);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "content/items";
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") String page, Model model) {
        return detailPage(model, library.item(new ContentId(id)), page, Map.of(), null, Map.of());
    }

    /** One version with every field, beside the version before it. */
    @GetMapping("/{id}/versions/{number}")
    @RequiresPermission("marketing:read")
    String version(@PathVariable long id, @PathVariable int number, Model model) {
        ContentId contentId = new ContentId(id);
        ContentView item = library.item(contentId);
        ContentVersionView version = library.version(contentId, number);
        model.addAttribute("item", item);
        model.addAttribute("v", version);
        model.addAttribute("previous", number > 1 ? library.version(contentId, number - 1) : null);
        model.addAttribute("productTitles", productTitles(version));
        model.addAttribute("badges", BADGES);
        return "content/version";
    }

    /**
     * The item's page; after a refusal with the errors, the form that failed and what was typed into it.
     */
    private String detailPage(Model model, ContentView item, @Nullable String page, Map<String, String> errors,
            @Nullable String failedForm, Map<String, String> typed) {
        Map<String, String> pageErrors = new HashMap<>();
        Long pageNumber = FormValues.number(page, "page", pageErrors, "");
        PageQuery versionsPage = new PageQuery(
                (int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber), 100_000), VERSIONS_PAGE_SIZE);
        String me = Actors.current().username();
        ContentView.Step lastReview = item.timeline().stream()
                .filter(s -> s.version() == item.currentVersion() && List.of("SUBMITTED", "REJECTED").contains(s.type()))
                .reduce((a, b) -> b).orElse(null);
        model.addAttribute("item", item);
        model.addAttribute("versions", library.versions(item.id(), versionsPage));
        model.addAttribute("lastReview", lastReview);
        model.addAttribute("productTitles", productTitles(item.current()));
        model.addAttribute("errors", errors);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("typed", typed);
        model.addAttribute("badges", BADGES);
        model.addAttribute("canEdit", item.status().allows(ContentAction.EDIT));
        model.addAttribute("canSubmit", item.status().allows(ContentAction.SUBMIT));
        model.addAttribute("canReview", item.status().allows(ContentAction.REJECT));
        model.addAttribute("canArchive", item.status().allows(ContentAction.ARCHIVE));
        model.addAttribute("ownVersion", item.current().author().equals(me));
        return "content/item";
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("marketing:write")
    String submit(@PathVariable long id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "submit", version, Map.of("note", note == null ? "" : note),
                expected -> library.submit(new ContentId(id), expected, note), "content.flash.submitted", model,
                redirect, response);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("marketing:publish")
    String approve(@PathVariable long id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "approve", version, Map.of("note", note == null ? "" : note),
                expected -> library.approve(new ContentId(id), expected, note), "content.flash.approved", model,
                redirect, response);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("marketing:publish")
    String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "reject", version, Map.of("reason", reason == null ? "" : reason),
                expected -> library.reject(new ContentId(id), expected, reason), "content.flash.rejected", model,
                redirect, response);
    }

    @PostMapping("/{id}/archive")
    @RequiresPermission("marketing:publish")
    String archive(@PathVariable long id, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "archive", version, Map.of("note", note == null ? "" : note),
                expected -> library.archive(new ContentId(id), expected, note), "content.flash.archived", model,
                redirect, response);
    }

    @PostMapping("/{id}/versions/{number}/restore")
    @RequiresPermission("marketing:write")
    String restore(@PathVariable long id, @PathVariable int number,
            @RequestParam(required = false) @Nullable String version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "restore", version, Map.of(),
                expected -> library.restore(new ContentId(id), number, expected), "content.flash.restored", model,
                redirect, response);
    }

    /**
     * Post/redirect/get with a flash message on success; the item's page again with the refusal and what was typed
     * otherwise, answered 400 (bad input), 409 (changed meanwhile) or 422 (refused by a rule).
     */
    private String act(long id, String form, @Nullable String version, Map<String, String> typed,
            Function<Long, ContentView> action, String flash, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ContentId contentId = new ContentId(id);
        try {
            Long expected = parseVersion(version);
            ContentView after = action.apply(expected);
            redirect.addFlashAttribute("flash", texts.message(flash, after.current().title(), after.currentVersion()));
            return "redirect:/console/content/" + id;
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            response.setStatus(switch (refused) {
                case BusinessRuleException rule -> 422;
                case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
                default -> HttpServletResponse.SC_BAD_REQUEST;
            });
            return detailPage(model, library.item(contentId), "0", texts.byField(refused, form), form, typed);
        }
    }

    private static Long parseVersion(@Nullable String version) {
        try {
            if (version != null && !version.isBlank()) {
                return Long.valueOf(version.trim());
            }
        } catch (NumberFormatException e) {
            // refused below like a missing one
        }
        throw new InvalidInputException("version", "is required: send the version you read");
    }

    /** The product's title by id, when the version names one that the catalog has. */
    private Map<ProductId, String> productTitles(ContentVersionView version) {
        Map<ProductId, String> titles = new HashMap<>();
        if (version.productId() != null) {
            try {
                titles.put(version.productId(), catalog.product(version.productId()).title());
            } catch (NotFoundException missing) {
                // shown by its id only
            }
        }
        return titles;
    }

    private <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, texts.message("content.form.choice"));
            return null;
        }
    }
}
