package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A drama as the platform knows it ({@code DramaInfo}): its episodes and its audit.
 *
 * <p>Invariants: the audit status moves only along {@link AuditStatus#canMoveTo}; only a drama sent
 * back for changes (status 4) can be resubmitted, a drama rejected with status 2 never, with the same episode count and replacing only its own
 * episodes; play links exist only for an approved drama. Instances are immutable. The {@code check...}
 * methods test a request against the drama before it is sent; the moves themselves (a submission
 * accepted, an audit ended, a replacement applied) are the platform's, so a drama changes only by
 * reading it again.
 */
public final class Drama {
    private final DramaId id;
    private final String name;
    private final Instant createTime;
    private final String playwright;
    private final String producer;
    private final String productionLicense;
    private final String coverUrl;
    private final String description;
    private final List<MediaId> mediaIds;
    private final DramaAuditDetail auditDetail;
    private final boolean expedited;
    private final String recommendations;
    private final PendingReplacement replacement;
    private final PendingInfoChange infoChange;

    private Drama(Builder b) {
        this.id = Objects.requireNonNull(b.id, "drama_id");
        this.name = b.name;
        this.createTime = b.createTime;
        this.playwright = b.playwright;
        this.producer = b.producer;
        this.productionLicense = b.productionLicense;
        this.coverUrl = b.coverUrl;
        this.description = b.description;
        this.mediaIds = List.copyOf(b.mediaIds);
        this.auditDetail = b.auditDetail;
        this.expedited = b.expedited;
        this.recommendations = b.recommendations;
        this.replacement = b.replacement;
        this.infoChange = b.infoChange;
    }

    /** A builder for drama {@code id}. */
    public static Builder builder(DramaId id) {
        return new Builder(id);
    }

    /** A builder holding this drama's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.createTime = createTime;
        b.playwright = playwright;
        b.producer = producer;
        b.productionLicense = productionLicense;
        b.coverUrl = coverUrl;
        b.description = description;
        b.mediaIds = mediaIds;
        b.auditDetail = auditDetail;
        b.expedited = expedited;
        b.recommendations = recommendations;
        b.replacement = replacement;
        b.infoChange = infoChange;
        return b;
    }

    /** The drama's id. */
    public DramaId id() {
        return id;
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The create time. */
    public Instant createTime() {
        return createTime;
    }

    /** The playwright. */
    public String playwright() {
        return playwright;
    }

    /** The producer. */
    public String producer() {
        return producer;
    }

    /** The licence or registration number as the platform reports it (empty when none). */
    public String productionLicense() {
        return productionLicense;
    }

    /** Temporary cover URL (empty when none). */
    public String coverUrl() {
        return coverUrl;
    }

    /** The description. */
    public String description() {
        return description;
    }

    /** The episodes, in order. */
    public List<MediaId> mediaIds() {
        return mediaIds;
    }

    /** {@code media_count}. */
    public int mediaCount() {
        return mediaIds.size();
    }

    /** The latest audit. */
    public DramaAuditDetail auditDetail() {
        return auditDetail;
    }

    /** Shorthand for {@code auditDetail().status()}. */
    public AuditStatus status() {
        return auditDetail.status();
    }

    /** Whether the first submission was expedited. */
    public boolean expedited() {
        return expedited;
    }

    /** The recommendations. */
    public String recommendations() {
        return recommendations;
    }

    /** The latest episode replacement, while it is under review or approved and not fully applied. */
    public Optional<PendingReplacement> replacement() {
        return Optional.ofNullable(replacement);
    }

    /** The latest information change and its review. */
    public Optional<PendingInfoChange> infoChange() {
        return Optional.ofNullable(infoChange);
    }

    /**
     * Checks a replacement request against this drama: the drama is approved, no other
     * replacement is under review, each old media is an episode of it, each new one is not.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public void checkReplacement(ReplacementRequest r) {
        Violations v = Violations.start();
        v.check(r.dramaId().equals(id), "drama_id", Rule.R27, r.dramaId(), "the request names another drama (" + id + ")");
        v.check(status().isApproved(), "drama_id", Rule.R27, status(), "episodes can be replaced only in an approved drama; this one is " + status());
        v.check(replacement == null || replacement.status() != AuditStatus.UNDER_REVIEW, "drama_id", Rule.R27, "replacement under review",
                "a replacement of this drama is already under review; wait for its audit event (audit_type 2)");
        for (int i = 0; i < r.replacements().size(); i++) {
            MediaReplacement rep = r.replacements().get(i);
            v.check(mediaIds.contains(rep.oldMedia()), "replace_media_list[" + i + "].old", Rule.R27, rep.oldMedia(),
                    "the replaced media must be an episode of drama " + id);
            v.check(!mediaIds.contains(rep.newMedia()), "replace_media_list[" + i + "].new", Rule.R27, rep.newMedia(),
                    "the new media is already an episode of this drama");
        }
        v.throwIfAny();
    }

    /**
     * Checks that {@code a} applies an approved replacement of this drama within 7 days of its
     * approval.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public void checkApplication(ReplacementApplication a, Instant now) {
        Violations v = Violations.start();
        v.check(a.dramaId().equals(id), "drama_id", Rule.R27, a.dramaId(), "the request names another drama (" + id + ")");
        if (v.check(replacement != null && replacement.status().isApproved(), "old_media_id", Rule.R27, a.oldMedia(),
                "drama " + id + " has no approved replacement to apply; submit one and wait for its approval")) {
            v.check(replacement.items().contains(new MediaReplacement(a.oldMedia(), a.newMedia())), "new_media_id", Rule.R27,
                    a.oldMedia() + " -> " + a.newMedia(), "this pair is not in the approved replacement " + replacement.items());
            v.check(!now.isAfter(replacement.applyDeadline()), "old_media_id", Rule.R27, now,
                    "an approved replacement is applied within 7 days of approval (deadline " + replacement.applyDeadline() + ")");
        }
        v.throwIfAny();
    }

    /**
     * Checks an information change against this drama: it names this drama, the drama is
     * approved, and no other change of it is under review.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public void checkInfoChange(DramaInfoChange change) {
        Violations v = Violations.start();
        v.check(change.dramaId().equals(id), "drama_id", Rule.R28, change.dramaId(), "the change names another drama (" + id + ")");
        v.check(status().isApproved(), "drama_id", Rule.R28, status(), "only an approved drama's information can change; this one is " + status());
        v.check(infoChange == null || infoChange.status() != AuditStatus.UNDER_REVIEW, "drama_id", Rule.R28, "change under review",
                "an information change of this drama is already under review");
        v.throwIfAny();
    }

    /** Whether play links can be requested for this drama's episodes: only once approved. */
    public boolean canRequestLinks() {
        return status().isApproved();
    }

    /**
     * Checks a resubmission against this drama: R-19 (only a drama sent back for changes, status 4;
     * status 2 is final and needs a new first submission), R-18 (same
     * {@code media_count}; replaced episodes belong to the drama).
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public void checkResubmission(Resubmission r) {
        Violations v = Violations.start();
        v.check(r.dramaId().equals(id), "drama_id", Rule.R18, r.dramaId(), "the resubmission names another drama (" + id + ")");
        if (status() == AuditStatus.REJECTED) {
            v.add("drama_id", Rule.R19, status() + " (" + status().code() + ")",
                    "status 2 is final: the platform takes no resubmission of drama " + id
                            + "; send a new first submission (without drama_id) instead");
        } else {
            v.check(status().canResubmit(), "drama_id", Rule.R19, status() + " (" + status().code() + ")",
                    "only a drama sent back for changes (status 4) can be resubmitted; this one is " + status());
        }
        r.mediaCount().ifPresent(c -> v.check(c == mediaCount(), "media_count", Rule.R18, c,
                "media_count must stay " + mediaCount() + ", as in the first submission"));
        for (int i = 0; i < r.replacements().size(); i++) {
            MediaReplacement rep = r.replacements().get(i);
            v.check(mediaIds.contains(rep.oldMedia()), "replace_media_list[" + i + "].old", Rule.R18, rep.oldMedia(),
                    "the replaced media must be an episode of drama " + id);
            v.check(!mediaIds.contains(rep.newMedia()), "replace_media_list[" + i + "].new", Rule.R27, rep.newMedia(),
                    "the new media is already an episode of this drama");
        }
        v.throwIfAny();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Drama d && id.equals(d.id) && name.equals(d.name) && createTime.equals(d.createTime)
                && playwright.equals(d.playwright) && producer.equals(d.producer) && productionLicense.equals(d.productionLicense)
                && coverUrl.equals(d.coverUrl) && description.equals(d.description) && mediaIds.equals(d.mediaIds)
                && auditDetail.equals(d.auditDetail) && expedited == d.expedited && recommendations.equals(d.recommendations)
                && Objects.equals(replacement, d.replacement) && Objects.equals(infoChange, d.infoChange);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, mediaIds, auditDetail);
    }

    @Override
    public String toString() {
        return "Drama[" + id + ", " + name + ", " + mediaIds.size() + " episodes, " + status() + "]";
    }

    /**
     * Builder of {@link Drama}.
     *
     * <p>Platform state (decoded from responses, or made by the fake and tests), not a request: a
     * {@code null} argument to a setter throws {@link NullPointerException} at once; request
     * builders such as {@code FirstSubmission.Builder} report a {@code null} at {@code build()}
     * instead.
     */
    public static final class Builder {
        private final DramaId id;
        private String name = "";
        private Instant createTime = Instant.EPOCH;
        private String playwright = "";
        private String producer = "";
        private String productionLicense = "";
        private String coverUrl = "";
        private String description = "";
        private List<MediaId> mediaIds = List.of();
        private DramaAuditDetail auditDetail = new DramaAuditDetail(AuditStatus.INVALID, Instant.EPOCH, Instant.EPOCH);
        private boolean expedited;
        private String recommendations = "";
        private PendingReplacement replacement;
        private PendingInfoChange infoChange;

        private Builder(DramaId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Sets the name. */
        public Builder name(String v) {
            this.name = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the create time. */
        public Builder createTime(Instant v) {
            this.createTime = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the playwright. */
        public Builder playwright(String v) {
            this.playwright = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the producer. */
        public Builder producer(String v) {
            this.producer = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the production license. */
        public Builder productionLicense(String v) {
            this.productionLicense = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the cover URL. */
        public Builder coverUrl(String v) {
            this.coverUrl = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the description. */
        public Builder description(String v) {
            this.description = Objects.requireNonNull(v);
            return this;
        }

        /** Sets the media IDs. */
        public Builder mediaIds(List<MediaId> v) {
            this.mediaIds = List.copyOf(v);
            return this;
        }

        /** Sets the audit detail. */
        public Builder auditDetail(DramaAuditDetail v) {
            this.auditDetail = Objects.requireNonNull(v);
            return this;
        }

        /** Sets whether the review is expedited. */
        public Builder expedited(boolean v) {
            this.expedited = v;
            return this;
        }

        /** Sets the recommendations. */
        public Builder recommendations(String v) {
            this.recommendations = Objects.requireNonNull(v);
            return this;
        }

        /** The replacement in its review and application cycle. */
        public Builder replacement(PendingReplacement v) {
            this.replacement = Objects.requireNonNull(v);
            return this;
        }

        /** The information change and its review. */
        public Builder infoChange(PendingInfoChange v) {
            this.infoChange = Objects.requireNonNull(v);
            return this;
        }

        /** Builds the drama. */
        public Drama build() {
            return new Drama(this);
        }
    }
}
