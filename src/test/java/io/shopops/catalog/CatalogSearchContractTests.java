package io.shopops.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.shopops.catalog.CatalogFixtures.sku;
import static io.shopops.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Searching, filtering, sorting and paging products, on H2 and on PostgreSQL. */
class CatalogSearchContractTests {

    abstract static class Contract {

        @Autowired
        Catalog catalog;
        @Autowired
        Categories categories;
        @Autowired
        ProductSearch search;
        @Autowired
        CatalogFixtures fixtures;

        @Test
        void findsAKeywordInTitlesSubtitleSpuCodeSkuCodesAndTagsIgnoringCase() {
            String token = "kw" + unique("q").replace("-", "");
            String upper = token.toUpperCase(java.util.Locale.ROOT);
            CategoryView category = fixtures.category();
            ProductView inTitle = create(category, unique("SPU"), "真丝 " + upper + " 连衣裙", null, null, Set.of(),
                    unique("SKU"));
            ProductView inTitleEn = create(category, unique("SPU"), "连衣裙", "Dress " + upper, null, Set.of(),
                    unique("SKU"));
            ProductView inSubtitle = create(category, unique("SPU"), "连衣裙", null, "副标题" + token, Set.of(),
                    unique("SKU"));
            ProductView inSpu = create(category, "SPU-" + upper, "连衣裙", null, null, Set.of(), unique("SKU"));
            ProductView inSku = create(category, unique("SPU"), "连衣裙", null, null, Set.of(), "SKU-" + upper);
            ProductView inTag = create(category, unique("SPU"), "连衣裙", null, null, Set.of("tag" + upper),
                    unique("SKU"));
            create(category, unique("SPU"), "连衣裙 other", null, null, Set.of(), unique("SKU"));

            assertThat(ids(ProductQuery.all().withKeyword("  " + token + " ")))
                    .containsExactlyInAnyOrder(inTitle.id(), inTitleEn.id(), inSubtitle.id(), inSpu.id(), inSku.id(),
                            inTag.id());
        }

        @Test
        void matchesLikeWildcardsAndSqlInAKeywordLiterally() {
            CategoryView category = fixtures.category();
            ProductView percent = create(category, unique("SPU"), "满100%_减 " + category.code(), null, null, Set.of(),
                    unique("SKU"));
            create(category, unique("SPU"), "满100x减 " + category.code(), null, null, Set.of(), unique("SKU"));
            ProductView injection = create(category, unique("SPU"), "'; DROP TABLE product; -- " + category.code(),
                    null, null, Set.of(), unique("SKU"));

            assertThat(ids(ProductQuery.all().withCategory(category.id()).withKeyword("100%_"))).containsExactly(percent.id());
            assertThat(ids(ProductQuery.all().withCategory(category.id()).withKeyword("'; drop table")))
                    .containsExactly(injection.id());
            assertThat(catalog.product(injection.id()).title()).startsWith("'; DROP TABLE product; -- ");
        }

        @Test
        void findsTheProductsOfACategoryAndAllItsDescendants() {
            CategoryView root = fixtures.category();
            CategoryView child = fixtures.category(root);
            CategoryView grandchild = fixtures.category(child);
            CategoryView sibling = fixtures.category();
            ProductView inRoot = fixtures.product(root);
            ProductView inChild = fixtures.product(child);
            ProductView inGrandchild = fixtures.product(grandchild);
            fixtures.product(sibling);

            assertThat(ids(ProductQuery.all().withCategory(root.id())))
                    .containsExactlyInAnyOrder(inRoot.id(), inChild.id(), inGrandchild.id());
            assertThat(ids(ProductQuery.all().withCategory(child.id())))
                    .containsExactlyInAnyOrder(inChild.id(), inGrandchild.id());

            categories.move(grandchild.id(), sibling.id(), grandchild.version());
            assertThat(ids(ProductQuery.all().withCategory(root.id())))
                    .containsExactlyInAnyOrder(inRoot.id(), inChild.id());
            assertThat(ids(ProductQuery.all().withCategory(sibling.id()))).contains(inGrandchild.id()).hasSize(2);
        }

        @Test
        void filtersByBrandStatusAndTagTogether() {
            CategoryView category = fixtures.category();
            BrandView brand = fixtures.brand();
            ProductView match = fixtures.product(category, brand, unique("SPU"), "品牌商品", Set.of("Summer", "新品"),
                    "10.00");
            catalog.changeStatus(match.id(), ProductStatus.ON_SHELF, null, match.version());
            ProductView draft = fixtures.product(category, brand, unique("SPU"), "品牌草稿", Set.of("Summer"), "10.00");
            fixtures.product(category, null, unique("SPU"), "无品牌", Set.of("Summer"), "10.00");
            ProductView otherTag = fixtures.product(category, brand, unique("SPU"), "其他标签", Set.of("Winter"), "10.00");
            catalog.changeStatus(otherTag.id(), ProductStatus.ON_SHELF, null, otherTag.version());

            ProductQuery byBrand = ProductQuery.all().withCategory(category.id()).withBrand(brand.id());
            assertThat(ids(byBrand)).containsExactlyInAnyOrder(match.id(), draft.id(), otherTag.id());
            assertThat(ids(byBrand.withStatus(ProductStatus.ON_SHELF))).containsExactlyInAnyOrder(match.id(), otherTag.id());
            assertThat(ids(byBrand.withStatus(ProductStatus.ON_SHELF).withTag("summer"))).containsExactly(match.id());
            assertThat(ids(byBrand.withTag("Sum"))).isEmpty();
        }

        @Test
        void findsProductsWithAnActiveSkuPricedWithinTheRange() {
            CategoryView category = fixtures.category();
            ProductView cheapAndDear = fixtures.product(category, "10.00", "200.00");
            ProductView middle = fixtures.product(category, "50.00");
            ProductView inactiveMiddle = fixtures.product(category, "300.00", "60.00");
            catalog.deactivateSku(inactiveMiddle.id(), inactiveMiddle.skus().get(1).id(), inactiveMiddle.version());
            ProductQuery query = ProductQuery.all().withCategory(category.id());

            assertThat(ids(query.withPrice(new BigDecimal("40"), new BigDecimal("70"))))
                    .containsExactly(middle.id());
            assertThat(ids(query.withPrice(new BigDecimal("200.00"), null)))
                    .containsExactlyInAnyOrder(cheapAndDear.id(), inactiveMiddle.id());
            assertThat(ids(query.withPrice(null, new BigDecimal("10"))))
                    .containsExactly(cheapAndDear.id());
            assertThat(ids(query.withPrice(new BigDecimal("50"), new BigDecimal("50")))).containsExactly(middle.id());
        }

        @Test
        void refusesANegativeOrTooPrecisePriceAndAMinimumAboveTheMaximum() {
            assertThat(fields(() -> search.find(ProductQuery.all()
                    .withPrice(new BigDecimal("-1"), new BigDecimal("1.001")), PageQuery.first(10))))
                    .containsExactly("minPrice", "maxPrice");
            assertThat(fields(() -> search.find(ProductQuery.all()
                    .withPrice(new BigDecimal("20"), new BigDecimal("10")), PageQuery.first(10))))
                    .containsExactly("minPrice");
        }

        @Test
        void refusesAKeywordWithControlCharactersAndAnUnknownCategoryOrBrand() {
            assertThat(fields(() -> search.find(ProductQuery.all().withKeyword("a\u0000b"),
                    PageQuery.first(10)))).containsExactly("q");
            assertThatThrownBy(() -> search.find(ProductQuery.all().withCategory(new CategoryId(Long.MAX_VALUE)),
                    PageQuery.first(10)))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((NotFoundException) e).isReference()).isTrue());
            assertThat(fields(() -> search.find(ProductQuery.all().withBrand(new BrandId(Long.MAX_VALUE)),
                    PageQuery.first(10)))).containsExactly("brandId");
        }

        @Test
        void sortsByPriceTitleAndSpuCodeInBothDirections() {
            CategoryView category = fixtures.category();
            String prefix = unique("S");
            ProductView b = fixtures.product(category, null, prefix + "-B", "Bravo", Set.of(), "30.00", "5.00");
            ProductView a = fixtures.product(category, null, prefix + "-A", "Charlie", Set.of(), "20.00");
            ProductView c = fixtures.product(category, null, prefix + "-C", "Alpha", Set.of(), "10.00");
            ProductView none = fixtures.product(category, null, prefix + "-D", "Delta", Set.of(), "1.00");
            catalog.deactivateSku(none.id(), none.skus().getFirst().id(), none.version());
            ProductQuery query = ProductQuery.all().withCategory(category.id());

            assertThat(ids(query.sortedBy(ProductSort.parse("price")))).containsExactly(b.id(), c.id(), a.id(), none.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("price,desc"))))
                    .containsExactly(a.id(), c.id(), b.id(), none.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("title,asc")))).containsExactly(c.id(), b.id(), a.id(), none.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("title,desc")))).containsExactly(none.id(), a.id(), b.id(), c.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("spuCode")))).containsExactly(a.id(), b.id(), c.id(), none.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("spuCode,desc"))))
                    .containsExactly(none.id(), c.id(), b.id(), a.id());
        }

        @Test
        void sortsByCreationAndLastChangeNewestFirstByDefault() {
            CategoryView category = fixtures.category();
            ProductView first = fixtures.product(category);
            ProductView second = fixtures.product(category);
            ProductView third = fixtures.product(category);
            catalog.updateProduct(first.id(), CatalogFixtures.changesOf(first), first.version());
            ProductQuery query = ProductQuery.all().withCategory(category.id());

            assertThat(ids(query)).containsExactly(first.id(), third.id(), second.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("updatedAt,asc")))).containsExactly(second.id(), third.id(),
                    first.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("createdAt")))).containsExactly(third.id(), second.id(),
                    first.id());
            assertThat(ids(query.sortedBy(ProductSort.parse("createdAt,asc")))).containsExactly(first.id(), second.id(),
                    third.id());
        }

        @Test
        void pagesThroughTheResultsWithTheirTotal() {
            CategoryView category = fixtures.category();
            for (int i = 0; i < 5; i++) {
                fixtures.product(category);
            }
            ProductQuery query = ProductQuery.all().withCategory(category.id()).sortedBy(ProductSort.parse("spuCode"));
            Page<ProductSummary> first = search.find(query, new PageQuery(0, 2));
            Page<ProductSummary> last = search.find(query, new PageQuery(2, 2));
            Page<ProductSummary> beyond = search.find(query, new PageQuery(3, 2));

            assertThat(first.items()).hasSize(2);
            assertThat(first.totalItems()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(first.hasNext()).isTrue();
            assertThat(last.items()).hasSize(1);
            assertThat(last.hasNext()).isFalse();
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.totalItems()).isEqualTo(5);
            List<ProductId> all = ids(query);
            assertThat(first.items()).extracting(ProductSummary::id).containsExactlyElementsOf(all.subList(0, 2));
            assertThat(last.items()).extracting(ProductSummary::id).containsExactly(all.get(4));
        }

        @Test
        void summarisesAProductWithItsCategoryBrandPriceRangeSkuCountsAndFirstImage() {
            CategoryView category = fixtures.category();
            BrandView brand = fixtures.brand();
            String spu = unique("SPU");
            ProductView product = catalog.createProduct(new NewProduct(spu, "汇总商品", "Summary product", null, null,
                    category.id(), brand.id(), List.of("https://img.example.com/first.jpg",
                    "https://img.example.com/second.jpg"), Set.of(),
                    List.of(sku(unique("A"), "19.90"), sku(unique("B"), "59.00"), sku(unique("C"), "1.00"))));
            catalog.deactivateSku(product.id(), product.skus().get(2).id(), product.version());

            ProductSummary summary = search.find(ProductQuery.all().withCategory(category.id()),
                    PageQuery.first(10)).items().getFirst();

            assertThat(summary.spuCode()).isEqualTo(spu);
            assertThat(summary.titleEn()).isEqualTo("Summary product");
            assertThat(summary.categoryName()).isEqualTo(category.name());
            assertThat(summary.categoryNameEn()).isEqualTo(category.nameEn());
            assertThat(summary.brandName()).isEqualTo(brand.name());
            assertThat(summary.status()).isEqualTo(ProductStatus.DRAFT);
            assertThat(summary.minSalePrice().amount()).isEqualByComparingTo("19.90");
            assertThat(summary.maxSalePrice().amount()).isEqualByComparingTo("59.00");
            assertThat(summary.skuCount()).isEqualTo(3);
            assertThat(summary.activeSkuCount()).isEqualTo(2);
            assertThat(summary.imageUrl()).isEqualTo("https://img.example.com/first.jpg");
            assertThat(summary.updatedAt()).isEqualTo(catalog.product(product.id()).updatedAt());
        }

        ProductView create(CategoryView category, String spu, String title, String titleEn, String subtitle,
                Set<String> tags, String skuCode) {
            return catalog.createProduct(new NewProduct(spu, title, titleEn, subtitle, null, category.id(), null,
                    List.of(), tags, List.of(sku(skuCode, "10.00"))));
        }

        List<ProductId> ids(ProductQuery query) {
            return search.find(query, PageQuery.first(200)).items().stream().map(ProductSummary::id).toList();
        }

        static List<String> fields(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
            assertThat(thrown).isInstanceOf(DomainException.class);
            return ((DomainException) thrown).violations().stream().map(FieldViolation::field).toList();
        }
    }

    @Test
    void readsASortWithOrWithoutDirectionAndRefusesAnythingElseNamingSort() {
        assertThat(ProductSort.parse(null)).isEqualTo(ProductSort.DEFAULT);
        assertThat(ProductSort.parse("price")).isEqualTo(new ProductSort(ProductSort.Field.PRICE, true));
        assertThat(ProductSort.parse("updatedAt")).isEqualTo(new ProductSort(ProductSort.Field.UPDATED_AT, false));
        assertThat(ProductSort.parse("title,DESC")).isEqualTo(new ProductSort(ProductSort.Field.TITLE, false));
        assertThat(ProductSort.parse("spuCode,asc").toString()).isEqualTo("spuCode,asc");
        for (String bad : List.of("stock", "price,up", "price,asc,desc", "title;DROP TABLE product", ",")) {
            assertThatThrownBy(() -> ProductSort.parse(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                            .extracting(FieldViolation::field).containsExactly("sort"));
        }
    }

    @Nested
    @ShopOpsTest
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    class OnPostgres extends Contract {
    }
}
