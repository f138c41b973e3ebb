package io.shopops.shared;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One page of results with the total, as every list endpoint returns it. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        return new Page<>(items, query.page(), query.size(), totalItems);
    }

    @JsonProperty
    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }

    @JsonProperty
    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
