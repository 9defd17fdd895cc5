package io.minidrama.domain.media;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.RuleAssertions.violation;
import static io.minidrama.domain.media.UploadLimits.MB;
import static io.minidrama.domain.media.UploadLimits.PART_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadSessionTest {
    private static final UploadId ID = UploadId.of("upload-1");

    private static Etag etag(String s) {
        return Etag.of("\"" + s + "\"");
    }

    private static UploadSession recordAll(UploadSession s) {
        for (PartPlan p : s.plannedParts()) {
            s = s.recordPart(p.resourceType(), p.partNumber(), p.length(), etag(p.resourceType() + "-" + p.partNumber()));
        }
        return s;
    }

    @Nested
    @DisplayName("R-5: parts 1..100 of exactly 5 MB but the last; video <= 500 MB; cover <= 10 MB")
    class R5Sizes {

        @Test
        void start_whenVideoIs500Mib_acceptsWith100PartsR5() {
            UploadSession s = UploadSession.start(ID, 500 * MB);

            assertEquals(100, s.plan(ResourceType.VIDEO).size());
            assertEquals(PART_SIZE, s.plan(ResourceType.VIDEO).get(99).length());
        }

        @Test
        void start_whenVideoIs500MibPlus1Byte_rejectsWithR5() {
            assertRejected(Rule.R5, "video.size", "1 byte .. 500 MB", () -> UploadSession.start(ID, 500 * MB + 1));
        }

        @Test
        void start_whenVideoEmpty_rejectsWithR5() {
            assertRejected(Rule.R5, "video.size", "1 byte .. 500 MB", () -> UploadSession.start(ID, 0));
        }

        @Test
        void start_whenCoverIs10Mib_acceptsWithTwoCoverPartsR5() {
            UploadSession s = UploadSession.start(ID, MB, 10 * MB);

            assertEquals(2, s.plan(ResourceType.COVER).size());
            assertTrue(s.hasCover());
        }

        @Test
        void start_whenCoverIs10MibPlus1Byte_rejectsWithR5() {
            assertRejected(Rule.R5, "cover.size", "at most 10 MB", () -> UploadSession.start(ID, MB, 10 * MB + 1));
        }

        @Test
        void start_whenCoverNegative_rejectsWithR5() {
            assertRejected(Rule.R5, "cover.size", "0 means no cover parts", () -> UploadSession.start(ID, MB, -1));
        }

        @Test
        void start_whenUploadIdMissing_rejects() {
            assertRejected(Rule.NONE, "upload_id", "required", () -> UploadSession.start(null, MB));
        }

        @Test
        void plan_when12Mib_isTwoFullPartsAndA2MibTail() {
            List<PartPlan> plan = UploadSession.start(ID, 12 * MB).plan(ResourceType.VIDEO);

            assertEquals(List.of(
                    new PartPlan(ResourceType.VIDEO, 1, 0, PART_SIZE),
                    new PartPlan(ResourceType.VIDEO, 2, PART_SIZE, PART_SIZE),
                    new PartPlan(ResourceType.VIDEO, 3, 2 * PART_SIZE, 2 * MB)), plan);
        }

        @Test
        void plan_whenExactMultipleOf5Mib_lastPartIsFull() {
            List<PartPlan> plan = UploadSession.start(ID, 10 * MB).plan(ResourceType.VIDEO);

            assertEquals(2, plan.size());
            assertEquals(PART_SIZE, plan.get(1).length());
        }

        @Test
        void plan_coverPartsAreNumberedFrom1OnTheirOwn() {
            UploadSession s = UploadSession.start(ID, 12 * MB, 6 * MB);

            assertEquals(List.of(
                    new PartPlan(ResourceType.COVER, 1, 0, PART_SIZE),
                    new PartPlan(ResourceType.COVER, 2, PART_SIZE, MB)), s.plan(ResourceType.COVER));
            assertEquals(5, s.plannedParts().size());
            assertEquals(18 * MB, s.bytesTotal());
        }

        @Test
        void recordPart_whenPart100Of500Mib_acceptsR5() {
            UploadSession s = UploadSession.start(ID, 500 * MB).recordPart(ResourceType.VIDEO, 100, PART_SIZE, etag("p100"));

            assertEquals(List.of(new UploadSession.RecordedPart(ResourceType.VIDEO, 100, etag("p100"))), s.recordedParts());
        }

        @Test
        void recordPart_whenPart101_rejectsWithR5() {
            UploadSession s = UploadSession.start(ID, 500 * MB);

            assertRejected(Rule.R5, "media_part_infos[101]", "has parts 1..100",
                    () -> s.recordPart(ResourceType.VIDEO, 101, PART_SIZE, etag("p101")));
        }

        @Test
        void recordPart_whenPartBeyondPlan_rejectsWithR5() {
            UploadSession s = UploadSession.start(ID, 12 * MB);

            assertRejected(Rule.R5, "media_part_infos[4]", "has parts 1..3", () -> s.recordPart(ResourceType.VIDEO, 4, MB, etag("x")));
            assertRejected(Rule.R5, "media_part_infos[0]", "has parts 1..3", () -> s.recordPart(ResourceType.VIDEO, 0, MB, etag("x")));
        }

        @Test
        void recordPart_whenFullPartIsOneByteShort_rejectsWithR5() {
            UploadSession s = UploadSession.start(ID, 12 * MB);

            InvalidRequestException e = assertRejected(Rule.R5, "media_part_infos[1].size", "must be exactly 5242880 bytes",
                    () -> s.recordPart(ResourceType.VIDEO, 1, PART_SIZE - 1, etag("x")));
            assertEquals("5242879", e.violations().get(0).rejected());
        }

        @Test
        void recordPart_whenLastPartHasWrongSize_rejectsWithR5() {
            UploadSession s = UploadSession.start(ID, 12 * MB);

            assertRejected(Rule.R5, "media_part_infos[3].size", "must be exactly 2097152 bytes",
                    () -> s.recordPart(ResourceType.VIDEO, 3, PART_SIZE, etag("x")));
        }

        @Test
        void recordPart_whenCoverPartButNoCoverPlanned_rejectsWithR7() {
            UploadSession s = UploadSession.start(ID, 12 * MB);

            assertRejected(Rule.R7, "cover_part_infos[1]", "no cover parts were planned",
                    () -> s.recordPart(ResourceType.COVER, 1, MB, etag("c")));
        }

        @Test
        void checkSizes_whenWithinLimits_accepts() {
            UploadSession.checkSizes(500 * MB, 10 * MB);
            UploadSession.checkSizes(1, 0);
            assertRejected(Rule.R5, "video.size", "500 MB", () -> UploadSession.checkSizes(500 * MB + 1, 0));
        }
    }

    @Nested
    @DisplayName("R-6: a re-uploaded part replaces the earlier one, in any order")
    class R6Replace {

        @Test
        void recordPart_whenPartUploadedAgain_replacesItsEtagR6() {
            UploadSession s = UploadSession.start(ID, 7 * MB)
                    .recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("first"))
                    .recordPart(ResourceType.VIDEO, 2, 2 * MB, etag("two"))
                    .recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("second"));

            assertEquals(List.of(new PartInfo(1, etag("second")), new PartInfo(2, etag("two"))), s.commitRequest().mediaParts());
            assertEquals(2, s.recordedParts().size());
        }

        @Test
        void recordPart_returnsANewSessionAndLeavesTheOldOneUnchanged() {
            UploadSession empty = UploadSession.start(ID, 7 * MB);
            UploadSession one = empty.recordPart(ResourceType.VIDEO, 2, 2 * MB, etag("two"));

            assertNotSame(empty, one);
            assertTrue(empty.recordedParts().isEmpty());
            assertEquals(2 * MB, one.bytesRecorded());
            assertEquals(List.of(1), one.missingParts().stream().map(PartPlan::partNumber).toList());
        }

        @Test
        void recordPart_whenOutOfOrder_commitListIsStillAscending() {
            UploadSession s = UploadSession.start(ID, 12 * MB)
                    .recordPart(ResourceType.VIDEO, 3, 2 * MB, etag("c"))
                    .recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("a"))
                    .recordPart(ResourceType.VIDEO, 2, PART_SIZE, etag("b"));

            assertEquals(List.of(new PartInfo(1, etag("a")), new PartInfo(2, etag("b")), new PartInfo(3, etag("c"))),
                    s.commitRequest().mediaParts());
        }

        @Test
        void recordPart_keepsTheEtagByteForByteIncludingQuotes() {
            Etag raw = Etag.of("\"d899ca8bd4e3d7a1\"");
            UploadSession s = UploadSession.start(ID, 1).recordPart(ResourceType.VIDEO, 1, 1, raw);

            assertEquals("\"d899ca8bd4e3d7a1\"", s.commitRequest().mediaParts().get(0).etag().value());
        }
    }

    @Nested
    @DisplayName("R-7: commit lists sorted, contiguous from 1, complete; cover parts exactly when applied")
    class R7Commit {

        @Test
        void commitRequest_whenAllPartsRecorded_listsVideoAndCoverParts() {
            UploadSession s = recordAll(UploadSession.start(ID, 12 * MB, 6 * MB));

            CommitUpload c = s.commitRequest();

            assertEquals(ID, c.uploadId());
            assertEquals(List.of(1, 2, 3), c.mediaParts().stream().map(PartInfo::partNumber).toList());
            assertEquals(List.of(etag("COVER-1"), etag("COVER-2")), c.coverParts().stream().map(PartInfo::etag).toList());
            assertTrue(c.hasCover());
            assertTrue(s.isComplete());
            assertEquals(18 * MB, s.bytesRecorded());
        }

        @Test
        void commitRequest_whenNoCoverApplied_hasNoCoverParts() {
            CommitUpload c = recordAll(UploadSession.start(ID, 3)).commitRequest();

            assertFalse(c.hasCover());
            assertEquals(List.of(), c.coverParts());
        }

        @Test
        void commitRequest_whenPartsMissing_refusesNamingEveryMissingPartR7() {
            UploadSession s = UploadSession.start(ID, 12 * MB, 6 * MB)
                    .recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("a"))
                    .recordPart(ResourceType.COVER, 2, MB, etag("c2"));

            InvalidRequestException e = assertRejected(Rule.R7, "media_part_infos[2]", "part 2 of the video was not uploaded",
                    s::commitRequest);

            assertEquals(List.of("media_part_infos[2]", "media_part_infos[3]", "cover_part_infos[1]"),
                    e.violations().stream().map(RuleViolation::field).toList());
            violation(e, Rule.R7, "cover_part_infos[1]", "part 1 of the cover was not uploaded; upload it before committing");
            assertEquals("<missing>", e.violations().get(0).rejected());
            assertFalse(s.isComplete());
        }
    }

    @Nested
    class MergeAndRestore {

        @Test
        void mergedWith_isTheUnionAndTheNewerEtagWins() {
            UploadSession base = UploadSession.start(ID, 12 * MB);
            UploadSession older = base.recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("old1"))
                    .recordPart(ResourceType.VIDEO, 3, 2 * MB, etag("c"));
            UploadSession newer = base.recordPart(ResourceType.VIDEO, 1, PART_SIZE, etag("new1"))
                    .recordPart(ResourceType.VIDEO, 2, PART_SIZE, etag("b"));

            UploadSession merged = older.mergedWith(newer);

            assertEquals(List.of(new PartInfo(1, etag("new1")), new PartInfo(2, etag("b")), new PartInfo(3, etag("c"))),
                    merged.commitRequest().mediaParts());
            assertEquals(1, older.mergedWith(older).recordedParts().stream().filter(p -> p.partNumber() == 1).count());
        }

        @Test
        void mergedWith_whenDifferentUpload_refuses() {
            UploadSession a = UploadSession.start(ID, 12 * MB);

            assertFalse(a.sameUpload(UploadSession.start(UploadId.of("other"), 12 * MB)));
            assertFalse(a.sameUpload(UploadSession.start(ID, 11 * MB)));
            assertFalse(a.sameUpload(UploadSession.start(ID, 12 * MB, 1)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> a.mergedWith(UploadSession.start(UploadId.of("other"), 12 * MB)));
            assertTrue(e.getMessage().contains("cannot merge different uploads"), e.getMessage());
        }

        @Test
        void restore_rebuildsTheSessionFromRecordedParts() {
            UploadSession original = UploadSession.start(ID, 12 * MB, 1)
                    .recordPart(ResourceType.VIDEO, 2, PART_SIZE, etag("b"))
                    .recordPart(ResourceType.COVER, 1, 1, etag("c"));

            UploadSession restored = UploadSession.restore(ID, 12 * MB, 1, original.recordedParts());

            assertTrue(restored.sameUpload(original));
            assertEquals(original.recordedParts(), restored.recordedParts());
            assertEquals(original.missingParts(), restored.missingParts());
        }

        @Test
        void restore_whenPartOutsideThePlan_rejectsNamingEachR5() {
            List<UploadSession.RecordedPart> parts = List.of(
                    new UploadSession.RecordedPart(ResourceType.VIDEO, 4, etag("x")),
                    new UploadSession.RecordedPart(ResourceType.COVER, 1, etag("y")));

            InvalidRequestException e = assertRejected(Rule.R5, "media_part_infos[4]", "has parts 1..3",
                    () -> UploadSession.restore(ID, 12 * MB, 0, parts));
            violation(e, Rule.R7, "cover_part_infos[1]", "no cover parts were planned");
        }

        @Test
        void restore_whenSizesOutOfRange_rejectsWithR5() {
            assertRejected(Rule.R5, "video.size", "500 MB", () -> UploadSession.restore(ID, 0, 0, List.of()));
        }
    }
}
