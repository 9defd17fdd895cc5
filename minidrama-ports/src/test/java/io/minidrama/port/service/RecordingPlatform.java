package io.minidrama.port.service;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaSubmission;
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
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.domain.AppId;
import io.minidrama.domain.AuditStatus;
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
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuthorizationPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.TrafficPackagePort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written in-memory platform that records every call and answers from canned data. It is
 * the stage the services play on, not the thing under test: it applies no platform rules.
 */
class RecordingPlatform implements MiniDramaPlatform, DramaMaintenancePort, TrafficPackagePort, DramaAuthorizationPort,
        CopyrightAuthorizationPort {
    /** One call: the operation and its argument. */
    record Call(String op, Object arg) {
    }

    /** An uploaded part as the platform received it, with the bytes read from its source. */
    record ReceivedPart(PartUpload request, byte[] bytes) {
    }

    final List<Call> calls = new ArrayList<>();
    final List<ReceivedPart> parts = new ArrayList<>();
    final List<Media> media = new ArrayList<>();
    final List<Drama> dramas = new ArrayList<>();
    final Map<DramaId, Drama> dramaById = new HashMap<>();
    MediaId nextMediaId = MediaId.of(5001);
    DramaId nextDramaId = DramaId.of(7001);

    List<String> ops() {
        return calls.stream().map(Call::op).toList();
    }

    <T> List<T> args(String op, Class<T> type) {
        return calls.stream().filter(c -> c.op().equals(op)).map(c -> type.cast(c.arg())).toList();
    }

    private void record(String op, Object arg) {
        calls.add(new Call(op, arg));
    }

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        record("singlefileupload", request);
        return nextMediaId;
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        record("applyupload", request);
        return UploadId.of("upload-42");
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        record("uploadpart", request);
        try (InputStream in = request.data().openStream()) {
            parts.add(new ReceivedPart(request, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Etag.of("\"etag-" + request.resourceType().code() + "-" + request.partNumber() + "\"");
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        record("commitupload", request);
        return nextMediaId;
    }

    @Override
    public TaskId pullUpload(PullUpload request) {
        record("pullupload", request);
        return TaskId.of(3001);
    }

    @Override
    public Task getTask(TaskId taskId) {
        record("gettask", taskId);
        return new Task(taskId, Task.PULL_UPLOAD, TaskStatus.DONE, 0, "", Instant.EPOCH, Instant.EPOCH, nextMediaId.value());
    }

    @Override
    public List<Media> listMedia(MediaQuery query) {
        record("listmedia", query);
        return page(media, query.page());
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        record("getmedia", mediaId);
        return Media.builder(mediaId).build();
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        record("getmedialink", request);
        return new PlayLink(request.mediaId(), null, "", "", "", "https://example.invalid/v.mp4", "");
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        record("deletemedia", mediaId);
    }

    @Override
    public DramaId submit(DramaSubmission submission) {
        record("auditdrama", submission);
        return submission instanceof io.minidrama.domain.drama.Resubmission r ? r.dramaId() : nextDramaId;
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        record("listdramas", page);
        return page(dramas, page);
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        record("getdrama", dramaId);
        Drama d = dramaById.get(dramaId);
        if (d == null) {
            throw new io.minidrama.domain.error.PlatformException("getdrama", 10093030, "not exist", 200);
        }
        return d;
    }

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        record("getcdnusagedata", query);
        return new CdnUsage(query.interval(), List.of(new CdnUsage.Point(query.window().start(), 10)));
    }

    @Override
    public CdnLogs getCdnLogs(CdnLogQuery query) {
        record("getcdnlogs", query);
        return new CdnLogs(0, List.of());
    }

    @Override
    public void submitReplacement(ReplacementRequest request) {
        record("submitreplacedramamedias", request);
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        record("replacedramamedia", request);
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        record("modifydramabasicinfo", change);
    }

    @Override
    public DramaAuditDetail latestAudit(LatestAuditQuery query) {
        record("getdramalatestauditinfo", query);
        return new DramaAuditDetail(AuditStatus.UNDER_REVIEW, Instant.ofEpochSecond(1700000000), Instant.EPOCH);
    }

    @Override
    public TrafficPackages listPackages(PackageQuery query) {
        record("listpackages", query);
        return new TrafficPackages(0, List.of());
    }

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        record("authorizedrama", request);
        return request.dramaIds().stream().map(id -> new AuthorizationResult(id, 0, "ok")).toList();
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        record("deauthorizedrama", request);
        return request.dramaIds().stream().map(id -> new AuthorizationResult(id, 0, "ok")).toList();
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        record("getauthorizeobjects", query);
        return new DramaGrants(0, List.of());
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        record("getauthorizedobjects", query);
        return new DramaGrants(0, List.of());
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        record("authorizeapp", request);
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        record("deauthorizeapp", authorizedAppId);
    }

    @Override
    public List<AppGrant> authorizedApps() {
        record("getauthorizeapps", null);
        return List.of();
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        record("getauthorizedapps", null);
        return List.of();
    }

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        record("authorizecopyright", request);
        return request.dramaIds().stream().map(id -> new AuthorizationResult(id, 0, "ok")).toList();
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        record("deauthorizecopyright", request);
        return request.dramaIds().stream().map(id -> new AuthorizationResult(id, 0, "ok")).toList();
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        record("getcopyrightauthorizationlist", query);
        return new CopyrightGrants(0, List.of());
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        record("getcopyrightauthorizedlist", query);
        return new CopyrightGrants(0, List.of());
    }

    private static <T> List<T> page(List<T> all, PageRequest page) {
        int from = Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), page.offset() + page.limit());
        return List.copyOf(all.subList(from, to));
    }

    // The drama player's operations: recorded, answered empty.

    @Override
    public <Q, R> R execute(io.minidrama.port.Operation<Q, R> operation, Q request) {
        return operation.callTypedMethod(this, request); // the typed methods below answer
    }

    @Override
    public void setSwitch(io.minidrama.domain.player.PlayerSwitch entry, boolean on) {
        record("setplayerdramarecmdswitch", entry + "=" + on);
    }

    @Override
    public void setFlushSet(io.minidrama.domain.player.FlushSet set) {
        record("developersetflushdrama", set);
    }

    @Override
    public void setRecommendationPool(io.minidrama.domain.player.RecommendationPool pool) {
        record("developersetrecmddrama", pool);
    }

    @Override
    public void publish(io.minidrama.domain.player.PublicationBatch batch) {
        record("developerpublishdrama", batch);
    }

    @Override
    public List<io.minidrama.domain.player.PublishedDrama> publishedDramas() {
        record("developergetpublisheddrama", null);
        return List.of();
    }

    @Override
    public void declareMonetization(io.minidrama.domain.player.MonetizationDeclaration declaration) {
        record("developersetiaadrama", declaration);
    }

    @Override
    public List<io.minidrama.domain.player.DramaMonetization> monetization(io.minidrama.domain.player.MonetizationQuery query) {
        record("developergetiaadrama", query);
        return List.of();
    }

    @Override
    public List<io.minidrama.domain.player.DramaPromotion> processPromotion(io.minidrama.domain.player.PromotionBatch batch) {
        record("batchprocessdramapromotion", batch);
        return List.of();
    }

    @Override
    public List<io.minidrama.domain.player.FinderEvent> finderEvents(io.minidrama.domain.player.FinderEventQuery query) {
        record("getfinderevent", query);
        return List.of();
    }
}
