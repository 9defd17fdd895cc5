package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * A drama's monetization model, declared with {@code developersetiaadrama} and read with
 * {@code developergetiaadrama}; WeChat's recommendation uses it.
 *
 * @param drama   the drama
 * @param iaaType ads, purchases or both
 * @param vipFlag whether a membership exists
 */
public record DramaMonetization(DramaRef drama, IaaType iaaType, VipFlag vipFlag) {
    public DramaMonetization {
        Violations v = Violations.start();
        v.require(drama, "drama", Rule.R30);
        v.require(iaaType, "iaa_type", Rule.R32);
        v.require(vipFlag, "vip_flag", Rule.R32);
        v.throwIfAny();
    }
}
