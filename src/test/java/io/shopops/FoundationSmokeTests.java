package io.shopops;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.NewCategory;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.identity.Role;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The schema migrates and the basics work on both databases. */
class FoundationSmokeTests {

    abstract static class Contract {

        @Autowired
        Catalog catalog;
        @Autowired
        Categories categories;
        @Autowired
        StaffFixtures staff;
        @Autowired
        MockMvc mvc;

        @Test
        void createsADraftProductWithSkus() {
            String suffix = Long.toString(System.nanoTime());
            var category = categories.create(new NewCategory("smoke-" + suffix, "连衣裙", "Dresses", null, 0));
            ProductView product = catalog.createProduct(new NewProduct("SPU-" + suffix, "真丝连衣裙", "Silk dress", null,
                    null, category.id(), null, List.of("https://img.example.com/a.jpg"), Set.of("新品"),
                    List.of(new NewSku("SKU-" + suffix + "-R", List.of(new SpecAttribute("颜色", "红")),
                                    new BigDecimal("399.00"), new BigDecimal("299.5"), new BigDecimal("120"), null, 300),
                            new NewSku("SKU-" + suffix + "-B", List.of(new SpecAttribute("颜色", "蓝")),
                                    new BigDecimal("399"), new BigDecimal("399"), new BigDecimal("120.00"), null, null))));
            assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
            assertThat(product.skus()).hasSize(2);
            assertThat(product.skus().getFirst().salePrice().amount()).isEqualByComparingTo("299.50");
            assertThat(catalog.skus(List.of(product.skus().get(1).id())))
                    .hasSize(1).containsKey(product.skus().get(1).id());
        }

        @Test
        void refusesAnonymousApiCallsAndAcceptsAnApiKey() throws Exception {
            mvc.perform(get("/api/v1/admin/nothing-here")).andExpect(status().isUnauthorized());
            var member = staff.member(Role.ADMIN);
            mvc.perform(get("/api/v1/admin/nothing-here").header("Authorization", member.bearer()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/admin/nothing-here").header("Authorization", "Bearer sk_wrong"))
                    .andExpect(status().isUnauthorized());
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
