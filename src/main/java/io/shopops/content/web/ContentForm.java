package io.shopops.content.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.catalog.ProductId;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentFields;
import io.shopops.content.ContentType;
import io.shopops.content.ContentVersionView;
import io.shopops.content.ContentView;
import org.jspecify.annotations.Nullable;

/**
 * The console's content form as the browser posts it, every field as typed so that a refused form comes back as it
 * was sent: image URLs one per line, tags separated by commas, channels as checkboxes, the window as
 * {@code datetime-local} values in the shop's zone. Values that cannot be read put their reason under the field the
 * facade would name.
 */
record ContentForm(@Nullable String type, @Nullable String title, @Nullable String body, @Nullable String imageUrls,
        @Nullable String linkUrl, @Nullable String productId, @Nullable List<String> channels, @Nullable String tags,
        @Nullable String publishFrom, @Nullable String publishUntil, @Nullable String campaignCode,
        @Nullable String version) {

    static ContentForm empty() {
        return new ContentForm("", "", "", "", "", "", List.of(), "", "", "", "", null);
    }

    /** The item's newest version, to be edited into the next one. */
    static ContentForm of(ContentView item, ZoneId zone) {
        ContentVersionView v = item.current();
        return new ContentForm(item.type().name(), v.title(), v.body() == null ? "" : v.body(),
                String.join("\n", v.imageUrls()), orEmpty(v.linkUrl()),
                v.productId() == null ? "" : v.productId().toString(),
                v.channels().stream().sorted().map(Enum::name).toList(), String.join(", ", v.tags()),
                local(v.publishFrom(), zone), local(v.publishUntil(), zone), orEmpty(v.campaignCode()),
                Long.toString(item.version()));
    }

    public boolean hasChannel(ContentChannel channel) {
        return channels != null && channels.contains(channel.name());
    }

    /** The form read into the library's terms; what cannot be read is put in {@code problems} by field. */
    ContentFields fields(ZoneId zone, Map<String, String> problems, Map<String, String> reasons) {
        List<ContentChannel> chosen = new ArrayList<>();
        for (String channel : channels == null ? List.<String>of() : channels) {
            try {
                chosen.add(ContentChannel.valueOf(channel.trim()));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.put("channels", reasons.get("choice"));
            }
        }
        List<String> images = orEmpty(imageUrls).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> tagList = new ArrayList<>();
        for (String tag : orEmpty(tags).split("[,，\\n]")) {
            if (!tag.isBlank()) {
                tagList.add(tag.strip());
            }
        }
        ProductId product = null;
        if (productId != null && !productId.isBlank()) {
            try {
                product = new ProductId(Long.parseLong(productId.trim()));
            } catch (NumberFormatException e) {
                problems.put("productId", reasons.get("number"));
            }
        }
        return new ContentFields(title, body == null || body.isEmpty() ? null : body.replace("\r\n", "\n"), images,
                linkUrl, product, chosen, tagList, instant(publishFrom, "publishFrom", zone, problems, reasons),
                instant(publishUntil, "publishUntil", zone, problems, reasons), campaignCode);
    }

    @Nullable ContentType parsedType(Map<String, String> problems, Map<String, String> reasons) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return ContentType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put("type", reasons.get("choice"));
            return null;
        }
    }

    @Nullable Long parsedVersion() {
        try {
            return version == null || version.isBlank() ? null : Long.valueOf(version.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable String value, String field, ZoneId zone,
            Map<String, String> problems, Map<String, String> reasons) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, reasons.get("time"));
            return null;
        }
    }

    private static String local(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).withNano(0).toString();
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
