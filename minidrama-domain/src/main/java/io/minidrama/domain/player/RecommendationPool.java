package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pool a recommendation slot draws from, for {@code developersetrecmddrama}: either
 * for one drama ({@link #forDrama}: what is recommended around that drama) or mini-program-wide
 * ({@link #appWide}: {@code src_appid} and {@code drama_id} left empty, ranked below per-drama
 * pools). Each call <b>replaces</b> that pool; an empty set clears it, after which the slot draws
 * from every drama authorized to the mini program. At most {@value #MAX_DRAMAS} dramas, each
 * once; every drama must be authorized to the caller or the call fails (21000).
 */
public final class RecommendationPool {
    /** the platform's cap. */
    public static final int MAX_DRAMAS = 200;

    private final RecommendationSlot slot;
    private final DramaRef scope;
    private final Set<DramaRef> dramas;

    private RecommendationPool(RecommendationSlot slot, DramaRef scope, Collection<DramaRef> dramas) {
        Violations v = Violations.start();
        v.require(slot, "entry_type", Rule.R32);
        v.require(dramas, "list", Rule.R33);
        this.dramas = PlayerChecks.distinct(v, "list", dramas, MAX_DRAMAS, d -> d);
        v.throwIfAny();
        this.slot = slot;
        this.scope = scope;
    }

    /** The mini-program-wide pool of {@code slot}: replaced by {@code dramas} (empty clears it). */
    public static RecommendationPool appWide(RecommendationSlot slot, Collection<DramaRef> dramas) {
        return new RecommendationPool(slot, null, dramas);
    }

    /** The pool of {@code slot} around {@code drama}: replaced by {@code dramas} (empty clears it). */
    public static RecommendationPool forDrama(RecommendationSlot slot, DramaRef drama, Collection<DramaRef> dramas) {
        Violations.present(drama, "drama_id", Rule.R30);
        return new RecommendationPool(slot, drama, dramas);
    }

    /** The slot. */
    public RecommendationSlot slot() {
        return slot;
    }

    /** The drama this pool is for; empty for the mini-program-wide pool. */
    public Optional<DramaRef> scope() {
        return Optional.ofNullable(scope);
    }

    /** The desired pool, in the order given (unmodifiable). */
    public Set<DramaRef> dramas() {
        return dramas;
    }

    /** Whether this clears the pool. */
    public boolean clears() {
        return dramas.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecommendationPool p && slot == p.slot && Objects.equals(scope, p.scope) && dramas.equals(p.dramas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slot, scope, dramas);
    }

    @Override
    public String toString() {
        return "RecommendationPool[" + slot + (scope == null ? ", app-wide" : ", for " + scope) + ", " + dramas + "]";
    }
}
