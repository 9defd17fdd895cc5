package io.minidrama.domain;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.Test;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdsTest {

    @Test
    void etag_keepsQuotesAndWhiteSpaceByteForByte() {
        String raw = "\"d899ca8bd4e3d7a1b4fa9c5e8d0f1a2b\"";

        assertEquals(raw, Etag.of(raw).value());
        assertEquals(raw, Etag.of(raw).toString());
        assertEquals(" \"x\" ", Etag.of(" \"x\" ").value());
    }

    @Test
    void etag_whenEmpty_rejects() {
        assertRejected(Rule.NONE, "etag", "non-empty", () -> Etag.of(""));
        assertRejected(Rule.NONE, "etag", "non-empty", () -> Etag.of(null));
    }

    @Test
    void numericIds_whenZeroOrNegative_reject() {
        assertRejected(Rule.NONE, "media_id", "positive", () -> MediaId.of(0));
        assertRejected(Rule.NONE, "drama_id", "positive", () -> DramaId.of(-1));
        assertRejected(Rule.NONE, "task_id", "positive", () -> TaskId.of(0));
    }

    @Test
    void numericIds_keep64BitValues() {
        assertEquals(Long.MAX_VALUE, MediaId.of(Long.MAX_VALUE).value());
        assertEquals("9007199254740993", DramaId.of(9007199254740993L).toString());
        assertEquals(1, TaskId.of(1).value());
    }

    @Test
    void stringIds_whenBlankOrPadded_reject() {
        assertRejected(Rule.NONE, "upload_id", "non-blank", () -> UploadId.of(" "));
        assertRejected(Rule.NONE, "material_id", "without surrounding white space", () -> MaterialId.of(" m1"));
        assertEquals("abc", UploadId.of("abc").value());
        assertEquals("m-1", MaterialId.of("m-1").value());
    }
}
