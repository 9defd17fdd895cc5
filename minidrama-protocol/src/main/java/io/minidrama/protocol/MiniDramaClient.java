package io.minidrama.protocol;

import io.minidrama.port.AccessTokenSource;

import io.minidrama.protocol.internal.Exchange;
import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.Mapping;
import io.minidrama.protocol.internal.Multipart;
import io.minidrama.protocol.internal.Operation;
import io.minidrama.port.PlatformOperation;
import io.minidrama.protocol.internal.ResponseReader;
import io.minidrama.protocol.internal.Codecs;
import io.minidrama.protocol.internal.dto.Wire;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;
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
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
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
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuthorizationPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.Sleeper;
import io.minidrama.port.TrafficPackagePort;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * The mini-drama platform over any {@link HttpTransport}: every operation of
 * {@link MiniDramaPlatform} and of API.md §7 ({@link DramaMaintenancePort},
 * {@link TrafficPackagePort}, {@link DramaAuthorizationPort}, {@link CopyrightAuthorizationPort})
 * as {@code POST <baseUrl>/wxa/sec/vod/<op>?access_token=..}, and the drama player's
 * ({@link DramaPlayerPort}, API.md §8) as {@code POST <baseUrl>/wxadrama/<op>?access_token=..}; JSON
 * bodies through JSON-B, {@code singlefileupload} and {@code uploadpart} as streamed
 * {@code multipart/form-data}.
 *
 * <p>Contract:
 * <ul>
 *   <li>Thread-safe; parts of one upload MAY be sent concurrently. {@code null} arguments are
 *       refused with a {@link NullPointerException}.</li>
 *   <li>Uploads stream from their {@link io.minidrama.domain.media.ByteSource}: a video is never
 *       held in memory; a retried request re-reads it from the start.</li>
 *   <li>A non-zero errcode surfaces as {@link PlatformException} (with errcode, errmsg,
 *       operation and HTTP status); HTTP 502 from an upload as
 *       {@link io.minidrama.domain.error.FileTooLargeException}; a failed exchange as
 *       {@link TransportException}, a deadline as {@link io.minidrama.domain.error.DeadlineExceededException},
 *       an answer the SDK cannot map (unreadable, or JSON that does not fit the operation) as
 *       {@link UnexpectedResponseException}, never as a transport failure. No checked exception
 *       escapes.</li>
 *   <li>Errcodes 40001, 40014 and 42001 invalidate the token used (if it is still the cached
 *       one) and repeat the call with a fresh token within the same attempt, once per call.</li>
 *   <li>Every other failure is retried by {@link RetryingMiniDramaPlatform} as the ports'
 *       {@link RetryPolicy} ({@link Builder#retryPolicy}) decides: the one retry decision of the
 *       SDK, the same over the in-memory fake. Each attempt is one token acquisition and one
 *       exchange (two after the call's one token refresh), so one call is sent at most
 *       {@code maxAttempts()} times, plus one if the platform rejected the token. Operations that are not
 *       {@linkplain io.minidrama.port.PlatformOperation#repeatSafe() safe to repeat} are not
 *       retried after an ambiguous failure unless {@link RetryPolicy#retryAmbiguous()}.</li>
 *   <li>A failed token fetch means nothing of the operation was sent: a transport failure or an
 *       unreadable answer of the token endpoint surfaces as a {@link TransportException} of the
 *       operation with {@code ambiguous() == false} (the token endpoint's failure as its cause),
 *       so it is retried even for an operation that is not safe to repeat. The token endpoint's
 *       errcodes and unmappable answers surface unchanged.</li>
 *   <li>Neither the secret nor the token appears in exceptions, log records or
 *       {@link #toString()}. Calls are logged at DEBUG through {@link System.Logger}.</li>
 * </ul>
 */
public final class MiniDramaClient implements MiniDramaPlatform, DramaPlayerPort {
    // The one call pipeline: token, encode, one HttpTransport.execute per attempt (with the call
    // deadline), read, map. Each attempt runs under the ports' RetryingMiniDramaPlatform.intercept,
    // so the adapter retries exactly as the fake does.

    /** The platform's API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.weixin.qq.com");

    private static final System.Logger LOG = System.getLogger(MiniDramaClient.class.getName());
    private static final String JSON = "application/json; charset=utf-8";

    private final URI baseUrl;
    private final Exchange exchange;
    private final AccessTokenPort tokens;
    private final RetryingMiniDramaPlatform retries;

    private MiniDramaClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.exchange = new Exchange(b.transport, b.baseUrl, b.callTimeout);
        this.tokens = b.tokens();
        // Only intercept(..) of the decorator is used: each call's attempt is the supplier.
        this.retries = RetryingMiniDramaPlatform.wrap(this, b.policy(), b.sleeper, b.clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The retry policy this client's calls run under ({@link Builder#retryPolicy}). */
    public RetryPolicy retryPolicy() {
        return retries.policy();
    }

    /**
     * A new builder. {@link Builder#transport} and one of {@link Builder#credentials}, a token
     * source or a token port are required.
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ MediaUploadPort

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        Objects.requireNonNull(request, "request");
        Multipart body = Multipart.create()
                .text("media_name", request.name().wire())
                .text("media_type", request.format().wire())
                .file("media_data", request.video());
        request.coverFormat().ifPresent(f -> body.text("cover_type", f.wire()));
        request.cover().ifPresent(c -> body.file("cover_data", c));
        if (!request.sourceContext().isEmpty()) {
            body.text("source_context", request.sourceContext());
        }
        return call(PlatformOperation.SINGLE_FILE_UPLOAD, multipart(body), Wire.MediaIdResponse.class,
                (r, status) -> new MediaId(need(r.mediaId, PlatformOperation.SINGLE_FILE_UPLOAD, status, "media_id")));
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.APPLY_UPLOAD, json(Mapping.applyUpload(request)), Wire.ApplyUploadResponse.class,
                (r, status) -> new UploadId(needText(r.uploadId, PlatformOperation.APPLY_UPLOAD, status, "upload_id")));
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        Objects.requireNonNull(request, "request");
        Multipart body = Multipart.create()
                .text("upload_id", request.uploadId().value())
                .text("part_number", Integer.toString(request.partNumber()))
                .text("resource_type", Integer.toString(request.resourceType().code()))
                .file("data", request.data());
        return call(PlatformOperation.UPLOAD_PART, multipart(body), Wire.UploadPartResponse.class,
                (r, status) -> new Etag(needText(r.etag, PlatformOperation.UPLOAD_PART, status, "etag")));
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.COMMIT_UPLOAD, json(Mapping.commitUpload(request)), Wire.MediaIdResponse.class,
                (r, status) -> new MediaId(need(r.mediaId, PlatformOperation.COMMIT_UPLOAD, status, "media_id")));
    }

    // ------------------------------------------------------------------ PullUploadPort

    @Override
    public TaskId pullUpload(PullUpload request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.PULL_UPLOAD, json(Mapping.pullUpload(request)), Wire.PullUploadResponse.class,
                (r, status) -> new TaskId(need(r.taskId, PlatformOperation.PULL_UPLOAD, status, "task_id")));
    }

    @Override
    public Task getTask(TaskId taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return call(PlatformOperation.GET_TASK, json(Mapping.task(taskId)), Wire.TaskResponse.class,
                (r, status) -> Mapping.task(need(r.taskInfo, PlatformOperation.GET_TASK, status, "task_info"), taskId));
    }

    // ------------------------------------------------------------------ MediaCatalogPort

    @Override
    public List<Media> listMedia(MediaQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.LIST_MEDIA, json(Mapping.listMedia(query)), Wire.ListMediaResponse.class,
                (r, status) -> Mapping.mediaList(r.mediaInfoList));
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        return call(PlatformOperation.GET_MEDIA, json(Mapping.mediaId(mediaId)), Wire.GetMediaResponse.class,
                (r, status) -> Mapping.media(need(r.mediaInfo, PlatformOperation.GET_MEDIA, status, "media_info")));
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.GET_MEDIA_LINK, json(Mapping.mediaLink(request)), Wire.MediaLinkResponse.class,
                (r, status) -> Mapping.playLink(need(r.mediaInfo, PlatformOperation.GET_MEDIA_LINK, status, "media_info"), request.mediaId()));
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        call(PlatformOperation.DELETE_MEDIA, json(Mapping.mediaId(mediaId)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    // ------------------------------------------------------------------ DramaAuditPort

    @Override
    public DramaId submit(DramaSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        return call(PlatformOperation.AUDIT_DRAMA, json(Mapping.auditDrama(submission)), Wire.AuditDramaResponse.class,
                (r, status) -> new DramaId(need(r.dramaId, PlatformOperation.AUDIT_DRAMA, status, "drama_id")));
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return call(PlatformOperation.LIST_DRAMAS, json(Mapping.page(page)), Wire.ListDramasResponse.class,
                (r, status) -> Mapping.dramaList(r.dramaInfoList));
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        Objects.requireNonNull(dramaId, "dramaId");
        return call(PlatformOperation.GET_DRAMA, json(Mapping.dramaId(dramaId)), Wire.GetDramaResponse.class,
                (r, status) -> Mapping.drama(need(r.dramaInfo, PlatformOperation.GET_DRAMA, status, "drama_info")));
    }

    // ------------------------------------------------------------------ CdnPort

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.GET_CDN_USAGE_DATA, json(Mapping.cdnUsage(query)), Wire.CdnUsageResponse.class,
                (r, status) -> Mapping.cdnUsage(r, query.interval()));
    }


    // ------------------------------------------------------------------ DramaMaintenancePort

    @Override
    public void submitReplacement(ReplacementRequest request) {
        Objects.requireNonNull(request, "request");
        call(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS, json(Mapping.replaceMedias(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        Objects.requireNonNull(request, "request");
        call(PlatformOperation.REPLACE_DRAMA_MEDIA, json(Mapping.replaceMedia(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        Objects.requireNonNull(change, "change");
        call(PlatformOperation.MODIFY_DRAMA_BASIC_INFO, json(Mapping.modifyInfo(change)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }


    // ------------------------------------------------------------------ DramaAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.AUTHORIZE_DRAMA, json(Mapping.authorizeDramas(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.DEAUTHORIZE_DRAMA, json(Mapping.deauthorizeDramas(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.GET_AUTHORIZE_OBJECTS, json(Mapping.grantedDramas(query)), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.dramaGrants(r, true));
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.GET_AUTHORIZED_OBJECTS, json(Mapping.receivedDramas(query)), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.dramaGrants(r, false));
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        Objects.requireNonNull(request, "request");
        call(PlatformOperation.AUTHORIZE_APP, json(Mapping.authorizeApp(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        Objects.requireNonNull(authorizedAppId, "authorizedAppId");
        call(PlatformOperation.DEAUTHORIZE_APP, json(Mapping.deauthorizeApp(authorizedAppId)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public List<AppGrant> authorizedApps() {
        // POST with {} as the official page shows; one peer uses GET, which the platform may refuse (43002).
        return call(PlatformOperation.GET_AUTHORIZE_APPS, json(new Wire.EmptyRequest()), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.appGrants(r));
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        // As getauthorizeapps: POST with {}; the rows name the authorizer instead of the grantee.
        return call(PlatformOperation.GET_AUTHORIZED_APPS, json(new Wire.EmptyRequest()), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.receivedAppGrants(r));
    }

    // ------------------------------------------------------------------ CopyrightAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.AUTHORIZE_COPYRIGHT, json(Mapping.authorizeCopyright(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return call(PlatformOperation.DEAUTHORIZE_COPYRIGHT, json(Mapping.deauthorizeCopyright(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST, json(Mapping.grantedCopyrights(query)), Wire.CopyrightListResponse.class,
                (r, status) -> Mapping.copyrightGrants(r));
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        Objects.requireNonNull(query, "query");
        return call(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST, json(Mapping.receivedCopyrights(query)), Wire.CopyrightListResponse.class,
                (r, status) -> Mapping.copyrightGrants(r));
    }

    // ------------------------------------------------------------------ typed operations (codec: Codecs)

    /**
     * Runs a typed operation (every operation of {@link DramaPlayerPort}, and {@code listpackages}
     * of {@link TrafficPackagePort}; their typed methods call
     * this) through the one pipeline, with the codec its wire class registered
     * ({@link Codecs}): the request encoded as JSON, the answer read, checked and decoded; a
     * decoded value the domain refuses is an {@link UnexpectedResponseException} of kind
     * {@code UNMAPPABLE}.
     *
     * @throws IllegalArgumentException when the SDK has no codec for {@code operation}
     */
    @Override
    public <Q, R> R execute(io.minidrama.port.Operation<Q, R> operation, Q request) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        return call(operation, request, Codecs.of(operation));
    }

    private <Q, W extends Wire.Envelope, R> R call(PlatformOperation op, Q request, Codecs.Codec<Q, W, R> codec) {
        return call(op, json(codec.encodeRequest().apply(request)), codec.responseType(), (r, status) -> codec.decodeResponse().apply(r));
    }

    // ------------------------------------------------------------------ the call loop

    private static RequestBody json(Object dto) {
        return RequestBody.of(JSON, Json.toBytes(dto));
    }

    private static RequestBody multipart(Multipart body) {
        return body;
    }

    private <R extends Wire.Envelope, T> T call(PlatformOperation operation, RequestBody body, Class<R> type, BiFunction<R, Integer, T> mapper) {
        Operation op = Operation.of(operation);
        int[] attempts = {0};
        boolean[] refreshed = {false};
        return retries.intercept(op.operation(), () -> attemptOnce(op, body, type, mapper, ++attempts[0], refreshed));
    }

    /**
     * One attempt: acquire a token, send, read, map; after a token error (40001, 40014, 42001)
     * invalidate the token used and go once more with a fresh one, once per call
     * ({@code refreshed} is shared by the call's attempts).
     */
    private <R extends Wire.Envelope, T> T attemptOnce(Operation op, RequestBody body, Class<R> type,
                                                       BiFunction<R, Integer, T> mapper, int attempt, boolean[] refreshed) {
        while (true) {
            long started = System.nanoTime();
            AccessToken token = token(op);
            try {
                Exchange.Response response = exchange.post(op.wire(), op.path(), Exchange.param("access_token", token.value()), body);
                R dto = ResponseReader.read(op.wire(), op.upload(), response, type, token.value());
                T result = map(op, response.status(), dto, mapper);
                log(op, attempt, started, "HTTP " + response.status());
                return result;
            } catch (PlatformException e) {
                log(op, attempt, started, e.getMessage());
                if (e.errorCode().isTokenInvalid() && !refreshed[0]) {
                    tokens.invalidate(token); // only if it is still the cached one
                    refreshed[0] = true;
                    continue;
                }
                throw e;
            } catch (TransportException | UnexpectedResponseException e) {
                log(op, attempt, started, e.getMessage());
                throw e;
            }
        }
    }

    /**
     * A token for {@code op}. Nothing of the operation has been sent when this fails, so a
     * transport failure or an unreadable answer of the token endpoint becomes an unambiguous
     * {@link TransportException} of the operation: the retry policy may repeat it whatever the
     * operation.
     */
    private AccessToken token(Operation op) {
        try {
            return tokens.token();
        } catch (TransportException e) {
            throw tokenNotFetched(op, e);
        } catch (UnexpectedResponseException e) {
            if (e.kind() == UnexpectedResponseException.Kind.UNREADABLE && e.ambiguous()) {
                throw tokenNotFetched(op, e);
            }
            throw e;
        }
    }

    private static TransportException tokenNotFetched(Operation op, RuntimeException cause) {
        return new TransportException(op.wire(), "no access token (" + cause.getClass().getSimpleName()
                + " from the token endpoint); the call was not sent", false, cause);
    }

    private <R, T> T map(Operation op, int status, R dto, BiFunction<R, Integer, T> mapper) {
        try {
            return mapper.apply(dto, status);
        } catch (UnexpectedResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnexpectedResponseException(op.wire(), status, "the response does not fit the domain: " + e.getMessage(), "", true,
                    UnexpectedResponseException.Kind.UNMAPPABLE);
        }
    }

    private static void log(Operation op, int attempt, long startedNanos, String outcome) {
        LOG.log(System.Logger.Level.DEBUG, () -> op.wire() + " attempt " + attempt + ": " + outcome + " after "
                + Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() + " ms");
    }

    private static <V> V need(V value, PlatformOperation op, int status, String field) {
        if (value == null) {
            throw ResponseReader.missing(op.wireName(), status, field);
        }
        return value;
    }

    private static String needText(String value, PlatformOperation op, int status, String field) {
        if (value == null || value.isEmpty()) {
            throw ResponseReader.missing(op.wireName(), status, field);
        }
        return value;
    }

    @Override
    public String toString() {
        return "MiniDramaClient[baseUrl=" + baseUrl + ", tokens=" + tokens + ", " + retries.policy() + "]";
    }

    /**
     * Builder of {@link MiniDramaClient}. Not thread-safe; {@code null} is refused.
     *
     * <p>Tokens: {@link #credentials} (fetched from {@code stable_token}, or from
     * {@code /cgi-bin/token} after {@link #classicTokenEndpoint()}), {@link #tokenSource} (your
     * own source, cached here), or {@link #accessTokens} (your own port, used as it is). Exactly
     * one of them is required.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private URI baseUrl = DEFAULT_BASE_URL;
        private String appId;
        private String secret;
        private boolean classicTokenEndpoint;
        private AccessTokenSource tokenSource;
        private AccessTokenPort accessTokens;
        private Duration tokenSafetyMargin = CachingAccessTokens.DEFAULT_MARGIN;
        private HttpTransport transport;
        private Duration callTimeout = Duration.ofMinutes(5);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Boolean retryAmbiguous;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /**
         * The HTTP transport every exchange goes through, the token endpoint's included (required),
         * such as {@code JdkHttpTransport.create()}. The client does not close it.
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** The API host (default {@code https://api.weixin.qq.com}); tests aim it at a local server. */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, got " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /** The API host, parsed. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /** The mini program's appid and secret; tokens come from {@code stable_token} by default. */
        public Builder credentials(String appId, String secret) {
            this.appId = Objects.requireNonNull(appId, "appId");
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Fetch tokens for {@link #credentials} from the classic {@code /cgi-bin/token} instead. */
        public Builder classicTokenEndpoint() {
            this.classicTokenEndpoint = true;
            return this;
        }

        /**
         * Your own token source (a central token service, a third-party platform's authorizer
         * token), cached by the client like the built-in ones.
         */
        public Builder tokenSource(AccessTokenSource tokenSource) {
            this.tokenSource = Objects.requireNonNull(tokenSource, "tokenSource");
            return this;
        }

        /** Your own token port, used as it is (no caching added). */
        public Builder accessTokens(AccessTokenPort accessTokens) {
            this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
            return this;
        }

        /** How long before its expiry a cached token is refetched (default 5 min). */
        public Builder tokenSafetyMargin(Duration margin) {
            Objects.requireNonNull(margin, "margin");
            if (margin.isNegative()) {
                throw new IllegalArgumentException("margin must not be negative, got " + margin);
            }
            this.tokenSafetyMargin = margin;
            return this;
        }

        /**
         * Deadline of one whole exchange, request and response bodies included (default 5 min),
         * passed to the transport as {@code TransportRequest.timeout()}; when it runs out the
         * exchange is cancelled with a
         * {@link io.minidrama.domain.error.DeadlineExceededException}.
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /**
         * How failed calls are retried (default {@link RetryPolicy#defaults()}): the ports' one
         * policy, errcode -2's long schedule ({@link RetryPolicy#initializingBaseDelay()}) and
         * {@link RetryPolicy#retryAmbiguous()} included; {@link RetryPolicy#none()} sends each call
         * once (twice when the platform rejects the token).
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether calls that are not safe to repeat ({@code singlefileupload}, {@code applyupload},
         * {@code commitupload}, {@code pullupload}, {@code auditdrama}, and API.md §7's replacement,
         * info-change and (de)authorization calls) are retried after an ambiguous failure too.
         *
         * @deprecated set {@link RetryPolicy#retryAmbiguous()} on the {@link #retryPolicy} instead,
         *             e.g. {@code retryPolicy(RetryPolicy.defaults().withRetryAmbiguous(true))};
         *             this setter overrides that flag of whichever policy is set.
         */
        @Deprecated
        public Builder retryAmbiguousCreates(boolean retry) {
            this.retryAmbiguous = retry;
            return this;
        }

        /** The clock dating token expiry and measuring {@link RetryPolicy#deadline()} (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How the client waits between retries (default {@link Sleeper#SYSTEM}); the
         * {@link #clock} measures the time against {@link RetryPolicy#deadline()}.
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException without a transport, or unless exactly one of
         *                               credentials, token source and token port was given
         */
        public MiniDramaClient build() {
            if (transport == null) {
                throw new IllegalStateException("transport(..) is required: the HTTP transport the client sends through");
            }
            int given = (appId != null ? 1 : 0) + (tokenSource != null ? 1 : 0) + (accessTokens != null ? 1 : 0);
            if (given != 1) {
                throw new IllegalStateException("give exactly one of credentials(appId, secret), tokenSource(..) or accessTokens(..); got "
                        + given);
            }
            if (classicTokenEndpoint && appId == null) {
                throw new IllegalStateException("classicTokenEndpoint() needs credentials(appId, secret)");
            }
            return new MiniDramaClient(this);
        }

        private RetryPolicy policy() {
            return retryAmbiguous == null ? retryPolicy : retryPolicy.withRetryAmbiguous(retryAmbiguous);
        }

        private AccessTokenPort tokens() {
            if (accessTokens != null) {
                return accessTokens;
            }
            AccessTokenSource source = tokenSource;
            if (source == null) {
                TokenSourceBuilder<?> tb = classicTokenEndpoint ? ClassicTokenSource.builder(appId, secret) : StableTokenSource.builder(appId, secret);
                tb.baseUrl(baseUrl).transport(transport).clock(clock)
                        .timeout(callTimeout.compareTo(Duration.ofSeconds(30)) < 0 ? callTimeout : Duration.ofSeconds(30));
                source = tb instanceof ClassicTokenSource.Builder c ? c.build() : ((StableTokenSource.Builder) tb).build();
            }
            return CachingAccessTokens.of(source, clock, tokenSafetyMargin);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }

        @Override
        public String toString() {
            return "MiniDramaClient.Builder[baseUrl=" + baseUrl + (appId == null ? "" : ", appid=" + appId) + "]";
        }
    }
}
