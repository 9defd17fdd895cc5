package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.internal.Records.DramaRec;
import io.minidrama.adapter.fake.internal.Records.LinkRec;
import io.minidrama.adapter.fake.internal.Records.MediaRec;
import io.minidrama.adapter.fake.internal.Records.PullFailure;
import io.minidrama.adapter.fake.internal.Records.TaskRec;
import io.minidrama.adapter.fake.internal.Records.Traffic;
import io.minidrama.adapter.fake.internal.Records.Upload;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.domain.media.UploadLimits;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The state every capability of the fake shares, and its one lock.
 *
 * <p>Every capability ({@link Uploads}, {@link Catalog}, {@link Maintenance},
 * {@link Authorizations}, {@link Packages}, {@link Cdn}) reads and writes this state only inside
 * {@link #locked}, so a change that spans capabilities (an audit touching a drama and its media, a
 * submission claiming episodes, a reset) is atomic, as when the fake was one class. Before each
 * body runs, the work that came due with time is done ({@link #due}: uploads expire, pull tasks
 * finish). Push events are collected under the lock and delivered after it is released, so a
 * listener may call back into the fake. Reading request bodies, hashing and assembling uploads
 * happen outside the lock so concurrent part uploads do not queue behind each other.
 */
final class Core {
    /** How long an upload id stays valid after {@code applyupload} (the platform does not say; a day is generous). */
    static final Duration UPLOAD_TTL = Duration.ofDays(1);
    private static final String FROM_USER = "o_minidrama_platform";

    final Settings settings;
    final Clock clock;
    private final Object lock = new Object();
    final AtomicLong nextId;

    final Map<UploadId, Upload> uploads = new HashMap<>();
    /** Bytes of uploaded parts held in memory by every upload's {@link PartChain}. */
    final AtomicLong partBytesInMemory = new AtomicLong();
    /** Up to 16 free 5 MB arrays (80 MB) for held parts: a 64 MB content cap's worth and some out-of-order parts. */
    final PartBuffers partBuffers = new PartBuffers(16);
    private volatile String pulledMediaSha256;
    final Map<MediaId, MediaRec> media = new HashMap<>();
    final Map<DramaId, DramaRec> dramas = new HashMap<>();
    final Map<TaskId, TaskRec> tasks = new LinkedHashMap<>();
    final Map<String, LinkRec> links = new HashMap<>();
    final List<Traffic> traffic = new ArrayList<>();
    final Deque<PullFailure> pullFailures = new ArrayDeque<>();
    final Map<MediaId, Duration> presetDurations = new HashMap<>();
    ExpediteQuota quota;
    final PackageBook packages = new PackageBook();
    final GrantBook grants;

    final List<Consumer<UploadEvent>> uploadListeners = new CopyOnWriteArrayList<>();
    final List<Consumer<AuditEvent>> auditListeners = new CopyOnWriteArrayList<>();
    final List<PushEvent> eventLog = new CopyOnWriteArrayList<>();

    Core(Settings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.nextId = new AtomicLong(settings.firstId());
        this.quota = ExpediteQuota.fresh(clock.instant());
        this.grants = new GrantBook(settings.appId());
    }

    /**
     * Runs {@code body} under the lock after the work that came due, then delivers the events the
     * body added to its argument.
     */
    <T> T locked(Function<List<PushEvent>, T> body) {
        List<PushEvent> out = new ArrayList<>(0);
        T result;
        synchronized (lock) {
            due(out);
            result = body.apply(out);
        }
        for (PushEvent e : out) {
            eventLog.add(e);
            if (e instanceof UploadEvent u) {
                uploadListeners.forEach(l -> l.accept(u));
            } else if (e instanceof AuditEvent a) {
                auditListeners.forEach(l -> l.accept(a));
            }
        }
        return result;
    }

    /** {@link #locked} for a body without a result. */
    void run(Consumer<List<PushEvent>> body) {
        locked(out -> {
            body.accept(out);
            return null;
        });
    }

    private void due(List<PushEvent> out) {
        Instant now = clock.instant();
        long wallNow = settings.wallTicker().getAsLong();
        // Durations past ~292 years do not fit in nanoseconds: they mean never.
        long abandonNanos = settings.abandonedUploadTtl().compareTo(Duration.ofDays(100_000)) > 0 ? Long.MAX_VALUE
                : settings.abandonedUploadTtl().toNanos();
        uploads.values().removeIf(u -> {
            // Expired by the fake's clock, or abandoned by the wall clock (the fake's clock may never move).
            boolean gone = !now.isBefore(u.created.plus(UPLOAD_TTL)) || wallNow - u.touched >= abandonNanos;
            if (gone) {
                u.release();
            }
            return gone;
        });
        for (TaskRec t : tasks.values()) {
            if (t.finalStatus == null && !now.isBefore(t.finishAt)) {
                finish(t, out);
            }
        }
    }

    private void finish(TaskRec t, List<PushEvent> out) {
        Instant at = t.finishAt;
        if (t.failure != null) {
            t.finalStatus = TaskStatus.FAILED;
            out.add(new UploadEvent(envelope(UploadEvent.TYPE, at), 0, t.request.sourceContext(), t.failure.errcode(), t.failure.errmsg()));
            return;
        }
        long size = settings.pulledMediaSize();
        MediaId id = newMedia(t.request.name().wire(), at, size, pulledSha256(size), null, 0, "", t.request.sourceContext());
        t.finalStatus = TaskStatus.DONE;
        t.mediaId = id.value();
        out.add(new UploadEvent(envelope(UploadEvent.TYPE, at), id.value(), t.request.sourceContext(), 0, "ok"));
    }

    /** SHA-256 of {@code size} zero bytes (what a pulled media "is"), computed once and without allocating the size. */
    private String pulledSha256(long size) {
        String sha = pulledMediaSha256;
        if (sha == null) {
            MessageDigest d = Digests.of("SHA-256");
            byte[] zeros = new byte[64 * 1024];
            for (long left = size; left > 0; left -= zeros.length) {
                d.update(zeros, 0, (int) Math.min(zeros.length, left));
            }
            sha = HexFormat.of().formatHex(d.digest());
            pulledMediaSha256 = sha;
        }
        return sha;
    }

    /** Stores a new media under the next id; its duration is the one preset for that id, or derived from its size. */
    MediaId newMedia(String name, Instant created, long size, String sha256, byte[] content, long coverSize,
                     String coverSha256, String sourceContext) {
        MediaId id = new MediaId(nextId.getAndIncrement());
        Duration preset = presetDurations.remove(id);
        media.put(id, new MediaRec(id, name, created, size, sha256, content, coverSize, coverSha256, sourceContext,
                preset != null ? preset : derivedDuration(size)));
        return id;
    }

    private Duration derivedDuration(long size) {
        long mbs = Math.max(1, (size + UploadLimits.MB - 1) / UploadLimits.MB);
        return settings.durationPerMb().multipliedBy(mbs);
    }

    PushEvent.Envelope envelope(String type, Instant at) {
        return new PushEvent.Envelope(settings.originalId(), FROM_USER, at, "event", type);
    }

    MediaRec mediaRec(String op, MediaId id) {
        MediaRec m = media.get(id);
        if (m == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + id + " does not exist");
        }
        return m;
    }

    DramaRec dramaRec(String op, DramaId id) {
        DramaRec d = dramas.get(id);
        if (d == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist");
        }
        return d;
    }

    Media toMedia(MediaRec m) {
        Media.Builder b = Media.builder(m.id)
                .createTime(m.created)
                .fileSize(m.size)
                .duration(m.duration())
                .name(m.name)
                .coverUrl(url("cover", m.id))
                .originalUrl(url("original", m.id))
                .mp4Url(url("mp4", m.id))
                .hlsUrl(url("hls", m.id))
                .auditDetail(m.audit);
        if (m.dramaId != null) {
            b.dramaId(m.dramaId);
        }
        return b.build();
    }

    String url(String kind, MediaId id) {
        return settings.urlBase() + "/" + kind + "/" + id + "?expires=" + clock.instant().plus(Duration.ofHours(2)).getEpochSecond();
    }

    static PlatformException error(String op, ErrorCode code, String message) {
        return new PlatformException(op, code.code(), message, PlatformException.NO_HTTP_STATUS);
    }

    /** Forgets every upload, media, drama, task, link, traffic record, package, grant and event; listeners stay. */
    void reset() {
        run(out -> {
            uploads.values().forEach(Upload::release);
            uploads.clear();
            media.clear();
            dramas.clear();
            tasks.clear();
            links.clear();
            traffic.clear();
            pullFailures.clear();
            presetDurations.clear();
            quota = ExpediteQuota.fresh(clock.instant());
            packages.clear();
            grants.clear();
            eventLog.clear();
        });
    }
}
