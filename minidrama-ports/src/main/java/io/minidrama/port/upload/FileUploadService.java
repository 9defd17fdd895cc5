package io.minidrama.port.upload;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.PartPlan;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.internal.IoFailures;
import io.minidrama.port.Namesakes;
import io.minidrama.port.MediaCatalogPort;
import io.minidrama.port.MediaUploadPort;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Uploads files from disk fast, in bounded memory, without losing work.
 *
 * <ul>
 *   <li><b>Method.</b> A video under the single-upload threshold (default 10 MB, R-4) goes in one
 *       {@code singlefileupload}; a larger one in 5 MB parts. A cover goes with either.</li>
 *   <li><b>Chunked.</b> Parts are read straight from the file by position (no whole-file
 *       buffer) and sent concurrently, at most {@code partConcurrency} per upload and at most
 *       {@code maxParallelParts} across all uploads of this service; memory is bounded by the
 *       number of parts in flight. The commit carries the etags in order.</li>
 *   <li><b>Retries.</b> This service does not retry on top of the port: retries live in the
 *       port's {@link io.minidrama.port.RetryingMiniDramaPlatform} (the HTTP adapter and the fake
 *       apply it), as its {@link io.minidrama.port.RetryPolicy} decides. So one part is sent at
 *       most {@code RetryPolicy.maxAttempts()} times per run: with the defaults, 4 (one more if
 *       the platform rejected the access token: the adapter refreshes it once per call). A part that
 *       still fails fails the run, its checkpoint kept: the next run sends only the parts the
 *       platform has not answered. The exceptions are an {@code applyupload} or
 *       {@code commitupload} whose answer was lost (below), each sent once more.</li>
 *   <li><b>Resume.</b> Every finished part is written to the {@link UploadCheckpointPort} under
 *       the request's checkpoint key, with the file's {@link FileIdentity} (see
 *       {@link FileIdentities}). Uploading the same file again resumes: only the parts missing
 *       from the checkpoint are sent. A changed file starts over; an upload id the platform no
 *       longer knows (10093030) starts over once, cleanly; the checkpoint is removed after a
 *       successful commit and kept after a failure or cancellation.</li>
 *   <li><b>Lost answers.</b> An {@code applyupload} whose answer was lost (an ambiguous failure,
 *       which the port's policy does not repeat) is sent once more: an unused upload id expires
 *       and creates nothing. A {@code commitupload} whose answer is lost (an ambiguous failure,
 *       which the port's policy does not repeat) is sent once more (two calls of at most {@code maxAttempts}
 *       attempts each; only an ambiguous attempt can have reached the platform, so it receives the
 *       commit at most twice); if the platform then no longer knows the upload id, the first commit did happen and
 *       the media is found instead of being uploaded twice: before {@code applyupload} the
 *       service lists the media already bearing the name (exact name, no time window) and keeps
 *       their ids in the checkpoint ({@link Namesakes}); the committed media is the one of that
 *       name not among them. No clock is compared, so a platform clock hours away from this
 *       machine's does not matter.</li>
 * </ul>
 *
 * <p>Thread-safe; share one instance. {@link #close()} stops its threads (or, built on a shared
 * {@link UploadExecutor}, cancels its running uploads and leaves the threads to their owner).
 */
public final class FileUploadService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FileUploadService.class.getName());
    /** Slack between this machine's clock and the platform's, for checkpoints without namesakes. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** Pages of 100 read when listing the media of one name. */
    private static final int NAMESAKE_PAGES = 10;

    private final MediaUploadPort port;
    private final MediaCatalogPort catalog;
    private final UploadCheckpointPort checkpoints;
    private final long singleUploadThreshold;
    private final int partConcurrency;
    private final Clock clock;
    private final ExecutorService partExecutor;
    private final ExecutorService coordinator;
    /** The executor this service owns (closed with it), or {@code null} when it shares one. */
    private final UploadExecutor owned;
    /** Uploads started and not finished, cancelled by {@link #close()} when the executor is shared. */
    private final java.util.Set<UploadHandle> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FileUploadService(Builder b) {
        this.port = b.port;
        this.catalog = b.catalog != null ? b.catalog : (b.port instanceof MediaCatalogPort c ? c : null);
        this.checkpoints = b.checkpoints;
        this.singleUploadThreshold = b.singleUploadThreshold;
        this.partConcurrency = b.partConcurrency;
        this.clock = b.clock;
        UploadExecutor threads = b.executor != null ? b.executor : UploadExecutor.create(b.maxParallelParts);
        this.owned = b.executor != null ? null : threads;
        this.partExecutor = threads.parts();
        this.coordinator = threads.coordinator();
    }

    /** A builder over {@code port}, storing checkpoints in {@code checkpoints}. */
    public static Builder builder(MediaUploadPort port, UploadCheckpointPort checkpoints) {
        return new Builder(port, checkpoints);
    }

    /**
     * Starts uploading; returns at once.
     *
     * @throws IllegalStateException after {@link #close()}, or once its shared executor is closed
     */
    public UploadHandle start(FileUploadRequest request) {
        if (closed) {
            throw new IllegalStateException("this upload service is closed; nothing was sent");
        }
        UploadHandle handle = new UploadHandle();
        running.add(handle);
        handle.future().whenComplete((id, failure) -> running.remove(handle));
        try {
            coordinator.execute(() -> {
                try {
                    handle.future().complete(run(request, handle));
                } catch (Throwable t) {
                    handle.future().completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            running.remove(handle);
            throw new IllegalStateException("this upload service's threads are stopped (the service or its shared UploadExecutor "
                    + "was closed); nothing was sent", closed);
        }
        return handle;
    }

    /**
     * Uploads and waits.
     *
     * @throws io.minidrama.domain.error.MiniDramaException the failure, unwrapped
     * @throws CancellationException if the thread was interrupted (the checkpoint is kept)
     */
    public MediaId upload(FileUploadRequest request) {
        UploadHandle handle = start(request);
        try {
            return handle.future().get();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted; the upload's checkpoint is kept");
        } catch (java.util.concurrent.ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RuntimeException unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof RuntimeException r) {
            return r;
        }
        if (c instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(c);
    }

    /** The size from which the chunked method is used. */
    public long singleUploadThreshold() {
        return singleUploadThreshold;
    }

    private MediaId run(FileUploadRequest request, UploadHandle handle) {
        checkReadable(request);
        ByteSource video = ByteSource.ofFile(request.video());
        Optional<ByteSource> cover = request.cover().map(ByteSource::ofFile);
        if (video.size() < singleUploadThreshold && video.size() < UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE) {
            return single(request, video, cover);
        }
        return chunked(request, video, cover, handle, true);
    }

    /**
     * Reads a byte of the video and of the cover, so a file that cannot be read is refused before
     * anything is sent (not reported later as a failed transfer).
     */
    private static void checkReadable(FileUploadRequest request) {
        java.util.List<io.minidrama.domain.error.RuleViolation> found = new ArrayList<>();
        unreadable(request.video(), "media_data").ifPresent(found::add);
        request.cover().flatMap(c -> unreadable(c, "cover_data")).ifPresent(found::add);
        if (!found.isEmpty()) {
            throw new io.minidrama.domain.error.InvalidRequestException(found);
        }
    }

    private static Optional<io.minidrama.domain.error.RuleViolation> unreadable(java.nio.file.Path file, String field) {
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            ch.read(java.nio.ByteBuffer.allocate(1));
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.of(new io.minidrama.domain.error.RuleViolation(field, io.minidrama.domain.error.Rule.NONE, file.toString(),
                    "cannot read the file: " + IoFailures.describe(e)));
        }
    }

    private MediaId single(FileUploadRequest request, ByteSource video, Optional<ByteSource> cover) {
        SingleFileUpload.Builder b = SingleFileUpload.builder().name(request.name()).format(request.format()).video(video);
        cover.ifPresent(c -> b.cover(request.coverFormat().orElseThrow(), c));
        if (!request.sourceContext().isEmpty()) {
            b.sourceContext(request.sourceContext());
        }
        SingleFileUpload upload = b.build();
        long total = video.size() + cover.map(ByteSource::size).orElse(0L);
        request.listener().onProgress(new UploadProgress(0, total, 0, 1, 0));
        long t0 = System.nanoTime();
        MediaId id = port.uploadSingle(upload);
        double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        notify(request, new UploadProgress(total, total, 1, 1, total / secs));
        return id;
    }

    private MediaId chunked(FileUploadRequest request, ByteSource video, Optional<ByteSource> cover, UploadHandle handle,
                            boolean mayRestart) {
        long coverSize = cover.map(ByteSource::size).orElse(0L);
        UploadSession.checkSizes(video.size(), coverSize);
        ApplyUpload apply = ApplyUpload.of(request.name(), request.format());
        if (request.coverFormat().isPresent()) {
            apply = apply.withCover(request.coverFormat().get());
        }
        if (!request.sourceContext().isEmpty()) {
            apply = apply.withSourceContext(request.sourceContext());
        }
        FileIdentity identity = FileIdentities.of(request.video());
        String key = request.checkpointKey();
        UploadCheckpoint checkpoint = resumable(key, identity, apply, coverSize).orElse(null);
        boolean resumed = checkpoint != null;
        if (checkpoint == null) {
            checkpoints.checkWritable(key);
            Namesakes before = namesakes(apply);
            UploadId id = apply(apply);
            checkpoint = new UploadCheckpoint(key, identity, apply, UploadSession.start(id, video.size(), coverSize), clock.instant(),
                    before);
            save(checkpoint);
        } else {
            LOG.log(System.Logger.Level.INFO, "resuming upload " + checkpoint.session().uploadId() + " of " + request.name()
                    + ": " + checkpoint.session().recordedParts().size() + "/" + checkpoint.session().plannedParts().size() + " parts done");
        }
        try {
            UploadCheckpoint done = uploadParts(request, checkpoint, video, cover.orElse(null), handle);
            MediaId media = commit(done);
            checkpoints.delete(key);
            return media;
        } catch (PlatformException e) {
            if (e.errorCode() == ErrorCode.RESOURCE_NOT_FOUND && mayRestart) {
                LOG.log(System.Logger.Level.WARNING, "the platform no longer knows upload " + checkpoint.session().uploadId()
                        + (resumed ? " (resumed from a checkpoint)" : "") + "; starting over");
                checkpoints.delete(key);
                return chunked(request, video, cover, handle, false);
            }
            throw e;
        }
    }

    /**
     * Opens the upload; retries are the port's, which does not repeat {@code applyupload} after
     * an ambiguous failure (it is not repeat-safe in general). Here it is: an upload id opened but
     * never answered expires unused and creates no media, so an ambiguous failure is followed by
     * one more call.
     */
    private UploadId apply(ApplyUpload apply) {
        try {
            return port.applyUpload(apply);
        } catch (TransportException | UnexpectedResponseException e) {
            if (!ambiguous(e)) {
                throw e;
            }
            LOG.log(System.Logger.Level.DEBUG, "applyupload of " + apply.name() + ": answer lost; asking once more");
            try {
                return port.applyUpload(apply);
            } catch (RuntimeException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    /**
     * The media already named like the upload, listed by exact name without a time window, so a
     * media found after a lost commit answer can be told from them without comparing this
     * machine's clock with the platform's. Unknown without a catalog, or with more namesakes than
     * {@link #NAMESAKE_PAGES} pages hold. A failed listing fails the upload; nothing has been
     * created yet then.
     */
    private Namesakes namesakes(ApplyUpload apply) {
        if (catalog == null) {
            return Namesakes.unknown();
        }
        List<Media> named = named(apply);
        if (named.size() >= NAMESAKE_PAGES * PageRequest.MAX_LIMIT) {
            LOG.log(System.Logger.Level.WARNING, "over " + named.size() + " media are named " + apply.name()
                    + "; a lost commit answer will be matched by upload time");
            return Namesakes.unknown();
        }
        return Namesakes.of(named.stream().map(Media::id).toList());
    }

    /** Every media named exactly like the upload (at most {@link #NAMESAKE_PAGES} pages). */
    private List<Media> named(ApplyUpload apply) {
        List<Media> all = new ArrayList<>();
        String name = apply.name().wire();
        MediaQuery.Builder b = MediaQuery.builder().page(PageRequest.of(0, PageRequest.MAX_LIMIT));
        // A % at either end cannot go in media_name: the fuzzy search finds the name, the filter below keeps it exact.
        MediaQuery q = (name.startsWith("%") || name.endsWith("%") ? b.nameFuzzy(name) : b.name(name)).build();
        for (int page = 0; page < NAMESAKE_PAGES; page++) {
            MediaQuery query = q;
            List<Media> got = catalog.listMedia(query);
            got.stream().filter(m -> m.name().equals(apply.name().wire())).forEach(all::add);
            if (got.size() < q.page().limit()) {
                break;
            }
            q = q.withPage(q.page().next());
        }
        return all;
    }

    /**
     * Commits. A commit that fails without an answer it can read (a transport failure, or an
     * answer the SDK cannot map) may or may not have happened: it is sent
     * again, and if the platform then no longer knows the upload id (10093030), the first one did
     * happen, so the media is looked up by its name instead of uploading it a second time. The
     * same lookup runs when the first commit itself answers 10093030: a process that committed and
     * died before deleting its checkpoint (or a commit retried inside the adapter) leaves exactly
     * that trace.
     */
    private MediaId commit(UploadCheckpoint checkpoint) {
        UploadSession done = checkpoint.session();
        ApplyUpload apply = checkpoint.request();
        MiniDramaException first;
        try {
            return port.commitUpload(done.commitRequest());
        } catch (TransportException | UnexpectedResponseException e) {
            first = e;
        } catch (PlatformException p) {
            if (p.errorCode() == ErrorCode.RESOURCE_NOT_FOUND) {
                Optional<MediaId> committed = committedMedia(checkpoint);
                if (committed.isPresent()) {
                    LOG.log(System.Logger.Level.INFO, "upload " + done.uploadId() + " of " + apply.name()
                            + " was already committed: media " + committed.get());
                    return committed.get();
                }
            }
            throw p;
        }
        if (!ambiguous(first)) {
            throw first;
        }
        try {
            return port.commitUpload(done.commitRequest());
        } catch (TransportException | UnexpectedResponseException again) {
            first.addSuppressed(again);
            throw first;
        } catch (PlatformException p) {
            if (p.errorCode() != ErrorCode.RESOURCE_NOT_FOUND) {
                throw p;
            }
            Optional<MediaId> committed = committedMedia(checkpoint);
            if (committed.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "commit of " + apply.name() + " had gone through before its answer was lost: media "
                        + committed.get());
                return committed.get();
            }
            throw p;
        }
    }

    /** Whether the platform may have acted although its answer did not arrive. */
    private static boolean ambiguous(MiniDramaException failure) {
        return failure instanceof TransportException t && t.ambiguous()
                || failure instanceof UnexpectedResponseException u && u.ambiguous();
    }

    /**
     * The media the upload committed: a media of its exact name that was not among its
     * {@link Namesakes} when it was opened (the newest, should there be several). A checkpoint
     * without namesakes (written by an older version) falls back to the media of that name
     * created since its last part was recorded, by this machine's clock within
     * {@link #CLOCK_SKEW}.
     */
    private Optional<MediaId> committedMedia(UploadCheckpoint checkpoint) {
        if (catalog == null) {
            return Optional.empty();
        }
        List<Media> named = named(checkpoint.request());
        java.util.Comparator<Media> newest = java.util.Comparator.comparing(Media::createTime,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(m -> m.id().value());
        Optional<java.util.Set<MediaId>> before = checkpoint.namesakes().ids();
        if (before.isPresent()) {
            return named.stream().filter(m -> !before.get().contains(m.id())).max(newest).map(Media::id);
        }
        Instant until = clock.instant().plus(CLOCK_SKEW);
        Instant since = checkpoint.updatedAt().minus(CLOCK_SKEW);
        if (!since.isBefore(until)) {
            since = until.minus(CLOCK_SKEW.multipliedBy(2));
        }
        Instant from = since;
        return named.stream().filter(m -> m.createTime() != null && !m.createTime().isBefore(from) && m.createTime().isBefore(until))
                .max(newest).map(Media::id);
    }

    /** Saves; a failure once the upload is open on the platform says so, and what to do. */
    private void save(UploadCheckpoint c) {
        try {
            checkpoints.save(c);
        } catch (CheckpointStorageException e) {
            if (e.uploadInProgress().isPresent()) {
                throw e;
            }
            throw CheckpointStorageException.afterSending(c.session().uploadId(), c.request().name().wire(), e);
        } catch (RuntimeException e) {
            throw CheckpointStorageException.afterSending(c.session().uploadId(), c.request().name().wire(), e);
        }
    }

    private Optional<UploadCheckpoint> resumable(String key, FileIdentity identity, ApplyUpload apply, long coverSize) {
        Optional<UploadCheckpoint> stored;
        try {
            stored = checkpoints.load(key);
        } catch (RuntimeException e) {
            throw CheckpointStorageException.beforeSending("the checkpoint store", e);
        }
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        UploadCheckpoint c = stored.get();
        boolean sameFile = c.video().equals(identity);
        boolean sameRequest = c.request().name().equals(apply.name()) && c.request().format() == apply.format()
                && c.request().coverFormat().equals(apply.coverFormat()) && c.session().coverSize() == coverSize;
        if (sameFile && sameRequest) {
            return stored;
        }
        LOG.log(System.Logger.Level.INFO, "discarding the checkpoint of " + apply.name() + ": "
                + (sameFile ? "the request changed" : "the file changed") + "; starting over");
        checkpoints.delete(key);
        return Optional.empty();
    }

    /** Sends every missing part, recording each in the checkpoint as it finishes. */
    private UploadCheckpoint uploadParts(FileUploadRequest request, UploadCheckpoint start, ByteSource video, ByteSource cover,
                                      UploadHandle handle) {
        UploadSession initial = start.session();
        Deque<PartPlan> todo = new ArrayDeque<>(initial.missingParts());
        int partsTotal = initial.plannedParts().size();
        LinkedBlockingQueue<PartOutcome> outcomes = new LinkedBlockingQueue<>();
        UploadCheckpoint current = start;
        long sentThisRun = 0;
        long t0 = System.nanoTime();
        notify(request, new UploadProgress(initial.bytesRecorded(), initial.bytesTotal(), initial.recordedParts().size(), partsTotal, 0));
        int inFlight = 0;
        RuntimeException failure = null;
        UploadId id = initial.uploadId();
        List<PartOutcome> batch = new ArrayList<>();
        while (true) {
            if (failure == null && !handle.isCanceled()) {
                inFlight += fill(todo, partConcurrency - inFlight, id, video, cover, outcomes);
            }
            if (inFlight == 0) {
                break;
            }
            batch.clear();
            try {
                batch.add(outcomes.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancel();
                continue;
            }
            outcomes.drainTo(batch);
            inFlight -= batch.size();
            // Keep the connections busy before the (synced) checkpoint write, not after it.
            if (failure == null && !handle.isCanceled()) {
                inFlight += fill(todo, partConcurrency - inFlight, id, video, cover, outcomes);
            }
            UploadSession next = current.session();
            for (PartOutcome o : batch) {
                if (o.failure != null) {
                    if (failure == null) {
                        failure = o.failure;
                    } else {
                        failure.addSuppressed(o.failure);
                    }
                    continue;
                }
                next = next.recordPart(o.plan.resourceType(), o.plan.partNumber(), o.plan.length(), o.etag);
                sentThisRun += o.plan.length();
            }
            if (next != current.session()) {
                current = current.withSession(next, clock.instant());
                try {
                    save(current);
                } catch (CheckpointStorageException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
                double secs = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
                notify(request, new UploadProgress(next.bytesRecorded(), next.bytesTotal(), next.recordedParts().size(), partsTotal,
                        sentThisRun / secs));
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (handle.isCanceled() && !current.session().isComplete()) {
            throw new CancellationException("upload of " + request.name() + " cancelled; " + current.session().recordedParts().size()
                    + "/" + partsTotal + " parts are kept in the checkpoint");
        }
        return current;
    }

    private record PartOutcome(PartPlan plan, Etag etag, RuntimeException failure) {
    }

    /** Starts up to {@code slots} of the remaining parts; returns how many it started. */
    private int fill(Deque<PartPlan> todo, int slots, UploadId id, ByteSource video, ByteSource cover,
                     LinkedBlockingQueue<PartOutcome> outcomes) {
        int started = 0;
        while (started < slots && !todo.isEmpty()) {
            PartPlan plan = todo.poll();
            ByteSource data = (plan.resourceType() == ResourceType.VIDEO ? video : cover).slice(plan.offset(), plan.length());
            partExecutor.execute(() -> outcomes.add(send(id, plan, data)));
            started++;
        }
        return started;
    }

    private PartOutcome send(UploadId id, PartPlan plan, ByteSource data) {
        try {
            return new PartOutcome(plan, port.uploadPart(PartUpload.of(id, plan, data)), null);
        } catch (RuntimeException e) {
            return new PartOutcome(plan, null, e);
        }
    }

    private static void notify(FileUploadRequest request, UploadProgress p) {
        try {
            request.listener().onProgress(p);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "upload listener failed: " + e);
        }
    }

    /**
     * Stops the service's threads; running uploads stop at their next part and keep their
     * checkpoints. With a shared {@link UploadExecutor} its threads stay up (its owner closes it) and
     * this service's running uploads are cancelled instead.
     */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.close();
        } else {
            running.forEach(UploadHandle::cancel);
        }
    }

    /**
     * Builder of {@link FileUploadService}.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private final MediaUploadPort port;
        private final UploadCheckpointPort checkpoints;
        private MediaCatalogPort catalog;
        private long singleUploadThreshold = UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE;
        private int partConcurrency = 4;
        private int maxParallelParts = 4;
        private UploadExecutor executor;
        private Clock clock = Clock.systemUTC();

        private Builder(MediaUploadPort port, UploadCheckpointPort checkpoints) {
            this.port = Objects.requireNonNull(port, "port");
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        }

        /**
         * Videos smaller than this go by single-file upload (default and maximum: 10 MB, R-4);
         * 0 makes every upload chunked.
         */
        public Builder singleUploadThreshold(long bytes) {
            if (bytes < 0 || bytes > UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE) {
                throw new IllegalArgumentException("the single-upload threshold is 0 .. 10 MB (R-4)");
            }
            this.singleUploadThreshold = bytes;
            return this;
        }

        /** Parts of one upload in flight at once (default 4). */
        public Builder partConcurrency(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("partConcurrency must be >= 1");
            }
            this.partConcurrency = n;
            return this;
        }

        /**
         * Parts in flight across all uploads of the service (default 4): the memory bound. Ignored
         * with a shared {@link #executor(UploadExecutor)}, whose own bound applies.
         */
        public Builder maxParallelParts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxParallelParts must be >= 1");
            }
            this.maxParallelParts = n;
            return this;
        }

        /**
         * Where to look up a media whose commit answer was lost (default: the upload port itself,
         * when it is also a {@link MediaCatalogPort}, as every {@code MiniDramaPlatform} is).
         */
        public Builder catalog(MediaCatalogPort catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Runs on {@code shared} threads instead of the service's own: several services (one per
         * mini program, say) then send at most {@link UploadExecutor#maxParallelParts()} parts at
         * once between them. The service does not close it.
         */
        public Builder executor(UploadExecutor shared) {
            this.executor = Objects.requireNonNull(shared, "shared");
            return this;
        }

        /** The clock checkpoints are stamped with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Builds the service; close it when done. */
        public FileUploadService build() {
            return new FileUploadService(this);
        }
    }


}
