package io.minidrama.port.upload;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.port.MediaCatalogPort;
import io.minidrama.port.MediaUploadPort;
import io.minidrama.port.PullUploadPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small in-memory platform for the upload service's tests: the collaborator, not the thing
 * under test. It keeps parts per upload, checks etags at commit and assembles the bytes, and can
 * be scripted to fail chosen part uploads.
 */
final class ScriptedUploadPort implements MediaUploadPort, MediaCatalogPort, PullUploadPort {
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Map<String, byte[]>> uploads = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> etags = new ConcurrentHashMap<>();
    private final Map<String, ApplyUpload> applied = new ConcurrentHashMap<>();
    final Map<Long, byte[]> media = new ConcurrentHashMap<>();
    final Map<Long, String> mediaNames = new ConcurrentHashMap<>();
    final Map<Long, Instant> mediaCreated = new ConcurrentHashMap<>();
    final List<String> partCalls = new CopyOnWriteArrayList<>();
    final AtomicInteger applyCalls = new AtomicInteger();
    final AtomicInteger singleCalls = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Decides per part call (upload id, "type.part", attempt) whether to throw. */
    volatile Function<String, RuntimeException> partFault = k -> null;
    /** Thrown by the next applyupload calls, before anything happens: the connection was refused (not ambiguous). */
    final java.util.concurrent.atomic.AtomicInteger applyFailures = new java.util.concurrent.atomic.AtomicInteger();
    /** Thrown by the next applyupload calls AFTER the upload was opened: the answer is lost (ambiguous). */
    final java.util.concurrent.atomic.AtomicInteger applyAnswersLost = new java.util.concurrent.atomic.AtomicInteger();
    /** Thrown by the next commitupload calls AFTER the media was created: the answer is lost. */
    final java.util.concurrent.atomic.AtomicInteger commitAnswersLost = new java.util.concurrent.atomic.AtomicInteger();
    /** As {@link #commitAnswersLost}, but the answer arrives cut off: an unexpected response, not a transport failure. */
    final java.util.concurrent.atomic.AtomicInteger commitAnswersCutOff = new java.util.concurrent.atomic.AtomicInteger();
    final AtomicInteger commitCalls = new AtomicInteger();
    final Map<Long, Task> tasks = new ConcurrentHashMap<>();

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        singleCalls.incrementAndGet();
        long id = ids.incrementAndGet();
        media.put(id, read(request.video().openStream()));
        mediaNames.put(id, request.name().wire());
        mediaCreated.put(id, Instant.now());
        return MediaId.of(id);
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        applyCalls.incrementAndGet();
        if (applyFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new TransportException("applyupload", "connection refused", false, null);
        }
        String id = "up-" + ids.incrementAndGet();
        uploads.put(id, new ConcurrentHashMap<>());
        etags.put(id, new ConcurrentHashMap<>());
        applied.put(id, request);
        if (applyAnswersLost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw reset("applyupload");
        }
        return UploadId.of(id);
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        String id = request.uploadId().value();
        String key = request.resourceType().code() + "." + request.partNumber();
        partCalls.add(id + ":" + key);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (!uploads.containsKey(id)) {
                throw new PlatformException("uploadpart", 10093030, "resource does not exist", 200);
            }
            RuntimeException fault = partFault.apply(id + ":" + key);
            if (fault != null) {
                throw fault;
            }
            byte[] bytes = read(request.data().openStream());
            if (bytes.length != request.data().size()) {
                throw new IllegalStateException("source yielded " + bytes.length + " bytes, expected " + request.data().size());
            }
            uploads.get(id).put(key, bytes);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + ids.incrementAndGet() + "\"";
            etags.get(id).put(key, etag);
            return Etag.of(etag);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        commitCalls.incrementAndGet();
        String id = request.uploadId().value();
        if (!uploads.containsKey(id)) {
            throw new PlatformException("commitupload", 10093030, "resource does not exist", 200);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        TreeMap<Integer, byte[]> ordered = new TreeMap<>();
        for (PartInfo p : request.mediaParts()) {
            String key = ResourceType.VIDEO.code() + "." + p.partNumber();
            if (!p.etag().value().equals(etags.get(id).get(key))) {
                throw new PlatformException("commitupload", 10093014, "etag mismatch for part " + p.partNumber(), 200);
            }
            ordered.put(p.partNumber(), uploads.get(id).get(key));
        }
        ordered.values().forEach(all::writeBytes);
        long mid = ids.incrementAndGet();
        media.put(mid, all.toByteArray());
        mediaNames.put(mid, applied.get(id).name().wire());
        mediaCreated.put(mid, Instant.now());
        uploads.remove(id);
        if (commitAnswersLost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw reset("commitupload");
        }
        if (commitAnswersCutOff.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new io.minidrama.domain.error.UnexpectedResponseException("commitupload", 200, "malformed or truncated JSON",
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"media_i", true);
        }
        return MediaId.of(mid);
    }

    @Override
    public List<Media> listMedia(MediaQuery query) {
        List<Media> out = new ArrayList<>();
        mediaNames.forEach((id, name) -> {
            if (query.matchesName(name)) {
                Instant created = mediaCreated.get(id);
                if (query.uploadedWithin().map(w -> w.contains(created)).orElse(true)) {
                    out.add(Media.builder(MediaId.of(id)).name(name).fileSize(media.get(id).length).createTime(created).build());
                }
            }
        });
        int from = Math.min(out.size(), query.page().offset());
        return out.subList(from, Math.min(out.size(), from + query.page().limit()));
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TaskId pullUpload(PullUpload request) {
        long id = ids.incrementAndGet();
        tasks.put(id, new Task(TaskId.of(id), 1, TaskStatus.WAITING, 0, "", Instant.EPOCH, Instant.EPOCH, 0));
        lastPullContext = request.sourceContext();
        return TaskId.of(id);
    }

    volatile String lastPullContext = "";

    @Override
    public Task getTask(TaskId taskId) {
        Task t = tasks.get(taskId.value());
        if (t == null) {
            throw new PlatformException("gettask", 10093030, "resource does not exist", 200);
        }
        return t;
    }

    void finishTask(long id, TaskStatus status, int errcode, long mediaId) {
        tasks.put(id, new Task(TaskId.of(id), 1, status, errcode, errcode == 0 ? "" : "pull failed", Instant.EPOCH, Instant.EPOCH, mediaId));
    }

    /** The platform forgets every upload id it gave out so far (they expired). */
    void forgetUploads() {
        uploads.clear();
        etags.clear();
    }

    /**
     * This port as a whole {@link io.minidrama.port.MiniDramaPlatform} (the methods of other ports
     * throw {@link UnsupportedOperationException}), behind the SDK's retry decorator with
     * {@code policy} and a sleeper that does not sleep: how the service meets a real adapter.
     */
    io.minidrama.port.MiniDramaPlatform retrying(io.minidrama.port.RetryPolicy policy) {
        return io.minidrama.port.RetryingMiniDramaPlatform.wrap(asPlatform(), policy, d -> { });
    }

    /** This port as a whole platform, without retries. */
    io.minidrama.port.MiniDramaPlatform asPlatform() {
        Object self = this;
        return (io.minidrama.port.MiniDramaPlatform) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.minidrama.port.MiniDramaPlatform.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "ScriptedUploadPort";
                    }
                    if (!method.getDeclaringClass().isInstance(self)) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    try {
                        return method.invoke(self, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static TransportException reset(String op) {
        return new TransportException(op, "connection reset", true, null);
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
