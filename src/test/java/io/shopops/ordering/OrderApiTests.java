package io.shopops.ordering;

import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Role;
import io.shopops.inventory.WarehouseView;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.shopops.ordering.OrderFixtures.key;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The storefront's cart, checkout and own orders, and the staff's order API, over HTTP. */
@ShopOpsTest
@Import(OrderingTestConfiguration.class)
class OrderApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    StaffFixtures staff;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void aCustomersCartShowsTodaysPricesAndStockAndOutlivesSigningOut() throws Exception {
        SkuId tea = fixtures.sku("45.00");
        SkuId cup = fixtures.sku("8.00");
        SkuId withdrawn = fixtures.sku("8.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(tea, east, 5);
        fixtures.stock(withdrawn, east, 5);
        fixtures.offShelf(withdrawn);
        OrderFixtures.Shopper shopper = fixtures.shopper();

        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": %d, \"quantity\": 2}".formatted(tea.value()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)));
        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": %d}".formatted(tea.value()))
                .andExpect(jsonPath("$.items[0].quantity").value(3));
        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": %d, \"quantity\": 1}".formatted(cup.value()))
                .andExpect(status().isOk());
        call(put("/api/v1/store/cart/items/" + cup.value()), shopper.bearer(), "{\"quantity\": 4}")
                .andExpect(jsonPath("$.items[1].quantity").value(4));
        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": %d}".formatted(withdrawn.value()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("not-sellable")))
                .andExpect(jsonPath("$.errors[0].field").value("skuId"));
        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": 987654321}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skuId"));
        call(post("/api/v1/store/cart/items"), shopper.bearer(), "{\"skuId\": %d, \"quantity\": 0}".formatted(tea.value()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quantity"));

        String again = fixtures.signInAgain(shopper);
        call(get("/api/v1/store/cart"), again)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemCount").value(2))
                .andExpect(jsonPath("$.items[0].unitPrice.amount").value(45.00))
                .andExpect(jsonPath("$.items[0].available").value(5))
                .andExpect(jsonPath("$.items[0].inStock").value(true))
                .andExpect(jsonPath("$.items[1].inStock").value(false))
                .andExpect(jsonPath("$.itemsAmount.amount").value(167.00))
                .andExpect(jsonPath("$.shippingFee.amount").value(0.00))
                .andExpect(jsonPath("$.total.amount").value(167.00));
        call(delete("/api/v1/store/cart/items/" + cup.value()), again).andExpect(jsonPath("$.items", hasSize(1)));
        call(delete("/api/v1/store/cart/items/" + cup.value()), again).andExpect(status().isNotFound());
    }

    @Test
    void checkoutNeedsAKeyAndAnswersTheOrderWhichOnlyItsCustomerSees() throws Exception {
        SkuId tea = fixtures.sku("45.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(tea, east, 5);
        OrderFixtures.Shopper shopper = fixtures.shopper();
        OrderFixtures.Shopper stranger = fixtures.shopper();
        String body = "{\"lines\": [{\"skuId\": %d, \"quantity\": 1}], \"addressId\": %d}"
                .formatted(tea.value(), shopper.addressId().value());

        call(post("/api/v1/store/checkout"), shopper.bearer(), body)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        String location = call(post("/api/v1/store/checkout").header("Idempotency-Key", key()), shopper.bearer(), body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/store/orders/")))
                .andExpect(jsonPath("$.status").value("PENDING_PAYMENT"))
                .andExpect(jsonPath("$.total.amount").value(55.00))
                .andExpect(jsonPath("$.timeline[0].kind").value("PLACED"))
                .andExpect(jsonPath("$.timeline[0].actor").value("customer"))
                .andReturn().getResponse().getHeader("Location");

        call(get(location), shopper.bearer()).andExpect(status().isOk())
                .andExpect(jsonPath("$.destination.recipient").value("张三"));
        call(get(location), stranger.bearer()).andExpect(status().isNotFound());
        call(get("/api/v1/store/orders"), shopper.bearer()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].itemCount").value(1));
        call(get("/api/v1/store/orders"), stranger.bearer()).andExpect(jsonPath("$.totalItems").value(0));
        call(post(location + "/cancel"), stranger.bearer(), "{}").andExpect(status().isNotFound());
        // a staff API key is no customer's token: the storefront does not know it
        StaffFixtures.Member admin = staff.member(Role.ADMIN);
        call(get(location), admin.bearer()).andExpect(status().isUnauthorized());
    }

    @Test
    void theCustomerPaysAtTheCashierOrCancelsAndACancelledOrderCannotBePaid() throws Exception {
        SkuId tea = fixtures.sku("45.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(tea, east, 5);
        OrderFixtures.Shopper shopper = fixtures.shopper();
        OrderView order = fixtures.place(shopper, OrderFixtures.line(tea, 2));
        String path = "/api/v1/store/orders/" + order.id();

        call(post(path + "/pay"), shopper.bearer(), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("providerCode"));
        call(post(path + "/pay"), shopper.bearer(), "{\"providerCode\": \"sandbox\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.cashierUrl").isNotEmpty())
                .andExpect(jsonPath("$.amount.amount").value(100.00));
        call(post(path + "/cancel"), shopper.bearer(), "{\"reason\": \"ordered twice\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelReason").value("ordered twice"));
        call(post(path + "/pay"), shopper.bearer(), "{\"providerCode\": \"sandbox\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("illegal-transition")))
                .andExpect(jsonPath("$.detail", containsString("CANCELLED → PAID")));
    }

    @Test
    void staffFindOrdersByTheirFiltersAndNoteFlagAndCancelThemWithOrderWrite() throws Exception {
        SkuId tea = fixtures.sku("45.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(tea, east, 5);
        OrderFixtures.Shopper shopper = fixtures.shopper();
        OrderView order = fixtures.place(shopper, OrderFixtures.line(tea, 3));
        StaffFixtures.Member service = staff.member(Role.CUSTOMER_OPS);
        StaffFixtures.Member analyst = staff.member(Role.DATA_OPS);
        String path = "/api/v1/admin/orders/" + order.id();

        call(get("/api/v1/admin/orders?customerId=%d&status=PENDING_PAYMENT&minTotal=135&maxTotal=135&channel=WEB"
                .formatted(shopper.id().value())), analyst.bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].orderNumber").value(order.orderNumber()));
        call(get("/api/v1/admin/orders?customerId=%d&minTotal=136".formatted(shopper.id().value())), analyst.bearer())
                .andExpect(jsonPath("$.totalItems").value(0));
        LocalDate placedOn = order.placedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        call(get("/api/v1/admin/orders?customerId=%d&from=%s&to=%s".formatted(shopper.id().value(), placedOn, placedOn)),
                analyst.bearer()).andExpect(jsonPath("$.totalItems").value(1));
        call(get("/api/v1/admin/orders?customerId=%d&to=%s".formatted(shopper.id().value(), placedOn.minusDays(1))),
                analyst.bearer()).andExpect(jsonPath("$.totalItems").value(0));
        call(get("/api/v1/admin/orders?customerId=%d&from=%s".formatted(shopper.id().value(), placedOn.plusDays(1))),
                analyst.bearer()).andExpect(jsonPath("$.totalItems").value(0));
        call(get("/api/v1/admin/orders?minTotal=10&maxTotal=5"), analyst.bearer()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxTotal"));
        call(get(path), analyst.bearer()).andExpect(status().isOk())
                .andExpect(jsonPath("$.destination.recipient").value("张*"))
                .andExpect(jsonPath("$.lines[0].costPrice.amount").value(18.00));
        call(post(path + "/notes"), analyst.bearer(), "{\"text\": \"hi\"}").andExpect(status().isForbidden());

        call(post(path + "/notes"), service.bearer(), "{\"text\": \"客户要求周末送货\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[1].kind").value("NOTE"));
        call(post(path + "/abnormal"), service.bearer(), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post(path + "/abnormal"), service.bearer(), "{\"reason\": \"同一地址一小时内下单 20 次\"}")
                .andExpect(jsonPath("$.abnormal").value(true));
        call(get("/api/v1/admin/orders?abnormal=true&customerId=" + shopper.id().value()), analyst.bearer())
                .andExpect(jsonPath("$.totalItems").value(1));
        call(post(path + "/abnormal/clear"), service.bearer(), "{}").andExpect(jsonPath("$.abnormal").value(false));
        call(post(path + "/hold"), service.bearer(), "{\"reason\": \"check\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("PENDING_PAYMENT → UNDER_REVIEW")));
        call(post(path + "/cancel"), service.bearer(), "{\"reason\": \"duplicate order\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        call(get("/api/v1/admin/audit-entries?entityType=order&entityId=" + order.id()), staff.member(Role.ADMIN).bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(4));
    }
}
