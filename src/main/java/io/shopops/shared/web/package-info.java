@NamedInterface("web")
@NullMarked
package io.shopops.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
