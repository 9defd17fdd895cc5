package io.minidrama.testkit.internal;

import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.testkit.PlatformControl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PlatformControl} over an in-memory fake. */
public final class FakeBackedControl implements PlatformControl {
    private final InMemoryMiniDramaPlatform platform;
    private final FakeControl control;

    public FakeBackedControl(InMemoryMiniDramaPlatform platform) {
        this.platform = platform;
        this.control = platform.control();
    }

    @Override
    public Instant now() {
        return control.now();
    }

    @Override
    public Clock clock() {
        return platform.clock();
    }

    @Override
    public void advance(Duration by) {
        control.advance(by);
    }

    @Override
    public MediaId seedMedia(MediaName name, byte[] video) {
        return platform.uploadSingle(SingleFileUpload.builder().name(name).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(video, "seed.mp4")).build());
    }

    @Override
    public void approveDrama(DramaId id) {
        control.approveDrama(id);
    }

    @Override
    public void rejectDrama(DramaId id, String reason, List<MaterialId> evidence) {
        control.rejectDrama(id, reason, evidence);
    }

    @Override
    public void rejectDramaForChanges(DramaId id, String reason, List<MaterialId> evidence) {
        control.rejectDramaForChanges(id, reason, evidence);
    }

    @Override
    public void approveEpisode(MediaId id) {
        control.approveEpisode(id);
    }

    @Override
    public void rejectEpisode(MediaId id, String reason, List<MaterialId> evidence) {
        control.rejectEpisode(id, reason, evidence);
    }

    @Override
    public void failNext(String operation, int times, int errcode) {
        control.failNext(operation, times, errcode);
    }

    @Override
    public void failNextAfterProcessing(String operation, int times) {
        control.failNextAfterProcessing(operation, times);
    }

    @Override
    public int callsReceived(String operation) {
        return control.recordedCalls(operation).size();
    }

    @Override
    public void failNextPullTasks(int times, int errcode, String errmsg) {
        control.failNextPullTasks(times, errcode, errmsg);
    }

    @Override
    public void setDuration(MediaId id, Duration duration) {
        control.setDuration(id, duration);
    }

    @Override
    public Optional<StoredMedia> storedMedia(MediaId id) {
        return control.storedMedia(id);
    }

    @Override
    public Playback play(String url, String clientIp, String referer, long bytes) {
        return control.play(url, clientIp, referer, bytes);
    }

    @Override
    public Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        return control.play(url, clientIp, referer, bytes, playerDirected);
    }

    @Override
    public AppId appId() {
        return platform.appId();
    }

    @Override
    public void approveReplacement(DramaId id) {
        control.approveReplacement(id);
    }

    @Override
    public void rejectReplacement(DramaId id, String reason) {
        control.rejectReplacement(id, reason);
    }

    @Override
    public void approveInfoChange(DramaId id) {
        control.approveInfoChange(id);
    }

    @Override
    public void rejectInfoChange(DramaId id) {
        control.rejectInfoChange(id);
    }

    @Override
    public String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        return control.addPackage(totalMb, start, end, directed);
    }

    @Override
    public void setPackageUsed(String packageId, long usedMb) {
        control.setPackageUsed(packageId, usedMb);
    }

    @Override
    public void lacksCategory(AppId appId) {
        control.lacksCategory(appId);
    }

    @Override
    public void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        control.receiveDramaGrant(authorizer, drama, expiry);
    }

    @Override
    public void receiveAppGrant(AppId authorizer, Expiry expiry) {
        control.receiveAppGrant(authorizer, expiry);
    }

    @Override
    public void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        control.receiveCopyrightGrant(authorizer, drama, expiry);
    }
}
