package io.minidrama.adapter.fake;

import io.minidrama.adapter.fake.internal.Engine;
import io.minidrama.adapter.fake.internal.Faults;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.port.PlatformOperation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a test does to the fake platform that the platform's API does not offer: decide audits,
 * inject faults and latency, move the clock, listen for push events, inspect calls and stored media.
 *
 * <p>Thread-safe. Operation names are the wire names ({@link #OPERATIONS}); an unknown name fails
 * with {@link IllegalArgumentException}. Deciding the audit of a drama (or of its replacement or
 * information change) that is not under review, or of a media that is not an episode, fails with
 * {@link IllegalStateException}; an unknown drama
 * or media with the platform's {@link io.minidrama.domain.error.PlatformException} (10093030).
 */
public final class FakeControl {
    /**
     * Every operation the fake answers, by wire name ({@code singlefileupload}, {@code commitupload}, ...):
     * the wire names of {@link PlatformOperation}.
     */
    public static final Set<String> OPERATIONS = Faults.OPERATIONS;

    private final Engine engine;
    private final Faults faults;
    private final Clock clock;

    FakeControl(Engine engine, Faults faults, Clock clock) {
        this.engine = engine;
        this.faults = faults;
        this.clock = clock;
    }

    // ------------------------------------------------------------ audits

    /** Approves a drama under review; its undecided episodes are approved too. Fires an audit event. */
    public void approveDrama(DramaId id) {
        engine.approveDrama(Objects.requireNonNull(id, "id"));
    }

    /**
     * Rejects a drama under review for good (status 2, final: a resubmission is refused with
     * 10093011, the drama needs a new first submission) with a reason and evidence screenshots; its undecided
     * episodes are rejected with the same reason. Fires an audit event.
     */
    public void rejectDrama(DramaId id, String reason, List<MaterialId> evidence) {
        engine.rejectDrama(Objects.requireNonNull(id, "id"), AuditStatus.REJECTED, Objects.requireNonNull(reason, "reason"),
                List.copyOf(evidence));
    }

    /** As {@link #rejectDrama}, with status 4: sent back for changes, the one status that can be resubmitted. */
    public void rejectDramaForChanges(DramaId id, String reason, List<MaterialId> evidence) {
        engine.rejectDrama(Objects.requireNonNull(id, "id"), AuditStatus.REJECTED_RESUBMIT, Objects.requireNonNull(reason, "reason"),
                List.copyOf(evidence));
    }

    /** Approves one episode; the drama's later decision leaves it as it is. No event (events are per drama). */
    public void approveEpisode(MediaId id) {
        engine.reviewEpisode(Objects.requireNonNull(id, "id"), AuditStatus.APPROVED, "", List.of());
    }

    /** Rejects one episode with a reason and evidence; the drama's later decision leaves it as it is. */
    public void rejectEpisode(MediaId id, String reason, List<MaterialId> evidence) {
        engine.reviewEpisode(Objects.requireNonNull(id, "id"), AuditStatus.REJECTED, Objects.requireNonNull(reason, "reason"),
                List.copyOf(evidence));
    }

    // ------------------------------------------------------------ replacements and info changes

    /**
     * Approves the drama's replacement under review: it can then be applied, within 7 days. Fires
     * an audit event with audit type 2.
     */
    public void approveReplacement(DramaId id) {
        engine.reviewReplacement(Objects.requireNonNull(id, "id"), AuditStatus.APPROVED, "");
    }

    /**
     * Rejects the drama's replacement under review (status 2); the new media are released, their
     * audit carrying {@code reason}. Fires an audit event with audit type 2.
     */
    public void rejectReplacement(DramaId id, String reason) {
        engine.reviewReplacement(Objects.requireNonNull(id, "id"), AuditStatus.REJECTED, Objects.requireNonNull(reason, "reason"));
    }

    /** Approves the drama's information change under review: it takes effect. Fires an audit event with audit type 3. */
    public void approveInfoChange(DramaId id) {
        engine.reviewInfoChange(Objects.requireNonNull(id, "id"), AuditStatus.APPROVED);
    }

    /** Rejects the drama's information change under review (status 2): nothing changes. Fires an audit event with audit type 3. */
    public void rejectInfoChange(DramaId id) {
        engine.reviewInfoChange(Objects.requireNonNull(id, "id"), AuditStatus.REJECTED);
    }

    /** Whether the drama applied for copyright protection (first submission or approved info change). */
    public boolean appliedForCopyrightProtection(DramaId id) {
        return engine.appliedForCopyrightProtection(Objects.requireNonNull(id, "id"));
    }

    // ------------------------------------------------------------ traffic packages

    /**
     * Adds a general traffic package of {@code totalMb} valid from {@code start} until {@code end};
     * returns its {@code package_id}. Its usage follows the CDN traffic served while it is valid.
     */
    public String addPackage(long totalMb, Instant start, Instant end) {
        return addPackage(totalMb, start, end, false);
    }

    /** As {@link #addPackage(long, Instant, Instant)}; a directed package ({@code query_type} 1) when {@code directed}. */
    public String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (totalMb < 1 || !start.isBefore(end)) {
            throw new IllegalArgumentException("a package has totalMb >= 1 and start before end; got " + totalMb + " MB, " + start + ".." + end);
        }
        return engine.addPackage(totalMb, start, end, directed);
    }

    /** Sets a package's usage in MB, instead of deriving it from CDN traffic. */
    public void setPackageUsed(String packageId, long usedMb) {
        if (usedMb < 0) {
            throw new IllegalArgumentException("usedMb must be >= 0");
        }
        engine.setPackageUsed(Objects.requireNonNull(packageId, "packageId"), usedMb);
    }

    // ------------------------------------------------------------ authorisations

    /** From now on {@code appId} lacks the mini-drama category: authorising it is answered 10090038. */
    public void lacksCategory(AppId appId) {
        engine.lacksCategory(Objects.requireNonNull(appId, "appId"));
    }

    /** Another mini program authorises {@code drama} to this one: the grantee's view lists it until {@code expiry}. */
    public void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        engine.receiveDramaGrant(Objects.requireNonNull(authorizer, "authorizer"), Objects.requireNonNull(drama, "drama"),
                Objects.requireNonNull(expiry, "expiry"));
    }

    /**
     * Another mini program authorises its whole catalogue to this one ({@code authorizeapp} called
     * by {@code authorizer} naming this mini program): the grantee's view ({@code getauthorizedapps})
     * lists it until {@code expiry}. A later grant from the same authorizer replaces the earlier one.
     */
    public void receiveAppGrant(AppId authorizer, Expiry expiry) {
        engine.receiveAppGrant(Objects.requireNonNull(authorizer, "authorizer"), Objects.requireNonNull(expiry, "expiry"));
    }

    /** Another mini program grants this one the copyright of {@code drama}, listed in the grantee's view until {@code expiry}. */
    public void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        engine.receiveCopyrightGrant(Objects.requireNonNull(authorizer, "authorizer"), Objects.requireNonNull(drama, "drama"),
                Objects.requireNonNull(expiry, "expiry"));
    }

    // ------------------------------------------------------------ faults

    /** The next {@code times} calls of {@code operation} fail with {@code errcode}, without acting. */
    public void failNext(String operation, int times, int errcode) {
        faults.failNext(operation, times, errcode, "injected by the test");
    }

    /** As {@link #failNext(String, int, int)}, with a chosen errmsg. */
    public void failNext(String operation, int times, int errcode, String errmsg) {
        faults.failNext(operation, times, errcode, Objects.requireNonNull(errmsg, "errmsg"));
    }

    /** As {@link #failNext(String, int, int)}, naming the operation from the catalogue. */
    public void failNext(PlatformOperation operation, int times, int errcode) {
        failNext(Objects.requireNonNull(operation, "operation").wireName(), times, errcode);
    }

    /** As {@link #failNext(String, int, int, String)}, naming the operation from the catalogue. */
    public void failNext(PlatformOperation operation, int times, int errcode, String errmsg) {
        failNext(Objects.requireNonNull(operation, "operation").wireName(), times, errcode, errmsg);
    }

    /**
     * The next {@code times} calls of {@code operation} fail with a
     * {@link io.minidrama.domain.error.TransportException} before reaching the platform (not ambiguous).
     */
    public void failNextWithTransportFault(String operation, int times) {
        faults.failNextWithTransportFault(operation, times, false);
    }

    /**
     * The next {@code times} calls of {@code operation} are carried out, then fail with an
     * ambiguous {@link io.minidrama.domain.error.TransportException}: the answer was lost.
     */
    public void failNextAfterProcessing(String operation, int times) {
        faults.failNextWithTransportFault(operation, times, true);
    }

    /** The next {@code times} pull-upload tasks created end failed with {@code errcode} and {@code errmsg}. */
    public void failNextPullTasks(int times, int errcode, String errmsg) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        engine.failNextPullTasks(times, errcode, Objects.requireNonNull(errmsg, "errmsg"));
    }

    /** Every call waits {@code latency} (real time) before it is answered. */
    public void latency(Duration latency) {
        faults.latency(Objects.requireNonNull(latency, "latency"));
    }

    /** Calls of {@code operation} wait {@code latency} (real time); overrides {@link #latency(Duration)}. */
    public void latency(String operation, Duration latency) {
        faults.latency(operation, Objects.requireNonNull(latency, "latency"));
    }

    /** Removes every pending injected fault and all latency. */
    public void clearFaults() {
        faults.clear();
    }

    // ------------------------------------------------------------ time

    /**
     * The fake's clock as a {@link MutableClock}.
     *
     * @throws IllegalStateException when the fake was built with another kind of clock
     */
    public MutableClock clock() {
        if (clock instanceof MutableClock m) {
            return m;
        }
        throw new IllegalStateException("this fake was built with " + clock + "; build it with a MutableClock to move time");
    }

    /** Moves the fake's clock forward; due work (pull tasks) finishes and its events fire. */
    public Instant advance(Duration by) {
        return clock().advance(by);
    }

    /** The fake's current time. */
    public Instant now() {
        return clock.instant();
    }

    /** Finishes work that has come due on a clock the fake does not control. */
    public void tick() {
        engine.tick();
    }

    // ------------------------------------------------------------ media

    /** Sets a media's duration (before or after it exists: an id not yet used is remembered). */
    public void setDuration(MediaId id, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative");
        }
        engine.setDuration(Objects.requireNonNull(id, "id"), duration);
    }

    /** What the fake stores for a media; empty for an unknown or deleted one. */
    public Optional<StoredMedia> storedMedia(MediaId id) {
        return engine.storedMedia(Objects.requireNonNull(id, "id"));
    }

    /**
     * Bytes of uploaded parts the fake holds in memory now: parts of uploads not committed yet that
     * are still needed (not digested yet, or within the content cap). Committed media are not counted.
     */
    public long partBytesInMemory() {
        return engine.partBytesInMemory();
    }

    /** A copy of a media's bytes, when the fake kept them. */
    public Optional<byte[]> content(MediaId id) {
        return engine.content(Objects.requireNonNull(id, "id"));
    }

    /**
     * Simulates a player fetching {@code bytes} of a play link's URL ({@code mp4Url} or
     * {@code hlsUrl}) from {@code clientIp} with {@code referer} (empty for none). The link's
     * expiry, {@code rlimit}, {@code whref}/{@code bkref} and preview length are honoured; bytes
     * served count as general CDN traffic at the fake's current time. The mp4 and the HLS URL are
     * served by two domains, so an hour with both has two log files.
     */
    public Playback play(String url, String clientIp, String referer, long bytes) {
        return play(url, clientIp, referer, bytes, false);
    }

    /**
     * As {@link #play(String, String, String, long)}; {@code playerDirected} counts the bytes as
     * the drama player's directed traffic ({@code query_type} 1) instead of general playback (2).
     */
    public Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(referer, "referer");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
        return engine.play(url, clientIp, referer, bytes, playerDirected);
    }

    /** Expedited first submissions left today (China time). */
    public int expeditesRemaining() {
        return engine.expeditesRemaining();
    }

    // ------------------------------------------------------------ observation

    /** Calls {@code listener} with every upload event (pull uploads finishing), when it happens. */
    public void onUploadEvent(Consumer<UploadEvent> listener) {
        engine.onUploadEvent(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Calls {@code listener} with every audit event (a review ending: first submission,
     * resubmission, replacement or information change), when it happens.
     */
    public void onAuditEvent(Consumer<AuditEvent> listener) {
        engine.onAuditEvent(Objects.requireNonNull(listener, "listener"));
    }

    /** Every push event so far, oldest first; an unmodifiable snapshot. */
    public List<PushEvent> pushedEvents() {
        return engine.pushedEvents();
    }

    /**
     * Every call received so far, oldest first; an unmodifiable snapshot. Only the most recent
     * 100 000 calls are kept, so a fake that serves for hours does not grow with every call.
     */
    public List<RecordedCall> recordedCalls() {
        return faults.calls();
    }

    /** The calls of one operation received so far, oldest first. */
    public List<RecordedCall> recordedCalls(String operation) {
        Faults.checkOperation(operation);
        return faults.calls().stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** Forgets all state, recorded calls and pending faults; listeners and the clock stay. */
    public void reset() {
        engine.reset();
        faults.clear();
        faults.clearCalls();
    }
}
