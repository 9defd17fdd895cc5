package io.minidrama.adapter.fake;

import io.minidrama.adapter.fake.internal.PlayerCapability;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a test does to the fake's drama player ({@code /wxadrama/*}) that the platform's API does
 * not offer: decide promotion-plan reviews, mark dramas the plan refuses, add Channels activities,
 * and read the settings the API can only write.
 *
 * <p>The promotion plan: a join puts a drama under review ({@code 1}); {@link #approvePromotion} or
 * {@link #rejectPromotion} decide it ({@code 2} or {@code 3}); {@link #takeDownPromotion} takes an
 * approved drama down ({@code 5}); a leave moves a drama under review or approved to leaving
 * ({@code 4}), and {@link #LEAVING_TAKES} of the fake clock later it is out of the plan
 * ({@code 0}). Which dramas are playable is the fake's own state: this mini program's approved
 * dramas and the grants fed through {@link FakeControl#receiveDramaGrant} and
 * {@link FakeControl#receiveAppGrant}.
 *
 * <p>Thread-safe. Deciding a review of a drama not under review, or taking down a drama not
 * approved, fails with {@link IllegalStateException}.
 */
public final class PlayerControl {
    /** How long leaving the promotion plan takes on the fake clock (the platform documents no figure). */
    public static final Duration LEAVING_TAKES = PlayerCapability.LEAVING_TAKES;

    private final PlayerCapability player;

    PlayerControl(PlayerCapability player) {
        this.player = player;
    }

    /**
     * Makes {@code drama} playable by this mini program without a grant of the fake's: for a
     * drama of the official library or a placeholder {@code src_appid} such as the official
     * examples' {@code example_src_appid}, which no {@link io.minidrama.domain.AppId} can name.
     */
    public void playable(DramaRef drama) {
        player.seed(Objects.requireNonNull(drama, "drama"), false);
    }

    /**
     * Treats {@code drama} as submitted by this mini program (playable, and accepted by the
     * promotion plan) whatever its {@code src_appid}: for the official examples' placeholders.
     */
    public void ownDrama(DramaRef drama) {
        player.seed(Objects.requireNonNull(drama, "drama"), true);
    }

    /** From now on a join naming {@code drama} fails whole with 106017 (bitrate under 0.5 Mbps or under 720p). */
    public void lowBitrate(DramaRef drama) {
        player.markLowBitrate(Objects.requireNonNull(drama, "drama"));
    }

    /** From now on a join naming {@code drama} fails whole with 106018 (the official library holds the same content). */
    public void duplicateContent(DramaRef drama) {
        player.markDuplicateContent(Objects.requireNonNull(drama, "drama"));
    }

    /** Approves a drama under promotion review. */
    public void approvePromotion(DramaRef drama) {
        player.reviewPromotion(Objects.requireNonNull(drama, "drama"), true);
    }

    /** Rejects a drama under promotion review. */
    public void rejectPromotion(DramaRef drama) {
        player.reviewPromotion(Objects.requireNonNull(drama, "drama"), false);
    }

    /** Takes an approved drama down from the promotion plan. */
    public void takeDownPromotion(DramaRef drama) {
        player.takeDownPromotion(Objects.requireNonNull(drama, "drama"));
    }

    /**
     * Adds a Channels (视频号) promotion activity for {@code drama}; {@code getfinderevent} lists it
     * while the drama is this mini program's or playable by it. Returns its {@code encrypted_event_id}.
     */
    public String addFinderEvent(String name, String url, DramaRef drama) {
        return player.addFinderEvent(Objects.requireNonNull(name, "name"), Objects.requireNonNull(url, "url"),
                Objects.requireNonNull(drama, "drama"));
    }

    /** Whether a switch is on: as last set, else the platform's default (slots 1 and 3 on). */
    public boolean switchOn(PlayerSwitch entry) {
        return player.switchOn(Objects.requireNonNull(entry, "entry"));
    }

    /** The swipe-through set the fake holds (empty when cleared or never set). */
    public Set<FlushDrama> flushSet() {
        return player.flushSet();
    }

    /** The mini-program-wide recommendation pool of {@code slot} (empty when cleared or never set). */
    public Set<DramaRef> recommendationPool(RecommendationSlot slot) {
        return player.pool(Objects.requireNonNull(slot, "slot"), null);
    }

    /** The recommendation pool of {@code slot} around {@code drama} (empty when cleared or never set). */
    public Set<DramaRef> recommendationPool(RecommendationSlot slot, DramaRef drama) {
        return player.pool(Objects.requireNonNull(slot, "slot"), Objects.requireNonNull(drama, "drama"));
    }

    /** Forgets the player's state; {@link FakeControl#reset} leaves it alone. */
    public void reset() {
        player.reset();
    }
}
