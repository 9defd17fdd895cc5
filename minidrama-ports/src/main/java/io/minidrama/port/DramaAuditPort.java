package io.minidrama.port;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaSubmission;

import java.util.List;

/**
 * Submits dramas for audit ({@code auditdrama}) and reads them ({@code listdramas},
 * {@code getdrama}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. {@link #submit}
 * creates or changes a drama and SHOULD NOT be retried blindly after an ambiguous failure;
 * an expedited first submission beyond the day's five fails with a platform error.
 */
public interface DramaAuditPort {

    /**
     * Sends a first submission or a resubmission; returns the drama id (the same id for a
     * resubmission). The drama is then under review.
     */
    DramaId submit(DramaSubmission submission);

    /** One page of dramas. */
    List<Drama> listDramas(PageRequest page);

    /** One drama; an unknown id fails with errcode 10093030. */
    Drama getDrama(DramaId dramaId);
}
