package io.shopops.catalog;

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
 * Every endpoint of the catalog (API and console) is in the Catalog table of docs/security.md with the
 * permission its handler requires, and the table lists nothing else. The storefront's catalog endpoints
 * ({@code /api/v1/store/...}) are in the Storefront table instead (RbacMatrixTests checks every table).
 */
@ShopOpsTest
class CatalogSecurityDocumentTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentsEveryCatalogEndpointWithThePermissionItsHandlerRequires() throws IOException {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.shopops.catalog")) {
                return;
            }
            String permission = permission(method);
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/v1/store/")) {
                    continue; // the storefront's catalog is in the Storefront table, with the rest of the storefront
                }
                info.getMethodsCondition().getMethods()
                        .forEach(verb -> mapped.add("| " + verb + " | " + path + " | " + permission + " |"));
            }
        });
        Set<String> documented = new TreeSet<>();
        boolean inCatalog = false;
        for (String line : Files.readAllLines(Path.of("docs/security.md"))) {
            if (line.startsWith("### ")) {
                inCatalog = line.equals("### Catalog");
            } else if (inCatalog && line.startsWith("| ") && !line.startsWith("| Method")) {
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
