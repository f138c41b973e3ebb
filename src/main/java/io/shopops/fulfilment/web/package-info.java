/**
 * The fulfilment's REST API ({@code /api/v1/admin/fulfilment/...}), the carriers' tracking webhook
 * ({@code /api/v1/fulfilment/carriers/{carrier}/events}) and console pages ({@code /console/fulfilment/...}).
 */
@NullMarked
package io.shopops.fulfilment.web;

import org.jspecify.annotations.NullMarked;
