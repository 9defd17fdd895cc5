package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.internal.Records.DramaRec;
import io.minidrama.adapter.fake.internal.Records.MediaRec;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.PendingInfoChange;
import io.minidrama.domain.drama.PendingReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.port.DramaMaintenancePort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.minidrama.adapter.fake.internal.Core.error;

/**
 * Maintenance of an approved drama (API.md §7): episode replacement
 * ({@code submitreplacedramamedias}, its review, {@code replacedramamedia} within 7 days), the
 * information change ({@code modifydramabasicinfo} and its review) and
 * {@code getdramalatestauditinfo}. The drama's moves are {@link DramaLifecycle}'s.
 */
final class Maintenance {
    /** A qualification can change only for dramas first submitted before this (2024-05-27, China time). */
    static final Instant QUALIFICATION_CHANGE_CUTOFF = LocalDate.of(2024, 5, 27).atStartOfDay(ExpediteQuota.PLATFORM_ZONE).toInstant();

    private final Core core;

    Maintenance(Core core) {
        this.core = core;
    }

    void submitReplacement(ReplacementRequest r) {
        core.run(out -> {
            String op = "submitreplacedramamedias";
            DramaRec rec = core.dramaRec(op, r.dramaId());
            Drama d = rec.drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; episodes can be replaced only in an approved drama");
            }
            if (d.replacement().filter(p -> p.status() == AuditStatus.UNDER_REVIEW).isPresent()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "a replacement of drama " + d.id()
                        + " is already under review; wait for its audit event (audit_type 2)");
            }
            for (MediaReplacement rep : r.replacements()) {
                if (!d.mediaIds().contains(rep.oldMedia())) {
                    throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.oldMedia() + " is not an episode of drama " + d.id());
                }
                if (d.mediaIds().contains(rep.newMedia())) {
                    throw error(op, ErrorCode.PARAMETER_ERROR, "replace_media_list: media " + rep.newMedia() + " is already an episode of drama " + d.id());
                }
                MediaRec m = core.mediaRec(op, rep.newMedia());
                if (m.dramaId != null || m.reservedBy != null && !m.reservedBy.equals(d.id())) {
                    throw error(op, ErrorCode.EPISODE_OCCUPIED, "media " + m.id + " is already an episode of drama "
                            + (m.dramaId != null ? m.dramaId : m.reservedBy));
                }
            }
            Instant now = core.clock.instant();
            // A new replacement supersedes an earlier one that was not (fully) applied.
            d.replacement().ifPresent(p -> p.items().forEach(i -> release(i.newMedia(), d.id())));
            rec.drama = DramaLifecycle.replacementSubmitted(d, r, now);
            for (MediaReplacement rep : r.replacements()) {
                MediaRec m = core.media.get(rep.newMedia());
                m.reservedBy = d.id();
                m.audit = new MediaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH, "", List.of());
            }
            rec.audits.put(AuditType.REPLACEMENT, new DramaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH));
        });
    }

    private void release(MediaId id, DramaId drama) {
        MediaRec m = core.media.get(id);
        if (m != null && drama.equals(m.reservedBy)) {
            m.reservedBy = null;
            m.audit = MediaAuditDetail.none();
        }
    }

    void applyReplacement(ReplacementApplication a) {
        core.run(out -> {
            String op = "replacedramamedia";
            DramaRec rec = core.dramaRec(op, a.dramaId());
            Drama d = rec.drama;
            Optional<PendingReplacement> pending = d.replacement();
            if (pending.isEmpty() || !pending.get().status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " has no approved replacement to apply ("
                        + pending.map(p -> "it is " + p.status()).orElse("none was submitted")
                        + "); shortly after an approval, retry in a few minutes");
            }
            PendingReplacement p = pending.get();
            if (!p.items().contains(new MediaReplacement(a.oldMedia(), a.newMedia()))) {
                throw error(op, ErrorCode.PARAMETER_ERROR, a.oldMedia() + " -> " + a.newMedia() + " is not in the approved replacement of drama "
                        + d.id() + " (left to apply: " + p.items() + ")");
            }
            Instant now = core.clock.instant();
            if (now.isAfter(p.applyDeadline())) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the replacement approved at " + p.reviewedAt().getEpochSecond()
                        + " had to be applied within 7 days (by " + p.applyDeadline().getEpochSecond() + "); submit it again");
            }
            MediaRec fresh = core.mediaRec(op, a.newMedia());
            rec.drama = DramaLifecycle.replacementApplied(d, a, now);
            MediaRec old = core.media.get(a.oldMedia());
            if (old != null) {
                old.dramaId = null;
                old.formerDrama = d.id();
                old.replacedAt = now;
            }
            fresh.dramaId = d.id();
            fresh.reservedBy = null;
            fresh.decided = true;
        });
    }

    void modifyInfo(DramaInfoChange c) {
        core.run(out -> {
            String op = "modifydramabasicinfo";
            DramaRec rec = core.dramaRec(op, c.dramaId());
            Drama d = rec.drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; only an approved drama's information can change");
            }
            if (d.infoChange().filter(p -> p.status() == AuditStatus.UNDER_REVIEW).isPresent()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "an information change of drama " + d.id()
                        + " is already under review; wait for its audit event (audit_type 3)");
            }
            if (c.qualification().isPresent() && (!d.createTime().isBefore(QUALIFICATION_CHANGE_CUTOFF) || rec.qualificationChanged)) {
                throw error(op, ErrorCode.OPERATION_FAILED, "the qualification changes once, and only for dramas first submitted before 2024-05-27; drama "
                        + d.id() + (rec.qualificationChanged ? " changed it already" : " was submitted later"));
            }
            boolean applying = rec.copyrightProtected || c.copyright().map(Copyright::applyForProtection).orElse(false);
            if ((c.producer().isPresent() || c.copyright().isPresent()) && !applying) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "producer and copyright change only when applying for copyright protection");
            }
            Instant now = core.clock.instant();
            rec.drama = DramaLifecycle.infoChangeSubmitted(d, c, now);
            rec.audits.put(AuditType.INFO_CHANGE, new DramaAuditDetail(AuditStatus.UNDER_REVIEW, now, Instant.EPOCH));
        });
    }

    /** The behaviour of {@link DramaMaintenancePort#GET_DRAMA_LATEST_AUDIT_INFO}. */
    void register(Handlers handlers) {
        handlers.on(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, this::latestAudit);
    }

    DramaAuditDetail latestAudit(LatestAuditQuery q) {
        return core.locked(out -> {
            String op = "getdramalatestauditinfo";
            DramaAuditDetail detail = core.dramaRec(op, q.dramaId()).audits.get(q.auditType());
            if (detail == null) {
                throw error(op, ErrorCode.RESOURCE_NOT_FOUND, "drama " + q.dramaId() + " has no audit of type " + q.auditType().code()
                        + " (" + q.auditType() + ")");
            }
            return detail;
        });
    }

    /**
     * Ends the review of the drama's replacement under review: its new media take the outcome (a
     * rejected one frees them) and the audit event (audit_type 2) is pushed.
     *
     * @throws IllegalStateException when no replacement is under review
     */
    void reviewReplacement(DramaId id, AuditStatus outcome, String reason) {
        core.run(out -> {
            DramaRec rec = core.dramaRec("control", id);
            PendingReplacement p = rec.drama.replacement().filter(x -> x.status() == AuditStatus.UNDER_REVIEW)
                    .orElseThrow(() -> new IllegalStateException("no replacement of drama " + id + " is under review"));
            Instant now = core.clock.instant();
            rec.drama = DramaLifecycle.replacementReviewed(rec.drama, outcome, now);
            boolean approved = outcome.isApproved();
            for (MediaReplacement i : p.items()) {
                MediaRec m = core.media.get(i.newMedia());
                if (m != null) {
                    m.audit = new MediaAuditDetail(outcome, m.audit.createTime(), now, approved ? "" : reason, List.of());
                    if (!approved) {
                        m.reservedBy = null;
                    }
                }
            }
            rec.audits.put(AuditType.REPLACEMENT, new DramaAuditDetail(outcome, p.submittedAt(), now));
            out.add(new AuditEvent(core.envelope(AuditEvent.TYPE, now), id, outcome, AuditType.REPLACEMENT, p.submittedAt(), now));
        });
    }

    /**
     * Ends the review of the drama's information change under review: an approved change takes
     * effect (with its cover and qualification) and the audit event (audit_type 3) is pushed.
     *
     * @throws IllegalStateException when no change is under review
     */
    void reviewInfoChange(DramaId id, AuditStatus outcome) {
        core.run(out -> {
            DramaRec rec = core.dramaRec("control", id);
            PendingInfoChange p = rec.drama.infoChange().filter(x -> x.status() == AuditStatus.UNDER_REVIEW)
                    .orElseThrow(() -> new IllegalStateException("no information change of drama " + id + " is under review"));
            Instant now = core.clock.instant();
            Drama reviewed = DramaLifecycle.infoChangeReviewed(rec.drama, outcome, now);
            if (outcome.isApproved()) {
                DramaInfoChange c = p.change();
                Drama.Builder b = reviewed.toBuilder();
                c.coverMaterialId().ifPresent(m -> b.coverUrl(core.settings.urlBase() + "/material/" + m));
                c.qualification().ifPresent(q -> b.productionLicense(DramaLifecycle.license(q)));
                reviewed = b.build();
                rec.qualificationChanged |= c.qualification().isPresent();
                rec.copyrightProtected |= c.copyright().map(Copyright::applyForProtection).orElse(false);
            }
            rec.drama = reviewed;
            rec.audits.put(AuditType.INFO_CHANGE, new DramaAuditDetail(outcome, p.submittedAt(), now));
            out.add(new AuditEvent(core.envelope(AuditEvent.TYPE, now), id, outcome, AuditType.INFO_CHANGE, p.submittedAt(), now));
        });
    }
}
