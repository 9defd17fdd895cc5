package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Set;

/**
 * A {@code batchprocessdramapromotion} call: join, query or leave the promotion plan for a set of
 * dramas, each once. Only the mini program that submitted a drama may call it ({@code src_appid}
 * is the token's appid). A join takes at most {@value #MAX_JOIN} dramas and succeeds or
 * fails as a whole: one drama under 0.5 Mbps or 720p fails every drama of the batch (106017);
 * query to see which.
 *
 * @param action join, query or leave
 * @param dramas at least one drama, in the order given (unmodifiable)
 */
public record PromotionBatch(PromotionAction action, Set<DramaRef> dramas) {
    /** at most this many dramas per join. */
    public static final int MAX_JOIN = 100;

    public PromotionBatch {
        Violations v = Violations.start();
        v.require(action, "action_type", Rule.R32);
        dramas = check(v, action, dramas);
        v.throwIfAny();
    }

    private static Set<DramaRef> check(Violations v, PromotionAction action, Collection<DramaRef> dramas) {
        if (v.require(dramas, "list", Rule.NONE)) {
            v.check(!dramas.isEmpty(), "list", Rule.NONE, "[]", "name at least one drama");
        }
        return PlayerChecks.distinct(v, "list", dramas, action == PromotionAction.JOIN ? MAX_JOIN : Integer.MAX_VALUE, d -> d);
    }

    private static PromotionBatch of(PromotionAction action, Collection<DramaRef> dramas) {
        Violations v = Violations.start();
        Set<DramaRef> set = check(v, action, dramas);
        v.throwIfAny();
        return new PromotionBatch(action, set);
    }

    /** Join the plan (accepting its agreement) with {@code dramas}; a drama listed twice is refused. */
    public static PromotionBatch join(Collection<DramaRef> dramas) {
        return of(PromotionAction.JOIN, dramas);
    }

    /** Query the plan status of {@code dramas}. */
    public static PromotionBatch query(Collection<DramaRef> dramas) {
        return of(PromotionAction.QUERY, dramas);
    }

    /** Leave the plan with {@code dramas}. */
    public static PromotionBatch leave(Collection<DramaRef> dramas) {
        return of(PromotionAction.LEAVE, dramas);
    }
}
