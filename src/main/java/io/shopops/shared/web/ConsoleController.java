package io.shopops.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the server-rendered console (Thymeleaf + htmx) rather than of the REST API. Console
 * pages get the signed-in member, the shop and formatting helpers in their model.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
