package io.shopops.fulfilment;

/** A configured carrier (物流公司) as clients see it; its webhook secret is never shown. */
public record CarrierView(String code, String name, String trackingNumberPattern, CarrierRate rate) {
}
