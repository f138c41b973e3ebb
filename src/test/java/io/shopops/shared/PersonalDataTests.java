package io.shopops.shared;

import java.util.List;

import io.shopops.shared.privacy.Masks;
import io.shopops.shared.privacy.PersonalData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTests {

    private final String oldKey = PersonalData.newKey("k1");
    private final String newKey = PersonalData.newKey("k2");
    private final String lookup = PersonalData.newKey("l1");

    @Test
    void encryptsSoThatTheStoredFormRevealsNothingAndDecryptsBack() {
        PersonalData data = new PersonalData(oldKey, List.of(), lookup);
        String stored = data.encrypt("13812345678");
        assertThat(stored).startsWith("v1:k1:").doesNotContain("1381").doesNotContain("5678");
        assertThat(data.encrypt("13812345678")).as("a fresh IV each time").isNotEqualTo(stored);
        assertThat(data.decrypt(stored)).isEqualTo("13812345678");
    }

    @Test
    void decryptsDataWrittenBeforeAKeyRotationAndSaysItNeedsRewriting() {
        String stored = new PersonalData(oldKey, List.of(), lookup).encrypt("李娜");
        PersonalData rotated = new PersonalData(newKey, List.of(oldKey), lookup);
        assertThat(rotated.decrypt(stored)).isEqualTo("李娜");
        assertThat(rotated.needsReencryption(stored)).isTrue();
        assertThat(rotated.needsReencryption(rotated.encrypt("李娜"))).isFalse();
        assertThatThrownBy(() -> new PersonalData(newKey, List.of(), lookup).decrypt(stored))
                .hasMessageContaining("k1");
    }

    @Test
    void refusesATamperedValue() {
        PersonalData data = new PersonalData(oldKey, List.of(), lookup);
        String stored = data.encrypt("li.na@example.com");
        char[] chars = stored.toCharArray();
        chars[chars.length - 5] = chars[chars.length - 5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> data.decrypt(new String(chars))).hasMessageContaining("integrity");
    }

    @Test
    void lookupHashesMatchForEqualValuesOnlyAndDependOnTheKey() {
        PersonalData data = new PersonalData(oldKey, List.of(), lookup);
        assertThat(data.lookupHash("13812345678")).isEqualTo(data.lookupHash("13812345678"))
                .isNotEqualTo(data.lookupHash("13812345679"))
                .isNotEqualTo(new PersonalData(oldKey, List.of(), PersonalData.newKey("l2")).lookupHash("13812345678"));
    }

    @Test
    void masksForDisplay() {
        assertThat(Masks.phone("138-1234-5678")).isEqualTo("138****5678");
        assertThat(Masks.email("li.na@example.com")).isEqualTo("l***@example.com");
        assertThat(Masks.name("张伟")).isEqualTo("张*");
    }
}
