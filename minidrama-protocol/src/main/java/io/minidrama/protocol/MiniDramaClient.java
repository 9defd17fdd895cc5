package io.minidrama.protocol;

import io.minidrama.port.AccessTokenSource;

import io.minidrama.protocol.internal.Exchange;
import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.Mapping;
import io.minidrama.protocol.internal.Multipart;
import io.minidrama.protocol.internal.Operation;
import io.minidrama.protocol.internal.ResponseReader;
import io.minidrama.protocol.internal.RetryLoop;
import io.minidrama.protocol.internal.dto.PlayerWire;
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
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.LatestAuditQuery;
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
import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuthorizationPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.Sleeper;
import io.minidrama.port.TrafficPackagePort;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

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
 *       one) and retry the call once with a fresh token.</li>
 *   <li>Other failures are retried per {@link RetryPolicy}, except that {@code singlefileupload},
 *       {@code applyupload}, {@code commitupload}, {@code pullupload}, {@code auditdrama} and the
 *       §7 calls that change something (replacement, info change, every (de)authorisation), and
 *       the player's {@code batchprocessdramapromotion}, are not retried after an ambiguous failure (the platform may have acted) unless
 *       {@link Builder#retryAmbiguousCreates(boolean)} is set. A connection that could not be
 *       established, and errcodes -1 / 10093023 (the platform refused), are retried for every
 *       operation. A complete answer that does not fit the operation (a wrong type, a missing
 *       required field) is never retried: the platform would answer the same.</li>
 *   <li>Neither the secret nor the token appears in exceptions, log records or
 *       {@link #toString()}. Calls are logged at DEBUG through {@link System.Logger}.</li>
 * </ul>
 */
public final class MiniDramaClient implements MiniDramaPlatform, DramaPlayerPort {
    // The one call pipeline: token, encode, one HttpTransport.execute per attempt (with the call
    // deadline), read, map. The retries of today are isolated in RetryLoop, to be replaced by a
    // retrying decorator of the port.

    /** The platform's API host. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.weixin.qq.com");

    private static final System.Logger LOG = System.getLogger(MiniDramaClient.class.getName());
    private static final String JSON = "application/json; charset=utf-8";

    private final URI baseUrl;
    private final Exchange exchange;
    private final AccessTokenPort tokens;
    private final RetryLoop retries;

    private MiniDramaClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.exchange = new Exchange(b.transport, b.baseUrl, b.callTimeout);
        this.tokens = b.tokens();
        this.retries = new RetryLoop(b.retryPolicy, b.initializingRetryPolicy, b.retryAmbiguousCreates, b.sleeper);
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
        return call(Operation.SINGLE_FILE_UPLOAD, multipart(body), Wire.MediaIdResponse.class,
                (r, status) -> new MediaId(need(r.mediaId, Operation.SINGLE_FILE_UPLOAD, status, "media_id")));
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.APPLY_UPLOAD, json(Mapping.applyUpload(request)), Wire.ApplyUploadResponse.class,
                (r, status) -> new UploadId(needText(r.uploadId, Operation.APPLY_UPLOAD, status, "upload_id")));
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        Objects.requireNonNull(request, "request");
        Multipart body = Multipart.create()
                .text("upload_id", request.uploadId().value())
                .text("part_number", Integer.toString(request.partNumber()))
                .text("resource_type", Integer.toString(request.resourceType().code()))
                .file("data", request.data());
        return call(Operation.UPLOAD_PART, multipart(body), Wire.UploadPartResponse.class,
                (r, status) -> new Etag(needText(r.etag, Operation.UPLOAD_PART, status, "etag")));
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.COMMIT_UPLOAD, json(Mapping.commitUpload(request)), Wire.MediaIdResponse.class,
                (r, status) -> new MediaId(need(r.mediaId, Operation.COMMIT_UPLOAD, status, "media_id")));
    }

    // ------------------------------------------------------------------ PullUploadPort

    @Override
    public TaskId pullUpload(PullUpload request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.PULL_UPLOAD, json(Mapping.pullUpload(request)), Wire.PullUploadResponse.class,
                (r, status) -> new TaskId(need(r.taskId, Operation.PULL_UPLOAD, status, "task_id")));
    }

    @Override
    public Task getTask(TaskId taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return call(Operation.GET_TASK, json(Mapping.task(taskId)), Wire.TaskResponse.class,
                (r, status) -> Mapping.task(need(r.taskInfo, Operation.GET_TASK, status, "task_info"), taskId));
    }

    // ------------------------------------------------------------------ MediaCatalogPort

    @Override
    public List<Media> listMedia(MediaQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.LIST_MEDIA, json(Mapping.listMedia(query)), Wire.ListMediaResponse.class,
                (r, status) -> Mapping.mediaList(r.mediaInfoList));
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        return call(Operation.GET_MEDIA, json(Mapping.mediaId(mediaId)), Wire.GetMediaResponse.class,
                (r, status) -> Mapping.media(need(r.mediaInfo, Operation.GET_MEDIA, status, "media_info")));
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.GET_MEDIA_LINK, json(Mapping.mediaLink(request)), Wire.MediaLinkResponse.class,
                (r, status) -> Mapping.playLink(need(r.mediaInfo, Operation.GET_MEDIA_LINK, status, "media_info"), request.mediaId()));
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        Objects.requireNonNull(mediaId, "mediaId");
        call(Operation.DELETE_MEDIA, json(Mapping.mediaId(mediaId)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    // ------------------------------------------------------------------ DramaAuditPort

    @Override
    public DramaId submit(DramaSubmission submission) {
        Objects.requireNonNull(submission, "submission");
        return call(Operation.AUDIT_DRAMA, json(Mapping.auditDrama(submission)), Wire.AuditDramaResponse.class,
                (r, status) -> new DramaId(need(r.dramaId, Operation.AUDIT_DRAMA, status, "drama_id")));
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return call(Operation.LIST_DRAMAS, json(Mapping.page(page)), Wire.ListDramasResponse.class,
                (r, status) -> Mapping.dramaList(r.dramaInfoList));
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        Objects.requireNonNull(dramaId, "dramaId");
        return call(Operation.GET_DRAMA, json(Mapping.dramaId(dramaId)), Wire.GetDramaResponse.class,
                (r, status) -> Mapping.drama(need(r.dramaInfo, Operation.GET_DRAMA, status, "drama_info")));
    }

    // ------------------------------------------------------------------ CdnPort

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_CDN_USAGE_DATA, json(Mapping.cdnUsage(query)), Wire.CdnUsageResponse.class,
                (r, status) -> Mapping.cdnUsage(r, query.interval()));
    }

    @Override
    public CdnLogs getCdnLogs(CdnLogQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_CDN_LOGS, json(Mapping.cdnLogs(query)), Wire.CdnLogsResponse.class,
                (r, status) -> Mapping.cdnLogs(r));
    }

    // ------------------------------------------------------------------ DramaMaintenancePort

    @Override
    public void submitReplacement(ReplacementRequest request) {
        Objects.requireNonNull(request, "request");
        call(Operation.SUBMIT_REPLACE_DRAMA_MEDIAS, json(Mapping.replaceMedias(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        Objects.requireNonNull(request, "request");
        call(Operation.REPLACE_DRAMA_MEDIA, json(Mapping.replaceMedia(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        Objects.requireNonNull(change, "change");
        call(Operation.MODIFY_DRAMA_BASIC_INFO, json(Mapping.modifyInfo(change)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public DramaAuditDetail latestAudit(LatestAuditQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_DRAMA_LATEST_AUDIT_INFO, json(Mapping.latestAudit(query)), Wire.LatestAuditResponse.class,
                (r, status) -> Mapping.latestAudit(r.auditDetail));
    }

    // ------------------------------------------------------------------ TrafficPackagePort

    @Override
    public TrafficPackages listPackages(PackageQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.LIST_PACKAGES, json(Mapping.listPackages(query)), Wire.ListPackagesResponse.class,
                (r, status) -> Mapping.packages(r));
    }

    // ------------------------------------------------------------------ DramaAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.AUTHORIZE_DRAMA, json(Mapping.authorizeDramas(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.DEAUTHORIZE_DRAMA, json(Mapping.deauthorizeDramas(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_AUTHORIZE_OBJECTS, json(Mapping.grantedDramas(query)), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.dramaGrants(r, true));
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_AUTHORIZED_OBJECTS, json(Mapping.receivedDramas(query)), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.dramaGrants(r, false));
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        Objects.requireNonNull(request, "request");
        call(Operation.AUTHORIZE_APP, json(Mapping.authorizeApp(request)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        Objects.requireNonNull(authorizedAppId, "authorizedAppId");
        call(Operation.DEAUTHORIZE_APP, json(Mapping.deauthorizeApp(authorizedAppId)), Wire.EmptyResponse.class, (r, status) -> Boolean.TRUE);
    }

    @Override
    public List<AppGrant> authorizedApps() {
        // POST with {} as the official page shows; one peer uses GET, which the platform may refuse (43002).
        return call(Operation.GET_AUTHORIZE_APPS, json(new Wire.EmptyRequest()), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.appGrants(r));
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        // As getauthorizeapps: POST with {}; the rows name the authorizer instead of the grantee.
        return call(Operation.GET_AUTHORIZED_APPS, json(new Wire.EmptyRequest()), Wire.AuthorizeObjectsResponse.class,
                (r, status) -> Mapping.receivedAppGrants(r));
    }

    // ------------------------------------------------------------------ CopyrightAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.AUTHORIZE_COPYRIGHT, json(Mapping.authorizeCopyright(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        Objects.requireNonNull(request, "request");
        return call(Operation.DEAUTHORIZE_COPYRIGHT, json(Mapping.deauthorizeCopyright(request)), Wire.AuthorizationResultResponse.class,
                (r, status) -> Mapping.authorizationResults(r));
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_COPYRIGHT_AUTHORIZATION_LIST, json(Mapping.grantedCopyrights(query)), Wire.CopyrightListResponse.class,
                (r, status) -> Mapping.copyrightGrants(r));
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        Objects.requireNonNull(query, "query");
        return call(Operation.GET_COPYRIGHT_AUTHORIZED_LIST, json(Mapping.receivedCopyrights(query)), Wire.CopyrightListResponse.class,
                (r, status) -> Mapping.copyrightGrants(r));
    }

    // ------------------------------------------------------------------ DramaPlayerPort (codec: PlayerWire)

    @Override
    public void setSwitch(PlayerSwitch entry, boolean on) {
        call(Operation.SET_PLAYER_DRAMA_RECMD_SWITCH, entry, e -> PlayerWire.switchRequest(e, on), Wire.EmptyResponse.class, r -> null);
    }

    @Override
    public void setFlushSet(FlushSet set) {
        call(Operation.DEVELOPER_SET_FLUSH_DRAMA, set, PlayerWire::flush, Wire.EmptyResponse.class, r -> null);
    }

    @Override
    public void setRecommendationPool(RecommendationPool pool) {
        call(Operation.DEVELOPER_SET_RECMD_DRAMA, pool, PlayerWire::pool, Wire.EmptyResponse.class, r -> null);
    }

    @Override
    public void publish(PublicationBatch batch) {
        call(Operation.DEVELOPER_PUBLISH_DRAMA, batch, PlayerWire::publish, Wire.EmptyResponse.class, r -> null);
    }

    @Override
    public List<PublishedDrama> publishedDramas() {
        return call(Operation.DEVELOPER_GET_PUBLISHED_DRAMA, PlayerWire.publishedQuery(), q -> q, PlayerWire.PublishedResponse.class, PlayerWire::published);
    }

    @Override
    public void declareMonetization(MonetizationDeclaration declaration) {
        call(Operation.DEVELOPER_SET_IAA_DRAMA, declaration, PlayerWire::declareMonetization, Wire.EmptyResponse.class, r -> null);
    }

    @Override
    public List<DramaMonetization> monetization(MonetizationQuery query) {
        return call(Operation.DEVELOPER_GET_IAA_DRAMA, query, PlayerWire::monetizationQuery, PlayerWire.IaaResponse.class, PlayerWire::monetization);
    }

    @Override
    public List<DramaPromotion> processPromotion(PromotionBatch batch) {
        return call(Operation.BATCH_PROCESS_DRAMA_PROMOTION, batch, PlayerWire::promotion, PlayerWire.PromotionResponse.class, PlayerWire::promotion);
    }

    @Override
    public List<FinderEvent> finderEvents(FinderEventQuery query) {
        return call(Operation.GET_FINDER_EVENT, query, PlayerWire::finderEvents, PlayerWire.FinderEventResponse.class, PlayerWire::finderEvents);
    }

    // ------------------------------------------------------------------ the call loop

    private static RequestBody json(Object dto) {
        return RequestBody.of(JSON, Json.toBytes(dto));
    }

    private static RequestBody multipart(Multipart body) {
        return body;
    }

    /** A JSON call whose codec is a pair of functions: {@code encode} the request, {@code decode} the answer. */
    private <Q, R extends Wire.Envelope, T> T call(Operation op, Q request, Function<Q, ?> encode, Class<R> type, Function<R, T> decode) {
        Objects.requireNonNull(request, "request");
        return call(op, json(encode.apply(request)), type, (r, status) -> decode.apply(r));
    }

    private <R extends Wire.Envelope, T> T call(Operation op, RequestBody body, Class<R> type, BiFunction<R, Integer, T> mapper) {
        boolean[] tokenRefreshed = {false};
        int[] attempts = {0};
        return retries.run(op.operation(), attempt -> {
            while (true) {
                int number = ++attempts[0];
                long started = System.nanoTime();
                AccessToken token = null;
                try {
                    token = tokens.token();
                    attempt.sent();
                    Exchange.Response response = exchange.post(op.wire(), op.path(), Exchange.param("access_token", token.value()), body);
                    R dto = ResponseReader.read(op.wire(), op.upload(), response, type, token.value());
                    T result = map(op, response.status(), dto, mapper);
                    log(op, number, started, "HTTP " + response.status());
                    return result;
                } catch (PlatformException e) {
                    log(op, number, started, e.getMessage());
                    if (e.errorCode().isTokenInvalid() && token != null && !tokenRefreshed[0]) {
                        // refresh once per call: invalidate the token used (if it is still the cached one), go again
                        tokens.invalidate(token);
                        tokenRefreshed[0] = true;
                        continue;
                    }
                    throw e;
                } catch (TransportException | UnexpectedResponseException e) {
                    log(op, number, started, e.getMessage());
                    throw e;
                }
            }
        });
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

    private static <V> V need(V value, Operation op, int status, String field) {
        if (value == null) {
            throw ResponseReader.missing(op.wire(), status, field);
        }
        return value;
    }

    private static String needText(String value, Operation op, int status, String field) {
        if (value == null || value.isEmpty()) {
            throw ResponseReader.missing(op.wire(), status, field);
        }
        return value;
    }

    @Override
    public String toString() {
        return "MiniDramaClient[baseUrl=" + baseUrl + ", tokens=" + tokens + ", " + retries + "]";
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
        private RetryPolicy initializingRetryPolicy = RetryPolicy.initializing();
        private boolean retryAmbiguousCreates;
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

        /** The retry policy for ordinary failures (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The long schedule for errcode -2 (default {@link RetryPolicy#initializing()}). */
        public Builder initializingRetryPolicy(RetryPolicy policy) {
            this.initializingRetryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether calls that create or change something ({@code singlefileupload}, {@code applyupload},
         * {@code commitupload}, {@code pullupload}, {@code auditdrama}, and API.md §7's replacement,
         * info-change and (de)authorisation calls) are retried after an ambiguous failure too, at
         * the risk of acting twice (default false).
         */
        public Builder retryAmbiguousCreates(boolean retry) {
            this.retryAmbiguousCreates = retry;
            return this;
        }

        /** The clock dating token expiry (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits between retries (default {@link Sleeper#SYSTEM}). */
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
