package io.shopops.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.shopops.identity.Identity;
import io.shopops.identity.Role;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static io.shopops.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalog's console pages, signed in as staff, in English and 简体中文. */
@ShopOpsTest
class CatalogConsoleTests {

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
    Identity identity;

    private static final String OWN_PASSWORD = "chosen-by-me-77";

    Cookie operator;
    CategoryView category;

    @BeforeEach
    void signIn() throws Exception {
        operator = signIn(Role.PRODUCT_OPS);
        category = fixtures.category();
    }

    // --- pages render in both languages ---------------------------------------------------------------------

    @Test
    void showsEveryCatalogPageInBothLanguagesWithoutMissingTexts() throws Exception {
        BrandView brand = fixtures.brand();
        ProductView product = fixtures.product(category, brand, unique("SPU"), "真丝连衣裙", Set.of("新品"), "99.00");
        List<String> pages = List.of("/console/catalog/products", "/console/catalog/products?q=none&status=DRAFT",
                "/console/catalog/products/new", "/console/catalog/products/" + product.id(),
                "/console/catalog/products/" + product.id() + "/edit", "/console/catalog/products/import",
                "/console/catalog/categories", "/console/catalog/categories?edit=" + category.id(),
                "/console/catalog/brands", "/console/catalog/brands?edit=" + brand.id());
        for (String page : pages) {
            for (String language : List.of("en", "zh-CN")) {
                String html = mvc.perform(as(get(page).param("lang", language)))
                        .andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(page + " in " + language).doesNotContain("??").doesNotContain("catalog.");
            }
        }
        mvc.perform(as(get("/console/catalog/products").param("lang", "zh-CN")))
                .andExpect(content().string(containsString("商品")))
                .andExpect(content().string(containsString("真丝连衣裙")))
                .andExpect(content().string(containsString("草稿")));
        mvc.perform(as(get("/console/catalog/products").param("lang", "en")))
                .andExpect(content().string(containsString("Draft")))
                .andExpect(content().string(containsString("name=\"q\"")));
    }

    @Test
    void pagesThroughTheListKeepingItsFilters() throws Exception {
        fixtures.product(category, "10.00");
        fixtures.product(category, "20.00");
        fixtures.product(category, "30.00");
        String list = "/console/catalog/products?lang=en&categoryId=" + category.id() + "&size=2";
        mvc.perform(as(get(list)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 items · page 1 of 2")))
                .andExpect(content().string(containsString("categoryId=" + category.id() + "&amp;size=2&amp;page=1")))
                .andExpect(content().string(containsString("/console/catalog/products/export?lang=en&amp;categoryId="
                        + category.id())));
        mvc.perform(as(get(list + "&page=1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("page 2 of 2")))
                .andExpect(content().string(containsString("size=2&amp;page=0")));
    }

    @Test
    void listsProductsWithTheirFiltersPricesAndStatus() throws Exception {
        ProductView cheap = fixtures.product(category, "10.00", "20.00");
        ProductView onShelf = fixtures.onShelf(category, "50.00");
        mvc.perform(as(get("/console/catalog/products").param("lang", "en")
                        .param("categoryId", category.id().toString()).param("status", "ON_SHELF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(onShelf.spuCode())))
                .andExpect(content().string(not(containsString(cheap.spuCode()))))
                .andExpect(content().string(containsString("¥50.00")))
                .andExpect(content().string(containsString("On shelf")));
        mvc.perform(as(get("/console/catalog/products").param("lang", "en")
                        .param("categoryId", category.id().toString()).param("sort", "price,asc")))
                .andExpect(content().string(containsString("¥10.00 – ¥20.00")));
        mvc.perform(as(get("/console/catalog/products").param("lang", "zh-CN").param("minPrice", "-1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能为负数")));
        mvc.perform(as(get("/console/catalog/products").param("lang", "en").param("minPrice", "abc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has an invalid value")));
    }

    // --- the product form -----------------------------------------------------------------------------------

    @Test
    void createsAProductWithItsSkuRowsThroughTheForm() throws Exception {
        String spu = unique("FORM");
        MvcResult result = mvc.perform(as(post("/console/catalog/products").with(csrf())
                        .param("spuCode", spu).param("title", "表单商品").param("categoryId", category.id().toString())
                        .param("tags", "新品, 夏季").param("imageUrls", "https://img.example.com/1.jpg\nhttps://img.example.com/2.jpg")
                        .param("skus[0].skuCode", spu + "-R").param("skus[0].attributes", "颜色:红|尺码:M")
                        .param("skus[0].listPrice", "199").param("skus[0].salePrice", "149.5").param("skus[0].costPrice", "60")
                        .param("skus[2].skuCode", spu + "-B").param("skus[2].attributes", "颜色:蓝")
                        .param("skus[2].listPrice", "199").param("skus[2].salePrice", "199").param("skus[2].costPrice", "60")
                        .param("skus[2].weightGrams", "300")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/catalog/products/*"))
                .andExpect(flash().attributeExists("flash"))
                .andReturn();
        ProductView created = catalog.product(new ProductId(Long.parseLong(
                result.getResponse().getRedirectedUrl().substring("/console/catalog/products/".length()))));
        assertThat(created.spuCode()).isEqualTo(spu);
        assertThat(created.tags()).containsExactlyInAnyOrder("新品", "夏季");
        assertThat(created.imageUrls()).hasSize(2);
        assertThat(created.skus()).extracting(SkuView::skuCode).containsExactly(spu + "-R", spu + "-B");
        assertThat(created.skus().getFirst().attributes()).containsExactly(new SpecAttribute("颜色", "红"),
                new SpecAttribute("尺码", "M"));
        assertThat(created.skus().get(1).weightGrams()).isEqualTo(300);
    }

    @Test
    void keepsWhatWasTypedAndShowsEachRefusalNextToItsField() throws Exception {
        long before = catalog.figures().products();
        String spu = unique("REFUSED");
        mvc.perform(as(post("/console/catalog/products").with(csrf()).param("lang", "zh-CN")
                        .param("spuCode", spu).param("title", "").param("categoryId", category.id().toString())
                        .param("skus[0].skuCode", spu + "-1").param("skus[0].attributes", "颜色:红")
                        .param("skus[0].listPrice", "100").param("skus[0].salePrice", "120").param("skus[0].costPrice", "1")
                        .param("skus[1].skuCode", spu + "-2").param("skus[1].attributes", "颜色:蓝")
                        .param("skus[1].listPrice", "100").param("skus[1].salePrice", "99.999").param("skus[1].costPrice", "1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + spu + "\"")))
                .andExpect(content().string(containsString("value=\"99.999\"")))
                .andExpect(content().string(containsString("name=\"skus[1].salePrice\"")))
                .andExpect(content().string(containsString("不能高于日常价")))
                .andExpect(content().string(containsString("最多 2 位小数")))
                .andExpect(content().string(containsString("<code>title</code>")));
        mvc.perform(as(post("/console/catalog/products").with(csrf()).param("lang", "en")
                        .param("spuCode", spu).param("title", "x").param("categoryId", category.id().toString())
                        .param("skus[0].skuCode", spu + "-1").param("skus[0].attributes", "红")
                        .param("skus[0].listPrice", "abc").param("skus[0].salePrice", "1").param("skus[0].costPrice", "1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a number such as 199.00")))
                .andExpect(content().string(containsString("write the spec as name:value pairs")))
                .andExpect(content().string(containsString("value=\"abc\"")));
        assertThat(catalog.figures().products()).isEqualTo(before);
    }

    @Test
    void editsAProductKeepingTheCodesOfStoredSkus() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        SkuView sku = product.skus().getFirst();
        mvc.perform(as(get("/console/catalog/products/" + product.id() + "/edit")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"add-sku\"")))
                .andExpect(content().string(containsString("id=\"save-product\"")))
                .andExpect(content().string(containsString("readonly")));
        String added = unique("ADDED");
        mvc.perform(as(post("/console/catalog/products/" + product.id()).with(csrf())
                        .param("version", Long.toString(product.version()))
                        .param("spuCode", product.spuCode()).param("title", "改过的标题")
                        .param("categoryId", category.id().toString())
                        .param("skus[0].id", sku.id().toString()).param("skus[0].skuCode", sku.skuCode())
                        .param("skus[0].attributes", "颜色:白").param("skus[0].listPrice", "999")
                        .param("skus[0].salePrice", "88").param("skus[0].costPrice", "10")
                        .param("skus[1].skuCode", added).param("skus[1].attributes", "颜色:黑")
                        .param("skus[1].listPrice", "10").param("skus[1].salePrice", "9").param("skus[1].costPrice", "1")))
                .andExpect(redirectedUrl("/console/catalog/products/" + product.id()));
        ProductView updated = catalog.product(product.id());
        assertThat(updated.title()).isEqualTo("改过的标题");
        assertThat(updated.sku(sku.id()).orElseThrow().salePrice().amount()).isEqualByComparingTo("88");
        assertThat(updated.skus()).extracting(SkuView::skuCode).containsExactly(sku.skuCode(), added);

        mvc.perform(as(post("/console/catalog/products/" + product.id()).with(csrf()).param("lang", "en")
                        .param("version", Long.toString(product.version()))
                        .param("spuCode", product.spuCode()).param("title", "stale")
                        .param("categoryId", category.id().toString())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("was changed by someone else")));
    }

    // --- lifecycle and SKUs -----------------------------------------------------------------------------------

    @Test
    void showsStatusActionsOnlyToMembersWhoMayPublish() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        mvc.perform(as(get("/console/catalog/products/" + product.id())))
                .andExpect(content().string(containsString("id=\"shelve\"")))
                .andExpect(content().string(containsString("id=\"archive\"")))
                .andExpect(content().string(not(containsString("id=\"unshelve\""))))
                .andExpect(content().string(containsString("id=\"edit-product\"")));
        Cookie marketing = signIn(Role.MARKETING_OPS);
        mvc.perform(get("/console/catalog/products/" + product.id()).cookie(marketing))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"shelve\""))))
                .andExpect(content().string(not(containsString("id=\"edit-product\""))));
        mvc.perform(post("/console/catalog/products/" + product.id() + "/status").with(csrf()).cookie(marketing)
                        .param("status", "ON_SHELF").param("version", Long.toString(product.version())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/catalog/products/new").cookie(marketing)).andExpect(status().isForbidden());
        assertThat(catalog.product(product.id()).status()).isEqualTo(ProductStatus.DRAFT);
    }

    @Test
    void putsAProductOnAndOffTheShelfAndExplainsARefusal() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        mvc.perform(as(post("/console/catalog/products/" + product.id() + "/status").with(csrf())
                        .param("status", "ON_SHELF").param("reason", "新品").param("version", Long.toString(product.version()))))
                .andExpect(redirectedUrl("/console/catalog/products/" + product.id()))
                .andExpect(flash().attributeExists("flash"));
        assertThat(catalog.product(product.id()).status()).isEqualTo(ProductStatus.ON_SHELF);
        mvc.perform(as(get("/console/catalog/products/" + product.id()).param("lang", "zh-CN")))
                .andExpect(content().string(containsString("id=\"unshelve\"")))
                .andExpect(content().string(containsString("新品")));

        mvc.perform(as(post("/console/catalog/products/" + product.id() + "/status").with(csrf()).param("lang", "zh-CN")
                        .param("status", "DRAFT").param("version", Long.toString(product.version() + 1))))
                .andExpect(flash().attribute("flashError", "不能从“已上架”变为“草稿”"));
        ProductView current = catalog.product(product.id());
        mvc.perform(as(post("/console/catalog/products/" + product.id() + "/skus/" + current.skus().getFirst().id()
                        + "/deactivate").with(csrf()).param("lang", "en").param("version", Long.toString(current.version()))))
                .andExpect(flash().attribute("flashError", startsWith("SKU " + current.skus().getFirst().skuCode()
                        + " is the last active SKU")));
    }

    @Test
    void changesTheStatusOfTickedProductsAndKeepsTheFilters() throws Exception {
        ProductView a = fixtures.product(category, "10.00");
        ProductView b = fixtures.product(category, "20.00");
        String filters = "categoryId=" + category.id() + "&sort=price,asc";
        mvc.perform(as(post("/console/catalog/products/bulk-status").with(csrf())
                        .param("productIds", a.id().toString(), b.id().toString()).param("status", "ON_SHELF")
                        .param("filters", filters)))
                .andExpect(redirectedUrl("/console/catalog/products?" + filters))
                .andExpect(flash().attributeExists("flash"));
        assertThat(catalog.product(b.id()).status()).isEqualTo(ProductStatus.ON_SHELF);
        mvc.perform(as(post("/console/catalog/products/bulk-status").with(csrf()).param("lang", "en")
                        .param("status", "ON_SHELF").param("filters", "x=1\r\nSet-Cookie: a=b")))
                .andExpect(redirectedUrl("/console/catalog/products"))
                .andExpect(flash().attribute("flashError", "tick at least one product"));
    }

    // --- categories and brands ------------------------------------------------------------------------------

    @Test
    void createsRenamesMovesAndDeletesCategories() throws Exception {
        String code = unique("console-cat");
        mvc.perform(as(post("/console/catalog/categories").with(csrf()).param("code", code).param("name", "配件")
                        .param("parentId", category.id().toString()).param("sortOrder", "2")))
                .andExpect(status().is3xxRedirection());
        CategoryView created = categories.byCode(code).orElseThrow();
        assertThat(created.parentId()).isEqualTo(category.id());
        mvc.perform(as(get("/console/catalog/categories")))
                .andExpect(content().string(containsString("id=\"category-" + created.id() + "\"")));

        mvc.perform(as(post("/console/catalog/categories/" + created.id()).with(csrf()).param("name", "饰品")
                        .param("nameEn", "Accessories").param("sortOrder", "1").param("version", Long.toString(created.version()))))
                .andExpect(redirectedUrl("/console/catalog/categories?edit=" + created.id()));
        assertThat(categories.category(created.id()).name()).isEqualTo("饰品");

        mvc.perform(as(post("/console/catalog/categories/" + category.id() + "/move").with(csrf()).param("lang", "zh-CN")
                        .param("parentId", created.id().toString()).param("version", Long.toString(category.version()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能移到自身或其子类目之下")));
        mvc.perform(as(post("/console/catalog/categories/" + created.id() + "/move").with(csrf())
                        .param("parentId", "").param("version", Long.toString(created.version() + 1))))
                .andExpect(redirectedUrl("/console/catalog/categories?edit=" + created.id()));
        assertThat(categories.category(created.id()).depth()).isEqualTo(1);

        mvc.perform(as(post("/console/catalog/categories").with(csrf()).param("lang", "en").param("code", "bad code!")
                        .param("name", "")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"bad code!\"")))
                .andExpect(content().string(containsString("must be 1 to 64 letters")));
        mvc.perform(as(post("/console/catalog/categories/" + created.id() + "/delete").with(csrf())))
                .andExpect(redirectedUrl("/console/catalog/categories"));
        assertThat(categories.byCode(code)).isEmpty();
    }

    @Test
    void createsEditsAndDeletesBrands() throws Exception {
        String code = unique("console-brand");
        mvc.perform(as(post("/console/catalog/brands").with(csrf()).param("code", code).param("name", "安踏")))
                .andExpect(redirectedUrl("/console/catalog/brands"));
        BrandView brand = brands.byCode(code).orElseThrow();
        mvc.perform(as(post("/console/catalog/brands/" + brand.id()).with(csrf()).param("lang", "en").param("name", "Anta")
                        .param("logoUrl", "not a url").param("version", Long.toString(brand.version()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be an absolute http or https URL")))
                .andExpect(content().string(containsString("value=\"not a url\"")));
        mvc.perform(as(post("/console/catalog/brands/" + brand.id()).with(csrf()).param("name", "Anta")
                        .param("version", Long.toString(brand.version()))))
                .andExpect(redirectedUrl("/console/catalog/brands"));
        assertThat(brands.brand(brand.id()).name()).isEqualTo("Anta");
        fixtures.product(category, brands.brand(brand.id()), unique("SPU"), "安踏跑鞋", Set.of(), "10.00");
        mvc.perform(as(post("/console/catalog/brands/" + brand.id() + "/delete").with(csrf()).param("lang", "zh-CN")))
                .andExpect(redirectedUrl("/console/catalog/brands?edit=" + brand.id()))
                .andExpect(flash().attribute("flashError", "有 1 个商品使用该品牌；请先为它们更换品牌。"));
    }

    // --- import and export ----------------------------------------------------------------------------------

    @Test
    void importsAFileAndListsTheProblemsOfARefusedOne() throws Exception {
        String spu = unique("CONSOLE-IMP");
        CsvFile good = CsvFile.withAllColumns().add(spu, spu + "-1", category.code());
        mvc.perform(as(multipart("/console/catalog/products/import")
                        .file(new MockMultipartFile("file", "p.csv", "text/csv", good.bytes())).with(csrf())
                        .param("lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-summary\"")))
                .andExpect(content().string(containsString("The file was imported.")));
        CsvFile bad = CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "cost_price", "-3");
        mvc.perform(as(multipart("/console/catalog/products/import")
                        .file(new MockMultipartFile("file", "p.csv", "text/csv", bad.bytes())).with(csrf())
                        .param("lang", "zh-CN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-problems\"")))
                .andExpect(content().string(containsString("cost_price")))
                .andExpect(content().string(containsString("不能为负数")));
    }

    @Test
    void exportsTheFilteredListAsCsv() throws Exception {
        ProductView product = fixtures.product(category, "10.00");
        MvcResult export = mvc.perform(as(get("/console/catalog/products/export")
                        .param("categoryId", category.id().toString())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn();
        assertThat(export.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\uFEFFspu_code,").contains(product.spuCode());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * Signs a new member in on the console. Identity.createStaff marks every new account for a password change
     * at first sign-in, even with a password given, so the member chooses their own first (as they would).
     */
    Cookie signIn(Role role) throws Exception {
        StaffFixtures.Member member = staff.member(role);
        identity.changePassword(member.id(), StaffFixtures.PASSWORD, OWN_PASSWORD);
        MvcResult login = mvc.perform(formLogin("/login").user(member.username()).password(OWN_PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Cookie session = login.getResponse().getCookie("SHOPOPS_SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return session;
    }

    <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request) {
        return request.cookie(operator);
    }
}
