package io.minidrama.testkit;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.media.MediaName;
import io.minidrama.testkit.internal.FakeBackedControl;
import io.minidrama.testkit.internal.HttpPlatformControl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What a contract suite needs from the platform beyond its ports: decide audits, move time, seed
 * media, inject errcodes, inspect what was stored and simulate players. Implemented over the
 * in-memory fake ({@link #of}) and over the emulator's HTTP control prefix ({@link #overHttp}).
 *
 * <p>Implementations MUST be thread-safe. Misuse (approving a drama not under review) fails with
 * an unchecked exception; an unknown drama or media with the platform's
 * {@link io.minidrama.domain.error.PlatformException} (10093030) or, over HTTP, an
 * {@link IllegalStateException} naming it.
 */
public interface PlatformControl {

    /** Control of an in-memory fake, through its {@link io.minidrama.adapter.fake.FakeControl}. */
    static PlatformControl of(InMemoryMiniDramaPlatform platform) {
        return new FakeBackedControl(platform);
    }

    /** Control of a running emulator through its HTTP control prefix ({@code /__emulator/}). */
    static PlatformControl overHttp(URI emulatorBaseUrl) {
        return new HttpPlatformControl(emulatorBaseUrl);
    }

    /** The platform's current time. */
    Instant now();

    /** Moves the platform's clock forward; due work (pull tasks) finishes. */
    void advance(Duration by);

    /** A clock reading {@link #now()}, for building requests checked against the platform's time. */
    default Clock clock() {
        PlatformControl self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(self.now(), zone);
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    /** Creates a finished media with {@code video} as its bytes (under 10 MB), as a single-file upload would. */
    MediaId seedMedia(MediaName name, byte[] video);

    /** Approves a drama under review. */
    void approveDrama(DramaId id);

    /** Rejects a drama under review for good (status 2, final: it cannot be resubmitted) with a reason and evidence. */
    void rejectDrama(DramaId id, String reason, List<MaterialId> evidence);

    /** Sends a drama under review back for changes (status 4: it can be resubmitted) with a reason and evidence. */
    void rejectDramaForChanges(DramaId id, String reason, List<MaterialId> evidence);

    /** Approves one episode. */
    void approveEpisode(MediaId id);

    /** Rejects one episode with a reason and evidence. */
    void rejectEpisode(MediaId id, String reason, List<MaterialId> evidence);

    /** The next {@code times} calls of {@code operation} (wire name) fail with {@code errcode}. */
    void failNext(String operation, int times, int errcode);

    /**
     * The next {@code times} calls of {@code operation} (wire name) are carried out, then their
     * answer is lost: an ambiguous {@link io.minidrama.domain.error.TransportException}.
     */
    void failNextAfterProcessing(String operation, int times);

    /** How many calls of {@code operation} (wire name) the platform received, failed ones included. */
    int callsReceived(String operation);

    /** The next {@code times} pull tasks end failed with {@code errcode} and {@code errmsg}. */
    void failNextPullTasks(int times, int errcode, String errmsg);

    /** Sets a media's duration. */
    void setDuration(MediaId id, Duration duration);

    /** What the platform stores for a media; empty when unknown or deleted. */
    Optional<StoredMedia> storedMedia(MediaId id);

    /** Simulates a player fetching {@code bytes} of a play-link URL; see {@link io.minidrama.adapter.fake.FakeControl#play}. */
    Playback play(String url, String clientIp, String referer, long bytes);

    /** As {@link #play(String, String, String, long)}, as the drama player's directed traffic when {@code playerDirected}. */
    Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected);

    /** The platform's own mini program: grantor of its authorisations, grantee of those it receives. */
    AppId appId();

    /** Approves the drama's episode replacement under review (an audit event with audit type 2 follows). */
    void approveReplacement(DramaId id);

    /** Rejects the drama's episode replacement under review (audit type 2). */
    void rejectReplacement(DramaId id, String reason);

    /** Approves the drama's information change under review: it takes effect (audit type 3). */
    void approveInfoChange(DramaId id);

    /** Rejects the drama's information change under review (audit type 3). */
    void rejectInfoChange(DramaId id);

    /**
     * Adds a traffic package of {@code totalMb}, valid from {@code start} until {@code end}, general
     * or directed; returns its {@code package_id}. Its usage follows the CDN traffic served.
     */
    String addPackage(long totalMb, Instant start, Instant end, boolean directed);

    /** Sets a traffic package's usage in MB. */
    void setPackageUsed(String packageId, long usedMb);

    /** {@code appId} lacks the mini-drama category from now on: authorising it is answered 10090038. */
    void lacksCategory(AppId appId);

    /** {@code authorizer} authorises {@code drama} to this mini program (the grantee's view lists it). */
    void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry);

    /**
     * {@code authorizer} authorises its whole catalogue to this mini program ({@code authorizeapp}
     * on its side): the grantee's view ({@code getauthorizedapps}) lists it until {@code expiry}.
     */
    void receiveAppGrant(AppId authorizer, Expiry expiry);

    /** {@code authorizer} grants this mini program the copyright of {@code drama}. */
    void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry);
}
