package io.minidrama.adapter.fake;

import io.minidrama.adapter.fake.internal.Engine;
import io.minidrama.adapter.fake.internal.Faults;
import io.minidrama.adapter.fake.internal.PlayableDramas;
import io.minidrama.adapter.fake.internal.Handlers;
import io.minidrama.adapter.fake.internal.PlayerCapability;
import io.minidrama.adapter.fake.internal.Settings;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.Operation;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An honest, in-memory mini-drama platform: stateful, with the platform's rules and errcodes
 * (API.md), for offline tests of code written against {@link MiniDramaPlatform}.
 *
 * <pre>{@code
 * InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.create();
 * MiniDrama md = MiniDrama.create(platform, platform.clock());
 * DramaId id = md.dramas().submit(...);
 * platform.control().approveDrama(id);
 * }</pre>
 *
 * <p><b>Behaviour.</b> Uploads keep the assembled bytes (or only size and SHA-256 above
 * {@link Builder#keepContentUpTo}); parts may come in any order and be replaced, the commit checks
 * every etag and that every part but the last is exactly 5 MB. Parts are digested in part order
 * as they arrive; their bytes are held only until digested (above the cap) or committed, in
 * memory up to {@link Builder#partMemoryBudget}, then in temporary files. An upload abandoned for
 * {@link Builder#abandonedUploadsExpireAfter} of wall-clock time is freed. Pull uploads move waiting →
 * processing → done (or failed, when told) as the clock advances; no URL is fetched. Dramas follow
 * the audit state machine, decided by the tests through {@link #control()}; at most 5 expedited
 * first submissions a day (China time). Play links are issued only for episodes of approved dramas;
 * {@link FakeControl#play} simulates fetching them, honouring expiry, {@code rlimit},
 * {@code whref}/{@code bkref} and the preview length, and the bytes served become CDN usage and logs.
 * Durations default to 1 second per started MB of video ({@link Builder#durationPerMegabyte}).
 *
 * <p><b>Errors.</b> The fake refuses what the platform refuses, with
 * {@link io.minidrama.domain.error.PlatformException} ({@code httpStatus}
 * {@link io.minidrama.domain.error.PlatformException#NO_HTTP_STATUS}): an unknown or expired
 * media, upload, drama or task is 10093030; a commit with a wrong etag, a missing part, a
 * wrongly sized part or cover parts that do not match {@code applyupload} is 10093014; a cover
 * part on an upload applied without {@code cover_type} is 10090005; a link for an episode whose
 * drama is not approved, a resubmission of a drama that is not sent back for changes (status 4;
 * status 2 is final), and a sixth expedite of
 * the day are 10093011; an episode already in another drama is 10090040; a link parameter the
 * fake's state contradicts (expiry against the fake clock, preview longer than the video) is
 * 10093014. No faults are injected unless asked for through {@link #control()}.
 *
 * <p><b>Retries.</b> The fake retries as the HTTP adapter does: every call goes through
 * {@link RetryingMiniDramaPlatform} with {@link Builder#retryPolicy} (default
 * {@link RetryPolicy#defaults()}), so an injected errcode -1 is retried and a test passes against
 * the fake as against the emulator. A retry's wait advances the fake's {@link MutableClock}
 * (by half the policy's cap; nothing sleeps; with another clock it does not wait at all), and
 * each attempt meets the next injected fault and is one {@link FakeControl#recordedCalls() recorded
 * call}. Tests about raw failures build the fake with {@code retryPolicy(RetryPolicy.none())}.
 *
 * <p><b>Keeping a catalogue alive</b> (API.md §7). Episode replacements and information changes
 * follow the {@link Drama} aggregate's transitions: submitted (under review), then approved or
 * rejected through {@link #control()} (each decision pushes a {@code secvod_audit_event} with
 * audit type 2 or 3, as first audits push 0 or 1); an approved replacement is applied one episode
 * at a time within 7 days of approval (fake clock), and links to the replaced episode keep working
 * for 7 days after (for {@link #getPlayLink} and {@link FakeControl#play}). An approved information
 * change takes effect (description, recommendations, producer, cover, qualification). The latest
 * audit of each type 0..3 is kept per drama. Refusals: an unknown drama, media or audit type of a
 * drama is 10093030; replacing or changing a drama that is not approved, a second replacement or
 * change while one is under review, applying a replacement that is not approved (yet) or past its
 * 7 days, a qualification change of a drama submitted on or after 2024-05-27 (or a second one) are
 * 10093011; a replaced media that is not an episode, a new media that already is one, a pair not in
 * the approved replacement, a producer or copyright change without copyright protection are
 * 10093014; a new media in another drama is 10090040.
 * Traffic packages are seeded through {@link FakeControl#addPackage}; their usage is the billed CDN
 * traffic the fake served within their validity, oldest package first, unless set.
 * Authorisations (grantor {@link #appId()}): only approved dramas can be authorised (10093011 in the
 * drama's {@code result[]} entry; an unknown drama 10093030); copyright only for dramas whose first
 * submission (or an approved info change) applied for copyright protection (10093011); a grantee
 * marked through {@link FakeControl#lacksCategory} gets 10090038; an expiry sooner than 7 days on
 * the fake clock is 47003; expiries are honoured by the clock. Revoking a grant that never existed
 * (or expired) is 10090043, one revoked before 10090039 (per drama in {@code result[]}; a whole
 * call for {@code deauthorizeapp}). The grantee's views list what a test fed through
 * {@link FakeControl#receiveDramaGrant}, {@link FakeControl#receiveAppGrant} (whole catalogues) and
 * {@link FakeControl#receiveCopyrightGrant}, while their expiry is ahead of the fake clock.
 *
 * <p><b>Drama player</b> ({@link DramaPlayerPort}, API.md §8): switches, the swipe-through set and
 * recommendation pools (each call replaces the whole set; empty clears), sale times, monetization,
 * the promotion plan and Channels activities. A drama is playable when it is this mini program's
 * and approved, or another mini program granted it (or its whole catalogue) through
 * {@link FakeControl#receiveDramaGrant} / {@link FakeControl#receiveAppGrant}; a call naming one
 * that is not fails whole with 21000 and changes nothing. The promotion plan takes only this mini
 * program's dramas (another {@code src_appid}: 2); a join with one drama marked through
 * {@link PlayerControl#lowBitrate} fails whole with 106017 ({@link PlayerControl#duplicateContent}:
 * 106018); reviews are decided through {@link #playerControl()}, leaving completes as the clock
 * passes {@link PlayerControl#LEAVING_TAKES}.
 *
 * <p><b>Threads.</b> Thread-safe: every method may be called concurrently; parts of one upload
 * may be sent in parallel. Push-event listeners run on the thread whose call made the event
 * happen, after the fake released its lock.
 */
public final class InMemoryMiniDramaPlatform implements MiniDramaPlatform, DramaPlayerPort {
    /** The fake's waits are half their cap: deterministic, and within the policy's bounds. */
    private static final double FIXED_JITTER = 0.5;

    private final Engine engine;
    private final PlayerCapability player;
    /** The behaviour of each typed operation, registered by the capability that owns it. */
    private final Handlers handlers = new Handlers();
    private final PlayerControl playerControl;
    /** The injected faults behind the retry decorator: every call of the port goes through it. */
    private final RetriedFaults faults;
    private final FakeControl control;
    private final Clock clock;
    private final AppId appId;

    private InMemoryMiniDramaPlatform(Builder b) {
        this.clock = b.clock != null ? b.clock : MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.engine = new Engine(new Settings(clock, b.keepContentUpTo, b.durationPerMb, b.pullWaiting, b.pullProcessing,
                b.pulledMediaSize, b.originalId, b.urlBase, b.firstId, b.appId, b.abandonedUploadTtl, b.wallTicker, b.partMemoryBudget));
        this.appId = b.appId;
        Faults injected = new Faults(clock);
        Sleeper sleeper = clock instanceof MutableClock m ? m::advance : d -> { };
        this.faults = new RetriedFaults(injected, RetryingMiniDramaPlatform.wrap(this, b.retryPolicy, sleeper, clock, () -> FIXED_JITTER));
        this.control = new FakeControl(engine, injected, clock);
        this.player = new PlayerCapability(clock, b.appId.value(), new PlayableDramas(engine, b.appId));
        player.register(handlers);
        engine.register(handlers);
        this.playerControl = new PlayerControl(player);
        if (clock instanceof MutableClock m) {
            m.onChange(engine::tick);
        }
    }

    /** A fake with the default settings and its own {@link MutableClock}, started at the current time. */
    public static InMemoryMiniDramaPlatform create() {
        return builder().build();
    }

    /** A builder of a fake. */
    public static Builder builder() {
        return new Builder();
    }

    /** The control surface: decide audits, inject faults, move the clock, observe events and calls. */
    public FakeControl control() {
        return control;
    }

    /**
     * The fake's clock; a {@link MutableClock} unless another clock was configured. Share it with
     * the code under test ({@code MiniDrama.create(platform, platform.clock())}) so time rules agree.
     */
    public Clock clock() {
        return clock;
    }

    /** The control surface of the drama player: promotion reviews, refusals, Channels activities, settings. */
    public PlayerControl playerControl() {
        return playerControl;
    }

    /** How this fake retries failed calls ({@link Builder#retryPolicy}). */
    public RetryPolicy retryPolicy() {
        return faults.retries.policy();
    }

    /** The mini program's appid: the grantor of its authorisations, the grantee of those it receives. */
    public AppId appId() {
        return appId;
    }

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.SINGLE_FILE_UPLOAD.wireName(), request, () -> engine.uploadSingle(request));
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.APPLY_UPLOAD.wireName(), request, () -> engine.applyUpload(request));
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.UPLOAD_PART.wireName(), request, () -> engine.uploadPart(request));
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.COMMIT_UPLOAD.wireName(), request, () -> engine.commitUpload(request));
    }

    @Override
    public TaskId pullUpload(PullUpload request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.PULL_UPLOAD.wireName(), request, () -> engine.pullUpload(request));
    }

    @Override
    public Task getTask(TaskId taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return faults.call(PlatformOperation.GET_TASK.wireName(), taskId, () -> engine.getTask(taskId));
    }

    @Override
    public List<Media> listMedia(MediaQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.LIST_MEDIA.wireName(), query, () -> engine.listMedia(query));
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        return faults.call(PlatformOperation.GET_MEDIA.wireName(), mediaId, () -> engine.getMedia(mediaId));
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.GET_MEDIA_LINK.wireName(), request, () -> engine.getPlayLink(request));
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        faults.call(PlatformOperation.DELETE_MEDIA.wireName(), mediaId, () -> {
            engine.deleteMedia(mediaId);
            return null;
        });
    }

    @Override
    public DramaId submit(DramaSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        return faults.call(PlatformOperation.AUDIT_DRAMA.wireName(), submission, () -> engine.submit(submission));
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return faults.call(PlatformOperation.LIST_DRAMAS.wireName(), page, () -> engine.listDramas(page));
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        Objects.requireNonNull(dramaId, "dramaId");
        return faults.call(PlatformOperation.GET_DRAMA.wireName(), dramaId, () -> engine.getDrama(dramaId));
    }

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.GET_CDN_USAGE_DATA.wireName(), query, () -> engine.getCdnUsage(query));
    }

    @Override
    public void submitReplacement(ReplacementRequest request) {
        Objects.requireNonNull(request, "request");
        faults.call(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS.wireName(), request, () -> {
            engine.submitReplacement(request);
            return null;
        });
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        Objects.requireNonNull(request, "request");
        faults.call(PlatformOperation.REPLACE_DRAMA_MEDIA.wireName(), request, () -> {
            engine.applyReplacement(request);
            return null;
        });
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        Objects.requireNonNull(change, "change");
        faults.call(PlatformOperation.MODIFY_DRAMA_BASIC_INFO.wireName(), change, () -> {
            engine.modifyInfo(change);
            return null;
        });
    }

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.AUTHORIZE_DRAMA.wireName(), request, () -> engine.authorizeDramas(request));
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.DEAUTHORIZE_DRAMA.wireName(), request, () -> engine.deauthorizeDramas(request));
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.GET_AUTHORIZE_OBJECTS.wireName(), query, () -> engine.grantedDramas(query));
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.GET_AUTHORIZED_OBJECTS.wireName(), query, () -> engine.receivedDramas(query));
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        Objects.requireNonNull(request, "request");
        faults.call(PlatformOperation.AUTHORIZE_APP.wireName(), request, () -> {
            engine.authorizeApp(request);
            return null;
        });
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        Objects.requireNonNull(authorizedAppId, "authorizedAppId");
        faults.call(PlatformOperation.DEAUTHORIZE_APP.wireName(), authorizedAppId, () -> {
            engine.deauthorizeApp(authorizedAppId);
            return null;
        });
    }

    @Override
    public List<AppGrant> authorizedApps() {
        return faults.call(PlatformOperation.GET_AUTHORIZE_APPS.wireName(), "{}", engine::authorizedApps);
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        return faults.call(PlatformOperation.GET_AUTHORIZED_APPS.wireName(), "{}", engine::receivedApps);
    }

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.AUTHORIZE_COPYRIGHT.wireName(), request, () -> engine.authorizeCopyright(request));
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return faults.call(PlatformOperation.DEAUTHORIZE_COPYRIGHT.wireName(), request, () -> engine.deauthorizeCopyright(request));
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST.wireName(), query, () -> engine.grantedCopyrights(query));
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        Objects.requireNonNull(query, "query");
        return faults.call(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST.wireName(), query, () -> engine.receivedCopyrights(query));
    }

    @Override
    public String toString() {
        return "InMemoryMiniDramaPlatform[" + appId + ", " + clock + "]";
    }

    // ------------------------------------------------------------ typed operations (the drama player's, API.md §8)

    /**
     * Runs a typed operation (every one of {@link DramaPlayerPort}, and {@code listpackages}; the
     * typed methods call this):
     * the behaviour its capability registered, behind the injected faults, retried as the
     * {@linkplain #retryPolicy() policy} decides.
     *
     * @throws IllegalArgumentException when the fake does not answer {@code operation}
     */
    @Override
    public <Q, R> R execute(Operation<Q, R> operation, Q request) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        Function<Q, R> behaviour = handlers.of(operation);
        return faults.call(operation.wireName(), request, () -> behaviour.apply(request));
    }

    /** Runs a call through the injected faults, retried as the policy decides. */
    private static final class RetriedFaults {
        private final Faults injected;
        private final RetryingMiniDramaPlatform retries;

        RetriedFaults(Faults injected, RetryingMiniDramaPlatform retries) {
            this.injected = injected;
            this.retries = retries;
        }

        <T> T call(String op, Object request, Supplier<T> action) {
            return retries.intercept(PlatformOperation.of(op), () -> injected.call(op, request, action));
        }
    }


    /**
     * Builder of {@link InMemoryMiniDramaPlatform}. Not thread-safe; every setting has a default.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private Clock clock;
        private long keepContentUpTo = Long.MAX_VALUE;
        private Duration durationPerMb = Duration.ofSeconds(1);
        private Duration pullWaiting = Duration.ofSeconds(5);
        private Duration pullProcessing = Duration.ofSeconds(25);
        private long pulledMediaSize = UploadLimits.MB;
        private String originalId = "gh_fakeminiprogram";
        private String urlBase = "https://fake-minidrama.invalid";
        private long firstId = 1_000_001L;
        private AppId appId = AppId.of("wxfake000000000001");
        private Duration abandonedUploadTtl = Duration.ofHours(1);
        private LongSupplier wallTicker = System::nanoTime;
        private long partMemoryBudget = 256 * UploadLimits.MB;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /**
         * The fake's clock (default: a new {@link MutableClock} at the current time). With a
         * {@link MutableClock}, moving it makes due work (pull tasks) finish at once; with another
         * clock, due work finishes at the next call.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Keep the bytes of media up to this size; larger media keep only size and SHA-256
         * (default: keep everything). The cap applies while the parts arrive: parts are digested in
         * part order as they come, and once an upload's parts total more than the cap their bytes are
         * dropped; a commit never assembles more than the cap into one array.
         */
        public Builder keepContentUpTo(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0");
            }
            this.keepContentUpTo = bytes;
            return this;
        }

        /** The derived duration per started MB of video (default 1 second; 0 bytes count as 1 MB). */
        public Builder durationPerMegabyte(Duration duration) {
            this.durationPerMb = requirePositive(duration, "duration");
            return this;
        }

        /** How long a pull task waits, then processes, before it is done (default 5 s and 25 s). */
        public Builder pullUploadTiming(Duration waiting, Duration processing) {
            this.pullWaiting = requirePositive(waiting, "waiting");
            this.pullProcessing = requirePositive(processing, "processing");
            return this;
        }

        /** The size recorded for pulled media, whose URLs the fake never fetches (default 1 MB). */
        public Builder pulledMediaSize(long bytes) {
            if (bytes < 1 || bytes > UploadLimits.VIDEO_MAX) {
                throw new IllegalArgumentException("bytes must be 1..500 MB");
            }
            this.pulledMediaSize = bytes;
            return this;
        }

        /** The mini program's original id, {@code ToUserName} of pushed events (default {@code gh_fakeminiprogram}). */
        public Builder originalId(String originalId) {
            this.originalId = Objects.requireNonNull(originalId, "originalId");
            return this;
        }

        /** The base of the temporary URLs handed out (default {@code https://fake-minidrama.invalid}). */
        public Builder urlBase(String urlBase) {
            this.urlBase = Objects.requireNonNull(urlBase, "urlBase").replaceAll("/+$", "");
            return this;
        }

        /** The first id given to a media, drama or task; they share one sequence (default 1000001). */
        public Builder firstId(long firstId) {
            if (firstId < 1) {
                throw new IllegalArgumentException("firstId must be >= 1");
            }
            this.firstId = firstId;
            return this;
        }

        /**
         * Frees an upload (applied, never committed) once it has had no {@code applyupload} or
         * {@code uploadpart} for this long by the wall clock, whatever the fake's clock says (default 1
         * hour); its {@code upload_id} is then answered 10093030, as one past its validity. Uploads also
         * expire a day after {@code applyupload} by the fake's clock. Expired uploads are freed by the
         * next call (or {@link FakeControl#tick()}).
         */
        public Builder abandonedUploadsExpireAfter(Duration ttl) {
            this.abandonedUploadTtl = requirePositive(ttl, "ttl");
            return this;
        }

        /** The wall clock's nanosecond ticker for {@link #abandonedUploadsExpireAfter} (default {@link System#nanoTime()}); for tests. */
        public Builder wallTicker(LongSupplier nanoTicker) {
            this.wallTicker = Objects.requireNonNull(nanoTicker, "nanoTicker");
            return this;
        }

        /**
         * The most bytes of uploaded parts all uncommitted uploads together hold in memory (default
         * 256 MB): parts that arrive before their predecessors, and parts of uploads still within
         * {@link #keepContentUpTo}. Beyond it they are written to temporary files, deleted when the
         * upload is committed, expires or the fake is reset.
         */
        public Builder partMemoryBudget(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bytes must be >= 0");
            }
            this.partMemoryBudget = bytes;
            return this;
        }

        /**
         * How failed calls are retried (default {@link RetryPolicy#defaults()}, as the HTTP
         * adapter); {@link RetryPolicy#none()} lets every injected failure surface at once.
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The mini program's appid (default {@code wxfake000000000001}). */
        public Builder appId(AppId appId) {
            this.appId = Objects.requireNonNull(appId, "appId");
            return this;
        }

        private static Duration requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        /** Builds the fake. */
        public InMemoryMiniDramaPlatform build() {
            return new InMemoryMiniDramaPlatform(this);
        }
    }
}
