package io.shopops.fulfilment;

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
 * Every endpoint of the fulfilment module (API and console) is in the Fulfilment table of docs/security.md with the
 * permission its handler requires, and the table lists nothing else.
 */
@ShopOpsTest
class FulfilmentSecurityDocumentTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentsEveryFulfilmentEndpointWithThePermissionItsHandlerRequires() throws IOException {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.shopops.fulfilment")) {
                return;
            }
            String permission = permission(method);
            for (String path : info.getPatternValues()) {
                info.getMethodsCondition().getMethods()
                        .forEach(verb -> mapped.add("| " + verb + " | " + path + " | " + permission + " |"));
            }
        });
        Set<String> documented = new TreeSet<>();
        boolean inFulfilment = false;
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            if (line.startsWith("### ")) {
                inFulfilment = line.equals("### Fulfilment");
            } else if (inFulfilment && line.startsWith("| ") && !line.startsWith("| Method")) {
                documented.add(line.strip());
            }
        }
        assertThat(mapped).isNotEmpty();
        assertThat(documented).containsExactlyElementsOf(mapped);
    }

    private static String permission(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                RequiresPermission.class);
        RequiresPermission onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
                RequiresPermission.class);
        return onMethod != null ? onMethod.value() : onType != null ? onType.value() : "none";
    }
}
