package io.shopops.payment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import io.shopops.shared.web.RequiresPermission;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint and console page of the payments is in the Payments table of docs/security.md with the
 * permission its handler requires, and the table lists nothing else; the sandbox's cashier page, outside
 * {@code /api} and {@code /console}, is public and named in the text.
 */
@ShopOpsTest
class PaymentSecurityDocumentTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentsEveryPaymentEndpointWithThePermissionItsHandlerRequires() throws IOException {
        Set<String> mapped = new TreeSet<>();
        Set<String> sandbox = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.shopops.payment")) {
                return;
            }
            String permission = permission(method);
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(verb -> (path.startsWith("/sandbox/") ? sandbox : mapped)
                        .add("| " + verb + " | " + path + " | " + permission + " |"));
            }
        });
        Set<String> documented = new TreeSet<>();
        boolean inPayments = false;
        String text = Files.readString(Path.of("docs/security.md"));
        for (String line : text.lines().toList()) {
            if (line.startsWith("### ")) {
                inPayments = line.equals("### Payments");
            } else if (inPayments && line.startsWith("| ") && !line.startsWith("| Method")) {
                documented.add(line.strip());
            }
        }
        assertThat(mapped).isNotEmpty();
        assertThat(documented).containsExactlyElementsOf(mapped);
        assertThat(sandbox).containsExactly("| GET | /sandbox/pay/{token} | public |",
                "| POST | /sandbox/pay/{token} | public |");
        assertThat(text).contains("`GET` and `POST /sandbox/pay/{token}`");
    }

    private static String permission(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                RequiresPermission.class);
        RequiresPermission onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
                RequiresPermission.class);
        return onMethod != null ? onMethod.value() : onType != null ? onType.value() : "none";
    }
}
