/** The inventory's REST API ({@code /api/v1/admin/inventory/...}) and console pages ({@code /console/inventory/...}). */
@NullMarked
package io.shopops.inventory.web;

import org.jspecify.annotations.NullMarked;
