package io.minidrama.domain.player;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;

/** How a drama earns money ({@code iaa_type}, R-32). */
public enum IaaType {
    /** 1: in-app advertising only (IAA). */
    ADS_ONLY(1),
    /** 2: in-app purchases only (IAP). */
    PURCHASES_ONLY(2),
    /** 3: both (IAAP). */
    ADS_AND_PURCHASES(3);

    private final int code;

    IaaType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /**
     * The type with this code.
     *
     * @throws InvalidRequestException unless 1, 2 or 3
     */
    public static IaaType of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst().orElseThrow(() -> InvalidRequestException.of(
                "iaa_type", Rule.R32, code, "iaa_type is 1 (ads only), 2 (purchases only) or 3 (both)"));
    }
}
