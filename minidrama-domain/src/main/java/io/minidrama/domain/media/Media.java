package io.minidrama.domain.media;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A media asset (an episode) as the platform reports it ({@code MediaInfo}).
 *
 * <p>Every URL is temporary: use it now, never persist it. Absent texts are empty strings; the
 * drama id is present only once the episode belongs to a submitted drama.
 */
public final class Media {
    private final MediaId id;
    private final Instant createTime;
    private final Instant expireTime;
    private final DramaId dramaId;
    private final long fileSize;
    private final Duration duration;
    private final String name;
    private final String description;
    private final String coverUrl;
    private final String originalUrl;
    private final String mp4Url;
    private final String hlsUrl;
    private final MediaAuditDetail auditDetail;

    private Media(Builder b) {
        this.id = Objects.requireNonNull(b.id, "media_id");
        this.createTime = b.createTime;
        this.expireTime = b.expireTime;
        this.dramaId = b.dramaId;
        this.fileSize = b.fileSize;
        this.duration = b.duration;
        this.name = b.name;
        this.description = b.description;
        this.coverUrl = b.coverUrl;
        this.originalUrl = b.originalUrl;
        this.mp4Url = b.mp4Url;
        this.hlsUrl = b.hlsUrl;
        this.auditDetail = b.auditDetail;
    }

    /** A new builder for media {@code id}. */
    public static Builder builder(MediaId id) {
        return new Builder(id);
    }

    /** A builder holding this media's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.createTime = createTime;
        b.expireTime = expireTime;
        b.dramaId = dramaId;
        b.fileSize = fileSize;
        b.duration = duration;
        b.name = name;
        b.description = description;
        b.coverUrl = coverUrl;
        b.originalUrl = originalUrl;
        b.mp4Url = mp4Url;
        b.hlsUrl = hlsUrl;
        b.auditDetail = auditDetail;
        return b;
    }

    /** The media id. */
    public MediaId id() {
        return id;
    }

    /** When the media was uploaded. */
    public Instant createTime() {
        return createTime;
    }

    /** When the platform will drop the media ({@link Instant#EPOCH} when not sent). */
    public Instant expireTime() {
        return expireTime;
    }

    /** The drama the episode belongs to, once it is part of a submission. */
    public Optional<DramaId> dramaId() {
        return Optional.ofNullable(dramaId);
    }

    /** The file size in bytes. */
    public long fileSize() {
        return fileSize;
    }

    /** The video's duration ({@link Duration#ZERO} when unknown). */
    public Duration duration() {
        return duration;
    }

    /** The media name, normally {@code 剧目名 - 第N集}. */
    public String name() {
        return name;
    }

    /** The name parsed as {@code 剧目名 - 第N集}, when it follows the form. */
    public Optional<MediaName> parsedName() {
        try {
            return Optional.of(MediaName.parse(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The description (empty when none). */
    public String description() {
        return description;
    }

    /** Temporary cover URL (empty when none). */
    public String coverUrl() {
        return coverUrl;
    }

    /** Temporary URL of the original file (empty when none). */
    public String originalUrl() {
        return originalUrl;
    }

    /** Temporary MP4 URL (empty when none). */
    public String mp4Url() {
        return mp4Url;
    }

    /** Temporary HLS URL (empty when none). */
    public String hlsUrl() {
        return hlsUrl;
    }

    /** The episode's audit. */
    public MediaAuditDetail auditDetail() {
        return auditDetail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Media m && id.equals(m.id) && createTime.equals(m.createTime) && expireTime.equals(m.expireTime)
                && Objects.equals(dramaId, m.dramaId) && fileSize == m.fileSize && duration.equals(m.duration)
                && name.equals(m.name) && description.equals(m.description) && coverUrl.equals(m.coverUrl)
                && originalUrl.equals(m.originalUrl) && mp4Url.equals(m.mp4Url) && hlsUrl.equals(m.hlsUrl)
                && auditDetail.equals(m.auditDetail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, createTime, dramaId, fileSize, name, auditDetail);
    }

    @Override
    public String toString() {
        return "Media[" + id + ", " + name + ", " + fileSize + " B, " + duration.toSeconds() + " s, "
                + auditDetail.status() + (dramaId == null ? "" : ", drama " + dramaId) + "]";
    }

    /**
     * Builder of {@link Media}.
     *
     * <p>Platform state (decoded from responses, or made by the fake and tests), not a request: a
     * {@code null} argument to a setter throws {@link NullPointerException} at once; request
     * builders such as {@code FirstSubmission.Builder} report a {@code null} at {@code build()}
     * instead.
     */
    public static final class Builder {
        private final MediaId id;
        private Instant createTime = Instant.EPOCH;
        private Instant expireTime = Instant.EPOCH;
        private DramaId dramaId;
        private long fileSize;
        private Duration duration = Duration.ZERO;
        private String name = "";
        private String description = "";
        private String coverUrl = "";
        private String originalUrl = "";
        private String mp4Url = "";
        private String hlsUrl = "";
        private MediaAuditDetail auditDetail = MediaAuditDetail.none();

        private Builder(MediaId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the create time. */
        public Builder createTime(Instant v) {
            this.createTime = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the expire time. */
        public Builder expireTime(Instant v) {
            this.expireTime = Objects.requireNonNull(v);
            return this;
        }

        /** The drama; {@code Optional.empty()} semantics are expressed by not calling this. */
        public Builder dramaId(DramaId v) {
            this.dramaId = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the file size. */
        public Builder fileSize(long v) {
            this.fileSize = v;
            return this;
        }

        /** Sets the duration. */
        public Builder duration(Duration v) {
            this.duration = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the name. */
        public Builder name(String v) {
            this.name = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the description. */
        public Builder description(String v) {
            this.description = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the cover URL. */
        public Builder coverUrl(String v) {
            this.coverUrl = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the original URL. */
        public Builder originalUrl(String v) {
            this.originalUrl = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the MP4 URL. */
        public Builder mp4Url(String v) {
            this.mp4Url = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the HLS URL. */
        public Builder hlsUrl(String v) {
            this.hlsUrl = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the audit detail. */
        public Builder auditDetail(MediaAuditDetail v) {
            this.auditDetail = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the media. */
        public Media build() {
            return new Media(this);
        }
    }
}
