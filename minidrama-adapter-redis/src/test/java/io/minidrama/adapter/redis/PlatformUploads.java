package io.minidrama.adapter.redis;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.port.MediaUploadPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's chunked-upload state, shared by every worker as the real platform is: parts per
 * upload id, etags checked at commit, the committed bytes kept for comparison. The collaborator
 * of the resume test, not the thing under test.
 */
final class PlatformUploads implements MediaUploadPort {
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Map<Integer, byte[]>> parts = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, String>> etags = new ConcurrentHashMap<>();
    final Map<Long, byte[]> media = new ConcurrentHashMap<>();
    final List<Integer> partCalls = new CopyOnWriteArrayList<>();
    final AtomicInteger applyCalls = new AtomicInteger();

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        throw new UnsupportedOperationException("the resume test uploads in parts");
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        applyCalls.incrementAndGet();
        String id = "up-" + ids.incrementAndGet();
        parts.put(id, new ConcurrentHashMap<>());
        etags.put(id, new ConcurrentHashMap<>());
        return UploadId.of(id);
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        String id = request.uploadId().value();
        if (!parts.containsKey(id)) {
            throw new PlatformException("uploadpart", 10093030, "resource does not exist", 200);
        }
        partCalls.add(request.partNumber());
        byte[] bytes;
        try (InputStream in = request.data().openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + ids.incrementAndGet() + "\"";
        parts.get(id).put(request.partNumber(), bytes);
        etags.get(id).put(request.partNumber(), etag);
        return Etag.of(etag);
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        String id = request.uploadId().value();
        if (!parts.containsKey(id)) {
            throw new PlatformException("commitupload", 10093030, "resource does not exist", 200);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (PartInfo p : request.mediaParts()) {
            if (!p.etag().value().equals(etags.get(id).get(p.partNumber()))) {
                throw new PlatformException("commitupload", 10093014, "etag mismatch for part " + p.partNumber(), 200);
            }
            all.writeBytes(parts.get(id).get(p.partNumber()));
        }
        long mid = ids.incrementAndGet();
        media.put(mid, all.toByteArray());
        parts.remove(id);
        return MediaId.of(mid);
    }
}
