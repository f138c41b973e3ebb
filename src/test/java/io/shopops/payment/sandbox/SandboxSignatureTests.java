package io.shopops.payment.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sandbox notifications are signed as Alipay signs: sorted name=value pairs, HMAC-SHA256 with the shared secret. */
class SandboxSignatureTests {

    private static final String SECRET = "a-secret-of-sixteen-or-more";

    @Test
    void signsTheSortedNonEmptyParametersExceptTheSignatureItself() {
        Map<String, String> parameters = Map.of("total_amount", "8.80", "out_trade_no", "P1", "subject", "",
                "sign", "whatever", "sign_type", "HMAC-SHA256", "currency", "CNY");

        assertThat(SandboxSignature.canonical(parameters)).isEqualTo("currency=CNY&out_trade_no=P1&total_amount=8.80");
        // echo -n "currency=CNY&out_trade_no=P1&total_amount=8.80" | openssl dgst -sha256 -hmac "a-secret-of-sixteen-or-more"
        assertThat(SandboxSignature.sign(parameters, SECRET))
                .isEqualTo("3c3c57fbada2bd19a66e11926783afc758ea262dd738d2fd89479401b1a3a491");
    }

    @Test
    void aSignedBodyReadsBackAndVerifiesOnlyWithTheSameSecretAndUnchangedValues() {
        String body = SandboxSignature.signedBody(Map.of("out_trade_no", "P1", "subject", "订单 & more=1",
                "total_amount", "8.80"), SECRET);

        Map<String, String> read = SandboxSignature.parse(body);

        assertThat(read).containsEntry("subject", "订单 & more=1").containsEntry("sign_type", "HMAC-SHA256");
        assertThat(SandboxSignature.verify(read, SECRET)).isTrue();
        assertThat(SandboxSignature.verify(read, SECRET + "x")).isFalse();
        read.put("total_amount", "0.01");
        assertThat(SandboxSignature.verify(read, SECRET)).isFalse();
        read.put("total_amount", "8.80");
        read.put("sign_type", "MD5");
        assertThat(SandboxSignature.verify(read, SECRET)).isFalse();
        read.remove("sign_type");
        assertThat(SandboxSignature.verify(read, SECRET)).isFalse();
    }

    @Test
    void refusesBodiesThatAreNotFormEncodedPairs() {
        assertThatThrownBy(() -> SandboxSignature.parse("{\"json\":true}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSignature.parse("a=1&a=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSignature.parse("a=%zz")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxSignature.parse("")).isEmpty();
    }
}
