package io.minidrama.testkit;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.DramaPublication;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.IaaType;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PromotionStatus;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.domain.player.VipFlag;
import io.minidrama.port.DramaAuditPort;
import io.minidrama.port.DramaPlayerPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link DramaPlayerPort} (API.md §8, R-30..R-33): switches start at the
 * platform's defaults; the swipe-through set and recommendation pools are replaced whole by each
 * call and cleared by an empty one; a call naming a drama this mini program may not play fails
 * whole with 21000 and changes nothing (playable: its own approved dramas and dramas or catalogues
 * granted to it, while the grant lasts); sale times and monetization are kept per drama, the
 * latest call winning; the promotion plan takes only this mini program's own dramas, a join fails
 * whole (106017) when one drama's bitrate is too low, reviews move a drama from 1 to 2 or 3, a
 * leave to 4 and, as the clock passes, to 0; Channels activities are listed for own and playable
 * dramas, filtered by id.
 *
 * <p>The subject also submits dramas (to have own approved dramas). Extend it, implement
 * {@link #createSubject()} and {@link #playerControl()}.
 *
 * @param <P> the port under test
 */
public abstract class DramaPlayerPortContractTest<P extends DramaPlayerPort & DramaAuditPort> extends PlatformContract<P> {
    private static final AppId OTHER = AppId.of("wx4f3ca6d4c2407ccc");
    private static final AppId STRANGER = AppId.of("wx5cefe18a7902141d");

    /** The player control of the platform behind the subject of the current test. */
    protected DramaPlayerControl player;

    /** The player control of the platform {@link #createSubject()} made for the current test. */
    protected abstract DramaPlayerControl playerControl();

    @BeforeEach
    final void openPlayerControl() {
        player = playerControl();
    }

    private static DramaRef other(long id) {
        return DramaRef.of(OTHER, DramaId.of(id));
    }

    private static DramaRef stranger(long id) {
        return DramaRef.of(STRANGER, DramaId.of(id));
    }

    private static FlushDrama flush(DramaRef d) {
        return new FlushDrama(d, "剧 " + d.dramaId());
    }

    private void grantWholeCatalogueOfOther() {
        control.receiveAppGrant(OTHER, Expiry.PERMANENT);
    }

    private DramaRef ownApprovedDrama(int firstEpisode) {
        MediaId ep = control.seedMedia(episode(firstEpisode), MiniDramaFixtures.tinyVideo());
        DramaId id = port.submit(aDrama(List.of(ep)).build());
        control.approveDrama(id);
        return DramaRef.of(control.appId(), id);
    }

    private static void assertErrcode(int errcode, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals(errcode, e.rawErrcode(), e.getMessage());
    }

    private PromotionStatus status(DramaRef d) {
        List<DramaPromotion> r = port.processPromotion(PromotionBatch.query(List.of(d)));
        assertEquals(1, r.size());
        assertEquals(d, r.get(0).drama());
        return r.get(0).status();
    }

    // ------------------------------------------------------------------ switches

    @Test
    void switches_neverSet_areOffExceptEndOfDramaAndProfile_andASetOneKeepsItsValue() {
        assertTrue(player.switchOn(PlayerSwitch.END_OF_DRAMA));
        assertTrue(player.switchOn(PlayerSwitch.DRAMA_PROFILE));
        assertFalse(player.switchOn(PlayerSwitch.EPISODE_PICKER));
        assertFalse(player.switchOn(PlayerSwitch.ORIGINAL_VIDEO));

        port.setSwitch(PlayerSwitch.ORIGINAL_VIDEO, true);
        port.setSwitch(PlayerSwitch.END_OF_DRAMA, false);

        assertTrue(player.switchOn(PlayerSwitch.ORIGINAL_VIDEO));
        assertFalse(player.switchOn(PlayerSwitch.END_OF_DRAMA));
        assertTrue(player.switchOn(PlayerSwitch.DRAMA_PROFILE));
    }

    // ------------------------------------------------------------------ swipe-through set

    @Test
    void setFlushSet_replacesTheWholeSet() {
        grantWholeCatalogueOfOther();
        port.setFlushSet(FlushSet.of(List.of(flush(other(1)), flush(other(2)))));

        port.setFlushSet(FlushSet.of(List.of(flush(other(2)), flush(other(3)))));

        assertEquals(Set.of(flush(other(2)), flush(other(3))), player.flushSet());
    }

    @Test
    void setFlushSet_empty_clearsTheSet() {
        grantWholeCatalogueOfOther();
        port.setFlushSet(FlushSet.of(List.of(flush(other(1)))));

        port.setFlushSet(FlushSet.clear());

        assertEquals(Set.of(), player.flushSet());
    }

    @Test
    void setFlushSet_withOneUnauthorizedDrama_failsWholeWith21000AndKeepsTheEarlierSet() {
        grantWholeCatalogueOfOther();
        port.setFlushSet(FlushSet.of(List.of(flush(other(1)))));

        PlatformException e = assertThrows(PlatformException.class,
                () -> port.setFlushSet(FlushSet.of(List.of(flush(other(2)), flush(stranger(3))))));

        assertEquals(ErrorCode.DRAMA_NOT_AUTHORIZED, e.errorCode());
        assertTrue(io.minidrama.port.RetryPolicy.defaults().delayBeforeRetry(io.minidrama.port.DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA,
                e, 1, java.time.Duration.ZERO, 0.5).isEmpty(), "21000 is not retried");
        assertEquals(Set.of(flush(other(1))), player.flushSet());
    }

    @Test
    void setFlushSet_withOwnApprovedAndSingleGrantedDramas_isAccepted_untilTheGrantExpires() {
        DramaRef own = ownApprovedDrama(1);
        DramaRef granted = stranger(42);
        control.receiveDramaGrant(STRANGER, granted.toDramaId(), Expiry.at(control.now().plus(Duration.ofDays(8)), control.clock(), "expiry"));

        port.setFlushSet(FlushSet.of(List.of(flush(own), flush(granted))));
        assertEquals(2, player.flushSet().size());
        assertErrcode(21000, () -> port.setFlushSet(FlushSet.of(List.of(flush(stranger(43))))));

        control.advance(Duration.ofDays(9));

        assertErrcode(21000, () -> port.setFlushSet(FlushSet.of(List.of(flush(granted)))));
        port.setFlushSet(FlushSet.of(List.of(flush(own))));
        assertEquals(Set.of(flush(own)), player.flushSet());
    }

    // ------------------------------------------------------------------ recommendation pools

    @Test
    void setRecommendationPool_replacesPerSlotAndScope_andEmptyClears() {
        grantWholeCatalogueOfOther();
        DramaRef around = other(100);
        port.setRecommendationPool(RecommendationPool.appWide(RecommendationSlot.END_OF_DRAMA, List.of(other(1), other(2))));
        port.setRecommendationPool(RecommendationPool.forDrama(RecommendationSlot.END_OF_DRAMA, around, List.of(other(3))));

        port.setRecommendationPool(RecommendationPool.appWide(RecommendationSlot.END_OF_DRAMA, List.of(other(2), other(4))));

        assertEquals(Set.of(other(2), other(4)), player.recommendationPool(RecommendationSlot.END_OF_DRAMA));
        assertEquals(Set.of(other(3)), player.recommendationPool(RecommendationSlot.END_OF_DRAMA, around));
        assertEquals(Set.of(), player.recommendationPool(RecommendationSlot.DRAMA_PROFILE));

        port.setRecommendationPool(RecommendationPool.forDrama(RecommendationSlot.END_OF_DRAMA, around, List.of()));

        assertEquals(Set.of(), player.recommendationPool(RecommendationSlot.END_OF_DRAMA, around));
        assertEquals(Set.of(other(2), other(4)), player.recommendationPool(RecommendationSlot.END_OF_DRAMA));
    }

    @Test
    void setRecommendationPool_withAnUnauthorizedDrama_failsWith21000AndKeepsTheEarlierPool() {
        grantWholeCatalogueOfOther();
        port.setRecommendationPool(RecommendationPool.appWide(RecommendationSlot.EPISODE_PICKER, List.of(other(1))));

        assertErrcode(21000, () -> port.setRecommendationPool(
                RecommendationPool.appWide(RecommendationSlot.EPISODE_PICKER, List.of(other(2), stranger(3)))));
        assertErrcode(21000, () -> port.setRecommendationPool(
                RecommendationPool.forDrama(RecommendationSlot.EPISODE_PICKER, stranger(3), List.of(other(2)))));

        assertEquals(Set.of(other(1)), player.recommendationPool(RecommendationSlot.EPISODE_PICKER));
    }

    // ------------------------------------------------------------------ sale times

    @Test
    void publish_listsTheDramasWithTheirSaleTime_andTheLatestCallWins() {
        grantWholeCatalogueOfOther();
        Instant t1 = control.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant t2 = t1.plus(Duration.ofHours(5));
        assertEquals(List.of(), port.publishedDramas());

        port.publish(PublicationBatch.of(List.of(new DramaPublication(other(1), "一", t1), new DramaPublication(other(2), "二", t1))));
        port.publish(PublicationBatch.of(List.of(new DramaPublication(other(1), "一", t2))));

        List<PublishedDrama> published = port.publishedDramas();
        assertEquals(Set.of(new PublishedDrama(other(1), t2), new PublishedDrama(other(2), t1)), Set.copyOf(published));
        assertEquals(2, published.size());
    }

    @Test
    void publish_withAnUnauthorizedDrama_failsWholeWith21000() {
        grantWholeCatalogueOfOther();
        Instant t = control.now().plus(Duration.ofDays(1));

        assertErrcode(21000, () -> port.publish(PublicationBatch.of(List.of(new DramaPublication(other(1), "一", t),
                new DramaPublication(stranger(2), "二", t)))));

        assertEquals(List.of(), port.publishedDramas());
    }

    // ------------------------------------------------------------------ monetization

    @Test
    void monetization_readsWhatWasDeclared_latestWins_undeclaredLeftOut() {
        grantWholeCatalogueOfOther();
        port.declareMonetization(MonetizationDeclaration.of(List.of(
                new DramaMonetization(other(1), IaaType.ADS_ONLY, VipFlag.MEMBERSHIP),
                new DramaMonetization(other(2), IaaType.PURCHASES_ONLY, VipFlag.NO_MEMBERSHIP))));
        port.declareMonetization(MonetizationDeclaration.of(List.of(
                new DramaMonetization(other(2), IaaType.ADS_AND_PURCHASES, VipFlag.MEMBERSHIP))));

        List<DramaMonetization> read = port.monetization(MonetizationQuery.of(List.of(other(1), other(2), other(3))));

        assertEquals(List.of(new DramaMonetization(other(1), IaaType.ADS_ONLY, VipFlag.MEMBERSHIP),
                new DramaMonetization(other(2), IaaType.ADS_AND_PURCHASES, VipFlag.MEMBERSHIP)), read);
    }

    // ------------------------------------------------------------------ promotion plan

    @Test
    void promotion_joinReviewLeave_movesTheStatusWithTheControlAndTheClock() {
        DramaRef d = ownApprovedDrama(1);
        assertEquals(PromotionStatus.NOT_IN_PLAN, status(d));

        assertEquals(List.of(), port.processPromotion(PromotionBatch.join(List.of(d))));
        assertEquals(PromotionStatus.IN_REVIEW, status(d));

        player.approvePromotion(d);
        assertEquals(PromotionStatus.APPROVED, status(d));

        assertEquals(List.of(), port.processPromotion(PromotionBatch.leave(List.of(d))));
        assertEquals(PromotionStatus.LEAVING, status(d));

        control.advance(player.leavingTakes().minusSeconds(1));
        assertEquals(PromotionStatus.LEAVING, status(d));
        control.advance(Duration.ofSeconds(1));
        assertEquals(PromotionStatus.NOT_IN_PLAN, status(d));
    }

    @Test
    void promotion_rejectedThenJoinedAgain_isUnderReviewAgain_andATakeDownShows() {
        DramaRef a = ownApprovedDrama(1);
        DramaRef b = ownApprovedDrama(2);
        port.processPromotion(PromotionBatch.join(List.of(a, b)));

        player.rejectPromotion(a);
        player.approvePromotion(b);
        player.takeDownPromotion(b);

        List<DramaPromotion> both = port.processPromotion(PromotionBatch.query(List.of(a, b)));
        assertEquals(List.of(new DramaPromotion(a, PromotionStatus.REJECTED), new DramaPromotion(b, PromotionStatus.TAKEN_DOWN)), both);
        port.processPromotion(PromotionBatch.join(List.of(a)));
        assertEquals(PromotionStatus.IN_REVIEW, status(a));
    }

    @Test
    void promotionJoin_withOneLowBitrateDrama_failsTheWholeBatchWith106017() {
        DramaRef good = ownApprovedDrama(1);
        DramaRef poor = ownApprovedDrama(2);
        player.lowBitrate(poor);

        PlatformException e = assertThrows(PlatformException.class, () -> port.processPromotion(PromotionBatch.join(List.of(good, poor))));

        assertEquals(ErrorCode.PROMOTION_QUALITY_TOO_LOW, e.errorCode());
        assertEquals(PromotionStatus.NOT_IN_PLAN, status(good));
        assertEquals(PromotionStatus.NOT_IN_PLAN, status(poor));
        port.processPromotion(PromotionBatch.join(List.of(good)));
        assertEquals(PromotionStatus.IN_REVIEW, status(good));
    }

    @Test
    void promotionJoin_withContentAlreadyInTheOfficialLibrary_failsWith106018() {
        DramaRef d = ownApprovedDrama(1);
        player.duplicateContent(d);

        PlatformException e = assertThrows(PlatformException.class, () -> port.processPromotion(PromotionBatch.join(List.of(d))));

        assertEquals(ErrorCode.PROMOTION_DUPLICATE_CONTENT, e.errorCode());
        assertEquals(PromotionStatus.NOT_IN_PLAN, status(d));
    }

    @Test
    void promotion_ofAnotherMiniProgramsDrama_isRefusedEvenWhenPlayable() {
        grantWholeCatalogueOfOther();

        PlatformException e = assertThrows(PlatformException.class, () -> port.processPromotion(PromotionBatch.join(List.of(other(1)))));

        assertTrue(io.minidrama.port.RetryPolicy.defaults().delayBeforeRetry(io.minidrama.port.DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION,
                e, 1, java.time.Duration.ZERO, 0.5).isEmpty(), "a refused join is not retried");
    }

    // ------------------------------------------------------------------ Channels activities

    @Test
    void finderEvents_listsOwnAndPlayableDramasActivities_filteredById() {
        grantWholeCatalogueOfOther();
        DramaRef own = ownApprovedDrama(1);
        String a = player.addFinderEvent("《示例短剧》", "https://channels.weixin.qq.com/mobile/toNativeActivity.html?a=1", own);
        String b = player.addFinderEvent("《另一部》", "https://channels.weixin.qq.com/mobile/toNativeActivity.html?a=2", other(7));
        player.addFinderEvent("《看不到》", "https://channels.weixin.qq.com/mobile/toNativeActivity.html?a=3", stranger(8));

        List<FinderEvent> all = port.finderEvents(FinderEventQuery.all());

        assertEquals(List.of(a, b), all.stream().map(FinderEvent::encryptedEventId).toList());
        assertEquals(own, all.get(0).drama());
        assertEquals("《示例短剧》", all.get(0).name());
        List<FinderEvent> one = port.finderEvents(FinderEventQuery.of(new LinkedHashSet<>(List.of(b))));
        assertEquals(List.of(b), one.stream().map(FinderEvent::encryptedEventId).toList());
    }
}
