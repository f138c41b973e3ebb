package io.shopops.identity;

/** A newly issued key: {@code token} is the full bearer token, returned this once and never stored. */
public record IssuedApiKey(ApiKeyView key, String token) {
}
