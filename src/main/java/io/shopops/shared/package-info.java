/**
 * Small building blocks every module uses: money, paging, the shop's settings, problem details and the
 * acting staff member. No business rules live here.
 */
@NullMarked
package io.shopops.shared;

import org.jspecify.annotations.NullMarked;
