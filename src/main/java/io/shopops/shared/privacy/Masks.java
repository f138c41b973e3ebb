package io.shopops.shared.privacy;

import org.jspecify.annotations.Nullable;

/** How personal data is shown to whoever may not see it in full: 138****1234, l***@example.com, 张*. */
public final class Masks {

    private Masks() {
    }

    public static @Nullable String phone(@Nullable String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static @Nullable String email(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    public static @Nullable String name(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    /** An address reduced to its region: province and city stay, the street and number do not. */
    public static String address(String province, String city) {
        return province + " " + city + " ****";
    }
}
