/**
 * The built-in sandbox payment provider: it plays an external PSP that behaves like Alipay or WeChat Pay, with
 * books of its own ({@code sandbox_*} tables, which ShopOps' payment code never reads), a public cashier page
 * ({@code /sandbox/pay/{token}}), asynchronous notifications signed with HMAC-SHA256 and resent with back-off
 * until answered, status queries, refunds and a daily statement. {@link io.shopops.payment.sandbox.SandboxControls}
 * lets tests and demos pay directly and inject delivery faults; a module that wants it for demos names it
 * ({@code "payment :: sandbox"}).
 */
@NamedInterface("sandbox")
@NullMarked
package io.shopops.payment.sandbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
