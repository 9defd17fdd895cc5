package io.minidrama.domain.media;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.media.UploadLimits.PART_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The uploadpart and commitupload requests on their own. */
class ChunkRequestsTest {
    private static final UploadId ID = UploadId.of("u-1");
    private static final Etag E = Etag.of("\"e\"");

    @Nested
    @DisplayName("R-5: uploadpart takes part_number 1..100 and 1 byte .. 5 MB of data")
    class R5PartUpload {

        @Test
        void new_whenPart100Of5Mib_acceptsR5() {
            PartUpload p = new PartUpload(ID, 100, ResourceType.VIDEO, SizedSource.of(PART_SIZE));

            assertEquals(100, p.partNumber());
        }

        @Test
        void new_whenPart101_rejectsWithR5() {
            assertRejected(Rule.R5, "part_number", "part_number is 1..100", () -> new PartUpload(ID, 101, ResourceType.VIDEO, SizedSource.of(1)));
        }

        @Test
        void new_whenPart0_rejectsWithR5() {
            assertRejected(Rule.R5, "part_number", "part_number is 1..100", () -> new PartUpload(ID, 0, ResourceType.COVER, SizedSource.of(1)));
        }

        @Test
        void new_whenDataIs5MibPlus1_rejectsWithR5() {
            assertRejected(Rule.R5, "data", "a part is 1 byte .. 5 MB",
                    () -> new PartUpload(ID, 1, ResourceType.VIDEO, SizedSource.of(PART_SIZE + 1)));
        }

        @Test
        void new_whenDataEmpty_rejectsWithR5() {
            assertRejected(Rule.R5, "data", "a part is 1 byte .. 5 MB", () -> new PartUpload(ID, 1, ResourceType.VIDEO, SizedSource.of(0)));
        }

        @Test
        void new_whenResourceTypeMissing_rejectsWithR5() {
            assertRejected(Rule.R5, "resource_type", "required", () -> new PartUpload(ID, 1, null, SizedSource.of(1)));
        }

        @Test
        void of_whenDataMatchesPlan_accepts() {
            PartPlan plan = new PartPlan(ResourceType.COVER, 2, PART_SIZE, 123);

            PartUpload p = PartUpload.of(ID, plan, SizedSource.of(123));

            assertEquals(ResourceType.COVER, p.resourceType());
            assertEquals(2, p.partNumber());
        }

        @Test
        void of_whenDataSizeDiffersFromPlan_rejectsWithR5() {
            PartPlan plan = new PartPlan(ResourceType.VIDEO, 1, 0, PART_SIZE);

            assertRejected(Rule.R5, "data", "part 1 must be exactly 5242880 bytes", () -> PartUpload.of(ID, plan, SizedSource.of(PART_SIZE - 1)));
        }

        @Test
        void partInfo_whenPartNumber1And100_acceptsButNot101R5() {
            assertEquals(1, new PartInfo(1, E).partNumber());
            assertEquals(100, new PartInfo(100, E).partNumber());
            assertRejected(Rule.R5, "part_number", "1..100", () -> new PartInfo(101, E));
            assertRejected(Rule.R5, "part_number", "1..100", () -> new PartInfo(0, E));
        }
    }

    @Nested
    @DisplayName("R-7: commit lists sorted ascending, from 1, contiguous, no duplicates")
    class R7CommitUpload {

        @Test
        void new_whenContiguousFrom1_acceptsR7() {
            CommitUpload c = new CommitUpload(ID, List.of(new PartInfo(1, E), new PartInfo(2, E)), List.of(new PartInfo(1, E)));

            assertEquals(2, c.mediaParts().size());
            assertEquals(1, c.coverParts().size());
        }

        @Test
        void new_whenStartsAt2_rejectsWithR7() {
            assertRejected(Rule.R7, "media_part_infos[0].part_number", "expected part 1",
                    () -> new CommitUpload(ID, List.of(new PartInfo(2, E)), List.of()));
        }

        @Test
        void new_whenGap_rejectsWithR7() {
            assertRejected(Rule.R7, "media_part_infos[1].part_number", "contiguous: expected part 2",
                    () -> new CommitUpload(ID, List.of(new PartInfo(1, E), new PartInfo(3, E)), List.of()));
        }

        @Test
        void new_whenDuplicate_rejectsWithR7() {
            assertRejected(Rule.R7, "media_part_infos[1].part_number", "expected part 2",
                    () -> new CommitUpload(ID, List.of(new PartInfo(1, E), new PartInfo(1, E)), List.of()));
        }

        @Test
        void new_whenCoverListUnsorted_rejectsWithR7() {
            assertRejected(Rule.R7, "cover_part_infos[0].part_number", "sorted ascending",
                    () -> new CommitUpload(ID, List.of(new PartInfo(1, E)), List.of(new PartInfo(2, E), new PartInfo(1, E))));
        }

        @Test
        void new_whenNoVideoParts_rejectsWithR7() {
            assertRejected(Rule.R7, "media_part_infos", "at least one part", () -> new CommitUpload(ID, List.of(), List.of()));
        }
    }
}
