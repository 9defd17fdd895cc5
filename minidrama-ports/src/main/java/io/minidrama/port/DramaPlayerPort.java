package io.minidrama.port;

import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;

import java.util.List;

/**
 * Configures the WeChat drama player for this mini program: the nine {@code /wxadrama/*}
 * operations (API.md §8). Dramas are named by {@link io.minidrama.domain.player.DramaRef}
 * ({@code src_appid} and a decimal-text {@code drama_id}); a third-party platform calls these with
 * an authorizer token of permission set 157.
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Requests are validated
 * by their own types (R-30..R-33) before they reach a port. A call the platform refuses surfaces
 * as {@link io.minidrama.domain.error.PlatformException}: a drama not authorized to this mini
 * program for playback is 21000 and fails the whole call; nothing is applied partly.
 */
public interface DramaPlayerPort {

    /**
     * {@code setplayerdramarecmdswitch}: turns a recommendation slot, or playing the untranscoded
     * original upload, on or off. Setting a switch to its current value is harmless.
     */
    void setSwitch(PlayerSwitch entry, boolean on);

    /**
     * {@code developersetflushdrama}: <b>replaces</b> the swipe-through (刷剧) set with
     * {@code set}; an empty set clears it. Every drama must be authorized to this mini program
     * (else 21000 and the earlier set stays).
     */
    void setFlushSet(FlushSet set);

    /**
     * {@code developersetrecmddrama}: <b>replaces</b> the pool a recommendation slot draws from,
     * mini-program-wide or for one drama; an empty pool clears it (the slot then draws from every
     * authorized drama). Every drama must be authorized (else 21000 and the earlier pool stays).
     */
    void setRecommendationPool(RecommendationPool pool);

    /**
     * {@code developerpublishdrama}: sets when each named drama goes on sale here; for each drama
     * the latest call wins, dramas not named keep theirs.
     */
    void publish(PublicationBatch batch);

    /**
     * {@code developergetpublisheddrama}: the dramas given a sale time, with it. An empty list when
     * there are none. Dramas live without a sale time are not listed.
     */
    List<PublishedDrama> publishedDramas();

    /** {@code developersetiaadrama}: declares the monetization model of the named dramas. */
    void declareMonetization(MonetizationDeclaration declaration);

    /**
     * {@code developergetiaadrama}: the declared monetization model of the named dramas; a drama
     * never declared is left out.
     */
    List<DramaMonetization> monetization(MonetizationQuery query);

    /**
     * {@code batchprocessdramapromotion}: joins, queries or leaves the promotion plan. Returns the
     * status of each named drama for {@link io.minidrama.domain.player.PromotionAction#QUERY}, an
     * empty list for a join or a leave. A join fails as a whole (106017) when one drama is under
     * 0.5 Mbps or 720p, or (106018) when the official library already holds the same content; only
     * the mini program that submitted a drama may name it.
     */
    List<DramaPromotion> processPromotion(PromotionBatch batch);

    /**
     * {@code getfinderevent}: the Channels promotion activities of dramas this mini program
     * submitted or may play, all or those with the query's ids. An empty list when there are none.
     */
    List<FinderEvent> finderEvents(FinderEventQuery query);
}
