package io.minidrama.testkit.internal;

import io.minidrama.adapter.fake.PlayerControl;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.FlushDrama;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.RecommendationSlot;
import io.minidrama.testkit.DramaPlayerControl;

import java.time.Duration;
import java.util.Set;

/** {@link DramaPlayerControl} over an in-memory fake's {@link PlayerControl}. */
public final class FakeBackedPlayerControl implements DramaPlayerControl {
    private final PlayerControl control;

    public FakeBackedPlayerControl(PlayerControl control) {
        this.control = control;
    }

    @Override
    public void lowBitrate(DramaRef drama) {
        control.lowBitrate(drama);
    }

    @Override
    public void duplicateContent(DramaRef drama) {
        control.duplicateContent(drama);
    }

    @Override
    public void approvePromotion(DramaRef drama) {
        control.approvePromotion(drama);
    }

    @Override
    public void rejectPromotion(DramaRef drama) {
        control.rejectPromotion(drama);
    }

    @Override
    public void takeDownPromotion(DramaRef drama) {
        control.takeDownPromotion(drama);
    }

    @Override
    public Duration leavingTakes() {
        return PlayerControl.LEAVING_TAKES;
    }

    @Override
    public String addFinderEvent(String name, String url, DramaRef drama) {
        return control.addFinderEvent(name, url, drama);
    }

    @Override
    public boolean switchOn(PlayerSwitch entry) {
        return control.switchOn(entry);
    }

    @Override
    public Set<FlushDrama> flushSet() {
        return control.flushSet();
    }

    @Override
    public Set<DramaRef> recommendationPool(RecommendationSlot slot) {
        return control.recommendationPool(slot);
    }

    @Override
    public Set<DramaRef> recommendationPool(RecommendationSlot slot, DramaRef drama) {
        return control.recommendationPool(slot, drama);
    }
}
