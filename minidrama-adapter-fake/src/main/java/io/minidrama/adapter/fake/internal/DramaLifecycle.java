package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.PendingInfoChange;
import io.minidrama.domain.drama.PendingReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's side of a drama's life: what the platform does to a {@link Drama} when a
 * submission is accepted, an audit ends, a replacement or an information change is submitted,
 * reviewed or applied. A client never performs these moves (it asks the platform, which answers
 * with the new drama), so they live in the fake and not in the domain's public API; the rules
 * they enforce stay in the domain as checks a client can run before sending
 * ({@link AuditStatus#canMoveTo}, {@link Drama#checkReplacement}, {@link Drama#checkApplication},
 * {@link Drama#checkInfoChange}). Each transition returns a new drama.
 */
final class DramaLifecycle {
    private DramaLifecycle() {
    }

    /**
     * {@code d} after a submission was accepted for review at {@code at}.
     *
     * @throws InvalidRequestException when the status does not allow it
     */
    static Drama submittedForReview(Drama d, Instant at) {
        return moveTo(d, AuditStatus.UNDER_REVIEW, at, Instant.EPOCH);
    }

    /**
     * {@code d} after its review ended with {@code outcome} at {@code at}.
     *
     * @throws InvalidRequestException when the drama is not under review
     */
    static Drama reviewed(Drama d, AuditStatus outcome, Instant at) {
        return moveTo(d, outcome, d.auditDetail().createTime(), at);
    }

    private static Drama moveTo(Drama d, AuditStatus next, Instant created, Instant audited) {
        if (!d.status().canMoveTo(next)) {
            throw InvalidRequestException.of("audit_detail.status", Rule.R19, d.status() + " -> " + next,
                    "a drama in status " + d.status() + " can move to " + d.status().nextAllowed() + " only");
        }
        return d.toBuilder().auditDetail(new DramaAuditDetail(next, created, audited)).build();
    }

    /**
     * {@code d} with {@code r} submitted for review at {@code at}.
     *
     * @throws InvalidRequestException as {@link Drama#checkReplacement}
     */
    static Drama replacementSubmitted(Drama d, ReplacementRequest r, Instant at) {
        d.checkReplacement(r);
        return d.toBuilder().replacement(new PendingReplacement(r.replacements(), AuditStatus.UNDER_REVIEW, at, Instant.EPOCH)).build();
    }

    /**
     * {@code d} after its replacement's review ended with {@code outcome} at {@code at}.
     *
     * @throws InvalidRequestException when no replacement is under review
     */
    static Drama replacementReviewed(Drama d, AuditStatus outcome, Instant at) {
        PendingReplacement p = d.replacement().orElse(null);
        if (p == null || !p.status().canMoveTo(outcome) || p.status() != AuditStatus.UNDER_REVIEW) {
            throw InvalidRequestException.of("replace_media_list", Rule.R27, p == null ? null : p.status(),
                    "no replacement of drama " + d.id() + " is under review");
        }
        return d.toBuilder().replacement(new PendingReplacement(p.items(), outcome, p.submittedAt(), at)).build();
    }

    /**
     * {@code d} with {@code a} applied at {@code now}: the new media takes the old episode's place;
     * once every pair is applied the replacement is gone.
     *
     * @throws InvalidRequestException as {@link Drama#checkApplication}
     */
    static Drama replacementApplied(Drama d, ReplacementApplication a, Instant now) {
        d.checkApplication(a, now);
        PendingReplacement p = d.replacement().orElseThrow();
        List<MediaId> episodes = new ArrayList<>(d.mediaIds());
        episodes.set(episodes.indexOf(a.oldMedia()), a.newMedia());
        MediaReplacement done = new MediaReplacement(a.oldMedia(), a.newMedia());
        List<MediaReplacement> left = p.items().stream().filter(r -> !r.equals(done)).toList();
        PendingReplacement rest = left.isEmpty() ? null : new PendingReplacement(left, p.status(), p.submittedAt(), p.reviewedAt());
        return copy(d, rest, d.infoChange().orElse(null)).mediaIds(episodes).build();
    }

    /**
     * {@code d} with an information change submitted for review at {@code at}.
     *
     * @throws InvalidRequestException as {@link Drama#checkInfoChange}
     */
    static Drama infoChangeSubmitted(Drama d, DramaInfoChange change, Instant at) {
        d.checkInfoChange(change);
        return d.toBuilder().infoChange(new PendingInfoChange(change, AuditStatus.UNDER_REVIEW, at, Instant.EPOCH)).build();
    }

    /**
     * {@code d} after its information change's review ended with {@code outcome}: an approved
     * change takes effect (description, recommendations, producer); a rejected one does not.
     *
     * @throws InvalidRequestException when no change is under review
     */
    static Drama infoChangeReviewed(Drama d, AuditStatus outcome, Instant at) {
        PendingInfoChange p = d.infoChange().orElse(null);
        if (p == null || p.status() != AuditStatus.UNDER_REVIEW || !p.status().canMoveTo(outcome)) {
            throw InvalidRequestException.of("drama_id", Rule.R28, d.id(), "no information change of drama " + d.id() + " is under review");
        }
        Drama.Builder b = d.toBuilder();
        DramaInfoChange c = p.change();
        if (outcome.isApproved()) {
            c.description().ifPresent(b::description);
            c.recommendations().ifPresent(b::recommendations);
            c.producer().ifPresent(b::producer);
        }
        return b.infoChange(new PendingInfoChange(c, outcome, p.submittedAt(), at)).build();
    }

    /** The licence or registration number the platform reports for a qualification (empty when none). */
    static String license(Qualification q) {
        if (q instanceof Qualification.RegistrationNumber n) {
            return n.number();
        } else if (q instanceof Qualification.PublishLicense p) {
            return p.number();
        } else if (q instanceof Qualification.Licensed l) {
            return l.registrationNumber();
        }
        return "";
    }

    /** A builder with {@code d}'s values, but the given pending replacement and information change ({@code null}: none). */
    private static Drama.Builder copy(Drama d, PendingReplacement replacement, PendingInfoChange infoChange) {
        Drama.Builder b = Drama.builder(d.id())
                .name(d.name())
                .createTime(d.createTime())
                .playwright(d.playwright())
                .producer(d.producer())
                .productionLicense(d.productionLicense())
                .coverUrl(d.coverUrl())
                .description(d.description())
                .mediaIds(d.mediaIds())
                .auditDetail(d.auditDetail())
                .expedited(d.expedited())
                .recommendations(d.recommendations());
        if (replacement != null) {
            b.replacement(replacement);
        }
        if (infoChange != null) {
            b.infoChange(infoChange);
        }
        return b;
    }
}
