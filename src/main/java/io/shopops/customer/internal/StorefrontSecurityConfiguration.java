package io.shopops.customer.internal;

import io.shopops.shared.web.SecurityProblems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The storefront's door ({@code /api/v1/store/**}), checked before the staff API's ({@code /api/**}): stateless,
 * a customer's bearer token on the requests that need one, no cookies and so no CSRF. Anonymous requests pass the
 * chain; each handler's {@code @RequiresPermission} ({@code public} or {@code customer}) decides, and a refusal of
 * an anonymous caller becomes 401 here. Staff credentials are not accepted on this door, and customer tokens are
 * not accepted on the staff's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StorefrontSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain storefrontChain(HttpSecurity http, CustomerTokenAuthenticator authenticator, JsonMapper json)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json, "shopops-store");
        http.securityMatcher("/api/v1/store/**")
                // the handler's permission decides (shared.web.PermissionInterceptor), closed by default
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new CustomerTokenFilter(authenticator, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.unauthorized(request, response,
                                // a refused sign-in carries its own (deliberately vague) reason
                                e instanceof BadCredentialsException ? e.getMessage() : CustomerTokenFilter.SIGN_IN))
                        .accessDeniedHandler((request, response, e) -> problems.forbidden(request, response,
                                "This action is not open to you")));
        return http.build();
    }
}
