package io.minidrama.adapter.redis.internal;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.Namesakes;
import io.minidrama.port.UploadCheckpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A checkpoint as the fields of one Redis hash: the same names as the file store's properties,
 * plus one field {@code part:<resource_type>:<part_number>} per recorded part holding its etag
 * (quotes included). One field per part lets concurrent savers add parts with {@code HSET}
 * without reading the others' first.
 */
public final class CheckpointCodec {
    /** The fields the save script compares to tell the same upload from a new one. */
    public static final String UPLOAD_ID = "upload_id";
    public static final String VIDEO_SIZE = "video_size";
    public static final String COVER_SIZE = "cover_size";
    private static final String PART = "part:";

    private CheckpointCodec() {
    }

    /** Every field of {@code c}, meta fields first, then parts in plan order. */
    public static Map<String, String> encode(UploadCheckpoint c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "1");
        m.put("key", c.key());
        m.put("file.path", c.video().path());
        m.put("file.size", Long.toString(c.video().size()));
        m.put("file.modified", c.video().lastModified().toString());
        m.put("file.fingerprint", c.video().fingerprint());
        ApplyUpload r = c.request();
        m.put("media_name", r.name().wire());
        m.put("media_type", r.format().wire());
        r.coverFormat().ifPresent(f -> m.put("cover_type", f.wire()));
        m.put("source_context", r.sourceContext());
        UploadSession s = c.session();
        m.put(UPLOAD_ID, s.uploadId().value());
        m.put(VIDEO_SIZE, Long.toString(s.videoSize()));
        m.put(COVER_SIZE, Long.toString(s.coverSize()));
        m.put("updated_at", c.updatedAt().toString());
        c.namesakes().ids().ifPresent(ids -> m.put("namesakes", Namesakes.encode(ids)));
        for (UploadSession.RecordedPart part : s.recordedParts()) {
            m.put(PART + part.resourceType().code() + ":" + part.partNumber(), part.etag().value());
        }
        return m;
    }

    /**
     * The checkpoint in {@code m}, checked by the domain ({@link UploadSession#restore}).
     *
     * @throws RuntimeException if a field is missing or malformed
     */
    public static UploadCheckpoint decode(Map<String, String> m) {
        FileIdentity id = new FileIdentity(get(m, "file.path"), Long.parseLong(get(m, "file.size")),
                Instant.parse(get(m, "file.modified")), get(m, "file.fingerprint"));
        ApplyUpload req = ApplyUpload.of(MediaName.parse(get(m, "media_name")), VideoFormat.parse(get(m, "media_type")));
        String cover = m.get("cover_type");
        if (cover != null) {
            req = req.withCover(CoverFormat.parse(cover));
        }
        String ctx = m.getOrDefault("source_context", "");
        if (!ctx.isEmpty()) {
            req = req.withSourceContext(ctx);
        }
        List<UploadSession.RecordedPart> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getKey().startsWith(PART)) {
                String[] f = e.getKey().split(":");
                parts.add(new UploadSession.RecordedPart(ResourceType.of(Integer.parseInt(f[1])), Integer.parseInt(f[2]), Etag.of(e.getValue())));
            }
        }
        UploadSession session = UploadSession.restore(UploadId.of(get(m, UPLOAD_ID)), Long.parseLong(get(m, VIDEO_SIZE)),
                Long.parseLong(get(m, COVER_SIZE)), parts);
        return new UploadCheckpoint(get(m, "key"), id, req, session, Instant.parse(get(m, "updated_at")),
                Namesakes.decode(m.get("namesakes")));
    }

    private static String get(Map<String, String> m, String field) {
        return Objects.requireNonNull(m.get(field), () -> "missing field " + field);
    }
}
