package io.shopops.catalog.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryChanges;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryNode;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.NewCategory;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The category tree on the console: the tree with product counts, and for the category picked
 * ({@code ?edit=id}) its forms to rename, move and delete it; a form to create one is always there.
 */
@ConsoleController
@RequestMapping("/console/catalog/categories")
class CategoryConsole {

    private static final List<String> FORMS = List.of("create", "edit", "move");

    private final Categories categories;
    private final ConsoleTexts texts;

    CategoryConsole(Categories categories, ConsoleTexts texts) {
        this.categories = categories;
        this.texts = texts;
    }

    /** The category forms as posted: every field as typed. */
    record CategoryForm(@Nullable String code, @Nullable String name, @Nullable String nameEn,
            @Nullable String parentId, @Nullable String sortOrder, @Nullable Long version) {

        static CategoryForm blank(@Nullable CategoryView parent) {
            return new CategoryForm("", "", "", parent == null ? "" : parent.id().toString(), "0", null);
        }

        static CategoryForm of(CategoryView category) {
            return new CategoryForm(category.code(), category.name(), category.nameEn() == null ? "" : category.nameEn(),
                    category.parentId() == null ? "" : category.parentId().toString(),
                    Integer.toString(category.sortOrder()), category.version());
        }
    }

    @GetMapping
    @RequiresPermission("catalog:read")
    String page(@RequestParam(required = false) @Nullable Long edit, Model model) {
        CategoryView editing = edit == null ? null : categories.category(new CategoryId(edit));
        return page(editing, CategoryForm.blank(editing), editing == null ? null : CategoryForm.of(editing), Map.of(),
                model);
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    String create(@ModelAttribute CategoryForm form, Model model, RedirectAttributes redirect) {
        try {
            CategoryId parent = id(form.parentId(), "parentId");
            CategoryView created = categories.create(new NewCategory(form.code(), form.name(), form.nameEn(),
                    parent, sortOrder(form.sortOrder())));
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.created", created.code()));
            return "redirect:/console/catalog/categories?edit=" + created.id();
        } catch (DomainException refused) {
            return page(null, form, null, texts.byForm("create", refused), model);
        }
    }

    @PostMapping("/{id}")
    @RequiresPermission("catalog:write")
    String update(@PathVariable long id, @ModelAttribute CategoryForm form, Model model, RedirectAttributes redirect) {
        CategoryView category = categories.category(new CategoryId(id));
        try {
            categories.update(category.id(), new CategoryChanges(form.name(), form.nameEn(),
                    sortOrder(form.sortOrder())), version(form.version()));
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.saved"));
            return "redirect:/console/catalog/categories?edit=" + id;
        } catch (DomainException refused) {
            return page(category, CategoryForm.blank(category), form, texts.byForm("edit", refused), model);
        }
    }

    @PostMapping("/{id}/move")
    @RequiresPermission("catalog:write")
    String move(@PathVariable long id, @RequestParam(required = false) @Nullable String parentId,
            @RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect) {
        CategoryView category = categories.category(new CategoryId(id));
        try {
            categories.move(category.id(), id(parentId, "parentId"), version(version));
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.moved"));
            return "redirect:/console/catalog/categories?edit=" + id;
        } catch (DomainException refused) {
            return page(category, CategoryForm.blank(category), CategoryForm.of(category), texts.byForm("move", refused),
                    model);
        }
    }

    @PostMapping("/{id}/delete")
    @RequiresPermission("catalog:write")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        CategoryView category = categories.category(new CategoryId(id));
        try {
            categories.delete(category.id());
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.deleted", category.code()));
            return "redirect:/console/catalog/categories";
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", texts.summary(refused));
            return "redirect:/console/catalog/categories?edit=" + id;
        }
    }

    private String page(@Nullable CategoryView editing, CategoryForm createForm, @Nullable CategoryForm editForm,
            Map<String, Map<String, String>> errors, Model model) {
        List<CategoryNode> tree = categories.tree();
        Locale locale = LocaleContextHolder.getLocale();
        List<ProductConsole.CategoryOption> options = new ArrayList<>();
        List<ProductConsole.CategoryOption> moveTargets = new ArrayList<>();
        Set<CategoryId> subtree = new HashSet<>();
        CategoryNode editingNode = null;
        for (CategoryNode node : CategoryNode.flatten(tree)) {
            if (editing != null && node.id().equals(editing.id())) {
                editingNode = node;
                CategoryNode.flatten(List.of(node)).forEach(n -> subtree.add(n.id()));
            }
            ProductConsole.CategoryOption option = new ProductConsole.CategoryOption(node.id().value(),
                    "\u3000".repeat(node.depth() - 1) + node.displayName(locale));
            if (node.depth() < Categories.MAX_CATEGORY_DEPTH) {
                options.add(option);
            }
            if (!subtree.contains(node.id())) {
                moveTargets.add(option);
            }
        }
        model.addAttribute("tree", tree);
        model.addAttribute("editing", editing);
        model.addAttribute("editingNode", editingNode);
        model.addAttribute("createForm", createForm);
        model.addAttribute("editForm", editForm);
        model.addAttribute("parentOptions", options);
        model.addAttribute("moveTargets", moveTargets);
        for (String form : FORMS) {
            model.addAttribute(form + "Errors", errors.getOrDefault(form + "Errors", Map.of()));
        }
        return "catalog/categories";
    }


    private static @Nullable CategoryId id(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new CategoryId(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }

    private static int sortOrder(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(List.of(new FieldViolation("sortOrder", "must be a whole number")));
        }
    }

    private static long version(@Nullable Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "is required");
        }
        return version;
    }

}
