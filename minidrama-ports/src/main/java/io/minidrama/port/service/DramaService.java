package io.minidrama.port.service;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.port.DramaAuditPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Use cases around dramas: first submission, resubmission of a drama sent back for changes, reads.
 * Thread-safe.
 */
public final class DramaService {
    private final DramaAuditPort port;

    DramaService(DramaAuditPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    /**
     * Submits a drama for its first audit; returns the new drama id. Its paperwork can be checked
     * before the episodes are uploaded: {@code FirstSubmission.Builder.buildDraft()}, then
     * {@code draft.withMedia(ids)}.
     */
    public DramaId submit(FirstSubmission submission) {
        return port.submit(submission);
    }

    /**
     * Resubmits a drama sent back for changes (audit status 4). The drama is read first and the
     * resubmission checked against it (R-18 episode count and replacements, R-19 status: a drama
     * rejected with status 2 is final and needs a new first submission), so a resubmission the
     * platform would refuse never leaves the process.
     *
     * @throws io.minidrama.domain.error.InvalidRequestException when a rule is broken
     */
    public DramaId resubmit(Resubmission resubmission) {
        Drama drama = port.getDrama(resubmission.dramaId());
        drama.checkResubmission(resubmission);
        return port.submit(resubmission);
    }

    /** One drama. */
    public Drama get(DramaId id) {
        return port.getDrama(id);
    }

    /** One page of dramas. */
    public List<Drama> list(PageRequest page) {
        return port.listDramas(page);
    }

    /** Every drama, following pages until a short page; stops after {@code maxItems}. */
    public List<Drama> listAll(int maxItems) {
        List<Drama> all = new ArrayList<>();
        PageRequest page = PageRequest.first();
        while (all.size() < maxItems) {
            List<Drama> items = port.listDramas(page);
            all.addAll(items.subList(0, Math.min(items.size(), maxItems - all.size())));
            if (items.size() < page.limit()) {
                break;
            }
            page = page.next();
        }
        return all;
    }
}
