package io.shopops.payment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** The registered providers, by code. */
@Component
public class PaymentProviders {

    private final Map<String, PaymentProvider> byCode = new TreeMap<>();

    PaymentProviders(List<PaymentProvider> providers) {
        for (PaymentProvider provider : providers) {
            if (byCode.put(provider.code(), provider) != null) {
                throw new IllegalStateException("Two payment providers have the code " + provider.code());
            }
        }
    }

    public Optional<PaymentProvider> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
