/**
 * The payments' REST API ({@code /api/v1/admin/payments/...}), the providers' notification endpoint
 * ({@code /api/v1/payments/notify/{provider}}) and console pages ({@code /console/payments/...}).
 */
@NullMarked
package io.shopops.payment.web;

import org.jspecify.annotations.NullMarked;
