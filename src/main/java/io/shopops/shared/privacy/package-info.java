/**
 * Personal data at rest: AES-GCM encryption with a key ring (so keys rotate without downtime), keyed hashes
 * for lookups without decrypting, and masking for display.
 */
@NamedInterface("privacy")
@NullMarked
package io.shopops.shared.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
