package io.shopops.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.shopops.catalog.Brands;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryNode;
import io.shopops.catalog.ImportSummary;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductSearch;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductSummary;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.StockState;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's product pages: the list with filters, a product, its form, lifecycle actions, import and export. */
@ConsoleController
@RequestMapping("/console/catalog/products")
class ProductConsole {

    /** The list's own query string, as the browser encoded it; anything else is not sent back in a redirect. */
    private static final Pattern LIST_QUERY = Pattern.compile("[A-Za-z0-9_.~%&=+,:-]{1,2000}");

    static final List<String> SORTS = List.of("updatedAt,desc", "updatedAt,asc", "createdAt,desc", "createdAt,asc",
            "title,asc", "title,desc", "price,asc", "price,desc", "spuCode,asc", "spuCode,desc");

    private final Catalog catalog;
    private final ProductSearch search;
    private final Categories categories;
    private final Brands brands;
    private final ConsoleTexts texts;
    private final ShopProperties shop;
    private final Clock clock;

    ProductConsole(Catalog catalog, ProductSearch search, Categories categories, Brands brands, ConsoleTexts texts,
            ShopProperties shop, Clock clock) {
        this.catalog = catalog;
        this.search = search;
        this.categories = categories;
        this.brands = brands;
        this.texts = texts;
        this.shop = shop;
        this.clock = clock;
    }

    /** A choice in a category picker, indented by its depth in the tree. */
    record CategoryOption(long id, String label) {
    }

    // --- list -----------------------------------------------------------------------------------------------

    @GetMapping
    @RequiresPermission("catalog:read")
    String list(@ModelAttribute("filter") @Nullable ProductFilterParams filter, BindingResult binding,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size,
            HttpServletRequest request, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.put(error.getField(), texts.text("has an invalid value")));
        Page<ProductSummary> products = null;
        if (filter == null) {
            filter = new ProductFilterParams(null, null, null, null, null, null, null, null, null);
        }
        if (errors.isEmpty()) {
            try {
                products = search.find(filter.toQuery(), new PageQuery(number(page), number(size)));
            } catch (DomainException refused) {
                errors.putAll(texts.byField(refused));
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("products", products);
        model.addAttribute("errors", errors);
        model.addAttribute("categoryOptions", categoryOptions());
        model.addAttribute("brands", brands.all());
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("stockStates", StockState.values());
        model.addAttribute("stockLevels", search.hasStockLevels());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("size", size);
        model.addAttribute("filters", request.getQueryString() == null ? "" : request.getQueryString());
        return "catalog/products";
    }

    /** The products the list's filters find, as CSV in the import's columns. */
    @GetMapping("/export")
    @RequiresPermission("catalog:read")
    void export(@ModelAttribute ProductFilterParams filter, HttpServletResponse response) throws IOException {
        search.export(filter.toQuery(), () -> {
            CsvDownload.prepare(response, "products-" + LocalDate.now(clock.withZone(shop.zone())) + ".csv");
            return response.getOutputStream();
        });
    }

    /** 上架/下架 of the products ticked in the list, all or none. */
    @PostMapping("/bulk-status")
    @RequiresPermission("catalog:publish")
    String changeStatuses(@RequestParam(required = false) @Nullable List<Long> productIds,
            @RequestParam ProductStatus status, @RequestParam(required = false) @Nullable String filters,
            RedirectAttributes redirect) {
        List<ProductId> ids = productIds == null ? List.of() : productIds.stream().map(ProductId::new).toList();
        try {
            catalog.changeStatuses(ids, status, null);
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.bulkChanged", ids.size(),
                    texts.message("catalog.status." + status.name())));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", texts.summary(refused));
        }
        return "redirect:/console/catalog/products" + (filters == null || !LIST_QUERY.matcher(filters).matches()
                ? "" : "?" + filters);
    }

    // --- one product ----------------------------------------------------------------------------------------

    @GetMapping("/{id}")
    @RequiresPermission("catalog:read")
    String show(@PathVariable long id, Model model) {
        ProductView product = catalog.product(new ProductId(id));
        model.addAttribute("product", product);
        model.addAttribute("category", categories.category(product.categoryId()));
        model.addAttribute("brand", product.brandId() == null ? null : brands.brand(product.brandId()));
        model.addAttribute("stockLevels", search.hasStockLevels());
        model.addAttribute("stock", search.stockOf(product.skus().stream().map(SkuView::id).toList()));
        model.addAttribute("history", catalog.statusHistory(product.id()));
        model.addAttribute("next", product.status().next().stream().map(Enum::name).toList());
        return "catalog/product";
    }

    @PostMapping("/{id}/status")
    @RequiresPermission("catalog:publish")
    String changeStatus(@PathVariable long id, @RequestParam ProductStatus status,
            @RequestParam(required = false) @Nullable String reason, @RequestParam long version,
            RedirectAttributes redirect) {
        try {
            catalog.changeStatus(new ProductId(id), status, reason, version);
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.statusChanged",
                    texts.message("catalog.status." + status.name())));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", texts.summary(refused));
        }
        return "redirect:/console/catalog/products/" + id;
    }

    @PostMapping("/{id}/skus/{skuId}/activate")
    @RequiresPermission("catalog:write")
    String activateSku(@PathVariable long id, @PathVariable long skuId, @RequestParam long version,
            RedirectAttributes redirect) {
        return skuAction(id, () -> catalog.activateSku(new ProductId(id), new SkuId(skuId), version), redirect);
    }

    @PostMapping("/{id}/skus/{skuId}/deactivate")
    @RequiresPermission("catalog:write")
    String deactivateSku(@PathVariable long id, @PathVariable long skuId, @RequestParam long version,
            RedirectAttributes redirect) {
        return skuAction(id, () -> catalog.deactivateSku(new ProductId(id), new SkuId(skuId), version), redirect);
    }

    private String skuAction(long id, Runnable action, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.saved"));
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", texts.summary(refused));
        }
        return "redirect:/console/catalog/products/" + id;
    }

    // --- create and edit ------------------------------------------------------------------------------------

    @GetMapping("/new")
    @RequiresPermission("catalog:write")
    String newProduct(Model model) {
        return form(ProductForm.empty(), null, Map.of(), model);
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    String create(@ModelAttribute("form") ProductForm form, Model model, RedirectAttributes redirect) {
        ProductForm.Parsed parsed = form.parse();
        if (!parsed.problems().isEmpty()) {
            return form(form, null, errors(parsed.problems(), parsed), model);
        }
        try {
            ProductView created = catalog.createProduct(parsed.product());
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.created", created.spuCode()));
            return "redirect:/console/catalog/products/" + created.id();
        } catch (DomainException refused) {
            return form(form, null, errors(refused.violations(), parsed, refused), model);
        }
    }

    @GetMapping("/{id}/edit")
    @RequiresPermission("catalog:write")
    String edit(@PathVariable long id, Model model) {
        ProductView product = catalog.product(new ProductId(id));
        return form(ProductForm.of(product), product, Map.of(), model);
    }

    @PostMapping("/{id}")
    @RequiresPermission("catalog:write")
    String update(@PathVariable long id, @ModelAttribute("form") ProductForm form, Model model,
            RedirectAttributes redirect) {
        ProductView product = catalog.product(new ProductId(id));
        ProductForm.Parsed parsed = form.parse();
        if (!parsed.problems().isEmpty()) {
            return form(form, product, errors(parsed.problems(), parsed), model);
        }
        if (form.version() == null) {
            return form(form, product, Map.of("version", texts.text("is required")), model);
        }
        try {
            catalog.updateProduct(product.id(), parsed.changes(), form.version());
            redirect.addFlashAttribute("flash", texts.message("catalog.flash.saved"));
            return "redirect:/console/catalog/products/" + id;
        } catch (DomainException refused) {
            return form(form, product, errors(refused.violations(), parsed, refused), model);
        }
    }

    private String form(ProductForm form, @Nullable ProductView product, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("product", product);
        model.addAttribute("errors", errors);
        model.addAttribute("categoryOptions", categoryOptions());
        model.addAttribute("brands", brands.all());
        return "catalog/product-form";
    }

    private Map<String, String> errors(List<FieldViolation> violations, ProductForm.Parsed parsed) {
        return ProductForm.errors(violations, parsed::formField, texts::text);
    }

    private Map<String, String> errors(List<FieldViolation> violations, ProductForm.Parsed parsed,
            DomainException refused) {
        Map<String, String> errors = errors(violations, parsed);
        return errors.isEmpty() ? texts.byField(refused) : errors;
    }

    // --- import ---------------------------------------------------------------------------------------------

    /** One problem of an import as the error table shows it. */
    record ImportProblem(@Nullable Integer row, @Nullable String column, String reason) {
    }

    @GetMapping("/import")
    @RequiresPermission("catalog:write")
    String importPage(Model model) {
        return importPage(null, List.of(), false, model);
    }

    @PostMapping("/import")
    @RequiresPermission("catalog:write")
    String importProducts(@RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return importPage(null, List.of(new ImportProblem(null, null, texts.text("is empty"))), dryRun, model);
        }
        try (InputStream csv = file.getInputStream()) {
            return importPage(catalog.importProducts(csv, dryRun), List.of(), dryRun, model);
        } catch (DomainException refused) {
            List<ImportProblem> problems = new ArrayList<>();
            for (FieldViolation violation : refused.violations()) {
                problems.add(new ImportProblem(violation.row(), violation.column(), texts.text(violation.reason())));
            }
            if (problems.isEmpty()) {
                problems.add(new ImportProblem(null, null, texts.text(refused.getMessage())));
            }
            return importPage(null, problems, dryRun, model);
        }
    }

    private String importPage(@Nullable ImportSummary summary, List<ImportProblem> problems, boolean dryRun,
            Model model) {
        model.addAttribute("summary", summary);
        model.addAttribute("problems", problems);
        model.addAttribute("dryRun", dryRun);
        return "catalog/product-import";
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private List<CategoryOption> categoryOptions() {
        Locale locale = LocaleContextHolder.getLocale();
        return CategoryNode.flatten(categories.tree()).stream()
                .map(node -> new CategoryOption(node.id().value(),
                        "\u3000".repeat(node.depth() - 1) + node.displayName(locale)))
                .toList();
    }


    /** A paging parameter; anything but a whole number reads as an impossible value that PageQuery refuses. */
    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
