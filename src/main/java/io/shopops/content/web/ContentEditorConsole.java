package io.shopops.content.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopops.content.ContentAction;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentFields;
import io.shopops.content.ContentId;
import io.shopops.content.ContentLibrary;
import io.shopops.content.ContentType;
import io.shopops.content.ContentView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The content editor: a new item, or the next version of one. A refused form comes back with what was typed and
 * every field's reason beside it (400; 409 when the item changed meanwhile, 422 when its status does not allow an
 * edit or nothing changed).
 */
@ConsoleController
@RequestMapping("/console/content")
class ContentEditorConsole {

    private final ContentLibrary library;
    private final ContentTexts texts;
    private final ShopProperties shop;

    ContentEditorConsole(ContentLibrary library, ContentTexts texts, ShopProperties shop) {
        this.library = library;
        this.texts = texts;
        this.shop = shop;
    }

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newItem(Model model) {
        return form(ContentForm.empty(), null, Map.of(), model);
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(@ModelAttribute("form") ContentForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> problems = new LinkedHashMap<>();
        ContentType type = form.parsedType(problems, texts.formReasons());
        ContentFields fields = form.fields(shop.zone(), problems, texts.formReasons());
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, null, problems, model);
        }
        try {
            ContentView created = library.create(type, fields);
            redirect.addFlashAttribute("flash", texts.message("content.flash.created", created.current().title()));
            return "redirect:/console/content/" + created.id();
        } catch (DomainException refused) {
            response.setStatus(status(refused));
            return form(form, null, texts.byField(refused, "form"), model);
        }
    }

    @GetMapping("/{id}/edit")
    @RequiresPermission("marketing:write")
    String edit(@PathVariable long id, Model model) {
        ContentView item = library.item(new ContentId(id));
        Map<String, String> errors = item.status().allows(ContentAction.EDIT) ? Map.of()
                : Map.of("status", texts.message("content.form.inReview"));
        return form(ContentForm.of(item, shop.zone()), item, errors, model);
    }

    @PostMapping("/{id}")
    @RequiresPermission("marketing:write")
    String update(@PathVariable long id, @ModelAttribute("form") ContentForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ContentView item = library.item(new ContentId(id));
        Map<String, String> problems = new LinkedHashMap<>();
        ContentFields fields = form.fields(shop.zone(), problems, texts.formReasons());
        Long version = form.parsedVersion();
        if (version == null) {
            problems.put("version", texts.reason("is required"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, item, problems, model);
        }
        try {
            ContentView updated = library.update(item.id(), fields, version);
            redirect.addFlashAttribute("flash", texts.message("content.flash.saved", updated.current().title(),
                    updated.currentVersion()));
            return "redirect:/console/content/" + id;
        } catch (NotFoundException missing) {
            if (!missing.isReference()) {
                throw missing;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, item, texts.byField(missing, "form"), model);
        } catch (DomainException refused) {
            response.setStatus(status(refused));
            return form(form, item, texts.byField(refused, "form"), model);
        }
    }

    private static int status(DomainException refused) {
        return switch (refused) {
            case BusinessRuleException rule -> 422;
            case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    private String form(ContentForm form, @Nullable ContentView item, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("errors", errors);
        model.addAttribute("types", ContentType.values());
        model.addAttribute("channels", ContentChannel.values());
        model.addAttribute("zone", shop.zone().getId());
        return "content/form";
    }
}
