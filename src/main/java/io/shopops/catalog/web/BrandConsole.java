package io.shopops.catalog.web;

import java.util.List;
import java.util.Map;

import io.shopops.catalog.BrandChanges;
import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.Brands;
import io.shopops.catalog.NewBrand;
import io.shopops.shared.DomainException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Brands on the console: the list, a form to create one, and for the brand picked ({@code ?edit=id}) its edit form. */
@ConsoleController
@RequestMapping("/console/catalog/brands")
class BrandConsole {

    private static final List<String> FORMS = List.of("create", "edit");

    private final Brands brands;
    private final ConsoleTexts texts;

    BrandConsole(Brands brands, ConsoleTexts texts) {
        this.brands = brands;
        this.texts = texts;
    }

    /** The brand forms as posted: every field as typed. */
    record BrandForm(@Nullable String code, @Nullable String name, @Nullable String nameEn, @Nullable String logoUrl,
            @Nullable String description, @Nullable Long version) {

        static BrandForm blank() {
            return new BrandForm("", "", "", "", "", null);
        }

        static BrandForm of(BrandView brand) {
            return new BrandForm(brand.code(), brand.name(), orEmpty(brand.nameEn()), orEmpty(brand.logoUrl()),
                    orEmpty(brand.description()), brand.version());
        }

        private static String orEmpty(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    @GetMapping
    @RequiresPermission("catalog:read")
    String page(@RequestParam(required = false) @Nullable Long edit, Model model) {
        BrandView editing = edit == null ? null : brands.brand(new BrandId(edit));
        return page(editing, BrandForm.blank(), editing == null ? null : BrandForm.of(editing), Map.of(), model);
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    String create(@ModelAttribute BrandForm form, Model model, RedirectAttributes redirect) {
        try {
            BrandView created = brands.create(new NewBrand(form.code(), form.name(), form.nameEn(),
                    form.logoUrl(), form.description()));
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.created", created.code()));
            return "redirect:/console/catalog/brands";
        } catch (DomainException refused) {
            return page(null, form, null, texts.byForm("create", refused), model);
        }
    }

    @PostMapping("/{id}")
    @RequiresPermission("catalog:write")
    String update(@PathVariable long id, @ModelAttribute BrandForm form, Model model, RedirectAttributes redirect) {
        BrandView brand = brands.brand(new BrandId(id));
        try {
            if (form.version() == null) {
                throw new InvalidInputException("version", "is required");
            }
            brands.update(brand.id(), new BrandChanges(form.name(), form.nameEn(), form.logoUrl(),
                    form.description()), form.version());
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.saved"));
            return "redirect:/console/catalog/brands";
        } catch (DomainException refused) {
            return page(brand, BrandForm.blank(), form, texts.byForm("edit", refused), model);
        }
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission("catalog:write")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        BrandView brand = brands.brand(new BrandId(id));
        try {
            brands.delete(brand.id());
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.deleted", brand.code()));
            return "redirect:/console/catalog/brands";
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", texts.summary(refused));
            return "redirect:/console/catalog/brands?edit=" + id;
        }
    }

    private String page(@Nullable BrandView editing, BrandForm createForm, @Nullable BrandForm editForm,
            Map<String, Map<String, String>> errors, Model model) {
        model.addAttribute("brands", brands.all());
        model.addAttribute("editing", editing);
        model.addAttribute("createForm", createForm);
        model.addAttribute("editForm", editForm);
        for (String form : FORMS) {
            model.addAttribute(form + "Errors", errors.getOrDefault(form + "Errors", Map.of()));
        }
        return "catalog/brands";
    }


}
