package io.relais.kpi.rolling;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An engagement's hourly rates in euro cents (rounded half up), as the global engagements store keeps them. */
public record EngagementRates(String engagementId, String providerOrganisation, long internalRateCents,
                              long providerRateCents) {

    static long cents(BigDecimal euros) {
        return euros == null ? 0 : euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
