package io.minidrama.testkit;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.testkit.internal.FakeBackedPlayerControl;
import io.minidrama.testkit.internal.HttpPlayerControl;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * What the {@link DramaPlayerPortContractTest} needs from the platform beyond the
 * {@link io.minidrama.port.DramaPlayerPort}: decide promotion-plan reviews, mark dramas the plan
 * refuses, add Channels activities, and read back the settings the port can only write. Which
 * dramas are playable is set up through {@link PlatformControl} (grants) and the audit port (own
 * approved dramas).
 *
 * <p>Implementations MUST be thread-safe. Deciding a review of a drama not under review fails with
 * an unchecked exception.
 */
public interface DramaPlayerControl {

    /** Control of an in-memory fake's drama player ({@link io.minidrama.adapter.fake.PlayerControl}). */
    static DramaPlayerControl of(InMemoryMiniDramaPlatform platform) {
        return new FakeBackedPlayerControl(platform.playerControl());
    }

    /**
     * Control of a running emulator's drama player through its HTTP control routes
     * ({@code /__emulator/player/}); for the HTTP adapter's run of the contract suite.
     */
    static DramaPlayerControl overHttp(URI emulatorBaseUrl) {
        return new HttpPlayerControl(emulatorBaseUrl);
    }

    /** A join naming {@code drama} fails whole with 106017 from now on. */
    void lowBitrate(DramaRef drama);

    /** A join naming {@code drama} fails whole with 106018 from now on. */
    void duplicateContent(DramaRef drama);

    /** Approves a drama under promotion review. */
    void approvePromotion(DramaRef drama);

    /** Rejects a drama under promotion review. */
    void rejectPromotion(DramaRef drama);

    /** Takes an approved drama down from the promotion plan. */
    void takeDownPromotion(DramaRef drama);

    /** How long a drama stays leaving before it is out of the plan, on the platform's clock. */
    Duration leavingTakes();

    /** Adds a Channels promotion activity for {@code drama}; returns its {@code encrypted_event_id}. */
    String addFinderEvent(String name, String url, DramaRef drama);

    /** Whether a switch is on (as last set, else the platform's default). */
    boolean switchOn(PlayerSwitch entry);

    /** The swipe-through set the platform holds. */
    Set<FlushDrama> flushSet();

    /** The mini-program-wide pool of {@code slot}. */
    Set<DramaRef> recommendationPool(RecommendationSlot slot);

    /** The pool of {@code slot} around {@code drama}. */
    Set<DramaRef> recommendationPool(RecommendationSlot slot, DramaRef drama);
}
