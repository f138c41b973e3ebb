package io.shopops.shared.web;

import java.time.Duration;

import io.shopops.shared.ShopProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Runs after Spring Security's filter chain (order -100), so anonymous callers still get 401 first. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${shopops.api.max-request-size:1MB}") DataSize maxRequestSize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestSize.toBytes()));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** The console's language: the shop's default until the member picks another ({@code ?lang=en}). */
    @Bean
    LocaleResolver localeResolver(ShopProperties shop) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("SHOPOPS_LANG");
        resolver.setDefaultLocale(shop.defaultLocale());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        registry.addInterceptor(new PermissionInterceptor()).addPathPatterns("/api/**", "/console/**");
    }
}
