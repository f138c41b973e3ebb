package io.shopops.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.shopops.catalog.CatalogFixtures.changesOf;
import static io.shopops.catalog.CatalogFixtures.sku;
import static io.shopops.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the catalog's facade promises, on H2 and on PostgreSQL. */
class CatalogFacadeContractTests {

    abstract static class Contract {

        @Autowired
        Catalog catalog;
        @Autowired
        Categories categories;
        @Autowired
        Brands brands;
        @Autowired
        CatalogFixtures fixtures;
        @Autowired
        AuditLog auditLog;

        // --- categories -----------------------------------------------------------------------------------

        @Test
        void renamesAndReordersACategoryAndRefusesAStaleVersion() {
            CategoryView category = fixtures.category();
            CategoryView renamed = categories.update(category.id(), new CategoryChanges("女装", "Women", 7),
                    category.version());
            assertThat(renamed.name()).isEqualTo("女装");
            assertThat(renamed.nameEn()).isEqualTo("Women");
            assertThat(renamed.sortOrder()).isEqualTo(7);
            assertThat(renamed.version()).isEqualTo(category.version() + 1);
            assertThat(renamed.code()).isEqualTo(category.code());

            assertThatThrownBy(() -> categories.update(category.id(), new CategoryChanges("男装", null, 1),
                    category.version()))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("version"));
            assertThat(categories.category(category.id()).name()).isEqualTo("女装");
        }

        @Test
        void refusesACategoryWithoutNameNamingTheField() {
            CategoryView category = fixtures.category();
            assertThatThrownBy(() -> categories.update(category.id(), new CategoryChanges(" ", "x\u0000", 0),
                    category.version()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("name", "nameEn"));
        }

        @Test
        void movesASubtreeRewritingThePathAndDepthOfEveryDescendant() {
            CategoryView a = fixtures.category();
            CategoryView b = fixtures.category();
            CategoryView b1 = fixtures.category(b);
            CategoryView b11 = fixtures.category(b1);

            CategoryView moved = categories.move(b.id(), a.id(), b.version());

            assertThat(moved.parentId()).isEqualTo(a.id());
            assertThat(moved.depth()).isEqualTo(2);
            assertThat(moved.path()).isEqualTo(a.path() + b.id() + "/");
            CategoryView child = categories.category(b1.id());
            assertThat(child.path()).isEqualTo(a.path() + b.id() + "/" + b1.id() + "/");
            assertThat(child.depth()).isEqualTo(3);
            CategoryView grandchild = categories.category(b11.id());
            assertThat(grandchild.path()).isEqualTo(child.path() + b11.id() + "/");
            assertThat(grandchild.depth()).isEqualTo(4);
            assertThat(grandchild.parentId()).isEqualTo(b1.id());
        }

        @Test
        void movesACategoryBackToTheTopLevel() {
            CategoryView parent = fixtures.category();
            CategoryView child = fixtures.category(parent);
            CategoryView grandchild = fixtures.category(child);

            CategoryView moved = categories.move(child.id(), null, child.version());

            assertThat(moved.parentId()).isNull();
            assertThat(moved.depth()).isEqualTo(1);
            assertThat(moved.path()).isEqualTo("/" + child.id() + "/");
            assertThat(categories.category(grandchild.id()).path()).isEqualTo("/" + child.id() + "/" + grandchild.id() + "/");
            assertThat(categories.category(grandchild.id()).depth()).isEqualTo(2);
        }

        @Test
        void refusesToMoveACategoryUnderItselfOrOneOfItsDescendants() {
            CategoryView root = fixtures.category();
            CategoryView child = fixtures.category(root);
            CategoryView grandchild = fixtures.category(child);

            for (CategoryView target : List.of(root, child, grandchild)) {
                assertThatThrownBy(() -> categories.move(root.id(), target.id(), root.version()))
                        .isInstanceOf(InvalidInputException.class)
                        .satisfies(e -> assertThat(fields(e)).containsExactly("parentId"));
            }
            assertThat(categories.category(root.id()).path()).isEqualTo(root.path());
            assertThat(categories.category(grandchild.id()).depth()).isEqualTo(3);
        }

        @Test
        void refusesAMoveThatWouldNestTheSubtreeDeeperThanFiveLevels() {
            CategoryView deep = fixtures.category();
            for (int level = 2; level <= 4; level++) {
                deep = fixtures.category(deep);
            }
            CategoryView subtree = fixtures.category();
            fixtures.category(subtree);
            CategoryView level4 = deep;

            assertThatThrownBy(() -> categories.move(subtree.id(), level4.id(), subtree.version()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("parentId"));
            assertThat(categories.category(subtree.id()).depth()).isEqualTo(1);

            CategoryView leaf = fixtures.category();
            CategoryView movedLeaf = categories.move(leaf.id(), level4.id(), leaf.version());
            assertThat(movedLeaf.depth()).isEqualTo(5);
        }

        @Test
        void refusesAMoveUnderAnUnknownParentNamingTheField() {
            CategoryView category = fixtures.category();
            assertThatThrownBy(() -> categories.move(category.id(), new CategoryId(Long.MAX_VALUE),
                    category.version()))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("parentId"));
        }

        @Test
        void deletesOnlyACategoryWithoutSubcategoriesAndProducts() {
            CategoryView parent = fixtures.category();
            CategoryView child = fixtures.category(parent);
            CategoryView withProduct = fixtures.category();
            fixtures.product(withProduct);

            assertThatThrownBy(() -> categories.delete(parent.id())).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("subcategories");
            assertThatThrownBy(() -> categories.delete(withProduct.id())).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("products");

            categories.delete(child.id());
            categories.delete(parent.id());
            assertThat(categories.byCode(parent.code())).isEmpty();
            assertThatThrownBy(() -> categories.category(child.id())).isInstanceOf(NotFoundException.class);
        }

        @Test
        void buildsTheTreeWithChildrenInDisplayOrderAndProductCounts() {
            CategoryView root = fixtures.category();
            String suffix = unique("x");
            CategoryView second = categories.create(new NewCategory("b-" + suffix, "乙", null, root.id(), 2));
            CategoryView first = categories.create(new NewCategory("a-" + suffix, "甲", null, root.id(), 1));
            CategoryView leaf = fixtures.category(second);
            fixtures.product(first);
            fixtures.product(leaf);
            fixtures.product(leaf);

            CategoryNode node = categories.tree().stream().filter(n -> n.id().equals(root.id())).findFirst()
                    .orElseThrow();

            assertThat(node.children()).extracting(CategoryNode::id).containsExactly(first.id(), second.id());
            assertThat(node.productCount()).isZero();
            assertThat(node.totalProductCount()).isEqualTo(3);
            CategoryNode secondNode = node.children().get(1);
            assertThat(secondNode.productCount()).isZero();
            assertThat(secondNode.totalProductCount()).isEqualTo(2);
            assertThat(secondNode.children()).singleElement().satisfies(l -> {
                assertThat(l.productCount()).isEqualTo(2);
                assertThat(l.isDeletable()).isFalse();
            });
            assertThat(node.isDeletable()).isFalse();
            assertThat(CategoryNode.flatten(List.of(node))).extracting(CategoryNode::id)
                    .containsExactly(root.id(), first.id(), second.id(), leaf.id());
        }

        // --- brands ---------------------------------------------------------------------------------------

        @Test
        void updatesABrandAndRefusesAStaleVersion() {
            BrandView brand = fixtures.brand();
            BrandView updated = brands.update(brand.id(),
                    new BrandChanges("优衣库", "Uniqlo", "https://img.example.com/u.png", "日本品牌"), brand.version());
            assertThat(updated.name()).isEqualTo("优衣库");
            assertThat(updated.logoUrl()).isEqualTo("https://img.example.com/u.png");
            assertThat(brands.all()).extracting(BrandView::id).contains(brand.id());

            assertThatThrownBy(() -> brands.update(brand.id(), new BrandChanges("x", null, null, null),
                    brand.version()))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> brands.update(brand.id(), new BrandChanges("", null, "ftp://x", null),
                    updated.version()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("name", "logoUrl"));
        }

        @Test
        void deletesABrandOnlyWhenNoProductUsesIt() {
            CategoryView category = fixtures.category();
            BrandView used = fixtures.brand();
            BrandView unused = fixtures.brand();
            fixtures.product(category, used, unique("SPU"), "有品牌的商品", Set.of(), "10.00");

            assertThatThrownBy(() -> brands.delete(used.id())).isInstanceOf(ConflictException.class);
            brands.delete(unused.id());
            assertThat(brands.byCode(unused.code())).isEmpty();
            assertThat(brands.byCode(used.code())).isPresent();
        }

        // --- products -------------------------------------------------------------------------------------

        @Test
        void updatesProductDetailsAndMovesTheVersionOn() {
            CategoryView category = fixtures.category();
            CategoryView other = fixtures.category();
            BrandView brand = fixtures.brand();
            ProductView product = fixtures.product(category, "50.00");

            ProductView updated = catalog.updateProduct(product.id(), new ProductChanges("新标题", "New title", "副标题",
                    "描述\n第二行", other.id(), brand.id(), List.of("https://img.example.com/1.jpg",
                    "https://img.example.com/2.jpg"), Set.of("夏季", "新品"), List.of()), product.version());

            assertThat(updated.title()).isEqualTo("新标题");
            assertThat(updated.titleEn()).isEqualTo("New title");
            assertThat(updated.description()).isEqualTo("描述\n第二行");
            assertThat(updated.categoryId()).isEqualTo(other.id());
            assertThat(updated.brandId()).isEqualTo(brand.id());
            assertThat(updated.imageUrls()).containsExactly("https://img.example.com/1.jpg",
                    "https://img.example.com/2.jpg");
            assertThat(updated.tags()).containsExactly("夏季", "新品");
            assertThat(updated.version()).isEqualTo(product.version() + 1);
            assertThat(updated.skus()).isEqualTo(product.skus());
            assertThat(updated.spuCode()).isEqualTo(product.spuCode());
        }

        @Test
        void refusesAnUpdateBasedOnAStaleVersion() {
            ProductView product = fixtures.product(fixtures.category());
            catalog.updateProduct(product.id(), changesOf(product), product.version());

            ProductChanges late = new ProductChanges("迟到的修改", null, null, null, product.categoryId(), null,
                    List.of(), Set.of(), List.of());
            assertThatThrownBy(() -> catalog.updateProduct(product.id(), late, product.version()))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("version"));
            assertThat(catalog.product(product.id()).title()).isEqualTo(product.title());
        }

        @Test
        void keepsArchivedProductsReadOnly() {
            ProductView product = fixtures.product(fixtures.category());
            ProductView archived = catalog.changeStatus(product.id(), ProductStatus.ARCHIVED, "停产", product.version());
            SkuId sku = archived.skus().getFirst().id();

            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.updateProduct(product.id(), changesOf(archived), archived.version())).code())
                    .isEqualTo("product-archived");
            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.addSku(product.id(), sku(unique("S"), "1.00"), archived.version())).code())
                    .isEqualTo("product-archived");
            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.updateSku(product.id(), sku, sku(unique("S"), "1.00"), archived.version())).code())
                    .isEqualTo("product-archived");
            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.deactivateSku(product.id(), sku, archived.version())).code())
                    .isEqualTo("product-archived");
            assertThat(catalog.product(product.id())).isEqualTo(archived);
        }

        @Test
        void createsAndUpdatesTheSkusAnUpdateListsByCodeAndLeavesTheOthers() {
            ProductView product = fixtures.product(fixtures.category(), "10.00", "20.00");
            SkuView first = product.skus().get(0);
            SkuView second = product.skus().get(1);
            String newCode = unique("NEW");
            NewSku changedFirst = new NewSku(first.skuCode(), List.of(new SpecAttribute("颜色", "白")),
                    new BigDecimal("30.00"), new BigDecimal("25.50"), new BigDecimal("5"), "6901234567890", 100);
            ProductChanges changes = new ProductChanges(product.title(), null, null, null, product.categoryId(), null,
                    List.of(), Set.of(), List.of(changedFirst, sku(newCode, "12.00")));

            ProductView updated = catalog.updateProduct(product.id(), changes, product.version());

            assertThat(updated.skus()).extracting(SkuView::skuCode)
                    .containsExactly(first.skuCode(), second.skuCode(), newCode);
            SkuView stored = updated.sku(first.id()).orElseThrow();
            assertThat(stored.salePrice().amount()).isEqualByComparingTo("25.50");
            assertThat(stored.barcode()).isEqualTo("6901234567890");
            assertThat(stored.attributes()).containsExactly(new SpecAttribute("颜色", "白"));
            assertThat(updated.sku(second.id()).orElseThrow()).isEqualTo(second);
        }

        @Test
        void addsASkuAndRefusesACodeAnotherProductUsesNamingTheField() {
            ProductView other = fixtures.product(fixtures.category());
            ProductView product = fixtures.product(fixtures.category());
            String code = unique("ADD");

            ProductView withSku = catalog.addSku(product.id(), sku(code, "15.00"), product.version());
            assertThat(withSku.skus()).extracting(SkuView::skuCode).endsWith(code);
            assertThat(withSku.version()).isEqualTo(product.version() + 1);

            assertThatThrownBy(() -> catalog.addSku(product.id(), sku(other.skus().getFirst().skuCode(), "1.00"),
                    withSku.version()))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("skuCode"));
            assertThat(catalog.product(product.id()).skus()).hasSize(2);
        }

        @Test
        void updatesASkuUnderTheRulesOfCreation() {
            ProductView other = fixtures.product(fixtures.category());
            ProductView product = fixtures.product(fixtures.category(), "10.00");
            SkuView sku = product.skus().getFirst();

            NewSku tooDear = new NewSku(sku.skuCode(), List.of(), new BigDecimal("10.00"), new BigDecimal("10.01"),
                    new BigDecimal("-1"), null, -5);
            assertThatThrownBy(() -> catalog.updateSku(product.id(), sku.id(), tooDear, product.version()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("salePrice", "costPrice",
                            "weightGrams"));
            assertThatThrownBy(() -> catalog.updateSku(product.id(), sku.id(),
                    sku(other.skus().getFirst().skuCode(), "5.00"), product.version()))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("skuCode"));

            String renamed = unique("RENAMED");
            ProductView updated = catalog.updateSku(product.id(), sku.id(), sku(renamed, "8.80"), product.version());
            assertThat(updated.sku(sku.id()).orElseThrow().skuCode()).isEqualTo(renamed);
            assertThat(updated.sku(sku.id()).orElseThrow().salePrice().amount()).isEqualByComparingTo("8.80");
            assertThat(catalog.skuByCode(renamed)).map(SkuRef::id).contains(sku.id());
        }

        @Test
        void refusesASkuThatRepeatsTheSpecOfAnotherSkuOfTheProduct() {
            ProductView product = fixtures.product(fixtures.category(), "10.00");
            SkuView existing = product.skus().getFirst();
            NewSku sameSpec = new NewSku(unique("SAME"), existing.attributes(), new BigDecimal("10"),
                    new BigDecimal("10"), new BigDecimal("1"), null, null);
            assertThatThrownBy(() -> catalog.addSku(product.id(), sameSpec, product.version()))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("attributes"));
        }

        @Test
        void refusesAnUnknownSkuOfAProductAsNotFound() {
            ProductView product = fixtures.product(fixtures.category());
            ProductView other = fixtures.product(fixtures.category());
            assertThatThrownBy(() -> catalog.deactivateSku(product.id(), other.skus().getFirst().id(), product.version()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void deactivatesAndReactivatesASkuButNeverTheLastActiveOneOfAProductOnTheShelf() {
            ProductView product = fixtures.onShelf(fixtures.category(), "10.00", "20.00");
            SkuId first = product.skus().get(0).id();
            SkuId second = product.skus().get(1).id();

            ProductView one = catalog.deactivateSku(product.id(), first, product.version());
            assertThat(one.sku(first).orElseThrow().active()).isFalse();

            BusinessRuleException last = catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.deactivateSku(product.id(), second, one.version()));
            assertThat(last.code()).isEqualTo("last-active-sku");
            assertThat(catalog.product(product.id()).sku(second).orElseThrow().active()).isTrue();

            BusinessRuleException again = catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.deactivateSku(product.id(), first, one.version()));
            assertThat(again.code()).isEqualTo("sku-already-inactive");

            ProductView both = catalog.activateSku(product.id(), first, one.version());
            assertThat(both.skus()).allMatch(SkuView::active);

            ProductView offShelf = catalog.changeStatus(product.id(), ProductStatus.OFF_SHELF, null, both.version());
            ProductView none = catalog.deactivateSku(product.id(), second,
                    catalog.deactivateSku(product.id(), first, offShelf.version()).version());
            assertThat(none.skus()).noneMatch(SkuView::active);
        }

        @Test
        void keepsASellableSkuOnAProductOnTheShelfWhenPricesChange() {
            ProductView product = fixtures.onShelf(fixtures.category(), "10.00");
            SkuView sku = product.skus().getFirst();
            BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.updateSku(product.id(), sku.id(), sku(sku.skuCode(), "0.00"), product.version()));
            assertThat(refused.code()).isEqualTo("no-sellable-sku");
            assertThat(catalog.product(product.id()).sku(sku.id()).orElseThrow().salePrice().amount())
                    .isEqualByComparingTo("10.00");
        }

        // --- lifecycle ------------------------------------------------------------------------------------

        @Test
        void putsAProductOnTheShelfAndRecordsWhoWhenAndWhy() {
            ProductView draft = fixtures.product(fixtures.category(), "10.00");

            ProductView onShelf = catalog.changeStatus(draft.id(), ProductStatus.ON_SHELF, "新品上架", draft.version());
            ProductView offShelf = catalog.changeStatus(draft.id(), ProductStatus.OFF_SHELF, "缺货", onShelf.version());

            assertThat(onShelf.status()).isEqualTo(ProductStatus.ON_SHELF);
            assertThat(onShelf.statusChangedBy()).isEqualTo("system");
            assertThat(offShelf.statusChangedAt()).isAfterOrEqualTo(onShelf.statusChangedAt());
            assertThat(catalog.statusHistory(draft.id()))
                    .extracting(StatusChange::from, StatusChange::to, StatusChange::reason)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ProductStatus.ON_SHELF, ProductStatus.OFF_SHELF, "缺货"),
                            org.assertj.core.groups.Tuple.tuple(ProductStatus.DRAFT, ProductStatus.ON_SHELF, "新品上架"),
                            org.assertj.core.groups.Tuple.tuple(null, ProductStatus.DRAFT, "created"));
        }

        @Test
        void refusesEveryTransitionTheLifecycleDoesNotAllowNamingFromAndTo() {
            ProductView product = fixtures.product(fixtures.category(), "10.00");
            for (ProductStatus target : List.of(ProductStatus.DRAFT, ProductStatus.OFF_SHELF)) {
                BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                        () -> catalog.changeStatus(product.id(), target, null, product.version()));
                assertThat(refused.code()).isEqualTo("illegal-transition");
                assertThat(refused.getMessage()).isEqualTo("cannot move from DRAFT to " + target);
                assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("status");
            }
            ProductView archived = catalog.changeStatus(product.id(), ProductStatus.ARCHIVED, null, product.version());
            for (ProductStatus target : ProductStatus.values()) {
                assertThat(catchThrowableOfType(BusinessRuleException.class,
                        () -> catalog.changeStatus(product.id(), target, null, archived.version())).code())
                        .isEqualTo("illegal-transition");
            }
            assertThat(catalog.statusHistory(product.id())).hasSize(2);
        }

        @Test
        void refusesAStatusChangeBasedOnAStaleVersion() {
            ProductView product = fixtures.product(fixtures.category(), "10.00");
            catalog.updateProduct(product.id(), changesOf(product), product.version());
            assertThatThrownBy(() -> catalog.changeStatus(product.id(), ProductStatus.ON_SHELF, null, product.version()))
                    .isInstanceOf(ConflictException.class);
            assertThat(catalog.product(product.id()).status()).isEqualTo(ProductStatus.DRAFT);
        }

        @Test
        void refusesToShelveAProductWithoutAnActiveSkuPricedAboveZero() {
            ProductView free = fixtures.product(fixtures.category(), "0.00");
            BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.changeStatus(free.id(), ProductStatus.ON_SHELF, null, free.version()));
            assertThat(refused.code()).isEqualTo("no-sellable-sku");

            ProductView priced = fixtures.product(fixtures.category(), "10.00", "0.00");
            ProductView inactive = catalog.deactivateSku(priced.id(), priced.skus().get(0).id(), priced.version());
            assertThat(catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.changeStatus(priced.id(), ProductStatus.ON_SHELF, null, inactive.version())).code())
                    .isEqualTo("no-sellable-sku");
            assertThat(catalog.product(priced.id()).status()).isEqualTo(ProductStatus.DRAFT);
        }

        @Test
        void movesSeveralProductsToOneStatusTogether() {
            CategoryView category = fixtures.category();
            ProductView a = fixtures.product(category, "10.00");
            ProductView b = fixtures.product(category, "20.00");

            BulkStatusResult result = catalog.changeStatuses(List.of(a.id(), b.id()), ProductStatus.ON_SHELF, "活动");

            assertThat(result.changed()).containsExactly(a.id(), b.id());
            assertThat(catalog.product(a.id()).status()).isEqualTo(ProductStatus.ON_SHELF);
            assertThat(catalog.product(b.id()).status()).isEqualTo(ProductStatus.ON_SHELF);
            assertThat(catalog.statusHistory(b.id()).getFirst().reason()).isEqualTo("活动");
        }

        @Test
        void refusesABulkChangeNamingEveryProductThatCannotMoveAndChangesNone() {
            CategoryView category = fixtures.category();
            ProductView fine = fixtures.product(category, "10.00");
            ProductView free = fixtures.product(category, "0.00");
            ProductView archived = fixtures.product(category, "10.00");
            catalog.changeStatus(archived.id(), ProductStatus.ARCHIVED, null, archived.version());
            ProductId missing = new ProductId(Long.MAX_VALUE);

            BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                    () -> catalog.changeStatuses(List.of(fine.id(), free.id(), archived.id(), missing),
                            ProductStatus.ON_SHELF, null));

            assertThat(refused.code()).isEqualTo("bulk-status-refused");
            assertThat(refused.violations()).extracting(FieldViolation::field)
                    .containsExactly("productIds[1]", "productIds[2]", "productIds[3]");
            assertThat(refused.violations().get(0).reason()).contains(free.spuCode(), "no-sellable-sku");
            assertThat(refused.violations().get(1).reason()).contains("illegal-transition",
                    "cannot move from ARCHIVED to ON_SHELF");
            assertThat(refused.violations().get(2).reason()).contains("does not exist");
            assertThat(catalog.product(fine.id()).status()).isEqualTo(ProductStatus.DRAFT);
            assertThat(catalog.statusHistory(fine.id())).hasSize(1);
        }

        @Test
        void refusesABulkChangeThatNamesAProductTwice() {
            ProductView product = fixtures.product(fixtures.category());
            assertThatThrownBy(() -> catalog.changeStatuses(List.of(product.id(), product.id()), ProductStatus.ON_SHELF,
                    null))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(fields(e)).containsExactly("productIds[1]"));
        }

        // --- concurrency --------------------------------------------------------------------------------------

        @Test
        void letsOnlyOneOfTwoConcurrentChangesBasedOnTheSameVersionThrough() throws Exception {
            ProductView product = fixtures.product(fixtures.category(), "10.00", "20.00");
            List<Callable<Object>> changes = List.of(
                    () -> catalog.changeStatus(product.id(), ProductStatus.ON_SHELF, null, product.version()),
                    () -> catalog.updateProduct(product.id(), new ProductChanges("并发修改", null, null, null,
                            product.categoryId(), null, List.of(), Set.of(), List.of()), product.version()),
                    () -> catalog.deactivateSku(product.id(), product.skus().getFirst().id(), product.version()));

            List<Object> outcomes = concurrently(changes);

            assertThat(outcomes).filteredOn(ProductView.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(2);
            assertThat(catalog.product(product.id()).version()).isEqualTo(product.version() + 1);
        }

        @Test
        void neverLetsTwoConcurrentMovesMakeACycle() throws Exception {
            CategoryView a = fixtures.category();
            CategoryView b = fixtures.category();

            List<Object> outcomes = concurrently(List.of(
                    () -> categories.move(a.id(), b.id(), a.version()),
                    () -> categories.move(b.id(), a.id(), b.version())));

            assertThat(outcomes).filteredOn(CategoryView.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(InvalidInputException.class::isInstance).hasSize(1);
            CategoryView movedA = categories.category(a.id());
            CategoryView movedB = categories.category(b.id());
            assertThat(movedA.parentId() == null || movedB.parentId() == null).isTrue();
            assertThat(movedA.depth() + movedB.depth()).isEqualTo(3);
        }

        /** Runs the calls at the same moment on their own threads; each outcome is a result or what was thrown. */
        static List<Object> concurrently(List<Callable<Object>> calls) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(calls.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> futures = new ArrayList<>();
                for (Callable<Object> call : calls) {
                    futures.add(threads.submit(() -> {
                        start.await();
                        try {
                            return call.call();
                        } catch (RuntimeException refused) {
                            return refused;
                        }
                    }));
                }
                start.countDown();
                List<Object> outcomes = new ArrayList<>();
                for (Future<Object> future : futures) {
                    outcomes.add(future.get(30, TimeUnit.SECONDS));
                }
                return outcomes;
            } finally {
                threads.shutdownNow();
            }
        }

        // --- figures and audit ----------------------------------------------------------------------------

        @Test
        void countsProductsByStatusAndTheActiveSkusOfProductsNotArchived() {
            CatalogFigures before = catalog.figures();
            CategoryView category = fixtures.category();
            fixtures.onShelf(category, "10.00", "20.00");
            ProductView archived = fixtures.product(category, "10.00");
            catalog.changeStatus(archived.id(), ProductStatus.ARCHIVED, null, archived.version());
            fixtures.product(category, "10.00");

            CatalogFigures after = catalog.figures();

            assertThat(after.productsOnShelf() - before.productsOnShelf()).isEqualTo(1);
            assertThat(after.productsByStatus().get(ProductStatus.ARCHIVED)
                    - before.productsByStatus().get(ProductStatus.ARCHIVED)).isEqualTo(1);
            assertThat(after.productsByStatus().get(ProductStatus.DRAFT)
                    - before.productsByStatus().get(ProductStatus.DRAFT)).isEqualTo(1);
            assertThat(after.products() - before.products()).isEqualTo(3);
            assertThat(after.activeSkus() - before.activeSkus()).isEqualTo(3);
        }

        @Test
        void recordsEveryChangeInTheAuditLogWithTheStateBeforeAndAfter() {
            ProductView product = fixtures.product(fixtures.category(), "10.00");
            ProductView updated = catalog.updateProduct(product.id(), new ProductChanges("审计标题", null, null, null,
                    product.categoryId(), null, List.of(), Set.of(), List.of()), product.version());
            catalog.changeStatus(product.id(), ProductStatus.ON_SHELF, null, updated.version());

            List<AuditEntry> entries = auditLog.find(new AuditQuery(null, null, "product",
                    product.id().toString(), null, null), PageQuery.first(10)).items();

            assertThat(entries).extracting(AuditEntry::action)
                    .containsExactly("PRODUCT_STATUS_CHANGED", "PRODUCT_UPDATED", "PRODUCT_CREATED");
            AuditEntry update = entries.get(1);
            assertThat(update.before()).contains(product.title());
            assertThat(update.after()).contains("审计标题");
        }

        static List<String> fields(Throwable e) {
            return ((DomainException) e).violations().stream().map(FieldViolation::field).toList();
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
