package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.internal.Records.DramaRec;
import io.minidrama.adapter.fake.internal.Records.MediaRec;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.MediaAuditDetail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.minidrama.adapter.fake.internal.Core.error;

/**
 * Dramas and their audits: {@code auditdrama} (a first submission claims its episodes and may use
 * one of the day's expedites; a resubmission of a drama sent back for changes), {@code listdramas},
 * {@code getdrama}, and the control surface's review of a drama or one episode, which pushes the
 * audit event. The drama's moves are {@link DramaLifecycle}'s.
 */
final class Audits {
    private final Core core;

    Audits(Core core) {
        this.core = core;
    }

    DramaId submit(DramaSubmission s) {
        return core.locked(out -> s instanceof FirstSubmission f ? first(f) : resubmit((Resubmission) s));
    }

    private DramaId first(FirstSubmission f) {
        String op = "auditdrama";
        Instant now = core.clock.instant();
        for (MediaId mid : f.mediaIds()) {
            MediaRec m = core.media.get(mid);
            if (m == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + mid + " in media_id_list does not exist");
            }
            if (m.dramaId != null || m.reservedBy != null) {
                throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + mid + " is already an episode of drama "
                        + (m.dramaId != null ? m.dramaId : m.reservedBy + " (a pending replacement)"));
            }
        }
        if (f.expedited()) {
            // 10093011 (operation failed), not 10093023 (too frequent): the day's quota does not come
            // back with backoff, and ErrorCode classifies 10093023 as retryable, which would make
            // clients retry a submission that cannot succeed before midnight, China time.
            if (core.quota.remaining(now) == 0) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the 5 expedited first submissions of today (China time) are used; submit with expedited=0");
            }
            core.quota = core.quota.consume(now);
        }
        DramaId id = new DramaId(core.nextId.getAndIncrement());
        Drama d = DramaLifecycle.submittedForReview(Drama.builder(id)
                .name(f.name())
                .createTime(now)
                .producer(f.producer())
                .description(f.description())
                .coverUrl(core.settings.urlBase() + "/material/" + f.coverMaterialId())
                .productionLicense(DramaLifecycle.license(f.qualification()))
                .mediaIds(f.mediaIds())
                .expedited(f.expedited())
                .recommendations(f.recommendations())
                .build(), now);
        DramaRec rec = new DramaRec(d, AuditType.FIRST_SUBMISSION);
        rec.copyrightProtected = f.copyright().map(Copyright::applyForProtection).orElse(false);
        rec.audits.put(AuditType.FIRST_SUBMISSION, d.auditDetail());
        core.dramas.put(id, rec);
        underReview(id, f.mediaIds(), now);
        return id;
    }

    private DramaId resubmit(Resubmission r) {
        String op = "auditdrama";
        Instant now = core.clock.instant();
        DramaRec rec = core.dramas.get(r.dramaId());
        if (rec == null) {
            throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + r.dramaId() + " does not exist");
        }
        Drama d = rec.drama;
        if (d.status() == AuditStatus.REJECTED) {
            throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " was rejected for good (status 2); it cannot be resubmitted, "
                    + "a new first submission is needed");
        }
        if (!d.status().canResubmit()) {
            throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; only a drama sent back for changes (status 4) can be resubmitted");
        }
        if (r.mediaCount().isPresent() && r.mediaCount().getAsInt() != d.mediaCount()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "media_count must stay " + d.mediaCount());
        }
        List<MediaId> ids = new ArrayList<>(r.mediaIds().isEmpty() ? d.mediaIds() : r.mediaIds());
        if (ids.size() != d.mediaCount()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "media_id_list must keep " + d.mediaCount() + " episodes");
        }
        for (MediaReplacement rep : r.replacements()) {
            int at = ids.indexOf(rep.oldMedia());
            if (at < 0) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.oldMedia() + " is not an episode of drama " + d.id());
            }
            if (ids.contains(rep.newMedia())) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.newMedia() + " is already an episode of drama " + d.id());
            }
            ids.set(at, rep.newMedia());
        }
        for (MediaId mid : ids) {
            MediaRec m = core.media.get(mid);
            if (m == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "media " + mid + " does not exist");
            }
            if (m.dramaId != null && !m.dramaId.equals(d.id()) || m.reservedBy != null) {
                throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + mid + " is already an episode of drama "
                        + (m.dramaId != null ? m.dramaId : m.reservedBy + " (a pending replacement)"));
            }
        }
        Set<MediaId> kept = new HashSet<>(ids);
        for (MediaId old : d.mediaIds()) {
            MediaRec m = core.media.get(old);
            if (!kept.contains(old) && m != null) {
                m.dramaId = null;
                m.audit = MediaAuditDetail.none();
                m.decided = false;
            }
        }
        Drama.Builder b = d.toBuilder().mediaIds(ids);
        r.name().ifPresent(b::name);
        r.producer().ifPresent(b::producer);
        r.description().ifPresent(b::description);
        r.coverMaterialId().ifPresent(c -> b.coverUrl(core.settings.urlBase() + "/material/" + c));
        r.qualification().ifPresent(q -> b.productionLicense(DramaLifecycle.license(q)));
        rec.drama = DramaLifecycle.submittedForReview(b.build(), now);
        rec.lastType = AuditType.RESUBMISSION;
        rec.audits.put(AuditType.RESUBMISSION, rec.drama.auditDetail());
        underReview(d.id(), ids, now);
        return d.id();
    }

    private void underReview(DramaId id, List<MediaId> episodes, Instant now) {
        for (MediaId mid : episodes) {
            MediaRec m = core.media.get(mid);
            m.dramaId = id;
            m.audit = new MediaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH, "", List.of());
            m.decided = false;
        }
    }

    List<Drama> listDramas(PageRequest page) {
        return core.locked(out -> core.dramas.values().stream()
                .map(rec -> rec.drama)
                .sorted(Comparator.comparing(Drama::createTime).thenComparing(d -> d.id().value()).reversed())
                .skip(page.offset())
                .limit(page.limit())
                .toList());
    }

    Drama getDrama(DramaId id) {
        return core.locked(out -> core.dramaRec("getdrama", id).drama);
    }

    /** Expedited first submissions left today (China time). */
    int expeditesRemaining() {
        return core.locked(out -> core.quota.remaining(core.clock.instant()));
    }

    /**
     * Ends the review of a drama under review with {@code outcome}: the drama and every episode not
     * decided on its own take it, and the audit event is pushed.
     *
     * @throws IllegalStateException when the drama is not under review
     */
    void review(DramaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        core.run(out -> {
            DramaRec rec = core.dramaRec("control", id);
            if (rec.drama.status() != AuditStatus.UNDER_REVIEW) {
                throw new IllegalStateException("drama " + id + " is " + rec.drama.status() + "; only a drama under review can be approved or rejected");
            }
            Instant now = core.clock.instant();
            rec.drama = DramaLifecycle.reviewed(rec.drama, outcome, now);
            for (MediaId mid : rec.drama.mediaIds()) {
                MediaRec m = core.media.get(mid);
                if (m != null && !m.decided) {
                    m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), now,
                            outcome == AuditStatus.APPROVED ? "" : reason, outcome == AuditStatus.APPROVED ? List.of() : evidence);
                }
            }
            rec.audits.put(rec.lastType, rec.drama.auditDetail());
            out.add(new AuditEvent(core.envelope(AuditEvent.TYPE, now), id, outcome, rec.lastType, rec.drama.auditDetail().createTime(), now));
        });
    }

    /**
     * Decides one episode's audit ahead of its drama's.
     *
     * @throws IllegalStateException when the media is not an episode of a submitted drama
     */
    void reviewEpisode(MediaId id, AuditStatus outcome, String reason, List<MaterialId> evidence) {
        core.run(out -> {
            MediaRec m = core.mediaRec("control", id);
            if (m.dramaId == null) {
                throw new IllegalStateException("media " + id + " is not an episode of a submitted drama");
            }
            m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), core.clock.instant(), reason, evidence);
            m.decided = true;
        });
    }
}
