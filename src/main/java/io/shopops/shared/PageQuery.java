package io.shopops.shared;

/**
 * A page of a list: zero-based page number and size. Sizes are capped so that no request can ask the
 * database for an unbounded result.
 */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    public PageQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or greater");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageQuery first(int size) {
        return new PageQuery(0, size);
    }

    public long offset() {
        return (long) page * size;
    }
}
