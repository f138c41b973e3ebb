/** Exactly-once effects for retried requests: idempotency keys with stored answers. */
@NamedInterface("idempotency")
@NullMarked
package io.shopops.shared.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
