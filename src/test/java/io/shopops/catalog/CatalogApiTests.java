package io.shopops.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.identity.Role;
import io.shopops.shared.PageQuery;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.shopops.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's REST API as a product operator (產品運營) uses it: every bad input is refused with a 4xx that
 * names the field, and nothing is written.
 */
@ShopOpsTest
class CatalogApiTests {

    private static final String PRODUCTS = "/api/v1/admin/catalog/products";
    private static final String CATEGORIES = "/api/v1/admin/catalog/categories";
    private static final String BRANDS = "/api/v1/admin/catalog/brands";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    CatalogFixtures fixtures;
    @Autowired
    Catalog catalog;
    @Autowired
    Categories categories;
    @Autowired
    Brands brands;
    @Autowired
    ProductSearch search;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditLog auditLog;

    String operator;
    CategoryView category;

    @BeforeEach
    void operatorAndCategory() {
        operator = staff.member(Role.PRODUCT_OPS).bearer();
        category = fixtures.category();
    }

    // --- products: creation and bad input ---------------------------------------------------------------------

    @Test
    void createsAProductWithAUnicodeTitleAnswering201AndItsLocation() throws Exception {
        Map<String, Object> body = product(unique("SPU"));
        body.put("title", "真絲連衣裙 👗 — Robe en soie « été » مرحبا");
        MvcResult created = mvc.perform(send(post(PRODUCTS), body))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(PRODUCTS + "/")))
                .andExpect(jsonPath("$.title").value("真絲連衣裙 👗 — Robe en soie « été » مرحبا"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.skus[0].salePrice.amount").value(149.5))
                .andExpect(jsonPath("$.skus[0].salePrice.currency").value("CNY"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn();
        mvc.perform(get(created.getResponse().getHeader("Location")).header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spuCode").value(body.get("spuCode")));
    }

    @Test
    void storesSqlLookingTextVerbatimAndHarmlessly() throws Exception {
        Map<String, Object> body = product(unique("SPU"));
        body.put("title", "Robert'); DROP TABLE product;--");
        body.put("subtitle", "1' OR '1'='1");
        mvc.perform(send(post(PRODUCTS), body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Robert'); DROP TABLE product;--"))
                .andExpect(jsonPath("$.subtitle").value("1' OR '1'='1"));
        mvc.perform(get(PRODUCTS).param("q", "drop table").header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].spuCode", hasItem(body.get("spuCode"))));
    }

    @Test
    void refusesAProductWithoutItsRequiredFieldsNamingEach() throws Exception {
        refused(post(PRODUCTS), "{}", 400, "spuCode", "title", "categoryId", "skus");
        refused(post(PRODUCTS), "{\"skus\": [{}]}", 400, "spuCode", "title", "categoryId", "skus[0].skuCode",
                "skus[0].listPrice", "skus[0].salePrice", "skus[0].costPrice");
    }

    @Test
    void refusesNegativeTooPreciseAndAboveListPricesNamingEachSku() throws Exception {
        Map<String, Object> body = product(unique("SPU"));
        List<Map<String, Object>> skus = skus(body);
        skus.get(0).put("listPrice", -1);
        skus.get(0).put("salePrice", -2);
        skus.add(sku(unique("SKU"), "颜色:蓝"));
        skus.get(1).put("listPrice", 100);
        skus.get(1).put("salePrice", 100.01);
        skus.get(1).put("costPrice", 1_000_000_000);
        skus.add(sku(unique("SKU"), "颜色:绿"));
        skus.get(2).put("listPrice", new java.math.BigDecimal("10.001"));
        skus.get(2).put("salePrice", 10);
        refused(post(PRODUCTS), body, 400, "skus[0].listPrice", "skus[0].salePrice", "skus[1].salePrice",
                "skus[1].costPrice", "skus[2].listPrice");
    }

    @Test
    void refusesAnUnknownCategoryOrBrandNamingTheField() throws Exception {
        Map<String, Object> unknownCategory = product(unique("SPU"));
        unknownCategory.put("categoryId", Long.MAX_VALUE);
        refused(post(PRODUCTS), unknownCategory, 400, "categoryId");
        Map<String, Object> unknownBrand = product(unique("SPU"));
        unknownBrand.put("brandId", Long.MAX_VALUE);
        refused(post(PRODUCTS), unknownBrand, 400, "brandId");
    }

    @Test
    void refusesDuplicateSkuCodesInTheRequestAndAgainstStoredSkus() throws Exception {
        Map<String, Object> twice = product(unique("SPU"));
        String code = (String) skus(twice).getFirst().get("skuCode");
        skus(twice).add(sku(code, "颜色:蓝"));
        refused(post(PRODUCTS), twice, 400, "skus[1].skuCode");

        ProductView stored = fixtures.product(category, "10.00");
        Map<String, Object> taken = product(unique("SPU"));
        skus(taken).add(sku(stored.skus().getFirst().skuCode(), "颜色:蓝"));
        refused(post(PRODUCTS), taken, 409, "skus[1].skuCode");
    }

    @Test
    void refusesASpuCodeAnotherProductUses() throws Exception {
        ProductView stored = fixtures.product(category, "10.00");
        refused(post(PRODUCTS), product(stored.spuCode()), 409, "spuCode");
    }

    @Test
    void refusesValuesOfTheWrongJsonTypeNamingTheField() throws Exception {
        Map<String, Object> text = product(unique("SPU"));
        skus(text).getFirst().put("listPrice", "abc");
        refused(post(PRODUCTS), text, 400, "skus[0].listPrice");
        Map<String, Object> category = product(unique("SPU"));
        category.put("categoryId", "x");
        refused(post(PRODUCTS), category, 400, "categoryId");
        Map<String, Object> tags = product(unique("SPU"));
        tags.put("tags", "not-a-list");
        refused(post(PRODUCTS), tags, 400, "tags");
    }

    @Test
    void refusesUnknownJsonFieldsAnEmptyBodyAndBrokenJson() throws Exception {
        Map<String, Object> unknown = product(unique("SPU"));
        unknown.put("colour", "red");
        refused(post(PRODUCTS), unknown, 400, "colour");
        refused(post(PRODUCTS), "", 400, "body");
        refused(post(PRODUCTS), "{\"spuCode\": ", 400, "body");
    }

    @Test
    void refusesAPayloadOverOneMegabyteWith413() throws Exception {
        Map<String, Object> huge = product(unique("SPU"));
        huge.put("description", "长".repeat(400_000));
        long[] before = counts();
        mvc.perform(send(post(PRODUCTS), huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:payload-too-large"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void refusesOverLongTextAndControlCharactersNamingTheField() throws Exception {
        Map<String, Object> body = product("S".repeat(65));
        body.put("title", "t".repeat(201));
        body.put("subtitle", "nul\u0000inside");
        body.put("description", "bell\u0007");
        body.put("tags", List.of("a|b"));
        body.put("imageUrls", List.of("javascript:alert(1)"));
        skus(body).getFirst().put("barcode", "tab\there");
        refused(post(PRODUCTS), body, 400, "spuCode", "title", "subtitle", "description", "tags", "imageUrls[0]",
                "skus[0].barcode");
    }

    // --- products: changes, lifecycle, SKUs -----------------------------------------------------------------

    @Test
    void updatesAProductWithItsVersionAndRefusesAStaleOrMissingVersion() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        Map<String, Object> changes = changes(product);
        changes.put("title", "新标题");
        mvc.perform(send(put(PRODUCTS + "/" + product.id()), changes))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("新标题"))
                .andExpect(jsonPath("$.version").value(product.version() + 1));

        changes.put("title", "迟到");
        refused(put(PRODUCTS + "/" + product.id()), changes, 409, "version");
        changes.remove("version");
        refused(put(PRODUCTS + "/" + product.id()), changes, 400, "version");
        assertThat(catalog.product(product.id()).title()).isEqualTo("新标题");
    }

    @Test
    void refusesIllegalStatusTransitionsWith422NamingFromAndTo() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        long[] before = counts();
        mvc.perform(send(post(PRODUCTS + "/" + product.id() + "/status"),
                        Map.of("status", "OFF_SHELF", "version", product.version())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:illegal-transition"))
                .andExpect(jsonPath("$.detail").value("cannot move from DRAFT to OFF_SHELF"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        refused(post(PRODUCTS + "/" + product.id() + "/status"), Map.of("status", "SOLD", "version", 0), 400, "status");
        refused(post(PRODUCTS + "/" + product.id() + "/status"), Map.of("version", 0), 400, "status");
        assertThat(counts()).isEqualTo(before);
        assertThat(catalog.statusHistory(product.id())).hasSize(1);
    }

    @Test
    void shelvesAProductAndShowsItsHistory() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        mvc.perform(send(post(PRODUCTS + "/" + product.id() + "/status"),
                        Map.of("status", "ON_SHELF", "reason", "新品上架", "version", product.version())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ON_SHELF"));
        mvc.perform(get(PRODUCTS + "/" + product.id() + "/history").header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].from").value("DRAFT"))
                .andExpect(jsonPath("$[0].to").value("ON_SHELF"))
                .andExpect(jsonPath("$[0].reason").value("新品上架"))
                .andExpect(jsonPath("$[0].changedBy", startsWith("product-ops-")))
                .andExpect(jsonPath("$[1].to").value("DRAFT"));
        refused(post(PRODUCTS + "/" + product.id() + "/status"),
                Map.of("status", "OFF_SHELF", "version", product.version()), 409, "version");
    }

    @Test
    void changesStatusesInBulkAllOrNothing() throws Exception {
        ProductView a = fixtures.product(category, "10.00");
        ProductView b = fixtures.product(category, "0.00");
        mvc.perform(send(post(PRODUCTS + "/bulk-status"), Map.of("productIds", List.of(a.id(), b.id()),
                        "status", "ON_SHELF")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:bulk-status-refused"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value("productIds[1]"))
                .andExpect(jsonPath("$.errors[0].reason", containsString("no-sellable-sku")));
        assertThat(catalog.product(a.id()).status()).isEqualTo(ProductStatus.DRAFT);

        mvc.perform(send(post(PRODUCTS + "/bulk-status"), Map.of("productIds", List.of(a.id()), "status", "ON_SHELF")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed[0]").value(a.id().value()));
        refused(post(PRODUCTS + "/bulk-status"), Map.of("productIds", List.of(), "status", "ON_SHELF"), 400,
                "productIds");
    }

    @Test
    void addsUpdatesAndDeactivatesSkus() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        Map<String, Object> added = sku(unique("SKU"), "颜色:绿");
        added.put("version", product.version());
        MvcResult result = mvc.perform(send(post(PRODUCTS + "/" + product.id() + "/skus"), added))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/skus/")))
                .andExpect(jsonPath("$.skus", hasSize(2)))
                .andReturn();
        mvc.perform(get(result.getResponse().getHeader("Location")).header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skuCode").value(added.get("skuCode")))
                .andExpect(jsonPath("$.attributes[0].value").value("绿"));

        ProductView current = catalog.product(product.id());
        Map<String, Object> duplicate = sku(current.skus().get(1).skuCode(), "颜色:白");
        duplicate.put("version", current.version());
        refused(put(PRODUCTS + "/" + product.id() + "/skus/" + current.skus().getFirst().id()), duplicate, 409,
                "skuCode");

        ProductView shelved = catalog.changeStatus(product.id(), ProductStatus.ON_SHELF, null, current.version());
        mvc.perform(send(post(PRODUCTS + "/" + product.id() + "/skus/" + shelved.skus().get(1).id() + "/deactivate"),
                        Map.of("version", shelved.version())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skus[1].active").value(false));
        mvc.perform(send(post(PRODUCTS + "/" + product.id() + "/skus/" + shelved.skus().get(0).id() + "/deactivate"),
                        Map.of("version", shelved.version() + 1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:last-active-sku"));
    }

    @Test
    void answersNotFoundForAnUnknownProductAndBadRequestForAMalformedId() throws Exception {
        mvc.perform(get(PRODUCTS + "/" + Long.MAX_VALUE).header("Authorization", operator))
                .andExpect(status().isNotFound());
        mvc.perform(get(PRODUCTS + "/abc").header("Authorization", operator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    // --- search ---------------------------------------------------------------------------------------------

    @Test
    void searchesWithFiltersSortingAndPaging() throws Exception {
        ProductView cheap = fixtures.product(category, "10.00");
        ProductView dear = fixtures.product(category, "90.00");
        mvc.perform(get(PRODUCTS).header("Authorization", operator)
                        .param("categoryId", category.id().toString()).param("sort", "price,desc")
                        .param("minPrice", "5").param("maxPrice", "100").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(dear.id().value()))
                .andExpect(jsonPath("$.items[0].minSalePrice.amount").value(90.0))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.hasNext").value(true));
        mvc.perform(get(PRODUCTS).header("Authorization", operator)
                        .param("categoryId", category.id().toString()).param("q", cheap.spuCode().toLowerCase()))
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder((int) cheap.id().value())));
    }

    @Test
    void refusesBadSearchParametersNamingThem() throws Exception {
        searchRefused("sort", "sort", "colour");
        searchRefused("minPrice", "minPrice", "-1");
        searchRefused("maxPrice", "maxPrice", "1.005");
        searchRefused("status", "status", "SOLD");
        searchRefused("categoryId", "categoryId", "x");
        searchRefused("size", "size", "500");
        searchRefused("q", "q", "a\u0000b");
        mvc.perform(get(PRODUCTS).header("Authorization", operator).param("minPrice", "9").param("maxPrice", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minPrice"));
    }

    // --- categories and brands ------------------------------------------------------------------------------

    @Test
    void maintainsTheCategoryTree() throws Exception {
        String code = unique("api-cat");
        MvcResult created = mvc.perform(send(post(CATEGORIES),
                        Map.of("code", code, "name", "配件", "parentId", category.id().value())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith(CATEGORIES + "/" + categories.byCode(code)
                        .orElseThrow().id())))
                .andExpect(jsonPath("$.depth").value(2))
                .andReturn();
        CategoryView child = categories.byCode(code).orElseThrow();
        mvc.perform(get(created.getResponse().getHeader("Location")).header("Authorization", operator))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("配件"));

        mvc.perform(send(put(CATEGORIES + "/" + child.id()), Map.of("name", "饰品", "sortOrder", 3,
                        "version", child.version())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("饰品"));
        refused(post(CATEGORIES + "/" + category.id() + "/move"),
                Map.of("parentId", child.id().value(), "version", category.version()), 400, "parentId");
        mvc.perform(delete(CATEGORIES + "/" + category.id()).header("Authorization", operator))
                .andExpect(status().isConflict());
        Map<String, Object> toTop = new LinkedHashMap<>();
        toTop.put("parentId", null);
        toTop.put("version", child.version() + 1);
        mvc.perform(send(post(CATEGORIES + "/" + child.id() + "/move"), toTop))
                .andExpect(status().isOk()).andExpect(jsonPath("$.depth").value(1));
        mvc.perform(get(CATEGORIES + "/tree").header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem(code)));
        mvc.perform(delete(CATEGORIES + "/" + child.id()).header("Authorization", operator))
                .andExpect(status().isNoContent());
        refused(post(CATEGORIES), Map.of("code", "bad code!", "name", ""), 400, "code", "name");
        refused(post(CATEGORIES), Map.of("code", category.code(), "name", "重复"), 409, "code");
    }

    @Test
    void maintainsBrands() throws Exception {
        String code = unique("api-brand");
        mvc.perform(send(post(BRANDS), Map.of("code", code, "name", "李宁", "logoUrl", "https://img.example.com/l.png")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"));
        BrandView brand = brands.byCode(code).orElseThrow();
        mvc.perform(send(put(BRANDS + "/" + brand.id()), Map.of("name", "Li-Ning", "version", brand.version())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Li-Ning"));
        refused(put(BRANDS + "/" + brand.id()), Map.of("name", "x", "version", brand.version()), 409, "version");
        refused(put(BRANDS + "/" + brand.id()), Map.of("name", "x", "logoUrl", "file:///etc/passwd",
                "version", brand.version() + 1), 400, "logoUrl");
        mvc.perform(get(BRANDS).header("Authorization", operator))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem(code)));
        fixtures.product(category, brands.brand(brand.id()), unique("SPU"), "李宁跑鞋", java.util.Set.of(), "10.00");
        mvc.perform(delete(BRANDS + "/" + brand.id()).header("Authorization", operator))
                .andExpect(status().isConflict());
        BrandView unused = fixtures.brand();
        mvc.perform(delete(BRANDS + "/" + unused.id()).header("Authorization", operator))
                .andExpect(status().isNoContent());
    }

    // --- import and export ----------------------------------------------------------------------------------

    @Test
    void importsACsvFileAndReportsEachBadCellByRowAndColumn() throws Exception {
        String spu = unique("IMP");
        CsvFile good = CsvFile.withAllColumns().add(spu, spu + "-1", category.code()).add(spu, spu + "-2", category.code());
        mvc.perform(multipart(PRODUCTS + "/import").file(csv(good.bytes())).param("dryRun", "true")
                        .header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.productsCreated").value(1))
                .andExpect(jsonPath("$.skusCreated").value(2));
        assertThat(search.find(ProductQuery.all().withKeyword(spu), PageQuery.first(5))
                .totalItems()).isZero();

        CsvFile bad = CsvFile.withAllColumns().add(spu, spu + "-1", category.code())
                .add(spu, spu + "-2", category.code(), "sale_price", "300");
        long[] before = counts();
        mvc.perform(multipart(PRODUCTS + "/import").file(csv(bad.bytes())).header("Authorization", operator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("row 3, column sale_price"))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("sale_price"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not exceed list_price"));
        assertThat(counts()).isEqualTo(before);

        mvc.perform(multipart(PRODUCTS + "/import").file(csv(good.bytes())).header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.productsCreated").value(1));
        mvc.perform(multipart(PRODUCTS + "/import").file(csv("\"broken".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", operator))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(1));
        mvc.perform(multipart(PRODUCTS + "/import").header("Authorization", operator))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportsCsvWithTheSearchFiltersThatImportsBackUnchanged() throws Exception {
        ProductView shelved = fixtures.onShelf(category, "10.00", "20.00");
        fixtures.product(category, "30.00");
        MvcResult export = mvc.perform(get(PRODUCTS + "/export").header("Authorization", operator)
                        .param("categoryId", category.id().toString()).param("status", "ON_SHELF"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Type", containsString("charset=UTF-8")))
                .andExpect(header().string("Content-Disposition", startsWith("attachment; filename=")))
                .andReturn();
        byte[] csv = export.getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFspu_code,title,");
        assertThat(text.lines().skip(1)).hasSize(2).allMatch(line -> line.startsWith(shelved.spuCode() + ","));

        mvc.perform(multipart(PRODUCTS + "/import").file(csv(csv)).header("Authorization", operator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.productsUnchanged").value(1))
                .andExpect(jsonPath("$.skusUnchanged").value(2));
        mvc.perform(get(PRODUCTS + "/export").header("Authorization", operator).param("sort", "stock"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    // --- who may do what ------------------------------------------------------------------------------------

    @Test
    void letsReadersReadButNotWriteOrPublish() throws Exception {
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        ProductView product = fixtures.product(category, "10.00");
        mvc.perform(get(PRODUCTS + "/" + product.id()).header("Authorization", marketing)).andExpect(status().isOk());
        long[] before = counts();
        mvc.perform(post(PRODUCTS).header("Authorization", marketing).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(product(unique("SPU")))))
                .andExpect(status().isForbidden());
        mvc.perform(post(PRODUCTS + "/" + product.id() + "/status").header("Authorization", marketing)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"ON_SHELF\",\"version\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(get(PRODUCTS)).andExpect(status().isUnauthorized());
        assertThat(counts()).isEqualTo(before);
        assertThat(catalog.product(product.id()).status()).isEqualTo(ProductStatus.DRAFT);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    Map<String, Object> product(String spuCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("spuCode", spuCode);
        body.put("title", "接口商品");
        body.put("categoryId", category.id().value());
        body.put("imageUrls", List.of("https://img.example.com/p.jpg"));
        body.put("tags", List.of("新品"));
        List<Map<String, Object>> skus = new ArrayList<>();
        skus.add(sku(unique("SKU"), "颜色:红"));
        body.put("skus", skus);
        return body;
    }

    static Map<String, Object> sku(String code, String spec) {
        Map<String, Object> sku = new LinkedHashMap<>();
        sku.put("skuCode", code);
        String[] attribute = spec.split(":");
        sku.put("attributes", List.of(Map.of("name", attribute[0], "value", attribute[1])));
        sku.put("listPrice", new java.math.BigDecimal("199.00"));
        sku.put("salePrice", new java.math.BigDecimal("149.50"));
        sku.put("costPrice", new java.math.BigDecimal("60.00"));
        return sku;
    }

    static Map<String, Object> changes(ProductView product) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", product.title());
        body.put("categoryId", product.categoryId().value());
        body.put("version", product.version());
        return body;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> skus(Map<String, Object> product) {
        return (List<Map<String, Object>>) product.get("skus");
    }

    MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, Object body) {
        String content = body instanceof String text ? text : json.writeValueAsString(body);
        return request.header("Authorization", operator).contentType(MediaType.APPLICATION_JSON).content(content);
    }

    /** Sends a request that must be refused with the status, naming exactly these fields, writing nothing. */
    void refused(MockHttpServletRequestBuilder request, Object body, int status, String... fields) throws Exception {
        long[] before = counts();
        ResultActions result = mvc.perform(send(request, body)).andExpect(status().is(status));
        result.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(fields)));
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    void searchRefused(String param, String field, String value) throws Exception {
        mvc.perform(get(PRODUCTS).header("Authorization", operator).param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    /** Products, active SKUs, categories, brands and audit entries: what a refused request must leave as it was. */
    long[] counts() {
        CatalogFigures figures = catalog.figures();
        return new long[] { figures.products(), figures.activeSkus(), categories.all().size(),
                brands.all().size(), auditLog.find(AuditQuery.all(), PageQuery.first(1)).totalItems() };
    }

    static MockMultipartFile csv(byte[] bytes) {
        return new MockMultipartFile("file", "products.csv", "text/csv", bytes);
    }

}
