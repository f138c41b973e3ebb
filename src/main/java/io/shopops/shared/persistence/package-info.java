@NamedInterface("persistence")
@NullMarked
package io.shopops.shared.persistence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
