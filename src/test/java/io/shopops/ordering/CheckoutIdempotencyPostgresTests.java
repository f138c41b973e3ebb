package io.shopops.ordering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.WarehouseView;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static io.shopops.ordering.OrderFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A storefront retrying its checkout, through the HTTP API on the machine's PostgreSQL: the same key sent five
 * times at once makes one order and five byte-identical answers; the key with another body is refused.
 */
@PostgresTest
@Import(OrderingTestConfiguration.class)
class CheckoutIdempotencyPostgresTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcClient jdbc;

    MockHttpServletResponse checkout(OrderFixtures.Shopper shopper, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/store/checkout").header("Authorization", shopper.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    @Test
    void theSameKeySentFiveTimesAtOnceMakesOneOrderAndFiveIdenticalAnswers() throws Exception {
        SkuId sku = fixtures.sku("25.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(sku, east, 50);
        OrderFixtures.Shopper shopper = fixtures.shopper();
        String key = key();
        String body = """
                {"lines": [{"skuId": %d, "quantity": 2}], "addressId": %d, "channel": "APP", "utmSource": "wechat"}
                """.formatted(sku.value(), shopper.addressId().value());
        List<Callable<MockHttpServletResponse>> retries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            retries.add(() -> checkout(shopper, key, body));
        }

        List<MockHttpServletResponse> answers = Race.run(5, retries);

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(new HashSet<>(answers.stream().map(this::content).toList())).hasSize(1);
        assertThat(new HashSet<>(answers.stream().map(r -> r.getHeader("Location")).toList())).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shop_order WHERE customer_id = :customer")
                .param("customer", shopper.id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(inventory.level(sku, east.id()).reserved()).isEqualTo(2);

        MockHttpServletResponse other = checkout(shopper, key, body.replace("\"quantity\": 2", "\"quantity\": 3"));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("idempotency-key-reused").contains("Idempotency-Key");
        assertThat(inventory.level(sku, east.id()).reserved()).isEqualTo(2);
    }

    private String content(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
