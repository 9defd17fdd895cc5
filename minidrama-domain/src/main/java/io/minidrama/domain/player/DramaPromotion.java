package io.minidrama.domain.player;

import java.util.Objects;

/**
 * One drama's promotion-plan status, as a {@link PromotionAction#QUERY} reports it.
 *
 * @param drama  the drama
 * @param status its status
 */
public record DramaPromotion(DramaRef drama, PromotionStatus status) {
    public DramaPromotion {
        Objects.requireNonNull(drama, "drama");
        Objects.requireNonNull(status, "status");
    }
}
