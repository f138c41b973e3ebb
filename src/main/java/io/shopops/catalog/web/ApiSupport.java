package io.shopops.catalog.web;

import java.net.URI;

import io.shopops.shared.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Small steps every catalog endpoint shares. */
final class ApiSupport {

    private ApiSupport() {
    }

    /** The version a client read, which every change of an existing thing must send back. */
    static long version(@Nullable Long version) {
        return Versions.required(version);
    }

    /** The URL of a thing just created under the current request's path. */
    static URI location(Object id) {
        return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
    }
}
