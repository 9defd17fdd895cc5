package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.internal.Records.PullFailure;
import io.minidrama.adapter.fake.internal.Records.TaskRec;
import io.minidrama.adapter.fake.internal.Records.Upload;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.UploadLimits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static io.minidrama.adapter.fake.internal.Core.error;

/**
 * Uploads: a single file ({@code singlefileupload}), a pull by URL ({@code pullupload},
 * {@code gettask}) and the chunked flow ({@code applyupload}, {@code uploadpart},
 * {@code commitupload}). Part bytes are digested and held by each upload's {@link PartChain}
 * outside the fake's lock; pull tasks finish in {@link Core}'s due work.
 */
final class Uploads {
    private final Core core;

    Uploads(Core core) {
        this.core = core;
    }

    MediaId uploadSingle(SingleFileUpload r) {
        byte[] video = readAll(r.video());
        byte[] cover = r.cover().map(Uploads::readAll).orElse(null);
        String sha = Digests.sha256(video);
        String coverSha = cover == null ? "" : Digests.sha256(cover);
        return core.locked(out -> core.newMedia(r.name().wire(), core.clock.instant(), video.length, sha, keep(video),
                cover == null ? 0 : cover.length, coverSha, r.sourceContext()));
    }

    UploadId applyUpload(ApplyUpload r) {
        return core.locked(out -> {
            UploadId id = UploadId.of("fake-upload-" + core.nextId.getAndIncrement() + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
            Settings s = core.settings;
            core.uploads.put(id, new Upload(r, core.clock.instant(), s.wallTicker().getAsLong(),
                    new PartChain(s.keepContentUpTo(), core.partBytesInMemory, s.partMemoryBudget(), core.partBuffers),
                    new PartChain(-1, core.partBytesInMemory, s.partMemoryBudget(), core.partBuffers)));
            return id;
        });
    }

    Etag uploadPart(PartUpload p) {
        String etag = Digests.etag(p.data());
        PartChain chain = core.locked(out -> {
            Upload u = upload("uploadpart", p.uploadId());
            if (p.resourceType() == ResourceType.COVER && u.request.coverFormat().isEmpty()) {
                throw error("uploadpart", ErrorCode.RESOURCE_TYPE_INVALID,
                        "resource_type 2 (cover) needs a cover_type at applyupload; upload " + p.uploadId() + " has none");
            }
            u.touch(core.settings.wallTicker().getAsLong());
            return p.resourceType() == ResourceType.COVER ? u.cover : u.video;
        });
        // Digested (and its bytes held or dropped) under the upload's own lock, not the fake's.
        if (!chain.put(p.partNumber(), p.data(), etag)) {
            throw expired("uploadpart", p.uploadId());
        }
        return Etag.of(etag);
    }

    MediaId commitUpload(CommitUpload c) {
        String op = "commitupload";
        Upload u = core.locked(out -> upload(op, c.uploadId()));
        PartChain.Assembled v = u.video.assemble(op, c.mediaParts(), "video");
        boolean applied = u.request.coverFormat().isPresent();
        if (applied && c.coverParts().isEmpty()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "cover_part_infos is required: a cover_type was given at applyupload");
        }
        if (!applied && !c.coverParts().isEmpty()) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "cover_part_infos given, but no cover_type was given at applyupload");
        }
        PartChain.Assembled cv = u.cover.assemble(op, c.coverParts(), "cover");
        if (cv.size() > UploadLimits.COVER_MAX) {
            throw error(op, ErrorCode.PARAMETER_ERROR, "the cover is " + cv.size() + " bytes; at most 10 MB (10485760 bytes)");
        }
        return core.locked(out -> {
            if (core.uploads.get(c.uploadId()) != u) {
                throw expired(op, c.uploadId()); // committed (or expired) by a concurrent call
            }
            core.uploads.remove(c.uploadId());
            u.release();
            return core.newMedia(u.request.name().wire(), core.clock.instant(), v.size(), v.sha256(), v.content(),
                    cv.size(), cv.size() == 0 ? "" : cv.sha256(), u.request.sourceContext());
        });
    }

    /** Bytes of uploaded parts the fake holds in memory now (uploads not committed yet). */
    long partBytesInMemory() {
        return core.partBytesInMemory.get();
    }

    TaskId pullUpload(PullUpload r) {
        return core.locked(out -> {
            TaskId id = new TaskId(core.nextId.getAndIncrement());
            Instant now = core.clock.instant();
            Instant processing = now.plus(core.settings.pullWaiting());
            core.tasks.put(id, new TaskRec(id, r, now, processing, processing.plus(core.settings.pullProcessing()), core.pullFailures.poll()));
            return id;
        });
    }

    Task getTask(TaskId id) {
        return core.locked(out -> {
            TaskRec t = core.tasks.get(id);
            if (t == null) {
                throw error("gettask", ErrorCode.RESOURCE_NOT_FOUND, "task_id " + id + " does not exist");
            }
            return t.toTask(core.clock.instant());
        });
    }

    /** The next {@code times} pull tasks fail with {@code errcode} and {@code errmsg}. */
    void failNextPullTasks(int times, int errcode, String errmsg) {
        core.run(out -> {
            for (int i = 0; i < times; i++) {
                core.pullFailures.add(new PullFailure(errcode, errmsg));
            }
        });
    }

    private byte[] keep(byte[] video) {
        return video.length <= core.settings.keepContentUpTo() ? video : null;
    }

    private static byte[] readAll(ByteSource source) {
        try (InputStream in = source.openStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, source.size()));
        } catch (IOException e) {
            throw new TransportException("singlefileupload", "cannot read " + source.fileName() + ": " + e, false, e);
        }
    }

    private Upload upload(String op, UploadId id) {
        Upload u = core.uploads.get(id);
        if (u == null) {
            throw expired(op, id);
        }
        return u;
    }

    private static PlatformException expired(String op, UploadId id) {
        return error(op, ErrorCode.RESOURCE_NOT_FOUND, "upload_id " + id + " does not exist, has expired or was committed");
    }
}
