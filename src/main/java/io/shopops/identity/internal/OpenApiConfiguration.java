package io.shopops.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's front page, and the bearer API key every admin endpoint expects ("Authorize" in the UI). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI shopOpsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ShopOps API").version("v1")
                        .description("""
                                The operations API of ShopOps. Authenticate with an API key issued on the console \
                                (My account → API keys) as `Authorization: Bearer sk_...`; each endpoint needs the \
                                permission listed in docs/security.md. Errors are RFC 9457 problem details with an \
                                `errors` array of `{field, reason}`.""")
                        .license(new License().name("Apache 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("sk_<prefix>_<secret>")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
