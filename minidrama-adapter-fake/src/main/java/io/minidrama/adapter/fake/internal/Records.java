package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mutable records the fake keeps in {@link Core}; read and written only under its lock. */
final class Records {
    /** Links to a replaced episode keep working this long after the replacement is applied (API.md §7). */
    static final Duration OLD_LINKS_KEEP_WORKING = Duration.ofDays(7);

    private Records() {
    }

    /** An upload between {@code applyupload} and {@code commitupload}. */
    static final class Upload {
        final ApplyUpload request;
        final Instant created;
        final PartChain video;
        final PartChain cover;
        /** The wall-clock ticker's reading at the last {@code applyupload} or {@code uploadpart}. */
        volatile long touched;

        Upload(ApplyUpload request, Instant created, long touched, PartChain video, PartChain cover) {
            this.request = request;
            this.created = created;
            this.touched = touched;
            this.video = video;
            this.cover = cover;
        }

        void touch(long now) {
            touched = now;
        }

        void release() {
            video.release();
            cover.release();
        }
    }

    /** A stored media: its bytes' digest, its episode role and its audit. */
    static final class MediaRec {
        final MediaId id;
        final String name;
        final Instant created;
        final long size;
        final String sha256;
        final byte[] content;
        final long coverSize;
        final String coverSha256;
        final String sourceContext;
        Duration duration;
        DramaId dramaId;
        MediaAuditDetail audit = MediaAuditDetail.none();
        boolean decided;
        /** The drama whose pending replacement this media is the new episode of. */
        DramaId reservedBy;
        /** The drama this media was an episode of until a replacement took its place. */
        DramaId formerDrama;
        Instant replacedAt;

        MediaRec(MediaId id, String name, Instant created, long size, String sha256, byte[] content, long coverSize,
                 String coverSha256, String sourceContext, Duration duration) {
            this.id = id;
            this.name = name;
            this.created = created;
            this.size = size;
            this.sha256 = sha256;
            this.content = content;
            this.coverSize = coverSize;
            this.coverSha256 = coverSha256;
            this.sourceContext = sourceContext;
            this.duration = duration;
        }

        Duration duration() {
            return duration;
        }

        /** Whether a replaced episode's links still work (7 days after the replacement). */
        boolean stillPlayable(Instant now) {
            return replacedAt != null && now.isBefore(replacedAt.plus(OLD_LINKS_KEEP_WORKING));
        }
    }

    /** A drama with what the platform knows beyond its public view: audits by type, protection. */
    static final class DramaRec {
        Drama drama;
        AuditType lastType;
        boolean copyrightProtected;
        boolean qualificationChanged;
        final Map<AuditType, DramaAuditDetail> audits = new EnumMap<>(AuditType.class);

        DramaRec(Drama drama, AuditType lastType) {
            this.drama = drama;
            this.lastType = lastType;
        }
    }

    /** A failure queued for the next pull task. */
    record PullFailure(int errcode, String errmsg) {
    }

    /** A pull task: waiting, then processing, then done or failed at {@code finishAt}. */
    static final class TaskRec {
        final TaskId id;
        final PullUpload request;
        final Instant created;
        final Instant processingAt;
        final Instant finishAt;
        final PullFailure failure;
        TaskStatus finalStatus;
        long mediaId;

        TaskRec(TaskId id, PullUpload request, Instant created, Instant processingAt, Instant finishAt, PullFailure failure) {
            this.id = id;
            this.request = request;
            this.created = created;
            this.processingAt = processingAt;
            this.finishAt = finishAt;
            this.failure = failure;
        }

        Task toTask(Instant now) {
            TaskStatus status = finalStatus != null ? finalStatus
                    : now.isBefore(processingAt) ? TaskStatus.WAITING : TaskStatus.PROCESSING;
            boolean failed = status == TaskStatus.FAILED;
            return new Task(id, Task.PULL_UPLOAD, status, failed ? failure.errcode : 0, failed ? failure.errmsg : "",
                    created, finalStatus == null ? Instant.EPOCH : finishAt, mediaId);
        }
    }

    /** A play link handed out by {@code getmedialink}, with its R-11 limits and the IPs that used it. */
    static final class LinkRec {
        final MediaId mediaId;
        final Instant expiry;
        final int rlimit;
        final List<String> whref;
        final List<String> bkref;
        final int preview;
        final Set<String> ips = new HashSet<>();

        LinkRec(MediaId mediaId, Instant expiry, int rlimit, List<String> whref, List<String> bkref, int preview) {
            this.mediaId = mediaId;
            this.expiry = expiry;
            this.rlimit = rlimit;
            this.whref = whref;
            this.bkref = bkref;
            this.preview = preview;
        }
    }

    /**
     * Bytes served at a time by a serving domain, through the drama player (directed) or not.
     */
    record Traffic(Instant at, long bytes, String domain, boolean playerDirected) {
        boolean counts(CdnQueryType type) {
            return switch (type) {
                case ALL -> true;
                case PLAYER_DIRECTED -> playerDirected;
                case GENERAL -> !playerDirected;
            };
        }
    }
}
