package io.shopops.marketing;

/**
 * Which items a promotion or coupon covers: all, or those of the listed products, SKUs, categories (with their
 * subcategories) or brands.
 */
public enum TargetScope {
    ALL, PRODUCTS, SKUS, CATEGORIES, BRANDS
}
