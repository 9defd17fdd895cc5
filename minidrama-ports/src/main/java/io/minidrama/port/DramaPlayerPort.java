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
import io.minidrama.domain.player.SwitchSetting;
import io.minidrama.port.Operation.NoRequest;

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
 *
 * <p><b>One generic call.</b> Each operation is a typed {@link Operation} constant declared next
 * to its method, and each typed method is a {@code default} method that calls
 * {@link #execute(Operation, Object)} (declared by {@link OperationPort}, shared with the
 * {@code /wxa/sec/vod/*} ports): an adapter implements {@code execute} once and answers every
 * operation of this port, a decorator forwards it once (or overrides a typed method), and adding an
 * operation is its constant and its method here, nothing else in the ports.
 */
public interface DramaPlayerPort extends OperationPort {

    /** {@code setplayerdramarecmdswitch}: turns a player recommendation slot or the untranscoded original on or off. */
    Operation<SwitchSetting, Void> SET_PLAYER_DRAMA_RECMD_SWITCH = Operation.player("SET_PLAYER_DRAMA_RECMD_SWITCH",
            "setplayerdramarecmdswitch", true, (p, q) -> {
                p.setSwitch(q.entry(), q.on());
                return null;
            });

    /** {@code developersetflushdrama}: replaces the swipe-through set; the same set again has the same effect. */
    Operation<FlushSet, Void> DEVELOPER_SET_FLUSH_DRAMA = Operation.player("DEVELOPER_SET_FLUSH_DRAMA",
            "developersetflushdrama", true, (p, q) -> {
                p.setFlushSet(q);
                return null;
            });

    /** {@code developersetrecmddrama}: replaces a recommendation pool. */
    Operation<RecommendationPool, Void> DEVELOPER_SET_RECMD_DRAMA = Operation.player("DEVELOPER_SET_RECMD_DRAMA",
            "developersetrecmddrama", true, (p, q) -> {
                p.setRecommendationPool(q);
                return null;
            });

    /** {@code developerpublishdrama}: sets sale times; the latest call wins. */
    Operation<PublicationBatch, Void> DEVELOPER_PUBLISH_DRAMA = Operation.player("DEVELOPER_PUBLISH_DRAMA",
            "developerpublishdrama", true, (p, q) -> {
                p.publish(q);
                return null;
            });

    /** {@code developergetpublisheddrama}: lists the dramas given a sale time. */
    Operation<NoRequest, List<PublishedDrama>> DEVELOPER_GET_PUBLISHED_DRAMA = Operation.player("DEVELOPER_GET_PUBLISHED_DRAMA",
            "developergetpublisheddrama", true, (p, q) -> p.publishedDramas());

    /** {@code developersetiaadrama}: declares monetization models. */
    Operation<MonetizationDeclaration, Void> DEVELOPER_SET_IAA_DRAMA = Operation.player("DEVELOPER_SET_IAA_DRAMA",
            "developersetiaadrama", true, (p, q) -> {
                p.declareMonetization(q);
                return null;
            });

    /** {@code developergetiaadrama}: reads monetization models. */
    Operation<MonetizationQuery, List<DramaMonetization>> DEVELOPER_GET_IAA_DRAMA = Operation.player("DEVELOPER_GET_IAA_DRAMA",
            "developergetiaadrama", true, (p, q) -> p.monetization(q));

    /** {@code batchprocessdramapromotion}: joins, queries or leaves the promotion plan; a repeated join may start a second review. */
    Operation<PromotionBatch, List<DramaPromotion>> BATCH_PROCESS_DRAMA_PROMOTION = Operation.player("BATCH_PROCESS_DRAMA_PROMOTION",
            "batchprocessdramapromotion", false, (p, q) -> p.processPromotion(q));

    /** {@code getfinderevent}: lists Channels promotion activities. */
    Operation<FinderEventQuery, List<FinderEvent>> GET_FINDER_EVENT = Operation.player("GET_FINDER_EVENT",
            "getfinderevent", true, (p, q) -> p.finderEvents(q));

    /**
     * {@code setplayerdramarecmdswitch}: turns a recommendation slot, or playing the untranscoded
     * original upload, on or off. Setting a switch to its current value is harmless.
     */
    default void setSwitch(PlayerSwitch entry, boolean on) {
        execute(SET_PLAYER_DRAMA_RECMD_SWITCH, new SwitchSetting(entry, on));
    }

    /**
     * {@code developersetflushdrama}: <b>replaces</b> the swipe-through (刷剧) set with
     * {@code set}; an empty set clears it. Every drama must be authorized to this mini program
     * (else 21000 and the earlier set stays).
     */
    default void setFlushSet(FlushSet set) {
        execute(DEVELOPER_SET_FLUSH_DRAMA, set);
    }

    /**
     * {@code developersetrecmddrama}: <b>replaces</b> the pool a recommendation slot draws from,
     * mini-program-wide or for one drama; an empty pool clears it (the slot then draws from every
     * authorized drama). Every drama must be authorized (else 21000 and the earlier pool stays).
     */
    default void setRecommendationPool(RecommendationPool pool) {
        execute(DEVELOPER_SET_RECMD_DRAMA, pool);
    }

    /**
     * {@code developerpublishdrama}: sets when each named drama goes on sale here; for each drama
     * the latest call wins, dramas not named keep theirs.
     */
    default void publish(PublicationBatch batch) {
        execute(DEVELOPER_PUBLISH_DRAMA, batch);
    }

    /**
     * {@code developergetpublisheddrama}: the dramas given a sale time, with it. An empty list when
     * there are none. Dramas live without a sale time are not listed.
     */
    default List<PublishedDrama> publishedDramas() {
        return execute(DEVELOPER_GET_PUBLISHED_DRAMA, NoRequest.INSTANCE);
    }

    /** {@code developersetiaadrama}: declares the monetization model of the named dramas. */
    default void declareMonetization(MonetizationDeclaration declaration) {
        execute(DEVELOPER_SET_IAA_DRAMA, declaration);
    }

    /**
     * {@code developergetiaadrama}: the declared monetization model of the named dramas; a drama
     * never declared is left out.
     */
    default List<DramaMonetization> monetization(MonetizationQuery query) {
        return execute(DEVELOPER_GET_IAA_DRAMA, query);
    }

    /**
     * {@code batchprocessdramapromotion}: joins, queries or leaves the promotion plan. Returns the
     * status of each named drama for {@link io.minidrama.domain.player.PromotionAction#QUERY}, an
     * empty list for a join or a leave. A join fails as a whole (106017) when one drama is under
     * 0.5 Mbps or 720p, or (106018) when the official library already holds the same content; only
     * the mini program that submitted a drama may name it.
     */
    default List<DramaPromotion> processPromotion(PromotionBatch batch) {
        return execute(BATCH_PROCESS_DRAMA_PROMOTION, batch);
    }

    /**
     * {@code getfinderevent}: the Channels promotion activities of dramas this mini program
     * submitted or may play, all or those with the query's ids. An empty list when there are none.
     */
    default List<FinderEvent> finderEvents(FinderEventQuery query) {
        return execute(GET_FINDER_EVENT, query);
    }
}
