package io.shopops.catalog;

/** One spec attribute of a SKU (規格), such as colour = red or 尺码 = M. */
public record SpecAttribute(String name, String value) {

    @Override
    public String toString() {
        return name + ":" + value;
    }
}
