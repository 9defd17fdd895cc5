package io.minidrama.domain.media;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.minidrama.domain.media.UploadLimits.MB;
import static io.minidrama.domain.media.UploadLimits.PART_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of {@link UploadSession} over any size and any upload order (R-5, R-6, R-7). */
@Label("UploadSession properties (R-5, R-6, R-7)")
class UploadSessionPropertiesTest {
    private static final UploadId ID = UploadId.of("upload-p");

    @Property(tries = 200)
    @Label("R-5: any size 1 B .. 500 MB plans <= 100 parts, 5 MB each but a 1 B .. 5 MB last, contiguous from 1, summing to the size")
    void plan_forAnySize_isValidR5(@ForAll @LongRange(min = 1, max = 500 * MB) long size) {
        List<PartPlan> plan = UploadSession.start(ID, size).plan(ResourceType.VIDEO);

        assertTrue(plan.size() >= 1 && plan.size() <= UploadLimits.MAX_PARTS, () -> plan.size() + " parts");
        long expectedOffset = 0;
        for (int i = 0; i < plan.size(); i++) {
            PartPlan p = plan.get(i);
            boolean last = i == plan.size() - 1;
            assertEquals(ResourceType.VIDEO, p.resourceType());
            assertEquals(i + 1, p.partNumber(), "part numbers are contiguous from 1");
            assertEquals(expectedOffset, p.offset(), "offsets are contiguous");
            if (last) {
                assertTrue(p.length() >= 1 && p.length() <= PART_SIZE, () -> "last part of " + p.length() + " bytes");
            } else {
                assertEquals(PART_SIZE, p.length(), "every part but the last is exactly 5 MB");
            }
            expectedOffset += p.length();
        }
        assertEquals(size, expectedOffset, "the parts sum to the size");
        assertEquals(UploadLimits.partCount(size), plan.size());
    }

    @Example
    @Label("R-5: the boundaries 1 B, 5 MB, 5 MB + 1 and 500 MB plan 1, 1, 2 and 100 parts")
    void plan_atBoundaries_hasExpectedPartCounts() {
        assertEquals(1, UploadSession.start(ID, 1).plan(ResourceType.VIDEO).size());
        assertEquals(1, UploadSession.start(ID, PART_SIZE).plan(ResourceType.VIDEO).size());
        assertEquals(List.of(PART_SIZE, 1L), UploadSession.start(ID, PART_SIZE + 1).plan(ResourceType.VIDEO)
                .stream().map(PartPlan::length).toList());
        assertEquals(100, UploadSession.start(ID, 500 * MB).plan(ResourceType.VIDEO).size());
    }

    /** One upload of a part; {@code seq} makes every upload's etag distinct. */
    record Upload(ResourceType type, int partNumber, int seq) {
        Etag etag() {
            return Etag.of("\"" + type.code() + "-" + partNumber + "-" + seq + "\"");
        }
    }

    /** Sizes and a sequence of uploads covering every planned part at least once, in random order, with re-uploads. */
    record Scenario(long videoSize, long coverSize, List<Upload> uploads) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> video = Arbitraries.longs().between(1, 500 * MB);
        Arbitrary<Long> cover = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(1, 10 * MB));
        return Combinators.combine(video, cover).flatAs((v, c) -> {
            int videoParts = UploadLimits.partCount(v);
            int coverParts = UploadLimits.partCount(c);
            int total = videoParts + coverParts;
            Arbitrary<List<Integer>> reuploads = Arbitraries.integers().between(0, total - 1).list().ofMaxSize(2 * total);
            return reuploads.flatMap(extra -> {
                List<int[]> all = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    all.add(new int[]{i});
                }
                for (int i : extra) {
                    all.add(new int[]{i});
                }
                return Arbitraries.shuffle(all).map(order -> {
                    List<Upload> uploads = new ArrayList<>();
                    for (int seq = 0; seq < order.size(); seq++) {
                        int slot = order.get(seq)[0];
                        uploads.add(slot < videoParts
                                ? new Upload(ResourceType.VIDEO, slot + 1, seq)
                                : new Upload(ResourceType.COVER, slot - videoParts + 1, seq));
                    }
                    return new Scenario(v, c, uploads);
                });
            });
        });
    }

    @Property(tries = 200)
    @Label("R-6/R-7: any order of part uploads with re-uploads yields the same commit list, each part with its last etag")
    void commitRequest_forAnyUploadOrder_isTheOrderedListOfLastEtags(@ForAll("scenarios") Scenario scenario) {
        UploadSession shuffled = UploadSession.start(ID, scenario.videoSize(), scenario.coverSize());
        Map<String, Etag> lastEtag = new LinkedHashMap<>();
        for (Upload u : scenario.uploads()) {
            long size = UploadLimits.partSize(u.type() == ResourceType.VIDEO ? scenario.videoSize() : scenario.coverSize(), u.partNumber());
            shuffled = shuffled.recordPart(u.type(), u.partNumber(), size, u.etag());
            lastEtag.put(u.type() + "#" + u.partNumber(), u.etag());
        }

        UploadSession inOrder = UploadSession.start(ID, scenario.videoSize(), scenario.coverSize());
        for (PartPlan p : inOrder.plannedParts()) {
            inOrder = inOrder.recordPart(p.resourceType(), p.partNumber(), p.length(), lastEtag.get(p.resourceType() + "#" + p.partNumber()));
        }

        CommitUpload commit = shuffled.commitRequest();
        assertEquals(inOrder.commitRequest(), commit);
        assertEquals(expected(ResourceType.VIDEO, UploadLimits.partCount(scenario.videoSize()), lastEtag), commit.mediaParts());
        assertEquals(expected(ResourceType.COVER, UploadLimits.partCount(scenario.coverSize()), lastEtag), commit.coverParts());
        assertEquals(scenario.coverSize() > 0, commit.hasCover());
    }

    @Property(tries = 100)
    @Label("R-6: splitting the uploads between two sessions and merging them gives the same commit as one session")
    void mergedWith_forAnySplit_equalsOneSession(@ForAll("scenarios") Scenario scenario, @ForAll("splits") int splitPercent) {
        int split = scenario.uploads().size() * splitPercent / 100;
        UploadSession start = UploadSession.start(ID, scenario.videoSize(), scenario.coverSize());
        UploadSession first = start;
        UploadSession second = start;
        UploadSession all = start;
        for (int i = 0; i < scenario.uploads().size(); i++) {
            Upload u = scenario.uploads().get(i);
            long size = UploadLimits.partSize(u.type() == ResourceType.VIDEO ? scenario.videoSize() : scenario.coverSize(), u.partNumber());
            all = all.recordPart(u.type(), u.partNumber(), size, u.etag());
            if (i < split) {
                first = first.recordPart(u.type(), u.partNumber(), size, u.etag());
            } else {
                second = second.recordPart(u.type(), u.partNumber(), size, u.etag());
            }
        }

        assertEquals(all.recordedParts(), first.mergedWith(second).recordedParts());
    }

    @Provide
    Arbitrary<Integer> splits() {
        return Arbitraries.integers().between(0, 100);
    }

    private static List<PartInfo> expected(ResourceType type, int count, Map<String, Etag> lastEtag) {
        TreeMap<Integer, PartInfo> byNumber = new TreeMap<>();
        for (int n = 1; n <= count; n++) {
            byNumber.put(n, new PartInfo(n, lastEtag.get(type + "#" + n)));
        }
        return List.copyOf(byNumber.values());
    }
}
