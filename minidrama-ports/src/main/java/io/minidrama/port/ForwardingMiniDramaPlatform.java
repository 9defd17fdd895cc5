package io.minidrama.port;

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
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;

import java.util.List;

/**
 * A {@link MiniDramaPlatform} that forwards every call to {@link #delegate()}: extend it and
 * override only the methods you decorate (metrics, logging, a cache), instead of writing every
 * delegating method by hand. A method added to the port is forwarded here too, so a decorator
 * keeps compiling and keeps working.
 *
 * <pre>{@code
 * MiniDramaPlatform counted = new ForwardingMiniDramaPlatform() {
 *     protected MiniDramaPlatform delegate() {
 *         return platform;
 *     }
 *
 *     public MediaId commitUpload(CommitUpload request) {
 *         commits.increment();
 *         return super.commitUpload(request);
 *     }
 * };
 * }</pre>
 *
 * <p>Every method returns what the delegate returns and lets whatever it throws pass unchanged.
 */
public abstract class ForwardingMiniDramaPlatform implements MiniDramaPlatform {

    /** For subclasses. */
    protected ForwardingMiniDramaPlatform() {
    }

    /** The platform every call is forwarded to; called once per call. */
    protected abstract MiniDramaPlatform delegate();

    // --------------------------------------------- MediaUploadPort

    @Override
    public MediaId uploadSingle(SingleFileUpload request) {
        return delegate().uploadSingle(request);
    }

    @Override
    public UploadId applyUpload(ApplyUpload request) {
        return delegate().applyUpload(request);
    }

    @Override
    public Etag uploadPart(PartUpload request) {
        return delegate().uploadPart(request);
    }

    @Override
    public MediaId commitUpload(CommitUpload request) {
        return delegate().commitUpload(request);
    }

    // ---------------------------------------------- PullUploadPort

    @Override
    public TaskId pullUpload(PullUpload request) {
        return delegate().pullUpload(request);
    }

    @Override
    public Task getTask(TaskId taskId) {
        return delegate().getTask(taskId);
    }

    // -------------------------------------------- MediaCatalogPort

    @Override
    public List<Media> listMedia(MediaQuery query) {
        return delegate().listMedia(query);
    }

    @Override
    public Media getMedia(MediaId mediaId) {
        return delegate().getMedia(mediaId);
    }

    @Override
    public PlayLink getPlayLink(PlayLinkRequest request) {
        return delegate().getPlayLink(request);
    }

    @Override
    public void deleteMedia(MediaId mediaId) {
        delegate().deleteMedia(mediaId);
    }

    // ---------------------------------------------- DramaAuditPort

    @Override
    public DramaId submit(DramaSubmission submission) {
        return delegate().submit(submission);
    }

    @Override
    public List<Drama> listDramas(PageRequest page) {
        return delegate().listDramas(page);
    }

    @Override
    public Drama getDrama(DramaId dramaId) {
        return delegate().getDrama(dramaId);
    }

    // ----------------------------------------------------- CdnPort

    @Override
    public CdnUsage getCdnUsage(CdnUsageQuery query) {
        return delegate().getCdnUsage(query);
    }

    @Override
    public CdnLogs getCdnLogs(CdnLogQuery query) {
        return delegate().getCdnLogs(query);
    }

    // ---------------------------------------- DramaMaintenancePort

    @Override
    public void submitReplacement(ReplacementRequest request) {
        delegate().submitReplacement(request);
    }

    @Override
    public void applyReplacement(ReplacementApplication request) {
        delegate().applyReplacement(request);
    }

    @Override
    public void modifyInfo(DramaInfoChange change) {
        delegate().modifyInfo(change);
    }

    @Override
    public DramaAuditDetail latestAudit(LatestAuditQuery query) {
        return delegate().latestAudit(query);
    }

    // ------------------------------------------ TrafficPackagePort

    @Override
    public TrafficPackages listPackages(PackageQuery query) {
        return delegate().listPackages(query);
    }

    // -------------------------------------- DramaAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeDramas(DramaAuthorization request) {
        return delegate().authorizeDramas(request);
    }

    @Override
    public List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization request) {
        return delegate().deauthorizeDramas(request);
    }

    @Override
    public DramaGrants grantedDramas(GrantedDramasQuery query) {
        return delegate().grantedDramas(query);
    }

    @Override
    public DramaGrants receivedDramas(ReceivedDramasQuery query) {
        return delegate().receivedDramas(query);
    }

    @Override
    public void authorizeApp(AppAuthorization request) {
        delegate().authorizeApp(request);
    }

    @Override
    public void deauthorizeApp(AppId authorizedAppId) {
        delegate().deauthorizeApp(authorizedAppId);
    }

    @Override
    public List<AppGrant> authorizedApps() {
        return delegate().authorizedApps();
    }

    @Override
    public List<ReceivedAppGrant> receivedApps() {
        return delegate().receivedApps();
    }

    // ---------------------------------- CopyrightAuthorizationPort

    @Override
    public List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization request) {
        return delegate().authorizeCopyright(request);
    }

    @Override
    public List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization request) {
        return delegate().deauthorizeCopyright(request);
    }

    @Override
    public CopyrightGrants grantedCopyrights(CopyrightGrantQuery query) {
        return delegate().grantedCopyrights(query);
    }

    @Override
    public CopyrightGrants receivedCopyrights(CopyrightReceivedQuery query) {
        return delegate().receivedCopyrights(query);
    }
}
