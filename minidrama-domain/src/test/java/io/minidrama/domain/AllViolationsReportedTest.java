package io.minidrama.domain;

import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.UploadSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One exception lists every violation found (field path, rule id, rejected value, hint), not only the first. */
@DisplayName("A broken request raises one InvalidRequestException listing all violations")
class AllViolationsReportedTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void playLinkRequest_whenFiveRulesBroken_listsR9R10R11R12R13WithValues() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> PlayLinkRequest.builder(MediaId.of(1))
                .expiresAt(NOW.minusSeconds(1))
                .us("bad tag")
                .rlimit(10)
                .whref(List.of("https://www.example.com"))
                .previewSeconds(0)
                .build(CLOCK));

        assertEquals(List.of(Rule.R9, Rule.R13, Rule.R10, Rule.R11, Rule.R12),
                e.violations().stream().map(RuleViolation::rule).toList());
        assertEquals(Long.toString(NOW.getEpochSecond() - 1), violation(e, Rule.R9, "t", "in the future").rejected());
        assertEquals("bad tag", violation(e, Rule.R13, "us", "URL-safe").rejected());
        assertEquals("10", violation(e, Rule.R10, "rlimit", "1..9").rejected());
        assertEquals("https://www.example.com", violation(e, Rule.R11, "whref[0]", "without scheme").rejected());
        assertEquals("0", violation(e, Rule.R12, "expr", "more than 0").rejected());
        assertTrue(e.getMessage().startsWith("5 rule violations: "), e.getMessage());
    }

    @Test
    void firstSubmission_whenEmpty_listsEveryMissingFieldAsAbsent() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FirstSubmission.builder().build());

        assertEquals(List.of("name", "media_id_list", "producer", "description", "cover_material_id", "qualification"),
                e.violations().stream().map(RuleViolation::field).toList());
        assertTrue(e.violations().stream().allMatch(v -> v.rejected().equals(RuleViolation.ABSENT)), e.violations()::toString);
        assertEquals(List.of(Rule.R14, Rule.R14, Rule.R14, Rule.R14, Rule.R14, Rule.R15),
                e.violations().stream().map(RuleViolation::rule).toList());
        violation(e, Rule.R15, "qualification", "choose one qualification");
    }

    @Test
    void pageRequest_whenLimitAndOffsetBroken_listsBoth() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> PageRequest.of(-1, 101));

        assertEquals(2, e.violations().size());
        assertEquals("101", violation(e, Rule.R20, "limit", "1..100").rejected());
        assertEquals("-1", violation(e, Rule.R20, "offset", ">= 0").rejected());
    }

    @Test
    void uploadSession_whenVideoAndCoverOversized_listsBothSizes() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> UploadSession.start(UploadId.of("u"), 500L * 1024 * 1024 + 1, 10L * 1024 * 1024 + 1));

        assertEquals(2, e.violations().size());
        assertEquals("524288001", violation(e, Rule.R5, "video.size", "500 MB").rejected());
        assertEquals("10485761", violation(e, Rule.R5, "cover.size", "10 MB").rejected());
    }

    @Test
    void commitUpload_whenVideoAndCoverListsOutOfOrder_namesEveryMisplacedEntry() {
        Etag etag = Etag.of("\"e\"");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new CommitUpload(UploadId.of("u"),
                List.of(new PartInfo(2, etag), new PartInfo(1, etag)), List.of(new PartInfo(3, etag))));

        assertEquals(List.of("media_part_infos[0].part_number", "media_part_infos[1].part_number", "cover_part_infos[0].part_number"),
                e.violations().stream().map(RuleViolation::field).toList());
        assertTrue(e.violations().stream().allMatch(v -> v.rule() == Rule.R7));
        violation(e, Rule.R7, "media_part_infos[0].part_number", "expected part 1");
    }
}
