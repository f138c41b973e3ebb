package io.shopops.audit;

import io.shopops.identity.Role;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log records changes and nothing can rewrite it: no endpoint, not even SQL. */
class AuditLogTests {

    abstract static class Contract {

        @Autowired
        AuditLog audit;
        @Autowired
        StaffFixtures staff;
        @Autowired
        JdbcClient jdbc;

        @Test
        void recordsWhoChangedWhatWithBeforeAndAfter() {
            var member = staff.member(Role.WAREHOUSE);
            var entries = audit.find(new AuditQuery(null, "STAFF_CREATED", "staff", Long.toString(member.id()), null, null),
                    PageQuery.first(10));
            assertThat(entries.items()).singleElement().satisfies(entry -> {
                assertThat(entry.before()).isNull();
                assertThat(entry.after()).contains(member.username()).doesNotContain("password");
            });
        }

        @Test
        void theDatabaseRefusesToUpdateOrDeleteEntries() {
            staff.member(Role.DATA_OPS);
            assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor_name = 'mallory'").update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
                    .hasMessageContaining("append-only");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor_name = 'mallory'")
                    .query(Long.class).single()).isZero();
        }
    }

    @Nested
    @ShopOpsTest
    class OnH2 extends Contract {

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mappings;

        @Test
        void noEndpointChangesTheAuditLog() {
            mappings.getHandlerMethods().forEach((info, method) -> {
                boolean auditEndpoint = info.getPatternValues().stream().anyMatch(p -> p.contains("audit"));
                if (auditEndpoint) {
                    assertThat(info.getMethodsCondition().getMethods()).as(info.toString())
                            .containsOnly(RequestMethod.GET);
                }
            });
        }
    }

    @Nested
    @PostgresTest
    class OnPostgres extends Contract {

        @Test
        void theDatabaseRefusesToTruncateTheLog() {
            assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
        }
    }
}
